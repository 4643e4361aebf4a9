package org.thesenforum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.cluster.SharedCounters.Budget;
import org.thesenforum.cluster.SharedCounters.Taken;

/**
 * The counters several instances share, on PostgreSQL (skipped on H2, where nothing uses them): two counter objects
 * with instance ids of their own stand for two instances of the forum on one database.
 */
@QuarkusTest
class SharedCountersTest {

    private static final String SCOPE = "test-shared";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    private SharedCounters one;
    private SharedCounters two;
    private Instant now;
    private String key;

    @BeforeEach
    void twoInstances() {
        assumeTrue(OtherInstanceCounters.sharedDatabase(), "counters are shared on PostgreSQL only");
        one = OtherInstanceCounters.counters();
        two = OtherInstanceCounters.counters();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        key = SCOPE + ":" + System.nanoTime();
    }

    @AfterEach
    void forget() {
        if (one != null) {
            one.forget(SCOPE);
        }
    }

    @Test
    void aBudgetSpentOnOneInstanceRefusesOnTheOther() {
        Budget budget = new Budget(key, 3, MINUTE);
        assertTrue(one.take(now, budget).granted());
        assertTrue(one.take(now.plusSeconds(10), budget).granted());
        assertTrue(two.take(now.plusSeconds(20), budget).granted());
        Taken refused = two.take(now.plusSeconds(30), budget);
        assertFalse(refused.granted());
        assertEquals(31, refused.retryAfter(), "until the first slot, taken on the other instance, leaves the window");
        assertEquals(31, one.take(now.plusSeconds(30), budget).retryAfter());
        assertTrue(two.take(now.plusSeconds(60), budget).granted(), "the first slot has left the window");
        assertEquals(3, OtherInstanceCounters.live(key, SharedCounters.SLOT, now.plusSeconds(60)));
    }

    @Test
    void parallelTakesOnTwoInstancesNeverExceedTheLimit() throws Exception {
        Budget budget = new Budget(key, 5, MINUTE);
        List<Boolean> granted = parallel(24, i -> (i % 2 == 0 ? one : two).take(now, budget).granted());
        assertEquals(5, granted.stream().filter(g -> g).count(), granted.toString());
        assertEquals(5, OtherInstanceCounters.live(key, SharedCounters.SLOT, now));
    }

