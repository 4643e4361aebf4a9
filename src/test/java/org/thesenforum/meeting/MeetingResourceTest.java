package org.thesenforum.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.MutableClock;

import static org.thesenforum.meeting.MeetingFixtures.START;
import static org.thesenforum.meeting.MeetingFixtures.agenda;
import static org.thesenforum.meeting.MeetingFixtures.item;

@QuarkusTest
class MeetingResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MEETING = MeetingFixtures.MEETING;
    private static final Instant NOW = Instant.parse("2026-06-16T08:31:00Z");

    @Inject
    MeetingClock meetingClock;

    private final MutableClock clock = new MutableClock(NOW);
    private User moderator;
    private long since;

    @BeforeEach
    void noMeeting() {
        MeetingFixtures.noMeeting();
        since = MeetingFixtures.latestSeq();
        meetingClock.use(clock);
        moderator = Fixtures.moderator();
    }

    @AfterEach
    void systemClock() {
        meetingClock.use(null);
    }

    private ValidatableResponse putAgenda(User user, Object body) {
        return user.as().body(body).put(MEETING + "/agenda").then();
    }

    private ValidatableResponse focus(User user, Object body) {
        return user.as().body(body).put(MEETING + "/focus").then();
    }

    private static Map<String, Object> focusOn(Long itemId) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemId", itemId);
        return body;
    }

    /** Thesis 1, guiding question 2, a demand and a lunch break; returns the item ids in order. */
    private List<Long> fullAgenda() {
        long demand = MeetingFixtures.demand(Fixtures.expert(), "Räume für alle");
        return putAgenda(moderator, agenda(
                item("TOPIC", Fixtures.thesis(1), null, START, 30),
                item("QUESTION", Fixtures.question(2), null, "2026-06-16T11:00:00+02:00", 20),
                item("FREE", null, "Mittagspause", "2026-06-16T11:20", 45),
                item("DEMAND", demand, "Raumfrage", "2026-06-16T12:05:00Z", 15))).statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    // --- reading ---

    @Test
    void discussionWithoutMeetingHasAnEmptyUnstartedOne() {
        given().get(MEETING).then().statusCode(200)
                .body("slug", equalTo(Fixtures.SLUG))
                .body("serverTime", equalTo("2026-06-16T08:31:00Z"))
                .body("startedAt", nullValue())
                .body("running", equalTo(false))
                .body("focus", nullValue())
                .body("items", hasSize(0));
    }

    @Test
    void unknownDiscussionIsNotFound() {
        given().get("/api/discussions/gibt-es-nicht/meeting").then().statusCode(404).contentType(PROBLEM);
        moderator.as().body(agenda()).put("/api/discussions/gibt-es-nicht/meeting/agenda").then().statusCode(404)
                .contentType(PROBLEM);
        moderator.as().body(focusOn(null)).put("/api/discussions/gibt-es-nicht/meeting/focus").then()
                .statusCode(404);
    }

    // --- the agenda ---

    @Test
    void agendaNamesItemsAsPeopleKnowThemWithPlannedTimes() {
        fullAgenda();
        given().get(MEETING).then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].kind", equalTo("TOPIC"))
                .body("items[0].label", equalTo("These 1"))
                .body("items[0].href", equalTo("/topics/" + Fixtures.thesis(1)))
                .body("items[0].plannedStart", equalTo("2026-06-16T08:30:00Z"))
                .body("items[0].plannedEnd", equalTo("2026-06-16T09:00:00Z"))
                .body("items[0].actualStart", nullValue())
                .body("items[1].label", equalTo("Leitfrage 2"))
                .body("items[1].href", equalTo("/discussions/" + Fixtures.SLUG + "#q" + Fixtures.question(2)))
                .body("items[2].kind", equalTo("FREE"))
                .body("items[2].label", nullValue())
                .body("items[2].title", equalTo("Mittagspause"))
                // A local date and time is the forum's (Berlin) time.
                .body("items[2].plannedStart", equalTo("2026-06-16T09:20:00Z"))
                .body("items[3].label", equalTo("Forderung"))
                .body("items[3].title", equalTo("Raumfrage"))
                .body("items[3].href", startsWith("/discussions/" + Fixtures.SLUG + "/demands#d"))
                .body("items[3].position", equalTo(4));
    }

    @Test
    void agendaIsForModeratorsOnly() {
        given().contentType(ContentType.JSON).body(agenda()).put(MEETING + "/agenda").then().statusCode(401);
        putAgenda(Fixtures.expert(), agenda()).statusCode(403);
        putAgenda(Fixtures.admin(), agenda()).statusCode(200);
        given().contentType(ContentType.JSON).body(focusOn(null)).put(MEETING + "/focus").then().statusCode(401);
        focus(Fixtures.expert(), focusOn(null)).statusCode(403);
        Fixtures.expert().as().post(MEETING + "/start").then().statusCode(403);
        Fixtures.expert().as().post(MEETING + "/end").then().statusCode(403);
        Fixtures.expert().as().get(MEETING + "/reach").then().statusCode(403);
        given().get(MEETING + "/reach").then().statusCode(401);
    }

    @Test
    void refusedItemsNameTheirFieldAndChangeNothing() {
        List<Long> before = fullAgenda();
        String other = MeetingFixtures.otherDiscussion();
        long foreignTopic = MeetingFixtures.topicOf(other);
        record Case(Map<String, Object> item, String field) {
        }
        List<Case> cases = List.of(
                new Case(item("VOTE", 1L, null, START, 10), "items[1].kind"),
                new Case(item(null, 1L, null, START, 10), "items[1].kind"),
                new Case(item("TOPIC", null, null, START, 10), "items[1].refId"),
                new Case(item("TOPIC", 999_999_999L, null, START, 10), "items[1].refId"),
                new Case(item("TOPIC", foreignTopic, null, START, 10), "items[1].refId"),
                new Case(item("QUESTION", 999_999_999L, null, START, 10), "items[1].refId"),
                new Case(item("DEMAND", 999_999_999L, null, START, 10), "items[1].refId"),
                new Case(item("FREE", Fixtures.thesis(1), "Pause", START, 10), "items[1].refId"),
                new Case(item("FREE", null, null, START, 10), "items[1].title"),
                new Case(item("FREE", null, "   ", START, 10), "items[1].title"),
                new Case(item("FREE", null, "x".repeat(201), START, 10), "items[1].title"),
                new Case(item("FREE", null, "Pause\u0007", START, 10), "items[1].title"),
                new Case(item("FREE", null, "Pause", "morgen früh", 10), "items[1].plannedStart"),
                new Case(item("FREE", null, "Pause", null, 10), "items[1].plannedStart"),
                new Case(item("FREE", null, "Pause", "+999999-01-01T10:00:00Z", 10), "items[1].plannedStart"),
                new Case(item("FREE", null, "Pause", START, 0), "items[1].plannedMinutes"),
                new Case(item("FREE", null, "Pause", START, 601), "items[1].plannedMinutes"),
                new Case(item("FREE", null, "Pause", START, null), "items[1].plannedMinutes"));
        try {
            for (Case c : cases) {
                putAgenda(moderator, agenda(item("FREE", null, "Begrüßung", START, 10), c.item())).statusCode(422)
                        .contentType(PROBLEM).body("field", equalTo(c.field())).body("detail", notNullValue());
            }
        } finally {
            MeetingFixtures.drop(other);
        }
        given().get(MEETING).then().body("items.id", equalTo(before.stream().map(Long::intValue).toList()));
        assertEquals(List.of("meeting.agenda"), MeetingFixtures.meetingEntriesAfter(since));
    }

    @Test
    void malformedAgendaBodiesAreRefusedNamingTheField() {
        putAgenda(moderator, "{\"items\": [").statusCode(400).contentType(PROBLEM);
        putAgenda(moderator, "{\"items\": \"TOPIC\"}").statusCode(400).body("field", equalTo("items"));
        putAgenda(moderator, "{\"items\": [{\"kind\": \"FREE\", \"title\": \"P\", \"plannedStart\": \"" + START
                + "\", \"plannedMinutes\": \"10\"}]}").statusCode(400).body("field", containsString("plannedMinutes"));
        putAgenda(moderator, "{\"items\": [{\"kind\": \"FREE\", \"title\": \"P\", \"plannedStart\": \"" + START
                + "\", \"plannedMinutes\": 10.5}]}").statusCode(400).body("field", containsString("plannedMinutes"));
        putAgenda(moderator, "{\"items\": [], \"agenda\": 1}").statusCode(400).body("field", equalTo("agenda"));
        putAgenda(moderator, "{}").statusCode(422).body("field", equalTo("items"));
        putAgenda(moderator, "{\"items\": [null]}").statusCode(422).body("field", equalTo("items[0]"));
        moderator.as().put(MEETING + "/agenda").then().statusCode(400).contentType(PROBLEM);
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < MeetingService.MAX_ITEMS + 1; i++) {
            many.add(item("FREE", null, "Punkt " + i, START, 5));
        }
        putAgenda(moderator, Map.of("items", many)).statusCode(422).body("field", equalTo("items"));
        given().get(MEETING).then().body("items", hasSize(0));
    }

    @Test
    void englishReadersGetEnglishRefusals() {
        moderator.as().header("Accept-Language", "en").body(agenda(item("FREE", null, "P", START, 0)))
                .put(MEETING + "/agenda").then().statusCode(422)
                .body("detail", equalTo("The planned duration must be between 1 and 600 minutes."));
    }

    @Test
    void hostileTitlesAreStoredAsTyped() {
        putAgenda(moderator, agenda(item("FREE", null, "<script>alert(1)</script>", START, 10))).statusCode(200)
                .body("items[0].title", equalTo("<script>alert(1)</script>"));
    }

    @Test
    void replacingTheAgendaKeepsTheActualTimesOfItemsThatStay() {
        List<Long> ids = fullAgenda();
        focus(moderator, focusOn(ids.get(0))).statusCode(200);
        clock.advance(Duration.ofMinutes(25));
        focus(moderator, focusOn(ids.get(2))).statusCode(200);
        // Thesis 1 kept by id, the break matched by kind and title, the question dropped, a new item added.
        Map<String, Object> thesis = item("TOPIC", Fixtures.thesis(1), null, START, 40);
        thesis.put("id", ids.get(0));
        putAgenda(moderator, agenda(thesis, item("FREE", null, "Mittagspause", "2026-06-16T11:10", 50),
                item("TOPIC", Fixtures.topicId(TopicKind.APPROACH, 1), null, "2026-06-16T12:00", 20)))
                .statusCode(200)
                .body("items.id[0]", equalTo(ids.get(0).intValue()))
                .body("items[0].plannedMinutes", equalTo(40))
                .body("items[0].actualStart", equalTo("2026-06-16T08:31:00Z"))
                .body("items[0].actualEnd", equalTo("2026-06-16T08:56:00Z"))
                .body("items.id[1]", equalTo(ids.get(2).intValue()))
                .body("items[1].actualStart", equalTo("2026-06-16T08:56:00Z"))
                .body("items[1].current", equalTo(true))
                .body("focus.id", equalTo(ids.get(2).intValue()))
                .body("items[2].label", equalTo("Ansatz 1"))
                .body("items[2].actualStart", nullValue());
    }

    @Test
    void unknownOrRepeatedIdsAreRefused() {
        List<Long> ids = fullAgenda();
        Map<String, Object> unknown = item("FREE", null, "Pause", START, 10);
        unknown.put("id", 999_999_999L);
        putAgenda(moderator, agenda(unknown)).statusCode(422).body("field", equalTo("items[0].id"));
        Map<String, Object> first = item("FREE", null, "Pause", START, 10);
        first.put("id", ids.get(0));
        Map<String, Object> again = item("FREE", null, "Pause 2", START, 10);
        again.put("id", ids.get(0));
        putAgenda(moderator, agenda(first, again)).statusCode(422).body("field", equalTo("items[1].id"));
        given().get(MEETING).then().body("items", hasSize(4));
    }

    @Test
    void removingTheFocusedItemLeavesNothingInFocus() {
        List<Long> ids = fullAgenda();
        focus(moderator, focusOn(ids.get(1))).statusCode(200);
        putAgenda(moderator, agenda(item("FREE", null, "Abschluss", START, 10))).statusCode(200)
                .body("focus", nullValue()).body("items", hasSize(1));
    }

    // --- the focus ---

    @Test
    void focusStartsTheItemEndsThePreviousAndCountsDown() {
        List<Long> ids = fullAgenda();
        focus(moderator, focusOn(ids.get(0))).statusCode(200)
                .body("running", equalTo(true))
                .body("startedAt", equalTo("2026-06-16T08:31:00Z"))
                .body("focus.id", equalTo(ids.get(0).intValue()))
                .body("focus.actualStart", equalTo("2026-06-16T08:31:00Z"))
                .body("focus.endsAt", equalTo("2026-06-16T09:01:00Z"));
        clock.advance(Duration.ofMinutes(35));
        focus(moderator, focusOn(ids.get(1))).statusCode(200)
                .body("focus.id", equalTo(ids.get(1).intValue()))
                .body("items[0].actualEnd", equalTo("2026-06-16T09:06:00Z"))
                .body("items[0].current", equalTo(false))
                .body("items[1].actualStart", equalTo("2026-06-16T09:06:00Z"))
                .body("serverTime", equalTo("2026-06-16T09:06:00Z"));
        assertEquals(List.of("meeting.agenda", "meeting.focus", "meeting.focus"), MeetingFixtures.meetingEntriesAfter(since));
    }

    @Test
    void focusingTheSameItemAgainChangesNothing() {
        List<Long> ids = fullAgenda();
        focus(moderator, focusOn(ids.get(0))).statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        focus(Fixtures.moderator(), focusOn(ids.get(0))).statusCode(200)
                .body("focus.actualStart", equalTo("2026-06-16T08:31:00Z"));
        assertEquals(List.of("meeting.agenda", "meeting.focus"), MeetingFixtures.meetingEntriesAfter(since));
    }

    @Test
    void nullEndsTheCurrentItemForABreak() {
        List<Long> ids = fullAgenda();
        focus(moderator, focusOn(ids.get(0))).statusCode(200);
        clock.advance(Duration.ofMinutes(10));
        focus(moderator, focusOn(null)).statusCode(200)
                .body("focus", nullValue())
                .body("running", equalTo(true))
                .body("items[0].actualEnd", equalTo("2026-06-16T08:41:00Z"));
        focus(moderator, focusOn(null)).statusCode(200);
        assertEquals(List.of("meeting.agenda", "meeting.focus", "meeting.focus"), MeetingFixtures.meetingEntriesAfter(since));
    }

    @Test
    void refusedFocusBodiesNameTheField() {
        fullAgenda();
        focus(moderator, focusOn(999_999_999L)).statusCode(422).contentType(PROBLEM).body("field", equalTo("itemId"));
        focus(moderator, Map.of()).statusCode(422).body("field", equalTo("itemId"));
        // Wrong JSON types and unknown fields are malformed requests (400), named as such.
        focus(moderator, Map.of("itemId", "1")).statusCode(400).body("field", equalTo("itemId"))
                .body("detail", equalTo("Das Feld „itemId“ erwartet eine ganze Zahl."));
        focus(moderator, Map.of("itemId", 1.5)).statusCode(400).body("field", equalTo("itemId"));
        focus(moderator, Map.of("itemId", true)).statusCode(400).body("field", equalTo("itemId"));
        focus(moderator, Map.of("itemId", 1, "extra", true)).statusCode(400).body("field", equalTo("extra"))
                .body("detail", equalTo("Das Feld „extra“ ist unbekannt."));
        focus(moderator, "[1]").statusCode(400).contentType(PROBLEM);
        focus(moderator, "{\"itemId\": ").statusCode(400).contentType(PROBLEM);
        moderator.as().put(MEETING + "/focus").then().statusCode(400).contentType(PROBLEM);
        given().get(MEETING).then().body("focus", nullValue()).body("startedAt", nullValue());
    }

    @Test
    void itemOfAnotherDiscussionCannotBeFocused() {
        String other = MeetingFixtures.otherDiscussion();
        try {
            long foreign = moderator.as().body(agenda(item("FREE", null, "Pause", START, 10)))
                    .put("/api/discussions/" + other + "/meeting/agenda").then().statusCode(200).extract()
                    .jsonPath().getLong("items[0].id");
            focus(moderator, focusOn(foreign)).statusCode(422).body("field", equalTo("itemId"));
        } finally {
            MeetingFixtures.drop(other);
        }
    }

    // --- start and end ---

    @Test
    void endingTheMeetingEndsTheItemAndRefusesFocusUntilStartedAgain() {
        List<Long> ids = fullAgenda();
        moderator.as().post(MEETING + "/start").then().statusCode(200).body("running", equalTo(true))
                .body("startedAt", equalTo("2026-06-16T08:31:00Z"));
        focus(moderator, focusOn(ids.get(0))).statusCode(200);
        clock.advance(Duration.ofMinutes(60));
        moderator.as().post(MEETING + "/end").then().statusCode(200)
                .body("running", equalTo(false))
                .body("endedAt", equalTo("2026-06-16T09:31:00Z"))
                .body("focus", nullValue())
                .body("items[0].actualEnd", equalTo("2026-06-16T09:31:00Z"));
        moderator.as().post(MEETING + "/end").then().statusCode(200);
        focus(moderator, focusOn(ids.get(1))).statusCode(409).contentType(PROBLEM);
        moderator.as().post(MEETING + "/start").then().statusCode(200).body("running", equalTo(true))
                .body("startedAt", equalTo("2026-06-16T08:31:00Z")).body("endedAt", nullValue());
        focus(moderator, focusOn(ids.get(1))).statusCode(200);
        assertEquals(List.of("meeting.agenda", "meeting.focus", "meeting.focus", "meeting.focus", "meeting.focus",
                "meeting.focus"), MeetingFixtures.meetingEntriesAfter(since));
    }

    // --- reach ---

    @Test
    void reachCountsNoDevicesWhenNoneIsConnected() {
        moderator.as().get(MEETING + "/reach").then().statusCode(200)
                .body("devices", equalTo(0)).body("current", equalTo(0)).body("lagging", equalTo(0));
    }
}
