package org.thesenforum.beamer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.testing.Fixtures;

/** A discussion of its own for each projector test, with topics; demands go through the API as people make them. */
final class BeamerData {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private BeamerData() {
    }

    /** A fresh discussion, so that tests do not see each other's comments and joint demands; returns its slug. */
    static String discussion() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "beamer-test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime();
            d.title = "Testdiskussion für den Beamer";
            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.persist();
            return d.slug;
        });
    }

    /** A thesis of the discussion, numbered after the ones it has. */
    static long topic(String slug, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = Discussion.findBySlug(slug).orElseThrow();
            Topic t = new Topic();
            t.discussion = d;
            t.kind = TopicKind.THESIS;
            t.number = (int) Topic.count("discussion", d) + 1;
            t.position = t.number;
            t.title = title;
            t.body = "Text der These.";
            t.persist();
            return t.id;
        });
    }

    /** A proposal on a topic, made through the API by a new expert; returns its id. */
    static long propose(String slug, long topic, String title) {
        return Fixtures.expert().as().body(Map.of("title", title, "text", "Wortlaut von " + title,
                "topicIds", List.of(topic))).post("/api/discussions/" + slug + "/demands").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A moderator makes the demand a joint one. */
    static void pin(long demand) {
        Fixtures.moderator().as().body(Map.of()).put("/api/demands/" + demand + "/pin").then().statusCode(200);
    }

    /**
     * A moderator sets the agenda through the meeting's API: one item per {@code kind, refId} pair (20 minutes each);
     * returns the items' ids in order.
     */
    static List<Long> agenda(String slug, Object... kindsAndRefs) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < kindsAndRefs.length; i += 2) {
            Map<String, Object> item = new java.util.HashMap<>();
            item.put("kind", kindsAndRefs[i]);
            item.put("refId", kindsAndRefs[i + 1]);
            item.put("plannedStart", "2026-06-16T10:30:00+02:00");
            item.put("plannedMinutes", 20);
            if ("FREE".equals(kindsAndRefs[i])) {
                item.put("title", "Pause");
                item.remove("refId");
            }
            items.add(item);
        }
        return Fixtures.moderator().as().body(Map.of("items", items)).put("/api/discussions/" + slug + "/meeting/agenda")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    /** A moderator moves the meeting's focus to an agenda item (null: a break). */
    static void focus(String slug, Long item) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("itemId", item);
        Fixtures.moderator().as().body(body).put("/api/discussions/" + slug + "/meeting/focus").then().statusCode(200);
    }

    /** Removes the discussion with everything in it, so the other tests keep seeing only the shipped paper. */
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
            String demands = "(SELECT id FROM demands WHERE discussion_id = ?1)";
            em.createNativeQuery("UPDATE demands SET merged_into_id = NULL WHERE discussion_id = ?1")
                    .setParameter(1, id).executeUpdate();
            for (String table : List.of("demand_dissents", "demand_supports", "demand_positions", "demand_versions",
                    "demand_topics")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE demand_id IN " + demands)
                        .setParameter(1, id).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM demands WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("UPDATE comments SET parent_id = NULL WHERE topic_id IN "
                    + "(SELECT id FROM topics WHERE discussion_id = ?1)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM comments WHERE topic_id IN (SELECT id FROM topics WHERE discussion_id = ?1)")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM topics WHERE discussion_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM journal_entries WHERE discussion_id = ?1").setParameter(1, id)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM discussions WHERE id = ?1").setParameter(1, id).executeUpdate();
        });
    }
}
