package org.thesenforum.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

/** The bell, the page "Benachrichtigungen", opening one, marking all read and the topic's follow switch. */
@QuarkusTest
class NotificationPagesTest {

    private static long post(User author, long topic, String body, Long parentId) {
        Map<String, Object> request = parentId == null ? Map.of("body", body) : Map.of("body", body, "parentId", parentId);
        return author.as().body(request).post("/api/topics/" + topic + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void theBellCountsAndThePageListsAndOpeningMarksRead() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        long reply = post(Fixtures.expert(), topic, "Antwort <b>fett</b>", comment);
        String session = PageForms.signIn(maria);

        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("id=\"notification-count\">1</span>"));
        PageForms.browser(session).get("/notifications").then().statusCode(200)
                .body(containsString("hat auf Ihren Beitrag in Ansatz"))
                .body(containsString("href=\"/notifications/1/open\""))
                .body(containsString("is-unread"));

        PageForms.browser(session).get("/notifications/1/open").then().statusCode(303)
                .header("Location", endsWith("/topics/" + topic + "#c" + reply));
        PageForms.browser(session).get("/notifications").then().statusCode(200).body(not(containsString("is-unread")))
                .body(containsString("id=\"notification-count\">0</span>"));
        PageForms.browser(session).get("/notifications/99/open").then().statusCode(404);
    }

    @Test
    void markAllReadWorksWithoutJavaScript() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(Fixtures.expert(), topic, "Antwort eins", comment);
        post(Fixtures.expert(), topic, "Antwort zwei", comment);
        String session = PageForms.signIn(maria);
        PageForms.open("/notifications", session).post().post("/notifications/read").then().statusCode(303);
        assertEquals(0, maria.as().get("/api/me/notifications").then().extract().jsonPath().getInt("unread"));
    }

    @Test
    void anonymousReadersSeeNoBellAndAreSentToTheLogin() {
        PageForms.browser(null).get("/").then().statusCode(200).body(not(containsString("notification-bell")));
        PageForms.browser(null).get("/notifications").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fnotifications"));
    }

    @Test
    void theFollowSwitchWorksWithoutJavaScript() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        String session = PageForms.signIn(maria);
        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("Thema folgen"));
        PageForms.open("/topics/" + topic, session).post().formParam("folgen", "ja").post("/topics/" + topic + "/follow")
                .then().statusCode(303);
        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("Nicht mehr folgen"));
        maria.as().get("/api/topics/" + topic + "/follow").then().body("following", equalTo(true));
        PageForms.open("/topics/" + topic, session).post().formParam("folgen", "nein")
                .post("/topics/" + topic + "/follow").then().statusCode(303);
        maria.as().get("/api/topics/" + topic + "/follow").then().body("following", equalTo(false));
        PageForms.browser(null).get("/topics/" + topic).then().statusCode(200)
                .body(not(containsString("Thema folgen")));
    }

    @Test
    void aWriteThatIsNoFormIsRefusedEvenWithAValidSessionAndToken() {
        User maria = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(Fixtures.expert(), topic, "Antwort", comment);
        String session = PageForms.signIn(maria);
        PageForms.Form form = PageForms.open("/notifications", session);
        // What a cross-site form with enctype text/plain sends: the token as text, not as a form field.
        form.with().contentType("text/plain").body("csrf-token=" + form.token()).post("/notifications/read").then()
                .statusCode(415);
        form.with().contentType("text/plain").body("folgen=nein").post("/topics/" + topic + "/follow").then()
                .statusCode(415);
        assertEquals(1, maria.as().get("/api/me/notifications").then().extract().jsonPath().getInt("unread"));
        maria.as().get("/api/topics/" + topic + "/follow").then().body("following", equalTo(true));

        // A page handler that names no content type is refused by the CSRF check itself.
        PageForms.Form moderator = PageForms.open("/topics/" + topic, PageForms.signIn(Fixtures.moderator()));
        moderator.with().contentType("text/plain").body("csrf-token=" + moderator.token())
                .post("/topics/" + topic + "/lock").then().statusCode(400).body(containsString("Das Formular ist abgelaufen"));
        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200)
                .body(not(containsString("Dieses Thema ist gesperrt")));
        moderator.post().post("/topics/" + topic + "/lock").then().statusCode(303);
        PageForms.browser(session).get("/topics/" + topic).then().statusCode(200)
                .body(containsString("Dieses Thema ist gesperrt"));
    }
}
