package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.audit.AuditEntry;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class DemandResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DEMANDS = "/api/discussions/" + Fixtures.SLUG + "/demands";

    private long topic;
    private User author;

    @BeforeEach
    void freshTopicAndAuthor() {
        topic = Fixtures.freshTopic();
        author = Fixtures.expert();
    }

    private Map<String, Object> demand(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("text", "Jedes Quartier braucht *einen* Raum.");
        body.put("topicIds", List.of(topic));
        return body;
    }

    private ValidatableResponse propose(User user, Object body) {
        return user.as().body(body).post(DEMANDS).then();
    }

    private ValidatableResponse vote(User user, long id, Object body) {
        return user.as().body(body).put("/api/demands/" + id + "/vote").then();
    }

    // --- proposing ---

    @Test
    void proposedDemandIsCreatedWithLocationAndFirstWording() {
        long comment = Fixtures.comment(topic, author, "Wir brauchen Räume.", null);
        Map<String, Object> body = demand("Verlässliche Räume");
        body.put("rationale", "Weil Treffpunkte fehlen.");
        body.put("originCommentId", comment);
        var response = propose(author, body).statusCode(201)
                .header("Location", startsWith("http"))
                .body("discussionSlug", equalTo(Fixtures.SLUG))
                .body("title", equalTo("Verlässliche Räume"))
                .body("textHtml", equalTo("<p>Jedes Quartier braucht <em>einen</em> Raum.</p>"))
                .body("rationale", equalTo("Weil Treffpunkte fehlen."))
                .body("topicIds", contains((int) topic))
                .body("originCommentId", equalTo((int) comment))
                .body("author.id", equalTo((int) author.id()))
                .body("status", equalTo("PROPOSED")).body("rank", nullValue())
                .body("wording", equalTo(1)).body("supportCount", equalTo(0))
                .body("votes.agree", equalTo(0)).body("consensus.state", equalTo("OPEN"))
                .body("consensus.reason", equalTo("TOO_FEW_VOTES"))
                .body("earlier.supports", equalTo(0))
                .body("mine.supported", equalTo(false)).body("mine.position", nullValue())
                .body("createdAt", notNullValue());
        long id = response.extract().jsonPath().getLong("id");
        response.header("Location", endsWith("/api/demands/" + id));
        DemandFixtures.get(id, null).statusCode(200).body("title", equalTo("Verlässliche Räume"))
                .body("mine", nullValue());
        given().get("/api/demands/" + id + "/versions").then().statusCode(200).body("", hasSize(1))
                .body("[0].number", equalTo(1)).body("[0].diff[0].op", equalTo("added"));
        assertTrue(audited("DEMAND_PROPOSED", id));
        assertTrue(journaled("demand.created", id));
    }

    @Test
    void titleIsRequiredAndAtMost200Characters() {
        propose(author, demand("")).statusCode(422).contentType(PROBLEM).body("field", equalTo("title"));
        propose(author, demand("   ")).statusCode(422).body("field", equalTo("title"));
        propose(author, demand("x".repeat(201))).statusCode(422).body("field", equalTo("title"));
        propose(author, demand("x".repeat(200))).statusCode(201);
    }

    @Test
    void textAndRationaleAreChecked() {
        Map<String, Object> body = demand("Titel");
        body.put("text", "");
        propose(author, body).statusCode(422).body("field", equalTo("text"));
        body.put("text", "y".repeat(5001));
        propose(author, body).statusCode(422).body("field", equalTo("text"));
        body.put("text", "Text");
        body.put("rationale", "z".repeat(2001));
        propose(author, body).statusCode(422).body("field", equalTo("rationale"));
    }

    @Test
    void topicsMustBeGivenAndOfThisDiscussion() {
        Map<String, Object> body = demand("Titel");
        body.put("topicIds", List.of());
        propose(author, body).statusCode(422).body("field", equalTo("topicIds"));
        body.remove("topicIds");
        propose(author, body).statusCode(422).body("field", equalTo("topicIds"));
        long foreign = DemandFixtures.foreignTopic();
        try {
            body.put("topicIds", List.of(foreign));
            propose(author, body).statusCode(422).body("field", equalTo("topicIds"));
        } finally {
            DemandFixtures.removeForeign(foreign);
        }
        body.put("topicIds", List.of(topic, 999_999_999L));
        propose(author, body).statusCode(422).body("field", equalTo("topicIds"));
    }

    @Test
    void originCommentMustExistInThisDiscussion() {
        Map<String, Object> body = demand("Titel");
        body.put("originCommentId", 999_999_999L);
        propose(author, body).statusCode(422).body("field", equalTo("originCommentId"));
        long foreign = DemandFixtures.foreignTopic();
        try {
            body.put("originCommentId", Fixtures.comment(foreign, author, "Anderswo", null));
            propose(author, body).statusCode(422).body("field", equalTo("originCommentId"));
        } finally {
            DemandFixtures.removeForeign(foreign);
        }
    }

    @Test
    void malformedJsonAndWrongTypesAreRefusedNamingTheField() {
        author.as().body("{\"title\": 5}").post(DEMANDS).then().statusCode(400).body("field", equalTo("title"));
        author.as().body("{\"topicIds\": \"eins\"}").post(DEMANDS).then().statusCode(400)
                .body("field", equalTo("topicIds"));
        author.as().body("{\"title\": \"a\"").post(DEMANDS).then().statusCode(400).contentType(PROBLEM);
        long id = DemandFixtures.propose(author, topic);
        vote(author, id, "{\"position\": 1}").statusCode(400).body("field", equalTo("position"));
    }

    @Test
    void unknownDiscussionAndDemandAre404() {
        author.as().body(demand("Titel")).post("/api/discussions/gibt-es-nicht/demands").then().statusCode(404);
        given().get("/api/discussions/gibt-es-nicht/demands").then().statusCode(404);
        given().get("/api/demands/999999999").then().statusCode(404).contentType(PROBLEM);
        author.as().put("/api/demands/999999999/support").then().statusCode(404);
        given().get("/api/demands/999999999/versions").then().statusCode(404);
    }

    @Test
    void anonymousWritesAre401() {
        given().contentType(ContentType.JSON).body(demand("Titel")).post(DEMANDS).then().statusCode(401);
        long id = DemandFixtures.propose(author, topic);
        given().put("/api/demands/" + id + "/support").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("position", "AGREE"))
                .put("/api/demands/" + id + "/vote").then().statusCode(401);
    }

    @Test
    void writesToDemandsOfALockedTopicAre409() {
        long id = DemandFixtures.propose(author, topic);
        Fixtures.lock(topic);
        propose(author, demand("Titel")).statusCode(409);
        author.as().body(Map.of("title", "Neu")).patch("/api/demands/" + id).then().statusCode(409);
        author.as().put("/api/demands/" + id + "/support").then().statusCode(409);
        vote(author, id, Map.of("position", "AGREE")).statusCode(409);
    }

    // --- list ---

    @Test
    void listFiltersAndSortsAndRefusesBadValues() {
        long older = DemandFixtures.propose(author, topic);
        long newer = DemandFixtures.propose(author, topic);
        Fixtures.expert().as().put("/api/demands/" + older + "/support").then().statusCode(200);
        List<Integer> newest = given().queryParam("topic", topic).get(DEMANDS).then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertEquals(List.of((int) newer, (int) older), newest);
        List<Integer> bySupport = given().queryParam("topic", topic).queryParam("sort", "support").get(DEMANDS)
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(List.of((int) older, (int) newer), bySupport);
        given().queryParam("topic", topic).queryParam("sort", "consensus").get(DEMANDS).then().statusCode(200)
                .body("", hasSize(2));
        given().queryParam("topic", topic).queryParam("state", "CARRIES").get(DEMANDS).then().statusCode(200)
                .body("", hasSize(0));
        given().queryParam("topic", topic).queryParam("state", "open").get(DEMANDS).then().statusCode(200)
                .body("", hasSize(2));
        given().queryParam("sort", "beliebt").get(DEMANDS).then().statusCode(422).body("field", equalTo("sort"));
        given().queryParam("state", "JA").get(DEMANDS).then().statusCode(422).body("field", equalTo("state"));
        given().queryParam("topic", "x").get(DEMANDS).then().statusCode(422).body("field", equalTo("topic"));
    }

    // --- editing and versions ---

    @Test
    void editMakesANewWordingWithDiffAndKeepsEarlierCounts() {
        long id = DemandFixtures.propose(author, topic);
        User supporter = Fixtures.expert();
        supporter.as().put("/api/demands/" + id + "/support").then().statusCode(200).body("supportCount", equalTo(1));
        vote(supporter, id, Map.of("position", "DISAGREE", "objection", "es Geld dafür gibt")).statusCode(200)
                .body("objections", hasSize(1));
        author.as().body(Map.of("text", "Jedes Quartier braucht einen verlässlichen Raum.", "note", "genauer"))
                .patch("/api/demands/" + id).then().statusCode(200)
                .body("wording", equalTo(2)).body("supportCount", equalTo(0)).body("votes.disagree", equalTo(0))
                .body("earlier.supports", equalTo(1)).body("earlier.disagree", equalTo(1))
                .body("objections", hasSize(0));
        DemandFixtures.get(id, supporter).body("mine.supported", equalTo(true))
                .body("mine.position", equalTo("DISAGREE")).body("mine.onEarlierWording", equalTo(true));
        supporter.as().put("/api/demands/" + id + "/support").then().statusCode(200)
                .body("supportCount", equalTo(1)).body("earlier.supports", equalTo(0));
        vote(supporter, id, Map.of("position", "DISAGREE")).statusCode(200)
                .body("votes.disagree", equalTo(1)).body("earlier.disagree", equalTo(0))
                .body("objections", hasSize(0)).body("mine.onEarlierWording", equalTo(false));
        given().get("/api/demands/" + id + "/versions").then().statusCode(200).body("", hasSize(2))
                .body("[1].number", equalTo(2)).body("[1].note", equalTo("genauer"))
                .body("[1].editor.id", equalTo((int) author.id()))
                .body("[1].diff.op", contains("same", "removed", "added", "same"))
                .body("[1].diff[1].text", equalTo("*einen*"))
                .body("[1].diff[2].text", equalTo("einen verlässlichen"));
        assertTrue(journaled("demand.edited", id));
        assertTrue(audited("DEMAND_EDITED", id));
    }

    @Test
    void onlyTheAuthorOrAModeratorEdits() {
        long id = DemandFixtures.propose(author, topic);
        Fixtures.expert().as().body(Map.of("title", "Fremd")).patch("/api/demands/" + id).then().statusCode(403)
                .contentType(PROBLEM);
        Fixtures.moderator().as().body(Map.of("title", "Moderiert")).patch("/api/demands/" + id).then()
                .statusCode(200).body("title", equalTo("Moderiert")).body("wording", equalTo(2));
        author.as().body(Map.of("title", "")).patch("/api/demands/" + id).then().statusCode(422)
                .body("field", equalTo("title"));
        long foreign = DemandFixtures.foreignTopic();
        try {
            author.as().body(Map.of("topicIds", List.of(foreign))).patch("/api/demands/" + id)
                    .then().statusCode(422).body("field", equalTo("topicIds"));
        } finally {
            DemandFixtures.removeForeign(foreign);
        }
    }

    @Test
    void pinnedDemandIsNoLongerEditedByItsAuthorAndMergedOneByNobody() {
        long id = DemandFixtures.propose(author, topic);
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(id);
            d.status = Demand.Status.PINNED;
            d.pinRank = 1;
        });
        author.as().body(Map.of("title", "Neu")).patch("/api/demands/" + id).then().statusCode(403);
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(id);
            d.status = Demand.Status.MERGED;
            d.pinRank = null;
        });
        Fixtures.moderator().as().body(Map.of("title", "Neu")).patch("/api/demands/" + id).then().statusCode(409);
    }

    // --- support and positions ---

    @Test
    void supportIsIdempotentAndWithdrawable() {
        long id = DemandFixtures.propose(author, topic);
        User expert = Fixtures.expert();
        for (int i = 0; i < 2; i++) {
            expert.as().put("/api/demands/" + id + "/support").then().statusCode(200)
                    .body("supportCount", equalTo(1)).body("mine.supported", equalTo(true));
        }
        for (int i = 0; i < 2; i++) {
            expert.as().delete("/api/demands/" + id + "/support").then().statusCode(200)
                    .body("supportCount", equalTo(0)).body("mine.supported", equalTo(false));
        }
        assertTrue(journaled("demand.supported", id));
        assertTrue(audited("DEMAND_SUPPORTED", id));
    }

    @Test
    void positionsAreCheckedAndObjectionsFollowThePosition() {
        long id = DemandFixtures.propose(author, topic);
        User expert = Fixtures.expert();
        vote(expert, id, Map.of("position", "MAYBE")).statusCode(422).body("field", equalTo("position"))
                .body("detail", equalTo("Bitte eine Haltung wählen: Zustimmung, Ablehnung oder Enthaltung "
                        + "(„position“: AGREE, DISAGREE oder PASS)."));
        vote(expert, id, Map.of()).statusCode(422).body("field", equalTo("position"));
        vote(expert, id, Map.of("position", "AGREE", "objection", "nie")).statusCode(422)
                .body("field", equalTo("objection")).body("detail", equalTo("Ein schwerwiegender Einwand ist nur "
                        + "zusammen mit einer Ablehnung möglich. Bitte „Ablehnung“ wählen oder den Einwand leer lassen."));
        vote(expert, id, Map.of("position", "DISAGREE", "objection", "o".repeat(501))).statusCode(422)
                .body("field", equalTo("objection"));
        vote(expert, id, Map.of("position", "DISAGREE", "objection", "die Miete gedeckelt wird")).statusCode(200)
                .body("votes.disagree", equalTo(1)).body("mine.position", equalTo("DISAGREE"))
                .body("objections[0].author.id", equalTo((int) expert.id()))
                .body("objections[0].text", equalTo("die Miete gedeckelt wird"))
                .body("objections[0].wording", equalTo(1));
        expert.as().get("/api/me/export").then().statusCode(200)
                .body("demands.votes.find { it.demandId == " + id + " }.objectionOpen", equalTo(true));
        expert.as().delete("/api/demands/" + id + "/vote/objection").then().statusCode(200)
                .body("objections", hasSize(0)).body("votes.disagree", equalTo(1));
        // The personal export still holds the text the forum keeps, marked as withdrawn.
        expert.as().get("/api/me/export").then().statusCode(200)
                .body("demands.votes.find { it.demandId == " + id + " }.objection",
                        equalTo("die Miete gedeckelt wird"))
                .body("demands.votes.find { it.demandId == " + id + " }.objectionOpen", equalTo(false));
        vote(expert, id, Map.of("position", "DISAGREE", "objection", "wieder")).statusCode(200)
                .body("objections", hasSize(1));
        vote(expert, id, Map.of("position", "PASS")).statusCode(200)
                .body("objections", hasSize(0)).body("votes.pass", equalTo(1)).body("votes.disagree", equalTo(0));
        assertTrue(journaled("demand.position", id));
    }

    @Test
    void consensusOfASmallCrowdIsShownWithTheCounts() {
        long id = DemandFixtures.propose(author, topic);
        List<User> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(Fixtures.expert());
        }
        for (int i = 0; i < 8; i++) {
            vote(crowd.get(i), id, Map.of("position", "AGREE")).statusCode(200);
        }
        for (int i = 8; i < 10; i++) {
            vote(crowd.get(i), id, Map.of("position", "DISAGREE")).statusCode(200);
        }
        DemandFixtures.get(id, null).body("votes.agree", equalTo(8)).body("votes.disagree", equalTo(2))
                .body("consensus.state", equalTo("CARRIES")).body("consensus.reason", nullValue())
                .body("consensus.share", equalTo(0.8f));
        vote(crowd.get(10), id, Map.of("position", "DISAGREE", "objection", "Träger mitreden")).statusCode(200)
                .body("consensus.state", equalTo("OPEN")).body("consensus.reason", equalTo("OPEN_OBJECTION"));
        crowd.get(10).as().delete("/api/demands/" + id + "/vote/objection").then().statusCode(200)
                .body("consensus.state", equalTo("CARRIES"));
        vote(crowd.get(11), id, Map.of("position", "DISAGREE")).statusCode(200);
        // 8 agree, 4 disagree: min 4 >= 12/3, so the group is divided
        DemandFixtures.get(id, null).body("consensus.state", equalTo("DIVIDES"));
        List<Integer> divided = given().queryParam("topic", topic).queryParam("state", "DIVIDES").get(DEMANDS)
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(List.of((int) id), divided);
    }

    @Test
    void theJsonNeverNamesWhoVotedOrSupported() {
        long id = DemandFixtures.propose(author, topic);
        List<User> voters = List.of(Fixtures.expert(), Fixtures.expert(), Fixtures.expert());
        voters.get(0).as().put("/api/demands/" + id + "/support").then().statusCode(200);
        vote(voters.get(0), id, Map.of("position", "AGREE")).statusCode(200);
        vote(voters.get(1), id, Map.of("position", "DISAGREE")).statusCode(200);
        vote(voters.get(2), id, Map.of("position", "PASS")).statusCode(200);
        List<String> documents = new ArrayList<>();
        documents.add(given().get("/api/demands/" + id).asString());
        documents.add(author.as().get("/api/demands/" + id).asString());
        documents.add(given().queryParam("topic", topic).get(DEMANDS).asString());
        documents.addAll(QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>list(
                "entityKind = ?1 and entityId = ?2", "demand", id).stream().map(e -> e.data).toList()));
        for (String json : documents) {
            for (User voter : voters) {
                assertFalse(json.matches("(?s).*\"id\":\\s*" + voter.id() + "\\b.*"), "voter id in " + json);
                assertFalse(json.contains(voter.email()));
            }
        }
    }

    // --- voting closed ---

    @Test
    void moderatorsCloseAndReopenVotingExpertsCannot() {
        long id = DemandFixtures.propose(author, topic);
        User expert = Fixtures.expert();
        vote(expert, id, Map.of("position", "AGREE")).statusCode(200);
        expert.as().post("/api/demands/" + id + "/voting/close").then().statusCode(403);
        User moderator = Fixtures.moderator();
        moderator.as().post("/api/demands/" + id + "/voting/close").then().statusCode(200)
                .body("votingClosedAt", notNullValue()).body("votes.agree", equalTo(1));
        vote(expert, id, Map.of("position", "PASS")).statusCode(409).contentType(PROBLEM);
        expert.as().put("/api/demands/" + id + "/support").then().statusCode(409);
        expert.as().delete("/api/demands/" + id + "/support").then().statusCode(409);
        // The wording that was voted on stays, for its author and the moderators alike; so does the result.
        for (User editor : List.of(author, moderator)) {
            editor.as().body(Map.of("text", "Ein neuer Wortlaut nach der Abstimmung")).patch("/api/demands/" + id)
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("Wortlaut bleibt, wie er abgestimmt wurde"));
        }
        given().get("/api/demands/" + id).then().statusCode(200).body("wording", equalTo(1))
                .body("votes.agree", equalTo(1));
        moderator.as().post("/api/demands/" + id + "/voting/open").then().statusCode(200)
                .body("votingClosedAt", nullValue());
        vote(expert, id, Map.of("position", "PASS")).statusCode(200).body("votes.pass", equalTo(1));
        assertTrue(audited("DEMAND_VOTING_CLOSED", id));
        assertTrue(audited("DEMAND_VOTING_OPENED", id));
    }

    @Test
    void openApiDocumentListsTheDemandEndpoints() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/discussions/{slug}/demands"))
                .body(containsString("/api/demands/{id}/vote/objection"))
                .body(containsString("/api/demands/{id}/voting/close"));
    }

    private static boolean audited(String action, long id) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.count("action = ?1 and targetId = ?2", action, id) > 0);
    }

    private static boolean journaled(String type, long id) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.count(
                "type = ?1 and entityKind = ?2 and entityId = ?3", type, "demand", id) > 0);
    }
}
