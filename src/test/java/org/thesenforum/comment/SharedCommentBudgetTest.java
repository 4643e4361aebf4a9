package org.thesenforum.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.cluster.OtherInstanceCounters;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LogCapture;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.web.ProblemException;

/**
 * The comment budgets of instances that share a PostgreSQL database (skipped on H2): a limiter with the counters of
 * another instance writes as that instance would, next to the forum's own requests.
 */
@QuarkusTest
class SharedCommentBudgetTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int PER_MINUTE = 6;

    private long topic;
    private User author;
    private CommentRateLimiter otherPosts;

    @BeforeEach
    void anotherInstance() {
        assumeTrue(OtherInstanceCounters.sharedDatabase(), "budgets count in the database on PostgreSQL only");
        topic = Fixtures.freshTopic();
        author = Fixtures.expert();
        otherPosts = CommentRateLimiter.forComments(PER_MINUTE, Clock.systemUTC(), OtherInstanceCounters.counters());
    }

    @Test
    void aBudgetSpentOnAnotherInstanceRefusesHereWithRetryAfter() {
        for (int i = 0; i < PER_MINUTE; i++) {
            inTransaction(() -> otherPosts.acquire(author.id()));
        }
        Response refused = author.as().body(Map.of("body", "Einer zu viel")).post(path());
        refused.then().statusCode(429).contentType(PROBLEM).body("status", equalTo(429))
                .body("detail", startsWith("Zu viele Beiträge in kurzer Zeit. Bitte in "));
        assertThat(Integer.parseInt(refused.header("Retry-After")), allOf(greaterThanOrEqualTo(1),
                lessThanOrEqualTo(61)));
        author.as().header("Accept-Language", "en").body(Map.of("body", "Noch einer")).post(path()).then()
                .statusCode(429).body("detail", startsWith("Too many comments in a short time. Please try again in "));
        assertEquals(0, Fixtures.commentCount(topic));
        Fixtures.expert().as().body(Map.of("body", "Andere Person")).post(path()).then().statusCode(201);
    }

    @Test
    void twoInstancesCountOneSlidingWindowWithTheSameTexts() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        CommentRateLimiter one = CommentRateLimiter.forChanges(2, clock, OtherInstanceCounters.counters());
        CommentRateLimiter two = CommentRateLimiter.forChanges(2, clock, OtherInstanceCounters.counters());
        inTransaction(() -> one.acquire(author.id()));
        clock.advance(Duration.ofSeconds(10));
        inTransaction(() -> two.acquire(author.id()));
        clock.advance(Duration.ofSeconds(10));
        ProblemException e = assertThrows(ProblemException.class, () -> inTransaction(() -> one.acquire(author.id())));
        assertEquals(429, e.status());
        assertEquals("41", e.headers().get("Retry-After"));
        assertEquals("Zu viele Bearbeitungen und Löschungen in kurzer Zeit. Bitte in 41 Sekunden erneut versuchen.",
                e.getMessage());
        assertEquals("Too many edits and deletions in a short time. Please try again in 41 seconds.",
                e.message(Locale.ENGLISH));
        clock.advance(Duration.ofSeconds(40));
        inTransaction(() -> two.acquire(author.id()));
    }

    @Test
    void parallelPostsHereAndOnAnotherInstanceShareOneBudget() throws Exception {
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "Parallel " + i;
            attempts.add(() -> author.as().body(Map.of("body", body)).post(path()).then().extract().statusCode());
            attempts.add(() -> {
                try {
                    inTransaction(() -> otherPosts.acquire(author.id()));
                    return 201;
                } catch (ProblemException e) {
                    assertTrue(Long.parseLong(e.headers().get("Retry-After")) >= 1);
                    return e.status();
                }
            });
        }
        List<Integer> statuses = parallel(attempts);
        assertEquals(PER_MINUTE, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(16 - PER_MINUTE, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void slotsOfWritesThatRolledBackOnAnotherInstanceCostNothingHere() {
        for (int i = 0; i < PER_MINUTE * 2; i++) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                otherPosts.acquire(author.id());
                throw new IllegalStateException("not stored");
            }));
        }
        for (int i = 0; i < PER_MINUTE; i++) {
            author.as().body(Map.of("body", "Beitrag " + i)).post(path()).then().statusCode(201);
        }
        author.as().body(Map.of("body", "Einer zu viel")).post(path()).then().statusCode(429);
    }

    @Test
    void deletingEditingAndRepliesToOneCommentAtOnceNeverFail() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                long id = Fixtures.comment(topic, author, "Gleich weg " + round, null);
                String text = "Geändert " + round;
                statuses.addAll(parallel(List.of(
                        () -> author.as().delete("/api/comments/" + id).then().extract().statusCode(),
                        () -> author.as().body(Map.of("body", text)).patch("/api/comments/" + id).then().extract()
                                .statusCode(),
                        () -> author.as().body(Map.of("body", "Antwort", "parentId", id)).post(path()).then()
                                .extract().statusCode())));
            }
            assertTrue(statuses.stream().allMatch(s -> s < 500), statuses.toString());
            assertEquals(List.of(), log.problems());
        }
    }

    private String path() {
        return "/api/topics/" + topic + "/comments";
    }

    private static void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    /** Runs the attempts at once; returns their results in order. */
    private static List<Integer> parallel(List<Callable<Integer>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> attempt : attempts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
