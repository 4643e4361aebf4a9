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
        long proposal = demand(topic, author, "Sprachkurse im Quartier <b>sofort</b>", false);
        long joint = demand(topic, author, "Quartiersfonds für Ankunftsorte", true);
        int rank = QuarkusTransaction.requiringNew().call(() -> Demand.<Demand>findById(joint).pinRank);
        for (int i = 0; i < 4; i++) {
            position(joint, Fixtures.expert(), Stance.AGREE);
        }
        position(joint, Fixtures.expert(), Stance.DISAGREE);
        support(joint, Fixtures.expert());

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
        long merged = demand(topic, Fixtures.expert(), "Doppelt", false);
        QuarkusTransaction.requiringNew().run(() -> Demand.<Demand>findById(merged).status = Demand.Status.REJECTED);
        assertFalse(page(topic, "de").contains("topic-demand-" + merged));
    }

    private static String page(long topic, String language) {
        return given().cookie("tf_lang", language).get("/topics/" + topic).then().statusCode(200).extract().asString();
    }

    /** A demand stored directly; a pinned one goes to the end of its discussion's joint demands. */
    static long demand(long topicId, User author, String title, boolean pinned) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic topic = Topic.findById(topicId);
            Integer rank = null;
            if (pinned) {
                // As the moderators' pinning does: the discussion row's lock keeps ranks 1..n under parallel tests.
                Demand.getEntityManager().createNativeQuery(
                        "UPDATE discussions SET pinned_revision = pinned_revision + 1 WHERE id = ?1")
                        .setParameter(1, topic.discussion.id).executeUpdate();
                rank = (int) Demand.count("discussion = ?1 and status = ?2", topic.discussion, Demand.Status.PINNED) + 1;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Demand d = new Demand();
            d.discussion = topic.discussion;
            d.author = Account.findById(author.id());
            d.topics.add(topic);
            d.wording = 1;
            d.title = title;
            d.body = "Text von " + title;
            d.status = pinned ? Demand.Status.PINNED : Demand.Status.PROPOSED;
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
