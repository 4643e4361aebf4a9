package org.thesenforum.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** The notifications API: what creates a notification, for whom not, and reading and marking one's own. */
@QuarkusTest
class NotificationResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String LIST = "/api/me/notifications";

    private static long post(User author, long topic, String body, Long parentId) {
        Map<String, Object> request = parentId == null ? Map.of("body", body) : Map.of("body", body, "parentId", parentId);
        return author.as().body(request).post("/api/topics/" + topic + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath list(User user) {
        return user.as().get(LIST).then().statusCode(200).extract().jsonPath();
    }

    private static String nameOf(User user) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(user.id()).displayName);
    }

    @Test
    void aReplyNotifiesTheAuthorAnsweredWithASentenceAndALink() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        long reply = post(jan, topic, "Eine Antwort", comment);

        JsonPath page = list(maria);
        assertEquals(1, page.getInt("unread"));
        assertEquals(1, page.getInt("latestSeq"));
        assertEquals("REPLY", page.getString("notifications[0].kind"));
        assertEquals(1, page.getInt("notifications[0].seq"));
        assertEquals(false, page.getBoolean("notifications[0].read"));
        assertEquals("/topics/" + topic + "#c" + reply, page.getString("notifications[0].url"));
        assertEquals(nameOf(jan) + " hat auf Ihren Beitrag in Ansatz " + topicNumber(topic) + " geantwortet.",
                page.getString("notifications[0].text"));
        // The one who answered hears nothing of it.
        assertEquals(0, list(jan).getList("notifications").size());
    }

    private static int topicNumber(long topic) {
        return QuarkusTransaction.requiringNew().call(
                () -> org.thesenforum.discussion.Topic.<org.thesenforum.discussion.Topic>findById(topic).number);
    }

    @Test
    void answeringOneselfNotifiesNobody() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(maria, topic, "Nachtrag", comment);
        assertEquals(0, list(maria).getInt("unread"));
    }

    @Test
    void aMentionNotifiesTheNamedPersonOnceEvenWhenTheCommentIsEdited() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        User lena = Fixtures.expert();
        long comment = post(jan, topic, "Was meint @" + nameOf(maria) + " dazu?", null);
        assertEquals(List.of("MENTION"), list(maria).getList("notifications.kind"));
        jan.as().body(Map.of("body", "Was meinen @" + nameOf(maria) + " und @" + nameOf(lena) + " dazu?"))
                .patch("/api/comments/" + comment).then().statusCode(200);
        assertEquals(List.of("MENTION"), list(maria).getList("notifications.kind"));
        assertEquals(List.of("MENTION"), list(lena).getList("notifications.kind"));
        assertEquals("/topics/" + topic + "#c" + comment, list(lena).getString("notifications[0].url"));
        // The comment shows the mention as a marked name.
        given().get("/api/comments/" + comment).then().body("bodyHtml", containsString("<span class=\"mention\">"));
    }

    @Test
    void aReplyThatNamesTheAnsweredPersonTellsThemOnceAsAReply() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        long reply = post(jan, topic, "Genau, @" + nameOf(maria) + "!", comment);
        jan.as().body(Map.of("body", "Genau so, @" + nameOf(maria) + "!")).patch("/api/comments/" + reply)
                .then().statusCode(200);
        assertEquals(List.of("REPLY"), list(maria).getList("notifications.kind"));
    }

    @Test
    void mentioningOneselfOrAnUnknownNameNotifiesNobody() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        post(maria, topic, "Ich, @" + nameOf(maria) + ", und @Niemand Bekanntes", null);
        assertEquals(0, list(maria).getInt("unread"));
    }

    @Test
    void aDisabledAccountIsNotNotified() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(maria.id()).enabled = false);
        post(jan, topic, "Antwort an @" + nameOf(maria), comment);
        long stored = QuarkusTransaction.requiringNew().call(() -> Notification.count("accountId", maria.id()));
        assertEquals(0, stored);
    }

    @Test
    void aHiddenCommentNotifiesNobodyWhenEdited() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = post(jan, topic, "Noch ohne Namen", null);
        Fixtures.moderator().as().body(Map.of("reason", "Test")).post("/api/comments/" + comment + "/hide")
                .then().statusCode(200);
        jan.as().body(Map.of("body", "Jetzt mit @" + nameOf(maria))).patch("/api/comments/" + comment)
                .then().statusCode(200);
        assertEquals(0, list(maria).getInt("unread"));
    }

    @Test
    void aNewDemandNotifiesThoseWhoWroteInTheTopicOrFollowIt() {
        long topic = Fixtures.freshTopic();
        User writer = Fixtures.expert();
        User follower = Fixtures.expert();
        User unfollowed = Fixtures.expert();
        User bystander = Fixtures.expert();
        User proposer = Fixtures.expert();
        post(writer, topic, "Ich war hier", null);
        post(unfollowed, topic, "Ich auch, will aber nichts hören", null);
        follower.as().put("/api/topics/" + topic + "/follow").then().statusCode(200).body("following", equalTo(true));
        unfollowed.as().delete("/api/topics/" + topic + "/follow").then().statusCode(200)
                .body("following", equalTo(false));
        unfollowed.as().get("/api/topics/" + topic + "/follow").then().statusCode(200)
                .body("following", equalTo(false));
        writer.as().get("/api/topics/" + topic + "/follow").then().statusCode(200).body("following", equalTo(true));

        long demand = proposer.as().body(Map.of("title", "Mehr Räume", "text", "Für alle", "topicIds", List.of(topic)))
                .post("/api/discussions/" + Fixtures.SLUG + "/demands").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        for (User told : List.of(writer, follower)) {
            JsonPath page = list(told);
            assertEquals(List.of("NEW_DEMAND"), page.getList("notifications.kind"));
            assertEquals("/discussions/" + Fixtures.SLUG + "/demands#d" + demand,
                    page.getString("notifications[0].url"));
        }
        for (User untold : List.of(unfollowed, bystander, proposer)) {
            assertEquals(0, list(untold).getList("notifications").size());
        }
    }

    @Test
    void aNewWordingNotifiesSupportersAndVoters() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        User supporter = Fixtures.expert();
        User voter = Fixtures.expert();
        long demand = author.as().body(Map.of("title", "Mehr Räume", "text", "Für alle", "topicIds", List.of(topic)))
                .post("/api/discussions/" + Fixtures.SLUG + "/demands").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        supporter.as().put("/api/demands/" + demand + "/support").then().statusCode(200);
        voter.as().body(Map.of("position", "AGREE")).put("/api/demands/" + demand + "/vote").then().statusCode(200);
        author.as().body(Map.of("text", "Für alle, auch abends")).patch("/api/demands/" + demand).then()
                .statusCode(200);
        for (User told : List.of(supporter, voter)) {
            assertEquals(List.of("DEMAND_REWORDED"), list(told).getList("notifications.kind"));
            assertEquals("Die Forderung „Mehr Räume“, die Sie unterstützt oder bewertet haben, hat eine neue Fassung "
                    + "(2. Fassung).", list(told).getString("notifications[0].text"));
        }
        assertEquals(0, list(author).getList("notifications").size());
    }

    @Test
    void listIsNewestFirstAndPaginatedBySeq() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        for (int i = 0; i < 3; i++) {
            post(Fixtures.expert(), topic, "Antwort " + i, comment);
        }
        assertEquals(List.of(3, 2, 1), list(maria).getList("notifications.seq"));
        maria.as().queryParam("limit", 2).get(LIST).then().statusCode(200).body("notifications.seq",
                equalTo(List.of(3, 2)));
        maria.as().queryParam("before", 3).queryParam("limit", 5).get(LIST).then().statusCode(200)
                .body("notifications.seq", equalTo(List.of(2, 1)));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        User maria = Fixtures.expert();
        for (String bad : List.of("0", "-1", "abc", "101", "1.5")) {
            maria.as().queryParam("limit", bad).get(LIST).then().statusCode(400).contentType(PROBLEM)
                    .body("field", equalTo("limit"));
        }
        for (String bad : List.of("0", "x")) {
            maria.as().queryParam("before", bad).get(LIST).then().statusCode(400).contentType(PROBLEM)
                    .body("field", equalTo("before"));
        }
    }

    @Test
    void markingReadUpToASeqTheListedSeqsOrAll() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        for (int i = 0; i < 4; i++) {
            post(Fixtures.expert(), topic, "Antwort " + i, comment);
        }
        maria.as().body(Map.of("upTo", 2)).post(LIST + "/read").then().statusCode(200).body("unread", equalTo(2));
        assertEquals(List.of(false, false, true, true), list(maria).getList("notifications.read"));
        maria.as().body(Map.of("seqs", List.of(4))).post(LIST + "/read").then().statusCode(200)
                .body("unread", equalTo(1));
        maria.as().post(LIST + "/read").then().statusCode(200).body("unread", equalTo(0));
        assertEquals(List.of(true, true, true, true), list(maria).getList("notifications.read"));
    }

    @Test
    void markingReadRefusesWrongTypesAndMixedForms() {
        User maria = Fixtures.expert();
        maria.as().body("{\"upTo\": \"3\"}").post(LIST + "/read").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("upTo"));
        maria.as().body("{\"seqs\": 3}").post(LIST + "/read").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("seqs"));
        maria.as().body("{\"seqs\": [\"a\"]}").post(LIST + "/read").then().statusCode(400).contentType(PROBLEM);
        maria.as().body("{\"upTo\": 1, \"seqs\": [1]}").post(LIST + "/read").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("seqs"));
        maria.as().body("{\"upTo\": 0}").post(LIST + "/read").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("upTo"));
        maria.as().body("{\"everything\": true}").post(LIST + "/read").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anonymousGets401() {
        given().get(LIST).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(LIST + "/read").then().statusCode(401);
        given().get("/api/discussions/" + Fixtures.SLUG + "/names?prefix=T").then().statusCode(401);
        given().put("/api/topics/" + Fixtures.freshTopic() + "/follow").then().statusCode(401);
    }

    @Test
    void everyRoleSeesAndMarksOnlyItsOwn() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(Fixtures.expert(), topic, "Antwort", comment);
        for (User other : List.of(Fixtures.expert(), Fixtures.moderator(), Fixtures.admin())) {
            other.as().get(LIST).then().statusCode(200).body("notifications", empty());
            other.as().post(LIST + "/read").then().statusCode(200);
            other.as().redirects().follow(false).get("/notifications/1/open").then().statusCode(404);
        }
        assertEquals(1, list(maria).getInt("unread"));
    }

    @Test
    void namesForMentionsAreThoseOfActiveAccountsBeginningSo() {
        User maria = Fixtures.expert();
        User disabled = Fixtures.expert();
        String prefix = nameOf(maria).substring(0, nameOf(maria).length() - 1);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(disabled.id()).enabled = false);
        maria.as().queryParam("prefix", nameOf(maria).toLowerCase()).get("/api/discussions/" + Fixtures.SLUG + "/names")
                .then().statusCode(200).body("$", hasItem(nameOf(maria)));
        maria.as().queryParam("prefix", nameOf(disabled)).get("/api/discussions/" + Fixtures.SLUG + "/names")
                .then().statusCode(200).body("$", not(hasItem(nameOf(disabled))));
        maria.as().queryParam("prefix", "%").get("/api/discussions/" + Fixtures.SLUG + "/names")
                .then().statusCode(200).body("$", empty());
        maria.as().queryParam("prefix", prefix).get("/api/discussions/nope/names").then().statusCode(404);
        maria.as().queryParam("prefix", "").get("/api/discussions/" + Fixtures.SLUG + "/names").then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("prefix"));
        maria.as().queryParam("prefix", "x".repeat(81)).get("/api/discussions/" + Fixtures.SLUG + "/names").then()
                .statusCode(400).body("field", equalTo("prefix"));
    }

    @Test
    void followingAnUnknownTopicIs404() {
        Fixtures.expert().as().put("/api/topics/999999999/follow").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aCommentOfThousandsOfMentionsIsSavedAndShownAndStillNamesARealPerson() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        StringBuilder body = new StringBuilder("@" + nameOf(maria) + " ");
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 3_000; i++) {
            body.append('@').append((char) ('a' + random.nextInt(26))).append(' ');
        }
        long comment = post(jan, topic, body.toString().strip(), null);
        assertEquals(List.of("MENTION"), list(maria).getList("notifications.kind"));
        given().get("/api/comments/" + comment).then().statusCode(200)
                .body("bodyHtml", containsString("<span class=\"mention\">"));
        given().get("/topics/" + topic).then().statusCode(200).body(containsString("class=\"mention\""));
    }

    @Test
    void twoFollowClicksAtOnceBothSucceedAndLeaveOneChoice() throws Exception {
        User maria = Fixtures.expert();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long topic = Fixtures.freshTopic();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<Integer> click = () -> {
                    start.await();
                    return maria.as().put("/api/topics/" + topic + "/follow").then().extract().statusCode();
                };
                java.util.concurrent.Future<Integer> first = pool.submit(click);
                java.util.concurrent.Future<Integer> second = pool.submit(click);
                start.countDown();
                assertEquals(List.of(200, 200), List.of(first.get(), second.get()));
                assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                        () -> TopicFollow.count("accountId = ?1 and topicId = ?2", maria.id(), topic)));
                maria.as().get("/api/topics/" + topic + "/follow").then().statusCode(200).body("following", equalTo(true));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeletedActorIsNamedAsADeletedAccountInTheReadersLanguage() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.expert();
        User jan = Fixtures.expert();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(jan, topic, "Eine Antwort", comment);
        String name = nameOf(jan);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(jan.id()).deletedAt = java.time.Instant.now());
        String german = list(maria).getString("notifications[0].text");
        assertEquals("gelöschtes Konto hat auf Ihren Beitrag in Ansatz " + topicNumber(topic) + " geantwortet.", german);
        String english = maria.as().cookie(org.thesenforum.web.Languages.COOKIE, "en").get(LIST).then().statusCode(200)
                .extract().jsonPath().getString("notifications[0].text");
        assertTrue(english.startsWith("deleted account "), english);
        assertFalse(english.contains(name), english);
    }
}