    @Test
    void aSlotTakenWithinATransactionThatRollsBackIsFreeOnEveryInstance() {
        Budget budget = new Budget(key, 1, MINUTE);
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(one.takeWithin(now, budget).granted());
                throw new IllegalStateException("not stored");
            }));
        }
        QuarkusTransaction.requiringNew().run(() -> assertTrue(two.takeWithin(now, budget).granted()));
        assertEquals(61, one.take(now, budget).retryAfter(), "the committed slot counts");
    }

    @Test
    void takingWithinNeedsTheCallersTransaction() {
        assertThrows(IllegalStateException.class, () -> one.takeWithin(now, new Budget(key, 1, MINUTE)));
        assertThrows(IllegalStateException.class, () -> one.lockWithin(key));
    }

    @Test
    void aKeyLockedOnOneInstanceWaitsOnTheOtherUntilTheTransactionEnds() throws Exception {
        Budget budget = new Budget(key, 1, MINUTE);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            one.lockWithin(key);
            locked.countDown();
            await(release);
            assertTrue(one.takeWithin(now, budget).granted());
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        CompletableFuture<Taken> waiting = CompletableFuture.supplyAsync(() -> two.take(now, budget));
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "the other instance waits for the lock");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertEquals(61, waiting.get(10, TimeUnit.SECONDS).retryAfter(), "and then sees the committed slot");
    }

    @Test
    void aRequestTakesEveryBudgetOrNone() {
        Budget email = new Budget(key + ":email", 1, MINUTE);
        Budget requester = new Budget(key + ":requester", 2, MINUTE);
        assertTrue(one.take(now, email, requester).granted());
        assertFalse(two.take(now, email, requester).granted());
        assertTrue(two.take(now, requester).granted(), "the refused request took no slot of the other budget");
        assertFalse(one.take(now, requester).granted());
    }

    @Test
    void entriesLiveOnlyUntilTheirExpiry() {
        List<String> keys = List.of(key);
        one.locked(keys, now, tally -> {
            tally.add(key, "mark", now.plusSeconds(5));
            tally.add(key, "mark", now.plusSeconds(9));
            return null;
        });
        assertEquals(2, OtherInstanceCounters.live(key, "mark", now.plusSeconds(4)));
        assertEquals(1, OtherInstanceCounters.live(key, "mark", now.plusSeconds(5)));
        assertEquals(0, OtherInstanceCounters.live(key, "mark", now.plusSeconds(9)));
        assertEquals(now.plusSeconds(9), two.locked(keys, now.plusSeconds(6),
                tally -> tally.soonestExpiry(key, "mark").orElseThrow()));
    }

    @Test
    void anInstanceRemovesOnlyItsOwnEntriesOneAtATime() {
        List<String> keys = List.of(key);
        one.locked(keys, now, tally -> {
            tally.add(key, "pending", now.plus(MINUTE));
            return null;
        });
        assertFalse(two.<Boolean>locked(keys, now, tally -> tally.removeOwn(key, "pending")));
        two.locked(keys, now, tally -> {
            tally.add(key, "pending", now.plus(MINUTE));
            tally.add(key, "pending", now.plus(MINUTE));
            return null;
        });
        assertTrue(two.<Boolean>locked(keys, now, tally -> tally.removeOwn(key, "pending")));
        assertEquals(2, OtherInstanceCounters.live(key, "pending", now));
        assertEquals(2, one.<Integer>locked(keys, now, tally -> tally.removeAll(key, "pending")));
        assertEquals(0, OtherInstanceCounters.live(key, "pending", now));
    }

    @Test
    void theTableKeepsTheScopeAndAHashNeverTheSubject() {
        String email = "x".repeat(5000) + "@example.org";
        Budget budget = new Budget(SCOPE + ":" + email, 1, MINUTE);
        assertTrue(one.take(now, budget).granted());
        assertFalse(two.take(now, budget).granted());
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT limit_key FROM shared_limits WHERE limit_key LIKE 'test-shared:%'").getResultList());
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).toString().matches("test-shared:[0-9a-f]{64}"), stored.toString());
        assertThrows(IllegalArgumentException.class, () -> one.take(now, new Budget("no scope", 1, MINUTE)));
        assertThrows(IllegalArgumentException.class, () -> one.forget("test_%"));
    }

    @Test
    void theCleanupDeletesExpiredEntriesAndTwoInstancesMayRunItAtOnce() throws Exception {
        Instant past = now.minus(Duration.ofHours(2));
        one.locked(List.of(key), past, tally -> {
            for (int i = 0; i < 20; i++) {
                tally.add(key, "old", past.plus(MINUTE));
            }
            return null;
        });
        assertTrue(one.take(now, new Budget(key, 5, MINUTE)).granted());
        List<Integer> removed = parallel(2, i -> (i == 0 ? one : two).removeExpired(now.minus(Duration.ofHours(1))));
        assertTrue(removed.stream().mapToInt(Integer::intValue).sum() >= 20, removed.toString());
        assertEquals(0, countRows(key, "old"));
        assertEquals(1, countRows(key, SharedCounters.SLOT), "a live entry stays");
    }

    @Test
    void forgettingAScopeLeavesTheOthers() {
        Budget other = new Budget("test-other:" + System.nanoTime(), 1, MINUTE);
        assertTrue(one.take(now, new Budget(key, 1, MINUTE), other).granted());
        two.forget(SCOPE);
        assertTrue(one.take(now, new Budget(key, 1, MINUTE)).granted());
        assertFalse(one.take(now, other).granted());
        two.forget("test-other");
    }

    private long countRows(String key, String kind) {
        String stored = SharedCounters.StoredKey.of(key).text();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM shared_limits WHERE limit_key = ?1 AND kind = ?2").setParameter(1, stored)
                .setParameter(2, kind).getSingleResult()).longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Attempt<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code count} attempts at once and returns their results in order. */
    private static <T> List<T> parallel(int count, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.run(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
