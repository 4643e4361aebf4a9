package org.thesenforum.demand;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Demands and foreign topics for the demand tests. */
final class DemandFixtures {

    private DemandFixtures() {
    }

    /** A demand proposed through the API on a fresh topic; returns its id. */
    static long propose(User author, long topic) {
        return author.as().body(Map.of("title", "Verlässliche Räume", "text", "Jedes Quartier braucht *einen* Raum.",
                "topicIds", List.of(topic))).post("/api/discussions/" + Fixtures.SLUG + "/demands")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A topic of a discussion of its own. */
    static long foreignTopic() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "andere-" + System.nanoTime();
            d.title = "Eine andere Diskussion";
            d.createdAt = Instant.now();
            d.persist();
            Topic t = new Topic();
            t.discussion = d;
            t.kind = TopicKind.THESIS;
            t.number = 1;
            t.position = 1;
            t.title = "Fremdes Thema";
            t.body = "Text.";
            t.persist();
            return t.id;
        });
    }

    /**
     * Removes a topic made by {@link #foreignTopic}, its comments and its discussion, so other tests see only the
     * shipped discussion.
     */
    static void removeForeign(long topicId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Topic t = Topic.findById(topicId);
            Discussion d = t.discussion;
            org.thesenforum.comment.Comment.delete("topic", t);
            t.delete();
            d.delete();
        });
    }

    static io.restassured.response.ValidatableResponse get(long id, User reader) {
        return (reader == null ? given() : reader.as()).get("/api/demands/" + id).then();
    }
}
