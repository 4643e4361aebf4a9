package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.journal.Journal;
import org.thesenforum.live.LiveDispatcher;
import org.thesenforum.search.SearchIndexer;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/**
 * The visible comments of a topic and the time of the newest are kept as columns, updated by every post, hide,
 * unhide and delete: what the API shows must always equal a recount of the thread, also under parallel posts.
 */
@QuarkusTest
class TopicActivityTest {

    @Inject
    SessionFactory sessions;
    @Inject
    SearchIndexer indexer;
    @Inject
    LiveDispatcher dispatcher;
    @Inject
    Journal journal;

    /**
     * One query plan per write: a post on a topic with thousands of comments runs the same statements as one on a
     * topic with a single comment (least of three posts each, so that a sequence's block of fifty ids, fetched now
     * and then, does not count), and loads no more entities.
     */
    @Test
    void aPostRunsTheSameStatementsWhateverTheTopicsSize() {
        User moderator = Fixtures.moderator();
        long small = Fixtures.freshTopic();
        long large = Fixtures.freshTopic();
        Fixtures.comment(small, moderator, "Der einzige Beitrag", null);
        seed(large, moderator, 3_000);
        post(moderator, small, "Aufwärmen");
        post(moderator, large, "Aufwärmen");

        long[] onSmall = leastStatementsOfPosts(moderator, small);
        long[] onLarge = leastStatementsOfPosts(moderator, large);
        System.out.printf("A post: %d statements and %d entity loads on a small topic, %d and %d on a large one%n",
                onSmall[0], onSmall[1], onLarge[0], onLarge[1]);
        assertEquals(onSmall[0], onLarge[0], "statements of a post");
        assertEquals(onSmall[1], onLarge[1], "entities loaded by a post");
        assertEquals(3_004, topicJson(large).getLong("commentCount"));
    }

