package org.thesenforum.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

@QuarkusTest
class ModerationPagesTest {

    private long topic;
    private User author;
    private long comment;

    @BeforeEach
    void setUp() {
        topic = Fixtures.freshTopic();
        author = Fixtures.expert();
        comment = Fixtures.comment(topic, author, "Ein Beitrag mit Ecken und Kanten", null);
    }

    @Test
    void everyVisibleCommentLinksToItsReportPage() {
        String html = PageForms.browser(PageForms.signIn(Fixtures.expert())).get("/topics/" + topic).then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("class=\"action member-control report-control\" data-action=\"report\" href=\"/comments/"
                + comment + "/melden\""), "a link, not a form per comment");
        given().redirects().follow(false).get("/comments/" + comment + "/melden").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void aMemberReportsACommentWithTheFormAndTheRefusalsKeepTheText() {
        String session = PageForms.signIn(Fixtures.expert());
        String path = "/comments/" + comment + "/melden";
        PageForms.browser(session).get(path).then().statusCode(200)
                .body(containsString("Beitrag melden"), containsString("Ein Beitrag mit Ecken und Kanten"),
                        containsString("name=\"reason\""));

        PageForms.open(path, session).post().formParam("reason", "  ").post(path).then().statusCode(422)
                .body(containsString("id=\"report-error\""));
        String tooLong = "a".repeat(1001);
        PageForms.open(path, session).post().formParam("reason", tooLong).post(path).then().statusCode(422)
                .body(containsString(tooLong));
        assertEquals(0, ReportResourceTest.openReportsOn(comment));

        PageForms.open(path, session).post().formParam("reason", "Abwertend gegenüber Geflüchteten").post(path)
                .then().statusCode(303).header("Location", endsWith(path + "?gesendet=1"));
        PageForms.browser(session).get(path + "?gesendet=1").then().statusCode(200)
                .body(containsString("id=\"report-sent\""));
        assertEquals(1, ReportResourceTest.openReportsOn(comment));
        PageForms.open(path, session).post().formParam("reason", "Nochmal").post(path).then().statusCode(409)
                .body(containsString("schon gemeldet"));

        String own = PageForms.signIn(author);
        PageForms.open(path, own).post().formParam("reason", "Meiner").post(path).then().statusCode(403);
        PageForms.browser(session).get("/comments/999999999/melden").then().statusCode(404);
    }

    @Test
    void moderatorsHandleTheQueueOnItsPage() {
        User reporter = Fixtures.expert();
        reporter.as().body(Map.of("reason", "Bitte prüfen: <b>fett</b>")).post("/api/comments/" + comment + "/reports")
                .then().statusCode(201);

        given().redirects().follow(false).get("/moderation").then().statusCode(303)
                .header("Location", containsString("/login"));
        String expert = PageForms.signIn(Fixtures.expert());
        PageForms.browser(expert).get("/moderation").then().statusCode(403);

        String session = PageForms.signIn(Fixtures.moderator());
        String html = PageForms.browser(session).get("/moderation").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Bitte prüfen: &lt;b&gt;fett&lt;/b&gt;"), "the reason is escaped");
        assertTrue(html.contains("Ein Beitrag mit Ecken und Kanten"));
        assertTrue(html.contains("href=\"/moderation\""), "moderators find the queue in the navigation");
        long id = reportIdIn(html);

        PageForms.open("/moderation", session).post().formParam("action", "UNHIDE")
                .post("/moderation/reports/" + id).then().statusCode(422).body(containsString("id=\"queue-error\""));
        PageForms.open("/moderation", session).post().formParam("action", "HIDE").formParam("reason", "")
                .post("/moderation/reports/" + id).then().statusCode(303)
                .header("Location", endsWith("/moderation?erledigt=1"));
        PageForms.browser(session).get("/moderation?erledigt=1").then().statusCode(200)
                .body(containsString("id=\"queue-done\""), not(containsString("id=\"report-" + id + "\"")));
        PageForms.open("/moderation", session).post().formParam("action", "DISMISS")
                .post("/moderation/reports/" + id).then().statusCode(409);
        PageForms.open("/moderation", expert).post().formParam("action", "DISMISS")
                .post("/moderation/reports/" + id).then().statusCode(403);
    }

