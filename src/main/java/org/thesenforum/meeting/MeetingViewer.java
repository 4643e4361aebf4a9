package org.thesenforum.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.meeting.MeetingViews.ItemView;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Text;

/**
 * Turns a meeting and its agenda into the view records, naming each item as people know it in the reader's language
 * (the referenced questions, topics and demands are read with one query per kind).
 */
@ApplicationScoped
class MeetingViewer {

    private final MeetingClock clock;

    MeetingViewer(MeetingClock clock) {
        this.clock = clock;
    }

    /** The view of a discussion's meeting; a discussion without one has an empty, unstarted meeting. */
    MeetingView view(Discussion discussion, Meeting meeting, Locale locale) {
        // Read the seq first: a live client resumes from here, so it misses nothing shown later.
        long seq = discussion.lastEventSeq;
        Instant now = clock.now();
        if (meeting == null) {
            return new MeetingView(discussion.slug, now, null, null, false, null, List.of(), seq);
        }
        List<AgendaItem> agenda = AgendaItem.listByMeeting(meeting);
        Names names = names(discussion, agenda, locale);
        List<ItemView> items = agenda.stream().map(i -> item(discussion, meeting, i, names)).toList();
        ItemView focus = items.stream().filter(ItemView::current).findFirst().orElse(null);
        return new MeetingView(discussion.slug, now, meeting.startedAt, meeting.endedAt, meeting.isRunning(), focus,
                items, seq);
    }

    private ItemView item(Discussion discussion, Meeting meeting, AgendaItem i, Names names) {
        String label = null;
        String title = i.title;
        String href = null;
        switch (i.kind) {
            case QUESTION -> {
                GuidingQuestion q = names.questions.get(i.refId);
                if (q != null) {
                    label = names.text(m -> m.label_question(q.position));
                    title = title != null ? title : q.text;
                    href = "/discussions/" + discussion.slug + "#q" + q.id;
                }
            }
            case TOPIC -> {
                Topic t = names.topics.get(i.refId);
                if (t != null) {
                    label = Text.of(DiscussionMessages.class, m -> m.topic_label(t.kind, t.number)).in(names.locale);
                    title = title != null ? title : t.title;
                    href = "/topics/" + t.id;
                }
            }
            case DEMAND -> {
                Demand d = names.demands.get(i.refId);
                if (d != null) {
                    label = names.text(MeetingMessages::label_demand);
                    title = title != null ? title : d.title;
                    href = "/discussions/" + discussion.slug + "/demands#d" + d.id;
                }
            }
            case FREE -> {
            }
        }
        if (title == null) {
            title = "";
        }
        Instant plannedEnd = i.plannedStart.plusSeconds(60L * i.plannedMinutes);
        Instant endsAt = i.actualStart != null && i.actualEnd == null
                ? i.actualStart.plusSeconds(60L * i.plannedMinutes) : null;
        boolean current = meeting.focusItemId != null && meeting.focusItemId.equals(i.id);
        return new ItemView(i.id, i.position, i.kind, i.refId, label, title, i.title, href, i.plannedStart,
                i.plannedMinutes, plannedEnd, i.actualStart, i.actualEnd, endsAt, current);
    }

    private static Names names(Discussion discussion, List<AgendaItem> agenda, Locale locale) {
        return new Names(locale,
                byId(GuidingQuestion.<GuidingQuestion>list("discussion = ?1 and id in ?2", discussion,
                        refs(agenda, AgendaItem.Kind.QUESTION)), q -> q.id),
                byId(Topic.<Topic>list("discussion = ?1 and id in ?2", discussion, refs(agenda, AgendaItem.Kind.TOPIC)),
                        t -> t.id),
                byId(Demand.<Demand>list("discussion = ?1 and id in ?2", discussion,
                        refs(agenda, AgendaItem.Kind.DEMAND)), d -> d.id));
    }

    private static Set<Long> refs(List<AgendaItem> agenda, AgendaItem.Kind kind) {
        Set<Long> ids = agenda.stream().filter(i -> i.kind == kind && i.refId != null).map(i -> i.refId)
                .collect(Collectors.toSet());
        // "in ()" is no valid SQL; an id that never exists keeps the query simple.
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>();
        rows.forEach(r -> map.put(id.apply(r), r));
        return map;
    }

    private record Names(Locale locale, Map<Long, GuidingQuestion> questions, Map<Long, Topic> topics,
            Map<Long, Demand> demands) {

        String text(Function<MeetingMessages, String> message) {
            return Text.of(MeetingMessages.class, message).in(locale);
        }
    }
}
