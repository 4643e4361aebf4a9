package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Moderators changing one discussion's board at the same time, over real HTTP requests, as real clients would. */
@QuarkusTest
class DemandBoardConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 10;
    private static final int DEMANDS = 10;

    private final List<String> discussions = new ArrayList<>();

    @AfterEach
    void dropDiscussions() {
        discussions.forEach(BoardData::drop);
    }

    @Test
    void parallelPinsUnpinsAndReordersKeepRanksWholeAndCountEveryWrite() throws Exception {
        String slug = BoardData.discussion();
        discussions.add(slug);
        User author = Fixtures.expert();
        List<User> moderators = List.of(Fixtures.moderator(), Fixtures.moderator());
        List<Long> demands = IntStream.range(0, DEMANDS)
                .mapToObj(i -> BoardData.demand(slug, author, "Forderung " + i)).toList();
        String pinned = "/api/discussions/" + slug + "/pinned";

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                User moderator = moderators.get(t % 2);
                Random random = new Random(t);
                results.add(pool.submit((Callable<Integer>) () -> {
                    int written = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        Response response = switch (random.nextInt(3)) {
                            case 0 -> {
                                int size = given().get(pinned).then().extract().jsonPath().getList("order").size();
                                yield moderator.as().body(Map.of("rank", 1 + random.nextInt(size + 1)))
                                        .put("/api/demands/" + pick(demands, random) + "/pin");
                            }
                            case 1 -> moderator.as().delete("/api/demands/" + pick(demands, random) + "/pin");
                            default -> {
                                JsonPath current = given().get(pinned).then().extract().jsonPath();
                                List<Long> order = new ArrayList<>(current.getList("order", Long.class));
                                java.util.Collections.shuffle(order, random);
                                yield moderator.as().body(Map.of("order", order, "revision",
                                        current.getLong("revision"))).put(pinned);
                            }
                        };
                        int status = response.statusCode();
                        // 409: not pinned, or a stale revision; 422: the list grew or shrank since the read.
                        assertTrue(status == 200 || status == 409 || status == 422,
                                "unexpected " + status + ": " + response.asString());
                        if (status == 200) {
                            written++;
                        }
                    }
                    return written;
                }));
            }
            int written = 0;
            for (Future<Integer> result : results) {
                written += result.get(2, TimeUnit.MINUTES);
            }

            JsonPath state = given().get(pinned).then().statusCode(200).extract().jsonPath();
            List<Long> order = state.getList("order", Long.class);
            List<Integer> ranks = BoardData.ranks(slug);
            assertEquals(IntStream.rangeClosed(1, ranks.size()).boxed().toList(), ranks, "ranks are 1..n");
            assertEquals(ranks.size(), order.size());
            assertEquals(order.size(), new HashSet<>(order).size(), "no demand twice");
            assertTrue(demands.containsAll(order));
            assertEquals(0, BoardData.strayRanks(slug), "no rank outside the pinned list");
            assertEquals(DEMANDS, BoardData.demandCount(slug), "no demand lost");
            for (long id : demands) {
                Demand.Status status = BoardData.status(id);
                assertEquals(order.contains(id) ? Demand.Status.PINNED : Demand.Status.PROPOSED, status);
            }
            assertTrue(written > 0);
            // A write that changed nothing (a demand pinned at the rank it had, the order sent as it was) answers 200
            // without counting; every write that changed the list is audited once and counted once.
            long changed = QuarkusTransaction.requiringNew().call(() -> Demand.getEntityManager().createQuery(
                    "select count(e) from AuditEntry e where e.action in ('DEMAND_PINNED', 'DEMAND_UNPINNED', "
                    + "'DEMAND_PINS_REORDERED') and ((e.targetType = 'demand' and e.targetId in ?1) "
                    + "or (e.targetType = 'discussion' and e.targetId = "
                    + "(select d.id from Discussion d where d.slug = ?2)))", Long.class)
                    .setParameter(1, demands).setParameter(2, slug).getSingleResult());
            assertTrue(changed <= written);
            assertEquals(changed, state.getLong("revision"), "every write that changed the list counted once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelMergesIntoOneDemandCountEachAccountOnce() throws Exception {
        String slug = BoardData.discussion();
        discussions.add(slug);
        User author = Fixtures.expert();
        User moderator = Fixtures.moderator();
        List<User> people = IntStream.range(0, 6).mapToObj(i -> Fixtures.expert()).toList();
        long target = BoardData.demand(slug, author, "Ziel");
        BoardData.support(target, people.get(0));
        BoardData.position(target, people.get(0), Position.Stance.AGREE);
        List<Long> duplicates = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            long duplicate = BoardData.demand(slug, author, "Duplikat " + d);
            // Overlapping supporters: everybody is on several duplicates, person 0 on the target too.
            for (int p = 0; p < people.size(); p++) {
                if ((p + d) % 3 != 0) {
                    BoardData.support(duplicate, people.get(p));
                    BoardData.position(duplicate, people.get(p), Position.Stance.DISAGREE);
                }
            }
            duplicates.add(duplicate);
        }
        // Two of them pinned, so the merges also change the pinned list while they run.
        moderator.as().body(Map.of()).put("/api/demands/" + duplicates.get(0) + "/pin").then().statusCode(200);
        moderator.as().body(Map.of()).put("/api/demands/" + target + "/pin").then().statusCode(200);
        moderator.as().body(Map.of()).put("/api/demands/" + duplicates.get(1) + "/pin").then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> merges = new ArrayList<>();
            for (long duplicate : duplicates) {
                merges.add(pool.submit(() -> moderator.as().body(Map.of("into", target))
                        .post("/api/demands/" + duplicate + "/merge").statusCode()));
            }
            // Two demands merged into each other at once: exactly one of them can win.
            long left = BoardData.demand(slug, author, "Links");
            long right = BoardData.demand(slug, author, "Rechts");
            BoardData.support(left, people.get(1));
            BoardData.support(right, people.get(1));
            Future<Integer> leftIntoRight = pool.submit(() -> moderator.as().body(Map.of("into", right))
                    .post("/api/demands/" + left + "/merge").statusCode());
            Future<Integer> rightIntoLeft = pool.submit(() -> moderator.as().body(Map.of("into", left))
                    .post("/api/demands/" + right + "/merge").statusCode());
            for (Future<Integer> merge : merges) {
                assertEquals(200, merge.get(2, TimeUnit.MINUTES));
            }
            List<Integer> crossed = List.of(leftIntoRight.get(2, TimeUnit.MINUTES),
                    rightIntoLeft.get(2, TimeUnit.MINUTES)).stream().sorted().toList();
            assertEquals(List.of(200, 409), crossed);

            List<Long> supporters = BoardData.supporters(target);
            assertEquals(people.stream().map(User::id).sorted().toList(), supporters, "each account once");
            assertEquals(people.size(), BoardData.positionCount(target));
            assertEquals(Position.Stance.AGREE, BoardData.stance(target, people.get(0)), "the target's stands");
            assertEquals(List.of(1), BoardData.ranks(slug));
            given().get("/api/discussions/" + slug + "/pinned").then().statusCode(200)
                    .body("order", org.hamcrest.Matchers.contains((int) target));
            long survivor = BoardData.status(left) == Demand.Status.MERGED ? right : left;
            assertEquals(Demand.Status.PROPOSED, BoardData.status(survivor));
            assertEquals(List.of(people.get(1).id()), BoardData.supporters(survivor), "on both, counted once");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Supports given through the API while their demands are merged: every request ends in 200 (before the merge)
     * or 409 (merged), never in an error, and every account that got its 200 is counted once on the target. Every
     * demand write takes the discussion's lock before a demand row, so a merge and a support cannot deadlock.
     */
    @Test
    void supportsGivenWhileDemandsAreMergedEndInAnAnswerAndCountOnce() throws Exception {
        String slug = BoardData.discussion();
        discussions.add(slug);
        User author = Fixtures.expert();
        User moderator = Fixtures.moderator();
        long target = BoardData.demand(slug, author, "Ziel der Unterstützungen");
        List<Long> duplicates = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            duplicates.add(BoardData.demand(slug, author, "Doppelt " + d));
        }
        List<User> people = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            people.add(Fixtures.expert());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> supports = new ArrayList<>();
            List<Future<Integer>> merges = new ArrayList<>();
            for (int p = 0; p < people.size(); p++) {
                User person = people.get(p);
                long demand = duplicates.get(p % duplicates.size());
                supports.add(pool.submit(() -> person.as().body(Map.of()).put("/api/demands/" + demand + "/support")
                        .statusCode()));
                if (p % 3 == 0) {
                    long duplicate = duplicates.get(p / 3);
                    merges.add(pool.submit(() -> moderator.as().body(Map.of("into", target))
                            .post("/api/demands/" + duplicate + "/merge").statusCode()));
                }
            }
            List<Long> supported = new ArrayList<>();
            for (int p = 0; p < people.size(); p++) {
                int status = supports.get(p).get(2, TimeUnit.MINUTES);
                assertTrue(status == 200 || status == 409, "support answered " + status);
                if (status == 200) {
                    supported.add(people.get(p).id());
                }
            }
            for (Future<Integer> merge : merges) {
                assertEquals(200, merge.get(2, TimeUnit.MINUTES));
            }
            assertEquals(supported.stream().sorted().toList(), BoardData.supporters(target),
                    "each supporter of a merged duplicate once on the target");
        } finally {
            pool.shutdownNow();
        }
    }

    private static long pick(List<Long> demands, Random random) {
        return demands.get(random.nextInt(demands.size()));
    }
}
