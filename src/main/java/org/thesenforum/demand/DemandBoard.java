package org.thesenforum.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.demand.BoardViews.BoardState;
import org.thesenforum.demand.BoardViews.DissentView;
import org.thesenforum.demand.BoardViews.PinnedOrder;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * The moderators' board of joint demands: pin at a rank, unpin, reorder the whole list, merge a duplicate, reject,
 * and the experts' dissent notes on joint demands.
 *
 * <p>The pinned list of a discussion has a revision, {@code discussions.pinned_revision}. Every write that changes
 * the list first takes the discussion row's lock (pin, unpin and reorder by counting the revision up, merge and
 * reject by {@code SELECT ... FOR UPDATE}), and only then reads and renumbers the pinned demands. Concurrent writes
 * of one discussion are so serialised on H2 and PostgreSQL alike, and each sees the list the previous one left, so
 * ranks stay 1..n without gaps or duplicates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DemandBoard {

    public static final int MAX_REASON = 500;
    public static final int MAX_DISSENT = 1000;

    private final EntityManager em;
    private final AuditLog audit;

    DemandBoard(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** The joint demands of a discussion in rank order, with the revision a reorder must name. */
    public PinnedOrder pinned(String slug) {
        Discussion discussion = requireDiscussion(slug);
        // Without a lock, a write may commit between the two reads: read until the revision holds still.
        long before = revision(discussion.id);
        while (true) {
            List<Long> order = ids(Demand.listPinned(discussion));
            long after = revision(discussion.id);
            if (after == before) {
                return new PinnedOrder(order, after);
            }
            before = after;
        }
    }

    /**
     * Pins a proposed demand at {@code rank} (1 to the number of joint demands + 1; null for the end), or moves a
     * joint demand there; the others shift.
     */
    @Transactional
    public BoardState pin(long demandId, Integer rank, Account moderator) {
        long discussionId = discussionOf(demandId);
        countRevision(discussionId);
        Demand demand = Demand.findById(demandId);
        if (demand.status == Demand.Status.MERGED || demand.status == Demand.Status.REJECTED) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_pin_closed));
        }
        List<Demand> pinned = new ArrayList<>(Demand.listPinned(demand.discussion));
        pinned.removeIf(d -> d.id.equals(demand.id));
        int last = pinned.size() + 1;
        int at = rank == null ? last : rank;
        if (at < 1 || at > last) {
            throw ProblemException.invalid("rank", text(m -> m.problem_rank_range(last)));
        }
        pinned.add(at - 1, demand);
        demand.status = Demand.Status.PINNED;
        demand.updatedAt = now();
        renumber(pinned);
        audit.record(moderator.id, "DEMAND_PINNED", "demand", demand.id, "rank " + at);
        return BoardState.of(demand);
    }

    /** Takes a joint demand off the list, back to the proposals; the ranks below it close up. */
    @Transactional
    public BoardState unpin(long demandId, Account moderator) {
        long discussionId = discussionOf(demandId);
        countRevision(discussionId);
        Demand demand = Demand.findById(demandId);
        if (demand.status != Demand.Status.PINNED) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_not_pinned));
        }
        leavePinned(demand);
        demand.status = Demand.Status.PROPOSED;
        audit.record(moderator.id, "DEMAND_UNPINNED", "demand", demand.id, null);
        return BoardState.of(demand);
    }

    /**
     * Sets the whole order of the joint demands. {@code revision} is the one the moderator last read; when the list
     * has changed since, the refusal (409) carries the current {@code order} and {@code revision}.
     */
    @Transactional
    public PinnedOrder reorder(String slug, List<Long> order, Long revision, Account moderator) {
        Discussion discussion = requireDiscussion(slug);
        if (order == null) {
            throw ProblemException.invalid("order", text(BoardMessages::problem_order_required));
        }
        if (revision == null) {
            throw ProblemException.invalid("revision", text(BoardMessages::problem_revision_required));
        }
        long next = countRevision(discussion.id);
        List<Demand> pinned = Demand.listPinned(discussion);
        if (revision != next - 1) {
            throw ProblemException.conflict("revision", text(BoardMessages::problem_revision_stale))
                    .with(Map.of("order", ids(pinned), "revision", next - 1));
        }
        Set<Long> wanted = new HashSet<>(order);
        if (order.size() != pinned.size() || wanted.size() != order.size() || !wanted.equals(new HashSet<>(ids(pinned)))) {
            throw ProblemException.invalid("order", text(BoardMessages::problem_order_not_permutation));
        }
        List<Demand> sorted = new ArrayList<>(pinned);
        sorted.sort((a, b) -> Integer.compare(order.indexOf(a.id), order.indexOf(b.id)));
        renumber(sorted);
        audit.record(moderator.id, "DEMAND_PINS_REORDERED", "discussion", discussion.id, order.toString());
        return new PinnedOrder(List.copyOf(order), next);
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
            throw ProblemException.invalid("into", text(BoardMessages::problem_merge_into_required));
        }
        if (into == demandId) {
            throw ProblemException.invalid("into", text(BoardMessages::problem_merge_into_itself));
        }
        long discussionId = discussionOf(demandId);
        Long targetDiscussionId = discussionOrNull(into);
        if (targetDiscussionId == null) {
            throw ProblemException.notFound(text(BoardMessages::problem_merge_target_not_found));
        }
        if (targetDiscussionId != discussionId) {
            throw ProblemException.invalid("into", text(BoardMessages::problem_merge_other_discussion));
        }
        lockPinned(discussionId);
        // Both rows locked in id order: supports and positions given meanwhile wait for the merge (PostgreSQL's
        // foreign key check needs a share lock on the demand row), so none is lost or counted twice.
        Demand first = em.find(Demand.class, Math.min(demandId, into), LockModeType.PESSIMISTIC_WRITE);
        Demand second = em.find(Demand.class, Math.max(demandId, into), LockModeType.PESSIMISTIC_WRITE);
        Demand source = first.id == demandId ? first : second;
        Demand target = source == first ? second : first;
        if (closed(source)) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_merge_source_closed));
        }
        if (closed(target)) {
            throw ProblemException.conflict("into", text(BoardMessages::problem_merge_target_closed));
        }
        Instant now = now();
        carrySupports(source, target, now);
        carryPositions(source, target, now);
        if (source.status == Demand.Status.PINNED) {
            countRevision(discussionId);
            leavePinned(source);
        }
        source.status = Demand.Status.MERGED;
        source.mergedInto = target;
        source.updatedAt = now;
        audit.record(moderator.id, "DEMAND_MERGED", "demand", source.id, "into " + target.id);
        return BoardState.of(source);
    }

    /** Rejects a demand with a reason; a joint demand leaves the list. */
    @Transactional
    public BoardState reject(long demandId, String reason, Account moderator) {
        String cleanReason = Inputs.requiredLine("reason", reason, MAX_REASON);
        long discussionId = discussionOf(demandId);
        lockPinned(discussionId);
        Demand demand = Demand.findById(demandId);
        if (closed(demand)) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_reject_closed));
        }
        if (demand.status == Demand.Status.PINNED) {
            countRevision(discussionId);
            leavePinned(demand);
        }
        demand.status = Demand.Status.REJECTED;
        demand.rejectedReason = cleanReason;
        demand.updatedAt = now();
        audit.record(moderator.id, "DEMAND_REJECTED", "demand", demand.id, cleanReason);
        return BoardState.of(demand);
    }

    /** Adds a signed dissent note to a joint demand; an account may add several. */
    @Transactional
    public DissentView dissent(long demandId, String text, Account author) {
        String cleanText = Inputs.requiredText("text", text, MAX_DISSENT);
        // Locked so that an unpin running at the same time either comes first (and this is refused) or waits.
        Demand demand = em.find(Demand.class, demandId, LockModeType.PESSIMISTIC_WRITE);
        if (demand == null) {
            throw ProblemException.notFound(text(BoardMessages::problem_demand_not_found));
        }
        if (demand.status != Demand.Status.PINNED) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_dissent_not_pinned));
        }
        Dissent dissent = new Dissent();
        dissent.demand = demand;
        dissent.author = author;
        dissent.text = cleanText;
        dissent.createdAt = now();
        dissent.persist();
        audit.record(author.id, "DEMAND_DISSENT_ADDED", "demand", demand.id, "dissent " + dissent.id);
        return DissentView.of(dissent);
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

    /** Takes a demand off the pinned list and closes the ranks up; the caller holds the list's lock. */
    private void leavePinned(Demand demand) {
        List<Demand> pinned = new ArrayList<>(Demand.listPinned(demand.discussion));
        pinned.removeIf(d -> d.id.equals(demand.id));
        demand.pinRank = null;
        demand.updatedAt = now();
        renumber(pinned);
    }

    private static void renumber(List<Demand> pinned) {
        for (int i = 0; i < pinned.size(); i++) {
            pinned.get(i).pinRank = i + 1;
        }
    }

    /**
     * Counts the pinned list's revision up and returns the new one. The update locks the discussion row until the
     * transaction ends, so it must come before the pinned demands are read.
     */
    private long countRevision(long discussionId) {
        em.createNativeQuery("UPDATE discussions SET pinned_revision = pinned_revision + 1 WHERE id = ?1")
                .setParameter(1, discussionId).executeUpdate();
        return revision(discussionId);
    }

    /** Locks the discussion row for a write that changes the pinned list only sometimes. */
    private void lockPinned(long discussionId) {
        em.createNativeQuery("SELECT pinned_revision FROM discussions WHERE id = ?1 FOR UPDATE")
                .setParameter(1, discussionId).getResultList();
    }

    private long revision(long discussionId) {
        List<?> rows = em.createNativeQuery("SELECT pinned_revision FROM discussions WHERE id = ?1")
                .setParameter(1, discussionId).getResultList();
        return ((Number) rows.get(0)).longValue();
    }

    /** The discussion of a demand, read without loading the demand, so that it is read fresh after the lock. */
    private long discussionOf(long demandId) {
        Long id = discussionOrNull(demandId);
        if (id == null) {
            throw ProblemException.notFound(text(BoardMessages::problem_demand_not_found));
        }
        return id;
    }

    private Long discussionOrNull(long demandId) {
        List<Long> rows = em.createQuery("select d.discussion.id from Demand d where d.id = ?1", Long.class)
                .setParameter(1, demandId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }

    private static boolean closed(Demand demand) {
        return demand.status == Demand.Status.MERGED || demand.status == Demand.Status.REJECTED;
    }

    private static List<Long> ids(List<Demand> demands) {
        return demands.stream().map(d -> d.id).toList();
    }

    private static Text text(Function<BoardMessages, String> message) {
        return Text.of(BoardMessages.class, message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