    /** The fewest statements and entity loads among three posts on the topic. */
    private long[] leastStatementsOfPosts(User author, long topic) {
        Statistics statistics = sessions.getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            long statements = Long.MAX_VALUE;
            long loads = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                settle();
                statistics.clear();
                post(author, topic, "Messbeitrag " + i);
                // What the write sets off after its commit (live push, search index) is counted too.
                settle();
                statements = Math.min(statements, statistics.getPrepareStatementCount());
                loads = Math.min(loads, statistics.getEntityLoadCount());
            }
            return new long[] { statements, loads };
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    /** Waits until the live push and the search index have taken everything the journal holds. */
    private void settle() {
        long discussion = QuarkusTransaction.requiringNew().call(() -> Discussion.findBySlug(Fixtures.SLUG)
                .orElseThrow().id);
        long latest = QuarkusTransaction.requiringNew().call(() -> journal.latestSeq(discussion));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (dispatcher.dispatchedThrough(discussion) < latest && System.nanoTime() < deadline) {
            sleep(5);
        }
        indexer.catchUp();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void seed(long topic, User author, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            Topic t = Topic.findById(topic);
            Account a = Account.findById(author.id());
            Instant start = Instant.now().minusSeconds(count);
            for (int i = 0; i < count; i++) {
                Comment c = new Comment();
                c.topic = t;
                c.author = a;
                c.body = "Gesäter Beitrag " + i;
                c.createdAt = start.plusSeconds(i);
                c.persist();
            }
            Fixtures.recountTopic(topic);
        });
    }

    @Test
    void parallelPostsAreAllCounted() throws Exception {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        int posts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                String body = "Paralleler Beitrag " + i;
                tasks.add(() -> moderator.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments")
                        .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath shown = topicJson(topic);
        assertEquals(posts, shown.getLong("commentCount"));
        assertEquals(recount(topic), shown.getLong("commentCount"));
        assertEquals(newestVisible(topic), Instant.parse(shown.getString("lastActivityAt")));
        assertEquals(posts, countInOverview(topic));
    }

    /**
     * A double-clicked delete, a hide racing a delete, two moderators hiding one comment and the two newest
     * comments withdrawn at once, all as parallel requests: each comment leaves the figures once, and the newest
     * visible comment is the one left.
     */
    @Test
    void parallelDeletesAndHidesWithdrawEachCommentOnce() throws Exception {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.moderator();
        User moderator = Fixtures.moderator();
        User other = Fixtures.moderator();
        long kept = post(author, topic, "Bleibt stehen");
        long clickedTwice = post(author, topic, "Doppelt gelöscht");
        long hiddenAndDeleted = post(author, topic, "Ausgeblendet und gelöscht");
        long hiddenTwice = post(author, topic, "Zweimal ausgeblendet");
        long newer = post(author, topic, "Zweitneuester Beitrag");
        long newest = post(author, topic, "Neuester Beitrag");
        assertCounted(topic, 6);

        List<Callable<Integer>> tasks = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> author.as().delete("/api/comments/" + clickedTwice).statusCode());
            expected.add(204);
        }
        tasks.add(() -> hideRequest(moderator, hiddenAndDeleted));
        tasks.add(() -> author.as().delete("/api/comments/" + hiddenAndDeleted).statusCode());
        tasks.add(() -> hideRequest(moderator, hiddenTwice));
        tasks.add(() -> hideRequest(other, hiddenTwice));
        tasks.add(() -> author.as().delete("/api/comments/" + newest).statusCode());
        tasks.add(() -> hideRequest(other, newer));
        expected.addAll(List.of(200, 204, 200, 200, 204, 200));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                statuses.add(status.get());
            }
            assertEquals(expected, statuses, "a second delete of a deleted comment is answered like the first");
        } finally {
            pool.shutdownNow();
        }

        assertCounted(topic, 1);
        assertEquals(createdAt(kept), lastActivity(topic));
        QuarkusTransaction.requiringNew().run(() -> {
            Comment both = Comment.findById(hiddenAndDeleted);
            assertTrue(both.hidden && both.isDeleted(), "neither the hide nor the delete is lost");
        });
    }

    @Test
    void hideUnhideAndDeleteKeepTheCountEqualToARecount() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.moderator();
        User moderator = Fixtures.moderator();
        long first = post(author, topic, "Erster Beitrag");
        long second = post(author, topic, "Zweiter Beitrag");
        long third = post(author, topic, "Dritter Beitrag");
        assertCounted(topic, 3);

        hide(moderator, third);
        assertCounted(topic, 2);
        assertEquals(createdAt(second), lastActivity(topic));

        hide(moderator, third); // hiding again changes the reason only
        assertCounted(topic, 2);

        moderator.as().post("/api/comments/" + third + "/unhide").then().statusCode(200);
        assertCounted(topic, 3);
        assertEquals(createdAt(third), lastActivity(topic));

        author.as().delete("/api/comments/" + second).then().statusCode(204);
        assertCounted(topic, 2);
        author.as().delete("/api/comments/" + second).then().statusCode(204); // already deleted: nothing changes
        assertCounted(topic, 2);

        hide(moderator, second); // a deleted comment is not counted, hidden or not
        assertCounted(topic, 2);
        moderator.as().post("/api/comments/" + second + "/unhide").then().statusCode(200);
        assertCounted(topic, 2);

        hide(moderator, first);
        author.as().delete("/api/comments/" + third).then().statusCode(204);
        assertCounted(topic, 0);
        assertNull(topicJson(topic).getString("lastActivityAt"));

        moderator.as().post("/api/comments/" + first + "/unhide").then().statusCode(200);
        assertCounted(topic, 1);
        assertEquals(createdAt(first), lastActivity(topic));
    }

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static int hideRequest(User moderator, long comment) {
        return moderator.as().body(Map.of("reason", "Beleidigend")).post("/api/comments/" + comment + "/hide")
                .statusCode();
    }

    private static void hide(User moderator, long comment) {
        moderator.as().body(Map.of("reason", "Beleidigend")).post("/api/comments/" + comment + "/hide").then()
                .statusCode(200);
    }

    private static void assertCounted(long topic, long expected) {
        assertEquals(expected, topicJson(topic).getLong("commentCount"));
        assertEquals(expected, recount(topic));
        assertEquals(expected, countInOverview(topic));
        Instant newest = newestVisible(topic);
        assertEquals(newest, lastActivity(topic));
    }

    private static JsonPath topicJson(long topic) {
        return given().get("/api/topics/" + topic).then().statusCode(200).extract().jsonPath();
    }

    private static Instant lastActivity(long topic) {
        String at = topicJson(topic).getString("lastActivityAt");
        return at == null ? null : Instant.parse(at);
    }

    /** The topic's count as the discussion's overview shows it (0 when the topic has no visible comment). */
    private static long countInOverview(long topic) {
        List<Map<String, Object>> topics = given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().jsonPath().getList("topics");
        return topics.stream().filter(t -> ((Number) t.get("id")).longValue() == topic)
                .mapToLong(t -> ((Number) t.get("commentCount")).longValue()).findFirst().orElseThrow();
    }

    private static long recount(long topic) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count(
                "topic.id = ?1 and deletedAt is null and hidden = false", topic));
    }

    private static Instant newestVisible(long topic) {
        return QuarkusTransaction.requiringNew().call(() -> Topic.getEntityManager().createQuery(
                "select max(c.createdAt) from Comment c where c.topic.id = :t and c.deletedAt is null "
                        + "and c.hidden = false", Instant.class).setParameter("t", topic).getSingleResult());
    }

    private static Instant createdAt(long comment) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(comment).createdAt);
    }
}
