package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.discussion.Topic;
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
        long proposal = demand(topic, author, "Sprachkurse im Quartier <b>sofort</b>", null);
        long joint = demand(topic, author, "Quartiersfonds für Ankunftsorte", 1);
        for (int i = 0; i < 4; i++) {
            position(joint, Fixtures.expert(), Stance.AGREE);
        }
        position(joint, Fixtures.expert(), Stance.DISAGREE);
        support(joint, Fixtures.expert());

        String html = page(topic, "de");
        String section = html.substring(html.indexOf("demands-on-topic"));
        assertTrue(section.contains("Forderungen zu diesem Thema"), section);
        assertTrue(section.indexOf("topic-demand-" + joint) < section.indexOf("topic-demand-" + proposal), section);
        assertTrue(section.contains("Gemeinsame Forderung Nr. 1"), section);
        assertTrue(section.contains("1 Unterstützung · 4 dafür · 1 dagegen · 0 Enthaltungen"), section);
        assertTrue(section.contains("consensus-carries"), section);
        // What people typed is shown as text.
        assertTrue(section.contains("Sprachkurse im Quartier &lt;b&gt;sofort&lt;/b&gt;"), section);
        assertFalse(section.contains("<b>sofort"), section);

        String english = page(topic, "en");
        assertTrue(english.contains("Demands on this topic"), english);
        assertTrue(english.contains("Joint demand no. 1"), english);
    }

    @Test
    void mergedAndRejectedDemandsAreNotListed() {
        long topic = Fixtures.freshTopic();
        long merged = demand(topic, Fixtures.expert(), "Doppelt", null);
        QuarkusTransaction.requiringNew().run(() -> Demand.<Demand>findById(merged).status = Demand.Status.REJECTED);
        assertFalse(page(topic, "de").contains("topic-demand-" + merged));
    }

    private static String page(long topic, String language) {
        return given().cookie("tf_lang", language).get("/topics/" + topic).then().statusCode(200).extract().asString();
    }

    static long demand(long topicId, User author, String title, Integer rank) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic topic = Topic.findById(topicId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Demand d = new Demand();
            d.discussion = topic.discussion;
            d.author = Account.findById(author.id());
            d.topics.add(topic);
            d.wording = 1;
            d.title = title;
            d.body = "Text von " + title;
            d.status = rank == null ? Demand.Status.PROPOSED : Demand.Status.PINNED;
            d.pinRank = rank;
            d.createdAt = now;
            d.updatedAt = now;
            d.persist();
            DemandVersion v = new DemandVersion();
            v.demand = d;
            v.number = 1;
            v.title = d.title;
            v.body = d.body;
            v.editor = d.author;
            v.createdAt = now;
            v.persist();
            return d.id;
        });
    }

    private static void position(long demandId, User account, Stance stance) {
        QuarkusTransaction.requiringNew().run(() -> {
            Position p = new Position();
            p.demand = Demand.findById(demandId);
            p.account = Account.findById(account.id());
            p.wording = 1;
            p.stance = stance;
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            p.persist();
        });
    }

    private static void support(long demandId, User account) {
        QuarkusTransaction.requiringNew().run(() -> {
            Support s = new Support();
            s.demand = Demand.findById(demandId);
            s.account = Account.findById(account.id());
            s.wording = 1;
            s.createdAt = Instant.now();
            s.persist();
        });
    }
}
