package org.thesenforum.account;

import java.util.List;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Runs every feature's {@link AccountErasure#afterDeletion} once a deletion has committed, each in a transaction of
 * its own: one part that fails does not keep the others from running, and never undoes the deletion.
 */
@ApplicationScoped
class AccountErasures {

    /** An account was deleted, in the transaction this is fired in. */
    record Deleted(long accountId) {
    }

    private final List<AccountErasure> erasures;

    AccountErasures(@All List<AccountErasure> erasures) {
        this.erasures = erasures;
    }

    void afterDeletion(@Observes(during = TransactionPhase.AFTER_SUCCESS) Deleted deleted) {
        for (AccountErasure erasure : erasures) {
            try {
                QuarkusTransaction.requiringNew().run(() -> erasure.afterDeletion(deleted.accountId()));
            } catch (RuntimeException e) {
                Log.warnf("After deleting account %d, %s failed (%s); what it renders with the name leaves the "
                        + "live log with the retention", deleted.accountId(), erasure.getClass().getSimpleName(),
                        e.getMessage());
            }
        }
    }
}
