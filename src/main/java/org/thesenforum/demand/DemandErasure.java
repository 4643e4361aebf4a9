package org.thesenforum.demand;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/**
 * A deleted account's proposals, supports, positions and notes stay, unsigned. Once the deletion has committed, the
 * live log's entries about the demands that named the person (proposed, reworded, objected to, noted dissent on) are
 * rewritten to that unsigned state, so that a replay names no one either.
 */
@ApplicationScoped
class DemandErasure implements AccountErasure {

    private final DemandJournal journal;

    DemandErasure(DemandJournal journal) {
        this.journal = journal;
    }

    @Override
    public void erase(long accountId) {
        // Nothing of the person alone: what they wrote stays, unsigned.
    }

    @Override
    public void afterDeletion(long accountId) {
        Set<Long> named = new TreeSet<>();
        var em = Demand.getEntityManager();
        for (String query : new String[] { "select d.id from Demand d where d.author.id = ?1",
                "select v.demand.id from DemandVersion v where v.editor.id = ?1",
                "select p.demand.id from Position p where p.account.id = ?1 and p.objection is not null",
                "select n.demand.id from Dissent n where n.author.id = ?1" }) {
            named.addAll(em.createQuery(query, Long.class).setParameter(1, accountId).getResultList());
        }
        journal.rewriteLogged(named);
    }
}
