package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

/** A discussion's overview says how many joint demands and proposals it has, through discussion's outlet. */
@QuarkusTest
class DemandOverviewSectionTest {

    @Test
    void theOverviewCountsJointDemandsAndProposals() {
        long topic = Fixtures.freshTopic();
        BoardData.onTopic(topic, Fixtures.expert(), "Vorschlag für die Übersicht", false);
        BoardData.onTopic(topic, Fixtures.expert(), "Gemeinsam für die Übersicht", true);
        long pinned = count(Demand.Status.PINNED);
        long proposed = count(Demand.Status.PROPOSED);
        assertTrue(pinned >= 1 && proposed >= 1);

        String german = overview("de");
        assertTrue(german.contains("<h2 id=\"demands-overview-heading\">Gemeinsame Forderungen</h2>"), german);
        assertTrue(german.contains((pinned == 1 ? "1 gemeinsame Forderung" : pinned + " gemeinsame Forderungen")
                + " · " + (proposed == 1 ? "1 Vorschlag" : proposed + " Vorschläge")), german);
        assertTrue(german.contains("<a href=\"/api/discussions/" + Fixtures.SLUG + "/demands/export?format=pdf\">PDF</a>"),
                german);
        String english = overview("en");
        assertTrue(english.contains((pinned == 1 ? "1 joint demand" : pinned + " joint demands")
                + " · " + (proposed == 1 ? "1 proposal" : proposed + " proposals")), english);
    }

    private static long count(Demand.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> Demand.count("discussion.slug = ?1 and status = ?2",
                Fixtures.SLUG, status));
    }

    private static String overview(String language) {
        return given().cookie("tf_lang", language).get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().asString();
    }
}
