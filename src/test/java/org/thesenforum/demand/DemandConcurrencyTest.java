package org.thesenforum.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/** Parallel supports and positions count each account once, and a lost race answers like the idempotent repeat. */
@QuarkusTest
class DemandConcurrencyTest {

    @Test
    void parallelSupportsAndVotesCountEachAccountOnce() throws Exception {
        long id = DemandFixtures.propose(Fixtures.expert(), Fixtures.freshTopic());
        User same = Fixtures.expert();
        List<User> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(Fixtures.expert());
        }
        // Signed in once each: parallel HTTP Basic logins of one account would meet the login throttle.
        String sameSession = PageForms.signIn(same);
        List<String> otherSessions = others.stream().map(PageForms::signIn).toList();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> as(sameSession).put("/api/demands/" + id + "/support").statusCode());
            calls.add(() -> as(sameSession).body(Map.of("position", "AGREE")).put("/api/demands/" + id + "/vote")
                    .statusCode());
        }
        for (String other : otherSessions) {
            for (int i = 0; i < 3; i++) {
                calls.add(() -> as(other).put("/api/demands/" + id + "/support").statusCode());
                calls.add(() -> as(other).body(Map.of("position", "DISAGREE"))
                        .put("/api/demands/" + id + "/vote").statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> results = pool.invokeAll(calls);
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        DemandFixtures.get(id, null).statusCode(200).body("supportCount", equalTo(6))
                .body("votes.agree", equalTo(1)).body("votes.disagree", equalTo(5));
        long supports = QuarkusTransaction.requiringNew().call(() -> Support.count("demand.id", id));
        long positions = QuarkusTransaction.requiringNew().call(() -> Position.count("demand.id", id));
        assertEquals(6, supports);
        assertEquals(6, positions);
    }

    private static RequestSpecification as(String session) {
        return PageForms.browser(session).contentType(ContentType.JSON);
    }
}
