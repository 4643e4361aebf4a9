package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class CommentResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String BODY = "Vor Ort fehlt vor allem ein *offener* Treffpunkt.";

    @Inject
    CommentService commentService;

    private long topic;
    private User author;

    @BeforeEach
    void freshTopicAndAuthor() {
        topic = Fixtures.freshTopic();
        author = Fixtures.expert();
    }

    // --- posting ---

    @Test
    void postedCommentIsCreatedWithLocationAuthorAndHtml() {
        var response = post(author, Map.of("body", BODY)).statusCode(201)
                .body("topicId", equalTo((int) topic))
                .body("author.id", equalTo((int) author.id()))
                .body("author.displayName", startsWith("Test Expert"))
                .body("author.organisation", equalTo("Quartiersbüro Test"))
                .body("body", equalTo(BODY))
                .body("bodyHtml", equalTo("<p>Vor Ort fehlt vor allem ein <em>offener</em> Treffpunkt.</p>"))
                .body("parentId", nullValue())
                .body("createdAt", notNullValue())
                .body("editedAt", nullValue())
                .body("deleted", is(false))
                .body("hidden", is(false))
                .body("replies", hasSize(0))
                .extract();
        long id = response.jsonPath().getLong("id");
        assertThat(response.header("Location"), endsWith("/api/comments/" + id));
        given().get(response.header("Location")).then().statusCode(200).body("body", equalTo(BODY));
        assertEquals(1, Fixtures.commentCount(topic));
    }

    @Test
    void everySignedInRoleMayPost() {
        post(Fixtures.expert(), Map.of("body", "Als Expertin")).statusCode(201);
        post(Fixtures.moderator(), Map.of("body", "Als Moderator")).statusCode(201);
        post(Fixtures.admin(), Map.of("body", "Als Admin")).statusCode(201);
        assertEquals(3, Fixtures.commentCount(topic));
    }

    @Test
    void anonymousPostIs401WithChallengeAndStoresNothing() {
        given().contentType(ContentType.JSON).body(Map.of("body", BODY)).post(commentsPath()).then()
                .statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401)).body("title", notNullValue()).body("detail", notNullValue());
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void threadIsATreeOfReplies() {
        long first = postId(author, Map.of("body", "Erster Beitrag"));
        long reply = postId(Fixtures.expert(), Map.of("body", "Antwort", "parentId", first));
        long replyToReply = postId(author, Map.of("body", "Antwort auf die Antwort", "parentId", reply));
        long second = postId(Fixtures.moderator(), Map.of("body", "Zweiter Beitrag"));

        given().get(commentsPath()).then().statusCode(200)
                .body("id", equalTo(List.of((int) first, (int) second)))
                .body("[0].replies.id", equalTo(List.of((int) reply)))
                .body("[0].replies[0].parentId", equalTo((int) first))
                .body("[0].replies[0].parentAuthorName", startsWith("Test Expert"))
                .body("[0].replies[0].replies.id", equalTo(List.of((int) replyToReply)))
                .body("[0].replies[0].replies[0].replies", hasSize(0))
                .body("[1].replies", hasSize(0));
    }

    @Test
    void questionFilterKeepsTaggedCommentsUnderTheirNearestKeptAncestor() {
        List<Integer> questions = questionIds();
        int q1 = questions.get(0);
        int q2 = questions.get(1);
        long onQ1 = postId(author, Map.of("body", "Zur Situation", "questionId", q1));
        long inherits = postId(Fixtures.expert(), Map.of("body", "Ergänzung", "parentId", onQ1));
        long onQ2 = postId(author, Map.of("body", "Zum Bedarf", "questionId", q2));
        long backToQ1 = postId(Fixtures.expert(), Map.of("body", "Doch zur Situation", "parentId", onQ2,
                "questionId", q1));

        given().get("/api/comments/" + inherits).then().body("questionId", equalTo(q1));
        given().queryParam("questionId", q1).get(commentsPath()).then().statusCode(200)
                .body("id", equalTo(List.of((int) onQ1, (int) backToQ1)))
                .body("[0].replies.id", equalTo(List.of((int) inherits)))
                .body("[1].replies", hasSize(0));
        given().queryParam("questionId", q2).get(commentsPath()).then().statusCode(200)
                .body("id", equalTo(List.of((int) onQ2)))
                .body("[0].replies", hasSize(0));
        given().get(commentsPath()).then().body("id", equalTo(List.of((int) onQ1, (int) onQ2)));
        given().queryParam("questionId", "abc").get(commentsPath()).then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("questionId"));
    }

    @Test
    void threadOfUnknownTopicIs404() {
        given().get("/api/topics/999999999/comments").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    // --- validation of new comments ---

    @Test
    void blankBodyIsRefusedNamingTheField() {
        for (String blank : new String[] { "", "   ", " \n\t\r\n " }) {
            post(author, Map.of("body", blank)).statusCode(422).contentType(PROBLEM)
                    .body("status", equalTo(422)).body("field", equalTo("body"))
                    .body("title", notNullValue()).body("detail", not(emptyOrNullString()));
        }
        post(author, Map.of()).statusCode(422).body("field", equalTo("body"));
        post(author, bodyWithNull("body")).statusCode(422).body("field", equalTo("body"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void bodyOfExactlyTenThousandCharactersIsAccepted() {
        post(author, Map.of("body", "a".repeat(CommentService.MAX_BODY))).statusCode(201);
        assertEquals(1, Fixtures.commentCount(topic));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Sent as raw UTF-8 (4 bytes each, 40 KB) rather than as escapes, to stay below the 64 KB limit.
        String emoji = "\uD83D\uDE00".repeat(CommentService.MAX_BODY);
        author.as().body(utf8Json(emoji)).post(commentsPath()).then().statusCode(201);
        author.as().body(utf8Json(emoji + "\uD83D\uDE00")).post(commentsPath()).then().statusCode(422)
                .body("field", equalTo("body"));
        assertEquals(1, Fixtures.commentCount(topic));
    }

    @Test
    void bodyOverTenThousandCharactersIsRefused() {
        post(author, Map.of("body", "a".repeat(CommentService.MAX_BODY + 1))).statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("body")).body("detail", containsString("10000"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void controlCharactersAreRefused() {
        for (String bad : new String[] { "a\u0000b", "Glocke\u0007", "Escape \u001B[31m", "\u007F", "C1 \u0085",
                "rechts\u202Eslnik", "isolate \u2066x\u2069" }) {
            post(author, Map.of("body", bad)).statusCode(422).contentType(PROBLEM).body("field", equalTo("body"));
        }
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        for (String json : new String[] { "{\"body\":\"halb \\uD83D\"}", "{\"body\":\"\\uDE00\\uD83D verkehrt\"}" }) {
            author.as().body(json).post(commentsPath()).then().statusCode(422).body("field", equalTo("body"));
        }
        author.as().body("{\"body\":\"ganz \\uD83D\\uDE00\"}").post(commentsPath()).then().statusCode(201)
                .body("body", equalTo("ganz \uD83D\uDE00"));
        assertEquals(1, Fixtures.commentCount(topic));
    }

    @Test
    void tabsAndLineBreaksAreKept() {
        post(author, Map.of("body", "Zeile 1\r\nZeile 2\n\tEingerückt")).statusCode(201)
                .body("body", equalTo("Zeile 1\nZeile 2\n\tEingerückt"));
    }

    @Test
    void parentFromAnotherTopicIsRefused() {
        long otherTopic = Fixtures.freshTopic();
        long elsewhere = Fixtures.comment(otherTopic, author, "Woanders", null);
        post(author, Map.of("body", BODY, "parentId", elsewhere)).statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("parentId"));
        assertEquals(0, Fixtures.commentCount(topic));
        assertEquals(1, Fixtures.commentCount(otherTopic));
    }

    @Test
    void unknownParentIsRefused() {
        post(author, Map.of("body", BODY, "parentId", 999_999_999L)).statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("parentId"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void unknownQuestionIsRefused() {
        post(author, Map.of("body", BODY, "questionId", 999_999_999L)).statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("questionId"));
        assertEquals(0, Fixtures.commentCount(topic));
    }

    @Test
    void questionOfAnotherDiscussionIsRefused() {
        long[] other = QuarkusTransaction.requiringNew().call(() -> {
            Discussion d = new Discussion();
            d.slug = "andere-diskussion-" + System.nanoTime();
            d.title = "Andere Diskussion";
            d.createdAt = Instant.now();
            d.persist();
            GuidingQuestion q = new GuidingQuestion();
            q.discussion = d;
            q.position = 1;
            q.text = "Eine fremde Frage?";
            q.persist();
            return new long[] { d.id, q.id };
        });
        try {
            post(author, Map.of("body", BODY, "questionId", other[1])).statusCode(422).contentType(PROBLEM)
                    .body("field", equalTo("questionId"));
            assertEquals(0, Fixtures.commentCount(topic));
        } finally {
            // Other tests count the discussions; leave only the shipped paper.
            QuarkusTransaction.requiringNew().run(() -> {
                Comment.delete("question.id", other[1]);
                GuidingQuestion.deleteById(other[1]);
                Discussion.deleteById(other[0]);
            });
        }
    }

    @Test
    void postingToUnknownTopicIs404() {
        author.as().body(Map.of("body", BODY)).post("/api/topics/999999999/comments").then()
                .statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void lockedTopicRefusesCommentsAndEditsWith409() {
        long existing = postId(author, Map.of("body", BODY));
        Fixtures.moderator().as().post("/api/topics/" + topic + "/lock").then().statusCode(200);

        post(author, Map.of("body", "Noch etwas")).statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409)).body("detail", containsString("gesperrt"));
        post(Fixtures.moderator(), Map.of("body", "Auch Moderatoren nicht")).statusCode(409);
        author.as().body(Map.of("body", "Geändert")).patch("/api/comments/" + existing).then().statusCode(409)
                .body("detail", containsString("gesperrt"));
        assertEquals(1, Fixtures.commentCount(topic));
        given().get("/api/comments/" + existing).then().body("body", equalTo(BODY));
    }

    // --- editing ---

    @Test
    void authorEditsOwnComment() {
        long id = postId(author, Map.of("body", BODY));
        author.as().body(Map.of("body", "Neu: **wichtig**")).patch("/api/comments/" + id).then().statusCode(200)
                .body("body", equalTo("Neu: **wichtig**"))
                .body("bodyHtml", equalTo("<p>Neu: <strong>wichtig</strong></p>"))
                .body("editedAt", notNullValue());
        given().get("/api/comments/" + id).then().body("body", equalTo("Neu: **wichtig**"))
                .body("editedAt", notNullValue());
    }

    @Test
    void onlyTheAuthorMayEdit() {
        long id = postId(author, Map.of("body", BODY));
        Fixtures.expert().as().body(Map.of("body", "Fremd")).patch("/api/comments/" + id).then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        Fixtures.moderator().as().body(Map.of("body", "Fremd")).patch("/api/comments/" + id).then().statusCode(403);
        Fixtures.admin().as().body(Map.of("body", "Fremd")).patch("/api/comments/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("body", "Fremd")).patch("/api/comments/" + id).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Basic"));
        given().get("/api/comments/" + id).then().body("body", equalTo(BODY)).body("editedAt", nullValue());
    }

    @Test
    void editingDeletedCommentIs409() {
        long id = postId(author, Map.of("body", BODY));
        author.as().delete("/api/comments/" + id).then().statusCode(204);
        author.as().body(Map.of("body", "Wieder da")).patch("/api/comments/" + id).then().statusCode(409)
                .contentType(PROBLEM);
        given().get("/api/comments/" + id).then().body("deleted", is(true)).body("body", nullValue());
    }

    @Test
    void editingUnknownCommentIs404() {
        author.as().body(Map.of("body", BODY)).patch("/api/comments/999999999").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void invalidEditIs422AndKeepsTheText() {
        long id = postId(author, Map.of("body", BODY));
        for (String bad : new String[] { "", "  \n ", "a\u0000", "a".repeat(CommentService.MAX_BODY + 1) }) {
            author.as().body(Map.of("body", bad)).patch("/api/comments/" + id).then().statusCode(422)
                    .contentType(PROBLEM).body("field", equalTo("body"));
        }
        author.as().body(Map.of()).patch("/api/comments/" + id).then().statusCode(422).body("field", equalTo("body"));
        given().get("/api/comments/" + id).then().body("body", equalTo(BODY)).body("editedAt", nullValue());
    }

    // --- deleting ---

    @Test
    void deletedCommentKeepsItsPlaceAndReplies() {
        long id = postId(author, Map.of("body", BODY));
        long reply = postId(Fixtures.expert(), Map.of("body", "Antwort darauf", "parentId", id));
        author.as().delete("/api/comments/" + id).then().statusCode(204);

        given().get(commentsPath()).then().statusCode(200)
                .body("id", equalTo(List.of((int) id)))
                .body("[0].deleted", is(true))
                .body("[0].body", nullValue())
                .body("[0].bodyHtml", nullValue())
                .body("[0].author.id", equalTo((int) author.id()))
                .body("[0].replies.id", equalTo(List.of((int) reply)))
                .body("[0].replies[0].body", equalTo("Antwort darauf"));
        Fixtures.moderator().as().get("/api/comments/" + id).then().body("body", nullValue());
        assertEquals(2, Fixtures.commentCount(topic));
    }

    @Test
    void onlyTheAuthorMayDelete() {
        long id = postId(author, Map.of("body", BODY));
        Fixtures.expert().as().delete("/api/comments/" + id).then().statusCode(403).contentType(PROBLEM);
        Fixtures.moderator().as().delete("/api/comments/" + id).then().statusCode(403);
        Fixtures.admin().as().delete("/api/comments/" + id).then().statusCode(403);
        given().delete("/api/comments/" + id).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic"));
        given().get("/api/comments/" + id).then().body("deleted", is(false)).body("body", equalTo(BODY));
    }

    @Test
    void deletingUnknownCommentIs404() {
        author.as().delete("/api/comments/999999999").then().statusCode(404).contentType(PROBLEM);
    }

    // --- hiding ---

    @Test
    void moderatorsAndAdminsHideWithAReason() {
        long id = postId(author, Map.of("body", BODY));
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("reason", "Persönlicher Angriff")).post(hidePath(id)).then().statusCode(200)
                .body("hidden", is(true))
                .body("hiddenReason", equalTo("Persönlicher Angriff"))
                .body("body", equalTo(BODY));
        Fixtures.admin().as().body(Map.of("reason", "Bleibt verborgen")).post(hidePath(id)).then()
                .statusCode(200).body("hiddenReason", equalTo("Bleibt verborgen"));
    }

    @Test
    void expertsAuthorsAndAnonymousCannotHide() {
        long id = postId(author, Map.of("body", BODY));
        Fixtures.expert().as().body(Map.of("reason", "Gefällt mir nicht")).post(hidePath(id)).then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        author.as().body(Map.of("reason", "Selbst")).post(hidePath(id)).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Anonym")).post(hidePath(id)).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Basic"));
        Fixtures.expert().as().post("/api/comments/" + id + "/unhide").then().statusCode(403);
        given().post("/api/comments/" + id + "/unhide").then().statusCode(401);
        given().get("/api/comments/" + id).then().body("hidden", is(false));
    }

    @Test
    void hidingNeedsAReason() {
        long id = postId(author, Map.of("body", BODY));
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of()).post(hidePath(id)).then().statusCode(422).contentType(PROBLEM)
                .body("field", equalTo("reason"));
        moderator.as().body(Map.of("reason", "   ")).post(hidePath(id)).then().statusCode(422)
                .body("field", equalTo("reason"));
        moderator.as().body(Map.of("reason", "Zeile\nZwei")).post(hidePath(id)).then().statusCode(422)
                .body("field", equalTo("reason"));
        moderator.as().body(Map.of("reason", "x".repeat(CommentService.MAX_REASON + 1))).post(hidePath(id)).then()
                .statusCode(422).body("field", equalTo("reason"));
        moderator.as().post(hidePath(id)).then().statusCode(400).contentType(PROBLEM);
        given().get("/api/comments/" + id).then().body("hidden", is(false));
    }

    @Test
    void hidingUnknownCommentIs404() {
        Fixtures.moderator().as().body(Map.of("reason", "Spam")).post(hidePath(999_999_999L)).then()
                .statusCode(404).contentType(PROBLEM);
        Fixtures.moderator().as().post("/api/comments/999999999/unhide").then().statusCode(404);
    }

    @Test
    void hiddenTextIsOnlyShownToModeratorsAndItsAuthorUntilUnhidden() {
        long id = postId(author, Map.of("body", BODY));
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("reason", "Beleidigend")).post(hidePath(id)).then().statusCode(200);

        // The author still reads their own text and the reason, so they can edit it or ask for a review.
        author.as().get(commentsPath()).then().statusCode(200)
                .body("[0].hidden", is(true))
                .body("[0].body", equalTo(BODY))
                .body("[0].hiddenReason", equalTo("Beleidigend"));
        for (RequestSpecification reader : List.of(given(), Fixtures.expert().as())) {
            reader.get(commentsPath()).then().statusCode(200)
                    .body("[0].hidden", is(true))
                    .body("[0].body", nullValue())
                    .body("[0].bodyHtml", nullValue())
                    .body("[0].hiddenReason", nullValue());
        }
        for (User reader : List.of(moderator, Fixtures.admin())) {
            reader.as().get(commentsPath()).then().statusCode(200)
                    .body("[0].hidden", is(true))
                    .body("[0].body", equalTo(BODY))
                    .body("[0].hiddenReason", equalTo("Beleidigend"));
        }

        moderator.as().post("/api/comments/" + id + "/unhide").then().statusCode(200)
                .body("hidden", is(false)).body("hiddenReason", nullValue());
        given().get(commentsPath()).then().body("[0].hidden", is(false)).body("[0].body", equalTo(BODY));
    }

    @Test
    void hidingAndUnhidingAreAudited() {
        long id = postId(author, Map.of("body", BODY));
        User moderator = Fixtures.moderator();
        moderator.as().body(Map.of("reason", "Off-Topic")).post(hidePath(id)).then().statusCode(200);
        moderator.as().post("/api/comments/" + id + "/unhide").then().statusCode(200);

        Fixtures.admin().as().get("/api/audit").then().statusCode(200)
                .body("findAll { it.targetType == 'comment' && it.targetId == " + id + " }.action",
                        hasItems("COMMENT_HIDDEN", "COMMENT_UNHIDDEN"))
                .body("find { it.targetId == " + id + " && it.action == 'COMMENT_HIDDEN' }.detail",
                        equalTo("Off-Topic"))
                .body("find { it.targetId == " + id + " && it.action == 'COMMENT_HIDDEN' }.actorId",
                        equalTo((int) moderator.id()));
        author.as().get("/api/audit").then().statusCode(403).contentType(PROBLEM);
        moderator.as().get("/api/audit").then().statusCode(403);
        given().get("/api/audit").then().statusCode(401);
    }

    // --- rate limit ---

    @Test
    void expertsGet429WithRetryAfterOnTheSeventhCommentInAMinute() {
        for (int i = 1; i <= 6; i++) {
            post(author, Map.of("body", "Beitrag " + i)).statusCode(201);
        }
        post(author, Map.of("body", "Beitrag 7")).statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429)).body("detail", containsString("Sekunden"));
        int retryAfter = Integer.parseInt(post(author, Map.of("body", "Beitrag 8")).statusCode(429)
                .extract().header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(61)));
        assertEquals(6, Fixtures.commentCount(topic));
        post(Fixtures.expert(), Map.of("body", "Andere Person")).statusCode(201);
    }

    @Test
    void refusedCommentsDoNotCountTowardsTheLimit() {
        for (int i = 1; i <= 6; i++) {
            post(author, Map.of("body", " ")).statusCode(422);
        }
        for (int i = 1; i <= 6; i++) {
            post(author, Map.of("body", "Beitrag " + i)).statusCode(201);
        }
        assertEquals(6, Fixtures.commentCount(topic));
    }

    @Test
    void moderatorsAreNotRateLimited() {
        User moderator = Fixtures.moderator();
        for (int i = 1; i <= 8; i++) {
            post(moderator, Map.of("body", "Hinweis " + i)).statusCode(201);
        }
        assertEquals(8, Fixtures.commentCount(topic));
    }

    // --- edit and delete budget ---

    @Test
    void editsAndDeletesShareABudgetOfTwentyAMinuteThen429() {
        List<Long> ids = ownComments(author, 22);
        for (int i = 0; i < 15; i++) {
            edit(author, ids.get(i), "Fassung " + i).statusCode(200);
        }
        for (int i = 15; i < 20; i++) {
            author.as().delete("/api/comments/" + ids.get(i)).then().statusCode(204);
        }
        edit(author, ids.get(20), "Eine Fassung zu viel").statusCode(429).contentType(PROBLEM)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("status", equalTo(429))
                .body("detail", startsWith("Zu viele Bearbeitungen und Löschungen in kurzer Zeit. Bitte in "))
                .body("detail", containsString("Sekunden"));
        int retryAfter = Integer.parseInt(author.as().delete("/api/comments/" + ids.get(21)).then().statusCode(429)
                .contentType(PROBLEM).body("detail", startsWith("Zu viele Bearbeitungen"))
                .extract().header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(61)));

        given().get("/api/comments/" + ids.get(20)).then().body("body", equalTo("Eigener Beitrag 20"))
                .body("editedAt", nullValue());
        given().get("/api/comments/" + ids.get(21)).then().body("deleted", is(false))
                .body("body", equalTo("Eigener Beitrag 21"));
        // Posting has a budget of its own, and other people are not affected.
        post(author, Map.of("body", "Neuer Beitrag trotz Änderungslimit")).statusCode(201);
        User other = Fixtures.expert();
        edit(other, Fixtures.comment(topic, other, "Von jemand anderem", null), "Geändert").statusCode(200);
    }

    @Test
    void unchangedEditsAndRepeatedDeletesDoNotUseTheBudget() {
        long id = Fixtures.comment(topic, author, BODY, null);
        long gone = Fixtures.comment(topic, author, "Schon weg", null);
        author.as().delete("/api/comments/" + gone).then().statusCode(204);
        for (int i = 0; i < 25; i++) {
            edit(author, id, BODY).statusCode(200).body("editedAt", nullValue());
            author.as().delete("/api/comments/" + gone).then().statusCode(204);
        }
        for (int i = 0; i < 19; i++) {
            edit(author, id, "Fassung " + i).statusCode(200);
        }
        edit(author, id, "Fassung 19").statusCode(429);
        given().get("/api/comments/" + id).then().body("body", equalTo("Fassung 18"));
    }

    @Test
    void refusedEditsAndDeletesDoNotUseTheBudget() {
        long id = Fixtures.comment(topic, author, BODY, null);
        long others = Fixtures.comment(topic, Fixtures.expert(), "Fremder Beitrag", null);
        for (int i = 0; i < 10; i++) {
            edit(author, id, " ").statusCode(422);
            edit(author, others, "Fremd").statusCode(403);
            author.as().delete("/api/comments/" + others).then().statusCode(403);
        }
        for (int i = 0; i < 20; i++) {
            edit(author, id, "Fassung " + i).statusCode(200);
        }
        edit(author, id, "Fassung 20").statusCode(429);
    }

    @Test
    void editsThatAreNotStoredGiveTheirSlotBack() {
        long id = Fixtures.comment(topic, author, BODY, null);
        long doomed = Fixtures.comment(topic, author, "Wird gleich gelöscht, aber nicht gespeichert", null);
        for (int i = 0; i < 25; i++) {
            String body = "Verworfen " + i;
            // A failure after the change, before the commit: the transaction rolls back.
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                commentService.edit(id, body, Account.findById(author.id()));
                commentService.delete(doomed, Account.findById(author.id()));
                throw new IllegalStateException("not stored");
            }));
        }
        given().get("/api/comments/" + id).then().body("body", equalTo(BODY));
        given().get("/api/comments/" + doomed).then().body("deleted", is(false));
        for (int i = 0; i < 20; i++) {
            edit(author, id, "Fassung " + i).statusCode(200);
        }
        edit(author, id, "Fassung 20").statusCode(429);
    }

    @Test
    void moderatorsAndAdminsAreNotLimitedInEditing() {
        for (User user : List.of(Fixtures.moderator(), Fixtures.admin())) {
            long id = Fixtures.comment(topic, user, BODY, null);
            for (int i = 0; i < 25; i++) {
                edit(user, id, "Hinweis " + i).statusCode(200);
            }
            for (long extra : ownComments(user, 3)) {
                user.as().delete("/api/comments/" + extra).then().statusCode(204);
            }
        }
    }

    @Test
    void parallelEditsStayWithinTheBudget() throws Exception {
        List<Long> ids = ownComments(author, 30);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> pending = new ArrayList<>();
            for (long id : ids) {
                pending.add(pool.submit(() -> author.as().body(Map.of("body", "Parallel geändert " + id))
                        .patch("/api/comments/" + id).statusCode()));
            }
            for (Future<Integer> status : pending) {
                statuses.add(status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(10, statuses.stream().filter(s -> s == 429).count(), "statuses " + statuses);
        long changed = QuarkusTransaction.requiringNew().call(() -> Comment.count(
                "topic.id = ?1 and body like 'Parallel geändert %' and editedAt is not null", topic));
        assertEquals(20, changed);
    }

    // --- helpers ---

    /** Comments of {@code user} stored directly, so that only edits and deletes count in a test. */
    private List<Long> ownComments(User user, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Fixtures.comment(topic, user, "Eigener Beitrag " + i, null));
        }
        return ids;
    }

    private static ValidatableResponse edit(User user, long id, String body) {
        return user.as().body(Map.of("body", body)).patch("/api/comments/" + id).then().log().ifValidationFails();
    }

    private String commentsPath() {
        return "/api/topics/" + topic + "/comments";
    }

    private static String hidePath(long id) {
        return "/api/comments/" + id + "/hide";
    }

    private ValidatableResponse post(User user, Map<String, ?> body) {
        return user.as().body(body).post(commentsPath()).then().log().ifValidationFails();
    }

    private long postId(User user, Map<String, ?> body) {
        return post(user, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private static byte[] utf8Json(String body) {
        return ("{\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> bodyWithNull(String field) {
        Map<String, Object> body = new HashMap<>();
        body.put(field, null);
        return body;
    }

    private static List<Integer> questionIds() {
        return given().get("/api/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .extract().jsonPath().getList("guidingQuestions.id", Integer.class);
    }
}
