package org.thesenforum.meeting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Test data of the meeting feature: the shipped paper's discussion without a meeting, agenda items, demands. */
final class MeetingFixtures {

    static final String MEETING = "/api/discussions/" + Fixtures.SLUG + "/meeting";
    static final String START = "2026-06-16T10:30:00+02:00";

    private MeetingFixtures() {
    }

    /** Removes the meeting of the shipped paper's discussion, so each test starts without one. */
    static void noMeeting() {
        QuarkusTransaction.requiringNew().run(() -> {
            Meeting.<Meeting>find("discussion.slug", Fixtures.SLUG).firstResultOptional().ifPresent(m -> {
                m.focusItemId = null;
                Meeting.flush();
                AgendaItem.delete("meeting", m);
                m.delete();
            });
        });
    }

    /** An agenda item as the API takes it. */
    static Map<String, Object> item(String kind, Long refId, String title, String start, Object minutes) {
        Map<String, Object> item = new HashMap<>();
        item.put("kind", kind);
        if (refId != null) {
            item.put("refId", refId);
        }
        if (title != null) {
            item.put("title", title);
        }
        item.put("plannedStart", start);
        item.put("plannedMinutes", minutes);
        return item;
    }

    static Map<String, Object> agenda(Object... items) {
        return Map.of("items", List.of(items));
    }

    /** A demand of the shipped paper's discussion, proposed through the API. */
    static long demand(User author, String title) {
        return author.as().body(Map.of("title", title, "text", "Text der Forderung.", "topicIds",
                List.of(Fixtures.thesis(1)))).post("/api/discussions/" + Fixtures.SLUG + "/demands").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The types of the shipped paper's journal entries about its meeting after {@code seq}, oldest first. */
    static List<String> meetingEntriesAfter(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>list(
                "discussionId = ?1 and entityKind = ?2 and seq > ?3 order by seq", discussionId(),
                MeetingJournal.KIND, seq).stream().map(e -> e.type).toList());
    }

    /** The newest seq of the shipped paper's journal. */
    static long latestSeq() {
        return QuarkusTransaction.requiringNew().call(() -> Discussion.findBySlug(Fixtures.SLUG).orElseThrow()
                .lastEventSeq);
    }

    /** A thesis of a discussion made by {@link #otherDiscussion}. */
    static long topicOf(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic t = new Topic();
            t.discussion = Discussion.findBySlug(slug).orElseThrow();
            t.kind = TopicKind.THESIS;
            t.number = 1;
            t.position = 1;
            t.title = "Fremde These";
            t.body = "Text.";
            t.persist();
            return t.id;
        });
    }

    static long discussionId() {
        return QuarkusTransaction.requiringNew().call(() -> Discussion.findBySlug(Fixtures.SLUG).orElseThrow().id);
    }

    /** A second discussion (dropped by {@link #drop}); returns its slug. */
    static String otherDiscussion() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "meeting-test-" + System.nanoTime();
            d.title = "Andere Diskussion";
            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.persist();
            return d.slug;
        });
    }

    static void drop(String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Discussion.getEntityManager();
            Long id = Discussion.findBySlug(slug).map(d -> d.id).orElse(null);
            if (id == null) {
                return;
            }
            em.createNativeQuery("UPDATE meetings SET focus_item_id = NULL WHERE discussion_id = ?1")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM agenda_items WHERE meeting_id IN (SELECT id FROM meetings "
                    + "WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM meetings WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM topics WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM journal_entries WHERE discussion_id = ?1").setParameter(1, id)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM discussions WHERE id = ?1").setParameter(1, id).executeUpdate();
        });
    }
}
