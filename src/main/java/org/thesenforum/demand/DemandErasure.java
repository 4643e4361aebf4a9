package org.thesenforum.demand;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/**
 * A deleted account's proposals, supports, positions and notes stay, unsigned; the live log's entries about demands
 * are rewritten to that unsigned state, so that a replay names no one either.
 */
@ApplicationScoped
class DemandErasure implements AccountErasure {

    private final DemandJournal journal;

    DemandErasure(DemandJournal journal) {
        this.journal = journal;
    }

    @Override
    public void erase(long accountId) {
        journal.rewriteLogged();
    }
}
