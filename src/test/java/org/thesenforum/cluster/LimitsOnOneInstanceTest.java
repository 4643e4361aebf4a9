package org.thesenforum.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

/** On H2 the forum is one instance: the limits count in memory and the shared table stays empty. */
@QuarkusTest
class LimitsOnOneInstanceTest {

    @Inject
    SharedCounters counters;

    @Inject
    EntityManager em;

    @Test
    void limitsCountInMemoryAndTheCleanupLeavesTheDatabaseAlone() {
        assumeFalse(OtherInstanceCounters.sharedDatabase(), "one instance: H2");
        Fixtures.User expert = Fixtures.expert();
        expert.as().body(Map.of("body", "Ein Beitrag")).post("/api/topics/" + Fixtures.freshTopic() + "/comments")
                .then().statusCode(201);
        given().auth().preemptive().basic(expert.email(), "falsch-geraten").get("/api/me").then().statusCode(401);
        counters.removeExpired();
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM shared_limits").getSingleResult()).longValue()));
    }
}
