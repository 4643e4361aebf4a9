package org.thesenforum.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.demand.DemandPapers;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.event.EventService;
import org.thesenforum.event.EventViews.EventCounts;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.meeting.MeetingService;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.protocol.Protocol.AgendaRow;
import org.thesenforum.protocol.Protocol.EventPart;
import org.thesenforum.protocol.Protocol.FieldRow;
import org.thesenforum.protocol.Protocol.Figures;
import org.thesenforum.protocol.Protocol.Post;
import org.thesenforum.protocol.Protocol.TopicPart;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.TemplateExtensions;
import org.thesenforum.web.Text;

/**
 * Reads a discussion, its event with attendance, its meeting's agenda, its threads and its demands into the
 * {@link Protocol} that the exports render.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Protocols {

    /** Replies deeper than this are shown at this depth, as on the topic page. */
    static final int MAX_DEPTH = 4;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DiscussionService discussions;
    private final CommentService comments;
    private final DemandPapers demands;
    private final EventService events;
    private final MeetingService meetings;
    private final MarkdownRenderer paperMarkdown = MarkdownRenderer.forPaper();

    Protocols(DiscussionService discussions, CommentService comments, DemandPapers demands, EventService events,
            MeetingService meetings) {
        this.discussions = discussions;
        this.comments = comments;
        this.demands = demands;
        this.events = events;
        this.meetings = meetings;
    }

    /** The protocol of the discussion {@code slug}, labels in {@code locale}; 404 when there is none. */
    public Protocol protocol(String slug, Locale locale) {
        DiscussionView d = discussions.discussion(slug);
        Set<Long> contributors = new HashSet<>();
        List<TopicPart> topics = new ArrayList<>();
        long contributions = 0;
        for (TopicSummary t : d.topics()) {
            TopicPart part = topic(discussions.topic(t.id()), locale, contributors);
            contributions += part.posts().size();
            topics.add(part);
        }
        MeetingView meeting = meetings.meeting(slug, locale);
        return new Protocol(d.title(), d.subtitle(), d.paperDate(), d.slug(),
                LocalDate.now(TemplateExtensions.FORUM_ZONE), event(slug, meeting, locale), agenda(meeting),
                new Figures(contributions, contributors.size()), topics, demands.outcomes(slug, locale));
    }

    /**
     * The event on the day the meeting started; else the first one anyone was checked in at; else the discussion's
     * first; null when it has none.
     */
    private EventPart event(String slug, MeetingView meeting, Locale locale) {
        List<EventView> all = events.ofDiscussion(slug);
        if (all.isEmpty()) {
            return null;
        }
        LocalDate day = meeting.startedAt() == null ? null
                : LocalDate.ofInstant(meeting.startedAt(), TemplateExtensions.FORUM_ZONE);
        EventView e = all.stream().filter(x -> x.date().equals(day)).findFirst()
                .or(() -> all.stream().filter(x -> events.counts(x.id()).checkedIn() > 0).findFirst())
                .orElse(all.get(0));
        EventCounts counts = events.counts(e.id());
        List<FieldRow> fields = events.byFieldOfWork(e.id(), locale).stream()
                .filter(f -> f.registered() > 0 || f.attended() > 0)
                .map(f -> new FieldRow(f.label() != null ? f.label()
                        : Text.of(ProtocolMessages.class, ProtocolMessages::field_none).in(locale), f.attended(),
                        f.registered()))
                .toList();
        String time = e.start() == null ? null
                : hhmm(e.start().toInstant()) + (e.end() == null ? "" : "–" + hhmm(e.end().toInstant()));
        return new EventPart(e.title(), e.date(), time, e.addressLines(), counts.confirmed(), counts.checkedIn(),
                fields);
    }

    private static List<AgendaRow> agenda(MeetingView meeting) {
        return meeting.items().stream().map(i -> new AgendaRow(i.heading(), hhmm(i.plannedStart()),
                hhmm(i.plannedEnd()), hhmm(i.actualStart()), hhmm(i.actualEnd()))).toList();
    }

    /** "10:30" in Berlin time; null for null. */
    private static String hhmm(Instant instant) {
        return instant == null ? null : HH_MM.format(instant.atZone(TemplateExtensions.FORUM_ZONE));
    }

    private TopicPart topic(TopicView t, Locale locale, Set<Long> contributors) {
        Flattened thread = new Flattened(contributors);
        // As an anonymous reader sees it: hidden and deleted contributions carry no text.
        comments.thread(t.id(), null, null).forEach(c -> thread.add(c, 0));
        String label = Text.of(DiscussionMessages.class, m -> m.topic_label(t.kind(), t.number())).in(locale);
        return new TopicPart(label, t.title(), t.body(), paperMarkdown.render(t.body()), thread.posts, thread.hidden,
                thread.deleted);
    }

    /** Flattens a thread in reading order; the replies of a left-out contribution move up to its place. */
    private static final class Flattened {

        final List<Post> posts = new ArrayList<>();
        final Set<Long> contributors;
        int hidden;
        int deleted;

        Flattened(Set<Long> contributors) {
            this.contributors = contributors;
        }

        void add(CommentView c, int depth) {
            int next = depth;
            if (c.deleted()) {
                deleted++;
            } else if (c.hidden() || !c.visible()) {
                hidden++;
            } else {
                posts.add(new Post(Math.min(depth, MAX_DEPTH), c.author().displayName(), c.createdAt(), c.body(),
                        c.bodyHtml()));
                contributors.add(c.author().id());
                next = depth + 1;
            }
            for (CommentView reply : c.replies()) {
                add(reply, next);
            }
        }
    }
}
