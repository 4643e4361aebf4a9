package org.thesenforum.demand;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.demand.BoardViews.BoardState;
import org.thesenforum.web.ProblemException;

/** Merges a duplicate demand into another, carrying supports and positions over with no account counted twice. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DemandMerger {

    private final EntityManager em;
    private final AuditLog audit;
    private final PinnedList pins;
    private final Event<DemandChanged> changed;

    DemandMerger(EntityManager em, AuditLog audit, PinnedList pins, Event<DemandChanged> changed) {
        this.em = em;
        this.audit = audit;
        this.pins = pins;
        this.changed = changed;
    }

    /**
     * Merges a duplicate into another demand of the same discussion. Supports and positions carry over onto the
     * target's current wording, each account once: where an account has one on both, the target's stands. The
     * duplicate keeps its own supports, positions and wordings as its history, shows where it went, and leaves the
     * list of joint demands.
     */
    @Transactional
    public BoardState merge(long demandId, Long into, Account moderator) {
        if (into == null) {
            throw ProblemException.invalid("into", DemandBoard.text(BoardMessages::problem_merge_into_required));
        }
        if (into == demandId) {
            throw ProblemException.invalid("into", DemandBoard.text(BoardMessages::problem_merge_into_itself));
        }
        long discussionId = pins.discussionOf(demandId);
        Long targetDiscussionId = pins.discussionOrNull(into);
        if (targetDiscussionId == null) {
            throw ProblemException.notFound(DemandBoard.text(BoardMessages::problem_merge_target_not_found));
        }
        if (targetDiscussionId != discussionId) {
            throw ProblemException.invalid("into", DemandBoard.text(BoardMessages::problem_merge_other_discussion));
        }
        pins.lock(discussionId);
        // Both rows locked in id order: supports and positions given meanwhile wait for the merge (PostgreSQL's
        // foreign key check needs a share lock on the demand row), so none is lost or counted twice.
        Demand first = em.find(Demand.class, Math.min(demandId, into), LockModeType.PESSIMISTIC_WRITE);
        Demand second = em.find(Demand.class, Math.max(demandId, into), LockModeType.PESSIMISTIC_WRITE);
        Demand source = first.id == demandId ? first : second;
        Demand target = source == first ? second : first;
        if (source.isFinished()) {
            throw ProblemException.conflict(null, DemandBoard.text(BoardMessages::problem_merge_source_closed));
        }
        if (target.isFinished()) {
            throw ProblemException.conflict("into", DemandBoard.text(BoardMessages::problem_merge_target_closed));
        }
        Instant now = DemandChecks.now();
        carrySupports(source, target, now);
        carryPositions(source, target, now);
        List<Demand> moved = List.of();
        if (source.status == Demand.Status.PINNED) {
            pins.countRevision(discussionId);
            moved = pins.leave(source);
        }
        source.status = Demand.Status.MERGED;
        source.mergedInto = target;
        source.updatedAt = now;
        audit.record(moderator.id, "DEMAND_MERGED", "demand", source.id, "into " + target.id);
        changed.fire(new DemandChanged(source.id, DemandChanged.Change.MERGED));
        PinnedList.announceMoved(moved, source, changed);
        // The target's counts grew by what was carried over.
        changed.fire(new DemandChanged(target.id, DemandChanged.Change.SUPPORTED));
        changed.fire(new DemandChanged(target.id, DemandChanged.Change.POSITION));
        return BoardState.of(source);
    }

    private void carrySupports(Demand source, Demand target, Instant now) {
        Set<Long> present = new HashSet<>(em.createQuery(
                "select s.account.id from Support s where s.demand = ?1", Long.class)
                .setParameter(1, target).getResultList());
        for (Support s : Support.<Support>list("demand = ?1 order by id", source)) {
            if (present.add(s.account.id)) {
                Support carried = new Support();
                carried.demand = target;
                carried.account = s.account;
                carried.wording = target.wording;
                carried.createdAt = now;
                carried.persist();
            }
        }
    }

    private void carryPositions(Demand source, Demand target, Instant now) {
        Set<Long> present = new HashSet<>(em.createQuery(
                "select p.account.id from Position p where p.demand = ?1", Long.class)
                .setParameter(1, target).getResultList());
        for (Position p : Position.<Position>list("demand = ?1 order by id", source)) {
            if (present.add(p.account.id)) {
                Position carried = new Position();
                carried.demand = target;
                carried.account = p.account;
                carried.wording = target.wording;
                carried.stance = p.stance;
                carried.objection = p.objection;
                carried.objectionOpen = p.objectionOpen;
                carried.createdAt = now;
                carried.updatedAt = now;
                carried.persist();
            }
        }
    }
}
