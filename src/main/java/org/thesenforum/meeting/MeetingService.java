package org.thesenforum.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.meeting.AgendaInput.Checked;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Languages;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * The live meeting of a discussion: reads its agenda with planned and actual times and the focus (the read API the
 * projector and the protocol use), and the moderators' writes. Every write first locks the discussion row (counting
 * its {@code meeting_revision} up), so two moderators' writes run one after the other and each sees the other's
 * result; the journal entry goes into the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeetingService {

    /** The most items an agenda may have. */
    static final int MAX_ITEMS = 100;

    private final MeetingViewer viewer;
    private final MeetingClock clock;
    private final EntityManager em;
    private final AuditLog audit;
    private final Event<MeetingChanged> changed;

    MeetingService(MeetingViewer viewer, MeetingClock clock, EntityManager em, AuditLog audit,
            Event<MeetingChanged> changed) {
        this.viewer = viewer;
        this.clock = clock;
        this.em = em;
        this.audit = audit;
        this.changed = changed;
    }

    /** The meeting of a discussion, items named in German (as the API and the live frames send them). */
    public MeetingView meeting(String slug) {
        return meeting(slug, Languages.DEFAULT);
    }

    /** The meeting of a discussion, items named in {@code locale}'s language; 404 for an unknown discussion. */
    public MeetingView meeting(String slug, Locale locale) {
        Discussion discussion = requireDiscussion(slug);
        return viewer.view(discussion, Meeting.findByDiscussion(discussion.id).orElse(null), locale);
    }

    /** The meeting of a discussion by its id, or null for an unknown discussion. */
    public MeetingView meeting(long discussionId, Locale locale) {
        Discussion discussion = Discussion.findById(discussionId);
        return discussion == null ? null
                : viewer.view(discussion, Meeting.findByDiscussion(discussion.id).orElse(null), locale);
    }

    /**
     * Replaces the agenda. Items keep their actual times when they stay: an item sent with its {@code id} is that
     * item (an id of no item of this meeting is refused); an item without id takes the place of the first remaining
     * item with the same kind, reference and title. Items not sent are removed; if the item being discussed is
     * removed, nothing is being discussed any more.
     */
    @Transactional
    public MeetingView replaceAgenda(String slug, List<AgendaInput> input, Account moderator) {
        refuseUnlessModerator(moderator);
        if (input == null) {
            throw ProblemException.invalid("items", AgendaInput.text(MeetingMessages::problem_items_required));
        }
        if (input.size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", AgendaInput.text(m -> m.problem_too_many_items(MAX_ITEMS)));
        }
        Discussion discussion = requireDiscussion(slug);
        List<Checked> items = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) == null) {
                throw ProblemException.invalid("items[" + i + "]",
                        AgendaInput.text(MeetingMessages::problem_kind_unknown));
            }
            Checked item = input.get(i).check(i);
            refuseUnknownRef(discussion, item, i);
            items.add(item);
        }
        Meeting meeting = lockedMeeting(discussion);
        List<AgendaItem> existing = new ArrayList<>(AgendaItem.listByMeeting(meeting));
        List<AgendaItem> kept = match(existing, items);
        existing.removeAll(kept);
        if (existing.stream().anyMatch(i -> i.id.equals(meeting.focusItemId))) {
            meeting.focusItemId = null;
            em.flush();
        }
        existing.forEach(AgendaItem::delete);
        em.flush();
        for (int i = 0; i < items.size(); i++) {
            AgendaItem row = kept.get(i) != null ? kept.get(i) : new AgendaItem();
            Checked c = items.get(i);
            row.meeting = meeting;
            row.position = i + 1;
            row.kind = c.kind();
            row.refId = c.refId();
            row.title = c.title();
            row.plannedStart = c.plannedStart();
            row.plannedMinutes = c.plannedMinutes();
            if (row.id == null) {
                row.persist();
            }
        }
        meeting.updatedAt = clock.now();
        audit.record(moderator.id, "MEETING_AGENDA", "discussion", discussion.id, items.size() + " items");
        changed.fire(new MeetingChanged(discussion.id, MeetingChanged.Change.AGENDA));
        return viewer.view(discussion, meeting, Languages.DEFAULT);
    }

    /**
     * Sets the item now being discussed: it starts now (again, if it was discussed before) and the previous one ends
     * now. The same item again changes nothing; {@code null} ends the current item (a break). The first focus starts
     * the meeting; an ended meeting must be started again first.
     */
    @Transactional
    public MeetingView focus(String slug, Long itemId, Account moderator) {
        refuseUnlessModerator(moderator);
        Discussion discussion = requireDiscussion(slug);
        Meeting meeting = lockedMeeting(discussion);
        if (Objects.equals(meeting.focusItemId, itemId)) {
            return viewer.view(discussion, meeting, Languages.DEFAULT);
        }
        if (meeting.endedAt != null) {
            throw ProblemException.conflict(null, AgendaInput.text(MeetingMessages::problem_meeting_ended));
        }
        AgendaItem next = null;
        if (itemId != null) {
            next = AgendaItem.findById(itemId);
            if (next == null || !next.meeting.id.equals(meeting.id)) {
                throw ProblemException.invalid("itemId", AgendaInput.text(MeetingMessages::problem_item_unknown));
            }
        }
        Instant now = clock.now();
        endFocus(meeting, now);
        if (next != null) {
            next.actualStart = now;
            next.actualEnd = null;
            meeting.focusItemId = next.id;
            if (meeting.startedAt == null) {
                meeting.startedAt = now;
            }
        }
        meeting.updatedAt = now;
        audit.record(moderator.id, "MEETING_FOCUS", "discussion", discussion.id,
                itemId == null ? "pause" : "item " + itemId);
        changed.fire(new MeetingChanged(discussion.id, MeetingChanged.Change.FOCUS));
        return viewer.view(discussion, meeting, Languages.DEFAULT);
    }

    /** Starts the meeting, or continues an ended one (its first start stays); idempotent while it runs. */
    @Transactional
    public MeetingView start(String slug, Account moderator) {
        refuseUnlessModerator(moderator);
        Discussion discussion = requireDiscussion(slug);
        Meeting meeting = lockedMeeting(discussion);
        if (!meeting.isRunning()) {
            Instant now = clock.now();
            if (meeting.startedAt == null) {
                meeting.startedAt = now;
            }
            meeting.endedAt = null;
            meeting.updatedAt = now;
            audit.record(moderator.id, "MEETING_STARTED", "discussion", discussion.id, null);
            changed.fire(new MeetingChanged(discussion.id, MeetingChanged.Change.FOCUS));
        }
        return viewer.view(discussion, meeting, Languages.DEFAULT);
    }

    /** Ends the meeting and the item being discussed; idempotent once ended. */
    @Transactional
    public MeetingView end(String slug, Account moderator) {
        refuseUnlessModerator(moderator);
        Discussion discussion = requireDiscussion(slug);
        Meeting meeting = lockedMeeting(discussion);
        if (meeting.endedAt == null) {
            Instant now = clock.now();
            endFocus(meeting, now);
            if (meeting.startedAt == null) {
                meeting.startedAt = now;
            }
            meeting.endedAt = now;
            meeting.updatedAt = now;
            audit.record(moderator.id, "MEETING_ENDED", "discussion", discussion.id, null);
            changed.fire(new MeetingChanged(discussion.id, MeetingChanged.Change.FOCUS));
        }
        return viewer.view(discussion, meeting, Languages.DEFAULT);
    }

    static Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }

    private static void refuseUnlessModerator(Account account) {
        if (!MeetingPolicy.canRun(account)) {
            throw ProblemException.forbidden(Text.of(Messages.class, Messages::problem_forbidden));
        }
    }

    private void endFocus(Meeting meeting, Instant now) {
        if (meeting.focusItemId != null) {
            AgendaItem current = AgendaItem.findById(meeting.focusItemId);
            if (current != null && current.actualEnd == null) {
                current.actualEnd = now;
            }
            meeting.focusItemId = null;
        }
    }

    /** Locks the discussion row, then reads (or creates) its meeting, so meeting writes run one at a time. */
    private Meeting lockedMeeting(Discussion discussion) {
        em.createNativeQuery("UPDATE discussions SET meeting_revision = meeting_revision + 1 WHERE id = ?1")
                .setParameter(1, discussion.id).executeUpdate();
        Meeting meeting = Meeting.findByDiscussion(discussion.id).orElse(null);
        if (meeting != null) {
            em.refresh(meeting);
            return meeting;
        }
        meeting = new Meeting();
        meeting.discussion = discussion;
        meeting.updatedAt = clock.now();
        meeting.persist();
        return meeting;
    }

    /** For each new item, the existing item it continues, or null. */
    private static List<AgendaItem> match(List<AgendaItem> existing, List<Checked> items) {
        Map<Long, AgendaItem> byId = new HashMap<>();
        existing.forEach(i -> byId.put(i.id, i));
        Set<AgendaItem> claimed = new HashSet<>();
        List<AgendaItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Long id = items.get(i).id();
            AgendaItem row = null;
            if (id != null) {
                row = byId.get(id);
                if (row == null) {
                    throw ProblemException.invalid("items[" + i + "].id",
                            AgendaInput.text(MeetingMessages::problem_item_unknown));
                }
                if (!claimed.add(row)) {
                    throw ProblemException.invalid("items[" + i + "].id",
                            AgendaInput.text(MeetingMessages::problem_item_duplicate));
                }
            }
            result.add(row);
        }
        for (int i = 0; i < items.size(); i++) {
            Checked c = items.get(i);
            if (result.get(i) == null) {
                AgendaItem same = existing.stream().filter(e -> !claimed.contains(e) && e.kind == c.kind()
                        && Objects.equals(e.refId, c.refId()) && Objects.equals(e.title, c.title()))
                        .findFirst().orElse(null);
                if (same != null) {
                    claimed.add(same);
                    result.set(i, same);
                }
            }
        }
        return result;
    }

    private static void refuseUnknownRef(Discussion discussion, Checked item, int index) {
        boolean known = switch (item.kind()) {
            case QUESTION -> GuidingQuestion.count("id = ?1 and discussion = ?2", item.refId(), discussion) > 0;
            case TOPIC -> Topic.count("id = ?1 and discussion = ?2", item.refId(), discussion) > 0;
            case DEMAND -> Demand.count("id = ?1 and discussion = ?2", item.refId(), discussion) > 0;
            case FREE -> true;
        };
        if (!known) {
            throw ProblemException.invalid("items[" + index + "].refId",
                    AgendaInput.text(MeetingMessages::problem_ref_unknown));
        }
    }
}
