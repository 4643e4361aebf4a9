package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.demand.Position.Stance;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** A topic page lists the demands linked to it, through the topic page's section outlet. */
@QuarkusTest
class DemandTopicSectionTest {

    @Test
    void aTopicWithoutDemandsShowsNoDemandSection() {
        long topic = Fixtures.freshTopic();
        assertFalse(page(topic, "de").contains("demands-on-topic"));
    }

    @Test
    void jointDemandsComeFirstWithTheirCountsAndIndicator() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long proposal = BoardData.onTopic(topic, author, "Sprachkurse im Quartier <b>sofort</b>", false);
        long joint = BoardData.onTopic(topic, author, "Quartiersfonds für Ankunftsorte", true);
        int rank = QuarkusTransaction.requiringNew().call(() -> Demand.<Demand>findById(joint).pinRank);
        for (int i = 0; i < 4; i++) {
            BoardData.position(joint, Fixtures.expert(), Stance.AGREE);
        }
        BoardData.position(joint, Fixtures.expert(), Stance.DISAGREE);
        BoardData.support(joint, Fixtures.expert());

        String html = page(topic, "de");
        String section = html.substring(html.indexOf("demands-on-topic"));
        assertTrue(section.contains("Forderungen zu diesem Thema"), section);
        assertTrue(section.indexOf("topic-demand-" + joint) < section.indexOf("topic-demand-" + proposal), section);
        assertTrue(section.contains("Gemeinsame Forderung Nr. " + rank), section);
        assertTrue(section.contains("1 Unterstützung · 4 dafür · 1 dagegen · 0 Enthaltungen"), section);
        assertTrue(section.contains("consensus-carries"), section);
        // What people typed is shown as text.
        assertTrue(section.contains("Sprachkurse im Quartier &lt;b&gt;sofort&lt;/b&gt;"), section);
        assertFalse(section.contains("<b>sofort"), section);

        String english = page(topic, "en");
        assertTrue(english.contains("Demands on this topic"), english);
        assertTrue(english.contains("Joint demand no. " + rank), english);
    }

    @Test
    void aRejectedDemandIsNotListed() {
        long topic = Fixtures.freshTopic();
        long merged = BoardData.onTopic(topic, Fixtures.expert(), "Doppelt", false);
        QuarkusTransaction.requiringNew().run(() -> Demand.<Demand>findById(merged).status = Demand.Status.REJECTED);
        assertFalse(page(topic, "de").contains("topic-demand-" + merged));
    }

    private static String page(long topic, String language) {
        return given().cookie("tf_lang", language).get("/topics/" + topic).then().statusCode(200).extract().asString();
    }
}
