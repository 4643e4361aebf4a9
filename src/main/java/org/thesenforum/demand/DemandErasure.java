package org.thesenforum.demand;

import java.util.Set;
import java.util.TreeSet;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * A deleted account's proposals, supports, positions and notes stay, unsigned. Once the deletion has committed, the
 * live log's entries about the demands that named the person (proposed, reworded, objected to, noted dissent on) are
 * rewritten to that unsigned state, so that a replay names no one either.
 */
@ApplicationScoped
class DemandErasure implements org.thesenforum.account.AccountErasure {

    /** The demands whose entries are rewritten after the deletion committed. */
    record Unsigned(long accountId) {
    }

    private final DemandJournal journal;
    private final Event<Unsigned> unsigned;

    DemandErasure(DemandJournal journal, Event<Unsigned> unsigned) {
        this.journal = journal;
        this.unsigned = unsigned;
    }

    @Override
    public void erase(long accountId) {
        unsigned.fire(new Unsigned(accountId));
    }

    /** After the deletion, in a transaction of its own; should it fail, the entries age out with the retention. */
    void rewrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) Unsigned deleted) {
        try {
            QuarkusTransaction.requiringNew().run(() -> journal.rewriteLogged(named(deleted.accountId())));
        } catch (RuntimeException e) {
            Log.warnf("Could not rewrite the live log's entries about the demands of deleted account %d (%s); "
                    + "they leave the log with the retention", deleted.accountId(), e.getMessage());
        }
    }

    /** The demands that show the person's name: proposed or reworded by them, or with their objection or note. */
    private static Set<Long> named(long accountId) {
        Set<Long> ids = new TreeSet<>();
        var em = Demand.getEntityManager();
        for (String query : new String[] { "select d.id from Demand d where d.author.id = ?1",
                "select v.demand.id from DemandVersion v where v.editor.id = ?1",
                "select p.demand.id from Position p where p.account.id = ?1 and p.objection is not null",
                "select n.demand.id from Dissent n where n.author.id = ?1" }) {
            ids.addAll(em.createQuery(query, Long.class).setParameter(1, accountId).getResultList());
        }
        return ids;
    }
}
