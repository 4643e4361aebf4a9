package org.thesenforum.moderation;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/**
 * The reasons a deleted account wrote in its reports are blanked to a marker. The reports themselves stay, open ones
 * in the queue and decided ones with their outcome, so what the moderators did and the audit log about it still
 * make sense; the reporter is shown as "gelöschtes Konto".
 */
@ApplicationScoped
class ModerationErasure implements AccountErasure {

    /** What a deleted reporter's reason reads afterwards. */
    static final String ERASED_REASON = "—";

    @Override
    public void erase(long accountId) {
        Report.update("reason = ?1 where reporter.id = ?2", ERASED_REASON, accountId);
    }
}
