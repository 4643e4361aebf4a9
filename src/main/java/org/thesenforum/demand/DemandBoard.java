package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.demand.BoardViews.BoardState;
import org.thesenforum.demand.BoardViews.DissentView;
import org.thesenforum.demand.BoardViews.PinnedOrder;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * The moderators' board of joint demands: pin at a rank, unpin, reorder the whole list, reject, and the experts'
 * dissent notes on joint demands; merging a duplicate is {@link DemandMerger}.
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
    private final PinnedList pins;
    private final Event<DemandChanged> changed;

    DemandBoard(EntityManager em, AuditLog audit, PinnedList pins, Event<DemandChanged> changed) {
        this.em = em;
        this.audit = audit;
        this.pins = pins;
        this.changed = changed;
    }

    /** The joint demands of a discussion in rank order, with the revision a reorder must name. */
    public PinnedOrder pinned(String slug) {
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        // Without a lock, a write may commit between the two reads: read until the revision holds still.
        long before = pins.revision(discussion.id);
        while (true) {
            List<Long> order = ids(Demand.listPinned(discussion));
            long after = pins.revision(discussion.id);
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
        long discussionId = pins.discussionOf(demandId);
        pins.lock(discussionId);
        Demand demand = Demand.findById(demandId);
        if (demand.isFinished()) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_pin_closed));
        }
        List<Demand> pinned = new ArrayList<>(Demand.listPinned(demand.discussion));
        pinned.removeIf(d -> d.id.equals(demand.id));
        int last = pinned.size() + 1;
        int at = rank == null ? last : rank;
        if (at < 1 || at > last) {
            throw ProblemException.invalid("rank", text(m -> m.problem_rank_range(last)));
        }
        if (demand.status == Demand.Status.PINNED && demand.pinRank != null && demand.pinRank == at) {
            // Already there: nothing changes, so the revision other moderators hold stays good.
            return BoardState.of(demand);
        }
        pins.countRevision(discussionId);
        pinned.add(at - 1, demand);
        demand.status = Demand.Status.PINNED;
        demand.updatedAt = DemandChecks.now();
        List<Demand> moved = PinnedList.renumber(pinned);
        audit.record(moderator.id, "DEMAND_PINNED", "demand", demand.id, "rank " + at);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.PINNED));
        PinnedList.announceMoved(moved, demand, changed);
        return BoardState.of(demand);
    }

    /** Takes a joint demand off the list, back to the proposals; the ranks below it close up. */
    @Transactional
    public BoardState unpin(long demandId, Account moderator) {
        long discussionId = pins.discussionOf(demandId);
        pins.countRevision(discussionId);
        Demand demand = Demand.findById(demandId);
        if (demand.status != Demand.Status.PINNED) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_not_pinned));
        }
        List<Demand> moved = pins.leave(demand);
        demand.status = Demand.Status.PROPOSED;
        audit.record(moderator.id, "DEMAND_UNPINNED", "demand", demand.id, null);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.UNPINNED));
        PinnedList.announceMoved(moved, demand, changed);
        return BoardState.of(demand);
    }

    /**
     * Sets the whole order of the joint demands. {@code revision} is the one the moderator last read; when the list
     * has changed since, the refusal (409) carries the current {@code order} and {@code revision}.
     */
    @Transactional
    public PinnedOrder reorder(String slug, List<Long> order, Long revision, Account moderator) {
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        if (order == null) {
            throw ProblemException.invalid("order", text(BoardMessages::problem_order_required));
        }
        if (revision == null) {
            throw ProblemException.invalid("revision", text(BoardMessages::problem_revision_required));
        }
        pins.lock(discussion.id);
        long current = pins.revision(discussion.id);
        List<Demand> pinned = Demand.listPinned(discussion);
        if (revision != current) {
            throw ProblemException.conflict("revision", text(BoardMessages::problem_revision_stale))
                    .with(Map.of("order", ids(pinned), "revision", current));
        }
        Set<Long> wanted = new HashSet<>(order);
        if (order.size() != pinned.size() || wanted.size() != order.size() || !wanted.equals(new HashSet<>(ids(pinned)))) {
            throw ProblemException.invalid("order", text(BoardMessages::problem_order_not_permutation));
        }
        if (order.equals(ids(pinned))) {
            // The order as it is: nothing changes, and the revision other moderators hold stays good.
            return new PinnedOrder(List.copyOf(order), current);
        }
        long next = pins.countRevision(discussion.id);
        List<Demand> sorted = new ArrayList<>(pinned);
        sorted.sort((a, b) -> Integer.compare(order.indexOf(a.id), order.indexOf(b.id)));
        List<Demand> moved = PinnedList.renumber(sorted);
        audit.record(moderator.id, "DEMAND_PINS_REORDERED", "discussion", discussion.id, order.toString());
        // One entry per joint demand whose rank changed, with its new rank, in the new order.
        moved.forEach(d -> changed.fire(new DemandChanged(d.id, DemandChanged.Change.REORDERED)));
        return new PinnedOrder(List.copyOf(order), next);
    }

    /** Rejects a demand with a reason; a joint demand leaves the list. */
    @Transactional
    public BoardState reject(long demandId, String reason, Account moderator) {
        String cleanReason = Inputs.requiredLine("reason", reason, MAX_REASON);
        long discussionId = pins.discussionOf(demandId);
        pins.lock(discussionId);
        Demand demand = Demand.findById(demandId);
        if (demand.isFinished()) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_reject_closed));
        }
        List<Demand> moved = List.of();
        if (demand.status == Demand.Status.PINNED) {
            pins.countRevision(discussionId);
            moved = pins.leave(demand);
        }
        demand.status = Demand.Status.REJECTED;
        demand.rejectedReason = cleanReason;
        demand.updatedAt = DemandChecks.now();
        audit.record(moderator.id, "DEMAND_REJECTED", "demand", demand.id, cleanReason);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.REJECTED));
        PinnedList.announceMoved(moved, demand, changed);
        return BoardState.of(demand);
    }

    /** Adds a signed dissent note to a joint demand; an account may add several. */
    @Transactional
    public DissentView dissent(long demandId, String text, Account author) {
        String cleanText = Inputs.requiredText("text", text, MAX_DISSENT);
        // The list's lock, taken first like every demand write: an unpin at the same time either comes first (and
        // this is refused) or waits.
        pins.lock(pins.discussionOf(demandId));
        Demand demand = em.find(Demand.class, demandId, LockModeType.PESSIMISTIC_WRITE);
        if (demand == null) {
            throw ProblemException.notFound(text(BoardMessages::problem_demand_not_found));
        }
        demand.discussion.refuseIfArchived();
        if (demand.status != Demand.Status.PINNED) {
            throw ProblemException.conflict(null, text(BoardMessages::problem_dissent_not_pinned));
        }
        Dissent dissent = new Dissent();
        dissent.demand = demand;
        dissent.author = author;
        dissent.text = cleanText;
        dissent.createdAt = DemandChecks.now();
        dissent.persist();
        audit.record(author.id, "DEMAND_DISSENT_ADDED", "demand", demand.id, "dissent " + dissent.id);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.DISSENT));
        return DissentView.of(dissent);
    }

    private static List<Long> ids(List<Demand> demands) {
        return demands.stream().map(d -> d.id).toList();
    }

    static Text text(Function<BoardMessages, String> message) {
        return Text.of(BoardMessages.class, message);
    }
}