    @Test
    void theAuthorSeesTheirHiddenCommentAndAsksForAReview() {
        Fixtures.moderator().as().body(Map.of("reason", "Bitte sachlich bleiben"))
                .post("/api/comments/" + comment + "/hide").then().statusCode(200);
        String own = PageForms.signIn(author);
        String mine = PageForms.browser(own).get("/topics/" + topic).then().statusCode(200).extract().asString();
        String card = mine.substring(mine.indexOf("<li id=\"c" + comment + "\""));
        assertTrue(card.contains("Ein Beitrag mit Ecken und Kanten"), "the author still reads the text");
        assertTrue(card.contains("Bitte sachlich bleiben"), "with the reason");
        assertTrue(card.contains("href=\"/comments/" + comment + "/ueberpruefung\""));
        assertTrue(card.contains("data-action=\"edit\""), "and may edit it");

        String other = PageForms.signIn(Fixtures.expert());
        String theirs = PageForms.browser(other).get("/topics/" + topic).then().statusCode(200).extract().asString();
        assertFalse(theirs.contains("Ein Beitrag mit Ecken und Kanten"), "others see the placeholder");
        assertFalse(theirs.contains("Bitte sachlich bleiben"));

        String path = "/comments/" + comment + "/ueberpruefung";
        PageForms.open(path, other).post().formParam("reason", "Fremd").post(path).then().statusCode(403);
        PageForms.browser(own).get(path).then().statusCode(200).body(containsString("Bitte sachlich bleiben"));
        PageForms.open(path, own).post().formParam("reason", "Ich habe ihn umformuliert").post(path).then()
                .statusCode(303).header("Location", endsWith(path + "?gesendet=1"));
        String session = PageForms.signIn(Fixtures.moderator());
        String queue = PageForms.browser(session).get("/moderation").then().statusCode(200).extract().asString();
        assertTrue(queue.contains("Ich habe ihn umformuliert"));
        assertTrue(queue.contains("value=\"UNHIDE\""));
    }

    @Test
    void membersReportADemandOfSomeoneElseFromItsCard() {
        long demand = author.as().body(Map.of("title", "Ein Quartiersfonds für alle", "text", "Jedes Jahr.",
                "topicIds", java.util.List.of(topic))).post("/api/discussions/" + Fixtures.SLUG + "/demands").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String link = "href=\"/demands/" + demand + "/melden\"";
        String page = "/discussions/" + Fixtures.SLUG + "/demands";
        String session = PageForms.signIn(Fixtures.expert());
        assertTrue(PageForms.browser(session).get(page).then().statusCode(200).extract().asString().contains(link));
        assertFalse(PageForms.browser(PageForms.signIn(author)).get(page).asString().contains(link),
                "not on one's own demand");

        String path = "/demands/" + demand + "/melden";
        PageForms.browser(session).get(path).then().statusCode(200).body(containsString("Ein Quartiersfonds für alle"));
        PageForms.open(path, session).post().formParam("reason", "").post(path).then().statusCode(422);
        PageForms.open(path, session).post().formParam("reason", "Doppelt vorhanden").post(path).then()
                .statusCode(303).header("Location", endsWith(path + "?gesendet=1"));
        PageForms.browser(session).get("/demands/999999999/melden").then().statusCode(404);
    }

    private static long reportIdIn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-report-id=\"(\\d+)\"").matcher(html);
        long found = -1;
        while (m.find()) {
            found = Math.max(found, Long.parseLong(m.group(1)));
        }
        assertTrue(found > 0, "a report in the queue");
        return found;
    }
}
