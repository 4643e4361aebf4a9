package org.thesenforum.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

/** The preview of the comment forms: the same renderer as the thread, with and without JavaScript; nothing stored. */
@QuarkusTest
class CommentPreviewTest {

    private static final String HOSTILE = "**fett** und *kursiv*\n\n- eins\n- zwei\n\n[Link](https://example.org) "
            + "<script>alert(1)</script> [böse](javascript:alert(1)) <img src=x onerror=alert(1)>";

    @Test
    void theApiRendersLikeTheThreadAndLeavesHostileHtmlInert() {
        Fixtures.expert().as().body(java.util.Map.of("body", HOSTILE)).post("/api/markdown/preview")
                .then().statusCode(200)
                .body("html", containsString("<strong>fett</strong> und <em>kursiv</em>"))
                .body("html", containsString("<li>eins</li>"))
                .body("html", containsString("<a href=\"https://example.org\" rel=\"nofollow noopener\">Link</a>"))
                .body("html", not(containsString("<script")))
                .body("html", not(containsString("javascript:")))
                .body("html", not(containsString("<img")))
                .body("remaining", equalTo(10_000 - HOSTILE.length()));
    }

    @Test
    void theApiRefusesWhatCouldNotBePostedAndStrangers() {
        Fixtures.User expert = Fixtures.expert();
        expert.as().body(java.util.Map.of("body", "x".repeat(10_001))).post("/api/markdown/preview")
                .then().statusCode(422).contentType(containsString("problem+json")).body("field", equalTo("body"));
        expert.as().body(java.util.Map.of("body", "  ")).post("/api/markdown/preview")
                .then().statusCode(422).body("field", equalTo("body"));
        expert.as().body("{\"body\":\"x\",\"extra\":1}").post("/api/markdown/preview")
                .then().statusCode(400);
        given().contentType("application/json").body("{\"body\":\"x\"}").post("/api/markdown/preview")
                .then().statusCode(401);
    }

    @Test
    void withoutJavaScriptThePreviewComesBackUnderTheFormWithTheTextKept() {
        long topic = Fixtures.freshTopic();
        Fixtures.User expert = Fixtures.expert();
        String session = PageForms.signIn(expert);
        Form form = PageForms.open("/topics/" + topic, session);
        String html = form.post().formParam("body", "Vorschau 4711 **wichtig** <script>x()</script>")
                .formParam("preview", "1").post("/topics/" + topic + "/comments")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<div class=\"comment-preview\" id=\"new-comment-preview\""), html);
        assertTrue(html.contains("<p>Vorschau 4711 <strong>wichtig</strong> &lt;script&gt;x()&lt;/script&gt;</p>"),
                html);
        assertTrue(html.contains(">\nVorschau 4711 **wichtig** &lt;script&gt;x()&lt;/script&gt;</textarea>"), html);
        assertFalse(Fixtures.commentExists(topic, "Vorschau 4711 **wichtig** <script>x()</script>"),
                "a preview stores nothing");
        assertTrue(html.contains("name=\"preview\" value=\"1\" class=\"secondary\" formnovalidate>Vorschau</button>"));
        assertTrue(html.contains("Formatierung: **fett**, *kursiv*, - Liste"));
        assertFalse(html.contains("Markdown"), "formatting is explained in words");
    }

    @Test
    void aReplyAndAnEditAreShownInPreviewAtTheirComment() {
        long topic = Fixtures.freshTopic();
        Fixtures.User expert = Fixtures.expert();
        long own = Fixtures.comment(topic, expert, "Mein erster Text", null);
        Form form = PageForms.open("/topics/" + topic, PageForms.signIn(expert));

        String reply = form.post().formParam("body", "Antwort *in Arbeit*").formParam("parentId", own)
                .formParam("preview", "1").post("/topics/" + topic + "/comments")
                .then().statusCode(200).extract().asString();
        assertTrue(reply.contains("id=\"reply-form-preview\""), reply);
        assertTrue(reply.contains("<p>Antwort <em>in Arbeit</em></p>"), reply);
        assertTrue(reply.contains("value=\"" + own + "\""), reply);

        String edit = form.post().formParam("body", "Neu **formuliert**").formParam("preview", "1")
                .post("/comments/" + own + "/edit").then().statusCode(200).extract().asString();
        assertTrue(edit.contains("<p>Neu <strong>formuliert</strong></p>"), edit);
        assertTrue(edit.contains(">\nNeu **formuliert**</textarea>"), edit);
        assertTrue(Fixtures.commentExists(topic, "Mein erster Text"), "the stored text is unchanged");

        form.post().formParam("body", "x".repeat(10_001)).formParam("preview", "1")
                .post("/topics/" + topic + "/comments").then().statusCode(422)
                .body(containsString("Höchstens 10000 Zeichen sind erlaubt."));
    }
}
