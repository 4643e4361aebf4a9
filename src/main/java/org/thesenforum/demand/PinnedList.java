package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.thesenforum.web.ProblemException;

/**
 * The lock, revision and ranks of a discussion's joint demands ({@code discussions.pinned_revision}), shared by the
 * board and the merger: whoever changes the list takes the discussion row's lock first, then reads and renumbers.
 */
@ApplicationScoped
class PinnedList {

    private final EntityManager em;

    PinnedList(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes a demand off the pinned list and closes the ranks up; the caller holds the list's lock. Returns the
     * joint demands whose rank changed.
     */
    List<Demand> leave(Demand demand) {
        List<Demand> pinned = new ArrayList<>(Demand.listPinned(demand.discussion));
        pinned.removeIf(d -> d.id.equals(demand.id));
        demand.pinRank = null;
        demand.updatedAt = DemandChecks.now();
        return renumber(pinned);
    }

    /** Gives the demands the ranks 1 to n in list order; returns those whose rank changed. */
    static List<Demand> renumber(List<Demand> pinned) {
        List<Demand> moved = new ArrayList<>();
        for (int i = 0; i < pinned.size(); i++) {
            Demand d = pinned.get(i);
            if (d.pinRank == null || d.pinRank != i + 1) {
                d.pinRank = i + 1;
                moved.add(d);
            }
        }
        return moved;
    }

    /**
     * Tells the live log about joint demands that changed rank because another one joined or left the list, after
     * that demand's own change, so each card shows its new rank.
     */
    static void announceMoved(List<Demand> moved, Demand cause, jakarta.enterprise.event.Event<DemandChanged> changed) {
        moved.stream().filter(d -> !d.id.equals(cause.id))
                .forEach(d -> changed.fire(new DemandChanged(d.id, DemandChanged.Change.REORDERED)));
    }

    /**
     * Counts the pinned list's revision up and returns the new one. The update locks the discussion row until the
     * transaction ends, so it must come before the pinned demands are read.
     */
    long countRevision(long discussionId) {
        em.createNativeQuery("UPDATE discussions SET pinned_revision = pinned_revision + 1 WHERE id = ?1")
                .setParameter(1, discussionId).executeUpdate();
        return revision(discussionId);
    }

    /**
     * Locks the discussion row for a write that may change the pinned list or append to the journal, before it
     * touches any demand row. Every demand write takes this lock first, so locks are always taken in the same order
     * (discussion, then demands) and a merge cannot deadlock with a support given at the same moment. A no-op update
     * rather than {@code SELECT ... FOR UPDATE}: on PostgreSQL it takes the weaker row lock that the journal's own
     * update takes, which does not wait for inserts that merely refer to the discussion.
     */
    void lock(long discussionId) {
        em.createNativeQuery("UPDATE discussions SET pinned_revision = pinned_revision WHERE id = ?1")
                .setParameter(1, discussionId).executeUpdate();
    }

    /** {@link #lock} for the discussion of a demand; nothing when there is no such demand (the caller refuses it). */
    void lockForDemand(long demandId) {
        Long discussionId = discussionOrNull(demandId);
        if (discussionId != null) {
            lock(discussionId);
        }
    }

    long revision(long discussionId) {
        List<?> rows = em.createNativeQuery("SELECT pinned_revision FROM discussions WHERE id = ?1")
                .setParameter(1, discussionId).getResultList();
        return ((Number) rows.get(0)).longValue();
    }

    /** The discussion of a demand, read without loading the demand, so that it is read fresh after the lock. */
    long discussionOf(long demandId) {
        Long id = discussionOrNull(demandId);
        if (id == null) {
            throw ProblemException.notFound(DemandBoard.text(BoardMessages::problem_demand_not_found));
        }
        return id;
    }

    Long discussionOrNull(long demandId) {
        List<Long> rows = em.createQuery("select d.discussion.id from Demand d where d.id = ?1", Long.class)
                .setParameter(1, demandId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
