package org.thesenforum.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;

import static org.thesenforum.meeting.MeetingFixtures.START;
import static org.thesenforum.meeting.MeetingFixtures.agenda;
import static org.thesenforum.meeting.MeetingFixtures.item;

/** The moderators' meeting page with its forms, the banner on every page of the discussion and the overview link. */
@QuarkusTest
class MeetingPagesTest {

    private static final String PAGE = "/discussions/" + Fixtures.SLUG + "/sitzung";
    private static final String MEETING = MeetingFixtures.MEETING;

    private User moderator;
    private String session;

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
        moderator = Fixtures.moderator();
        session = PageForms.signIn(moderator);
    }

    private String html(String path, String session) {
        return PageForms.browser(session).get(path).then().statusCode(200).extract().asString();
    }

    private long focusThesisOne() {
        long item = moderator.as().body(agenda(item("TOPIC", Fixtures.thesis(1), "Räume <öffnen>", START, 30)))
                .put(MEETING + "/agenda").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        moderator.as().body(Map.of("itemId", item)).put(MEETING + "/focus").then().statusCode(200);
        return item;
    }

    @Test
    void thePageIsForModeratorsOnly() {
        PageForms.browser(null).get(PAGE).then().statusCode(org.hamcrest.Matchers.not(200));
        PageForms.browser(PageForms.signIn(Fixtures.expert())).get(PAGE).then().statusCode(403);
        String page = html(PAGE, session);
        assertTrue(page.contains("Sitzung leiten"));
        assertTrue(page.contains("Die Sitzung hat noch nicht begonnen."));
        assertTrue(page.contains("Die Tagesordnung ist noch leer."));
        assertTrue(page.contains("name=\"csrf-token\""));
    }

    @Test
    void aModeratorRunsTheMeetingWithoutJavaScript() {
        PageForms.Form form = PageForms.open(PAGE, session);
        form.post().formParam("id", "", "").formParam("what", "TOPIC:" + Fixtures.thesis(2), "FREE")
                .formParam("title", "", "Mittagspause").formParam("start", "2026-06-16T11:00", "2026-06-16T10:30")
                .formParam("minutes", "30", "45").post(PAGE + "/tagesordnung")
                .then().statusCode(303).header("Location", containsString("/sitzung?gespeichert"));
        // Ordered by planned start: the break at 10:30 comes first.
        List<Long> ids = given().get(MEETING).then().body("items", hasSize(2))
                .body("items[0].title", equalTo("Mittagspause")).body("items[1].label", equalTo("These 2"))
                .body("items[1].plannedStart", equalTo("2026-06-16T09:00:00Z"))
                .extract().jsonPath().getList("items.id", Long.class);
        form.post().post(PAGE + "/beginnen").then().statusCode(303);
        form.post().formParam("item", String.valueOf(ids.get(1))).post(PAGE + "/jetzt").then().statusCode(303);
        given().get(MEETING).then().body("running", equalTo(true)).body("focus.id", equalTo(ids.get(1).intValue()));
        String page = html(PAGE, session);
        assertTrue(page.contains("aria-current=\"true\""));
        assertTrue(page.contains("Punkt beenden (Pause)"));
        assertTrue(page.contains("data-meeting-ends-at=\""));
        form.post().formParam("item", "").post(PAGE + "/jetzt").then().statusCode(303);
        given().get(MEETING).then().body("focus", org.hamcrest.Matchers.nullValue());
        form.post().post(PAGE + "/beenden").then().statusCode(303);
        given().get(MEETING).then().body("running", equalTo(false));
        assertTrue(html(PAGE, session).contains("Die Sitzung wurde um "));
    }

    @Test
    void aDemandRejectedWhileOnTheAgendaStaysOnTheFormSoSavingKeepsIt() {
        long demand = MeetingFixtures.demand(Fixtures.expert(), "Räume für alle");
        moderator.as().body(agenda(item("DEMAND", demand, null, START, 20))).put(MEETING + "/agenda").then()
                .statusCode(200);
        moderator.as().body(Map.of("reason", "Doppelt")).post("/api/demands/" + demand + "/reject").then()
                .statusCode(200);
        String page = html(PAGE, session);
        assertTrue(page.matches("(?s).*<option value=\"DEMAND:" + demand + "\"[^>]*selected.*"),
                "the stored row keeps its choice, also for a demand rejected meanwhile");
    }

    @Test
    void anAgendaPostWithoutRowsIsAnEmptyAgendaNotAnError() {
        moderator.as().body(agenda(item("FREE", null, "Mittagspause", START, 45))).put(MEETING + "/agenda").then()
                .statusCode(200);
        PageForms.open(PAGE, session).post().post(PAGE + "/tagesordnung").then().statusCode(303);
        given().get(MEETING).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRefusedAgendaComesBackWithTheRowNamedAndEverythingTyped() {
        PageForms.Form form = PageForms.open(PAGE, session);
        String page = form.post().formParam("id", "", "").formParam("what", "FREE", "FREE")
                .formParam("title", "Begrüßung", "").formParam("start", "2026-06-16T10:00", "2026-06-16T10:15")
                .formParam("minutes", "15", "20").post(PAGE + "/tagesordnung")
                .then().statusCode(422).extract().asString();
        assertTrue(page.contains("id=\"meeting-error\""), page);
        assertTrue(page.contains("Punkt 2: "), page);
        assertTrue(page.contains("value=\"Begrüßung\""));
        assertTrue(page.contains("value=\"2026-06-16T10:15\""));
        given().get(MEETING).then().body("items", hasSize(0));
        String badMinutes = form.post().formParam("id", "").formParam("what", "FREE").formParam("title", "Pause")
                .formParam("start", "2026-06-16T10:00").formParam("minutes", "viele").post(PAGE + "/tagesordnung")
                .then().statusCode(422).extract().asString();
        assertTrue(badMinutes.contains("zwischen 1 und 600 Minuten"));
        String badFocus = form.post().formParam("item", "abc").post(PAGE + "/jetzt").then().statusCode(422)
                .extract().asString();
        assertTrue(badFocus.contains("id=\"meeting-error\""));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        PageForms.browser(session).contentType(PageForms.FORM_URLENCODED).formParam("item", "")
                .post(PAGE + "/beginnen").then().statusCode(400);
        given().get(MEETING).then().body("startedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyPageOfTheDiscussionShowsTheBannerWithTheItemToGoTo() {
        String before = html("/discussions/" + Fixtures.SLUG, null);
        assertTrue(before.contains("id=\"meeting-banner\""), "the banner's place is there before any focus");
        assertFalse(before.contains("Jetzt: "));
        focusThesisOne();
        String link = "href=\"/topics/" + Fixtures.thesis(1) + "\"";
        for (String path : List.of("/discussions/" + Fixtures.SLUG, "/topics/" + Fixtures.thesis(3),
                "/discussions/" + Fixtures.SLUG + "/demands")) {
            String page = html(path, null);
            assertTrue(page.contains("Jetzt: These 1 — Räume &lt;öffnen&gt;"), path);
            assertTrue(page.contains(link), path);
            assertTrue(page.contains("/js/meeting-banner.js"), path);
        }
        String english = PageForms.browser(null).header("Accept-Language", "en").get("/discussions/" + Fixtures.SLUG)
                .then().extract().asString();
        assertTrue(english.contains("Now: Thesis 1 — "), english);
        PageForms.browser(null).get(PAGE + "/banner").then().statusCode(200)
                .body(containsString("Jetzt: These 1 — Räume &lt;öffnen&gt;"));
    }

    @Test
    void aGuidingQuestionInFocusLeadsToItsPlaceOnTheOverview() {
        long item = moderator.as().body(agenda(item("QUESTION", Fixtures.question(3), null, START, 30)))
                .put(MEETING + "/agenda").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        moderator.as().body(Map.of("itemId", item)).put(MEETING + "/focus").then().statusCode(200);
        String overview = html("/discussions/" + Fixtures.SLUG, null);
        assertTrue(overview.contains("id=\"q" + Fixtures.question(3) + "\""));
        assertTrue(overview.contains("href=\"/discussions/" + Fixtures.SLUG + "#q" + Fixtures.question(3) + "\""));
        assertTrue(overview.contains("Jetzt: Leitfrage 3 — "));
    }

    @Test
    void theOverviewLinksTheMeetingPageForModeratorsOnly() {
        assertTrue(html("/discussions/" + Fixtures.SLUG, session).contains("href=\"" + PAGE + "\""));
        assertFalse(html("/discussions/" + Fixtures.SLUG, null).contains("href=\"" + PAGE + "\""));
        assertFalse(html("/discussions/" + Fixtures.SLUG, PageForms.signIn(Fixtures.expert()))
                .contains("href=\"" + PAGE + "\""));
    }

    @Test
    void unknownDiscussionHasNoMeetingPage() {
        PageForms.browser(session).get("/discussions/gibt-es-nicht/sitzung").then().statusCode(404);
        PageForms.browser(null).get("/discussions/gibt-es-nicht/sitzung/banner").then().statusCode(404);
        Response r = PageForms.browser(null).get("/discussions/" + Fixtures.SLUG + "/sitzung/banner");
        assertEquals(200, r.statusCode());
        assertTrue(r.asString().contains("hidden"));
    }
}
