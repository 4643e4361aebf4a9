package org.thesenforum.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.ICalDate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/** The calendar files, parsed back with biweekly: times in Europe/Berlin with a VTIMEZONE made from the JDK. */
@QuarkusTest
class EventCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    EventCalendar calendar;

    private static long imported(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ForumEvent.<ForumEvent>find("paperKey", key)
                .firstResult().id);
    }

    private static ICalendar calendar(long id) {
        String ics = given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200).extract().asString();
        assertFalse(ics.contains("tzurl"), "nothing points at tzurl.org");
        return Biweekly.parse(ics).first();
    }

    @Test
    void expertRoundIsInBerlinTime() {
        ICalendar ical = calendar(imported("invitation-1"));
        VEvent event = ical.getEvents().get(0);
        assertEquals("Expert/innenrunde", event.getSummary().getValue());
        ICalDate start = event.getDateStart().getValue();
        ICalDate end = event.getDateEnd().getValue();
        assertTrue(start.hasTime());
        assertEquals(ZonedDateTime.of(2016, 6, 16, 10, 30, 0, 0, BERLIN).toInstant(), start.toInstant());
        assertEquals(ZonedDateTime.of(2016, 6, 16, 16, 0, 0, 0, BERLIN).toInstant(), end.toInstant());
        TimezoneAssignment tz = ical.getTimezoneInfo().getTimezone(event.getDateStart());
        assertNotNull(tz, "DTSTART names its time zone");
        assertEquals("Europe/Berlin", tz.getComponent().getTimezoneId().getValue());
        assertEquals("Geschäftsstelle der LAG, Stiftstr. 15, 30159 Hannover", event.getLocation().getValue());
        assertTrue(event.getUrl().getValue().endsWith("/veranstaltungen/" + imported("invitation-1")));
    }

    @Test
    void conferenceWithoutTimesIsAnAllDayEvent() {
        VEvent event = calendar(imported("invitation-2")).getEvents().get(0);
        assertEquals("Ankunftsorte – Ankommen im Gemeinwesen", event.getSummary().getValue());
        ICalDate start = event.getDateStart().getValue();
        assertFalse(start.hasTime());
        assertEquals(2016, start.getRawComponents().getYear());
        assertEquals(8, start.getRawComponents().getMonth());
        assertEquals(16, start.getRawComponents().getDate());
        assertEquals("Lüneburg", event.getLocation().getValue());
    }

    @Test
    void linesWithUmlautsAndEmojiAreFoldedAt75Octets() {
        Map<String, Object> body = EventFixtures.event("Fachtag „Ankommen“ für Übersetzerinnen, Ärztinnen und Ämter 🎉");
        String description = "Grüße aus Lüneburg 👋🏽 – wir öffnen die Gemeinwesenarbeit für Zugewanderte. "
                + "Bitte bringen Sie Ihre Fragen mit; äöüß ÄÖÜ 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 Ende.";
        body.put("description", description);
        body.put("venueName", "Bürgerhaus Süd, Großer Saal (Erdgeschoß, barrierefrei zugänglich über den Südeingang)");
        long id = EventFixtures.createFrom(body);
        byte[] file = given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200).extract()
                .asByteArray();
        String ics = new String(file, StandardCharsets.UTF_8);
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        VEvent event = Biweekly.parse(ics).first().getEvents().get(0);
        assertEquals(body.get("title"), event.getSummary().getValue());
        assertEquals(description, event.getDescription().getValue());
        assertTrue(event.getLocation().getValue().startsWith("Bürgerhaus Süd, Großer Saal (Erdgeschoß"));
    }

    @Test
    void aStoredDateOutsideTheYearsGivesNoCalendarRatherThanAnException() {
        ForumEvent e = new ForumEvent();
        e.id = 424242L;
        e.title = "Kaputt";
        e.startsOn = LocalDate.of(2030, 1, 1);
        e.startsAt = Instant.MAX;
        assertTrue(calendar.ics(e, Instant.now()).isEmpty());
        e.startsAt = null;
        e.startsOn = LocalDate.MIN;
        assertTrue(calendar.ics(e, Instant.now()).isEmpty());
        e.startsOn = LocalDate.of(2030, 1, 1);
        e.startsAt = Instant.parse("2030-01-01T09:00:00Z");
        e.endsAt = Instant.MIN;
        assertTrue(calendar.ics(e, Instant.now()).isEmpty());
        e.endsAt = null;
        assertTrue(calendar.ics(e, Instant.now()).orElseThrow().contains("SUMMARY:Kaputt"));
    }

    @Test
    void generatedTimeZoneAgreesWithTheJdkAcrossTheYear() {
        VTimezone component = CalendarZones.vtimezone("Europe/Berlin", BERLIN.getRules());
        assertEquals(1, component.getStandardTimes().size());
        assertEquals(1, component.getDaylightSavingsTime().size());
        biweekly.io.ICalTimeZone zone = new biweekly.io.ICalTimeZone(component);
        for (String t : new String[] {"2016-01-15T12:00:00Z", "2016-03-26T12:00:00Z", "2016-03-27T03:00:00Z",
                "2016-06-16T08:30:00Z", "2016-10-29T12:00:00Z", "2016-10-30T03:00:00Z", "2031-07-01T00:00:00Z"}) {
            Instant instant = Instant.parse(t);
            assertEquals(BERLIN.getRules().getOffset(instant).getTotalSeconds() * 1000,
                    zone.getOffset(instant.toEpochMilli()), t);
        }
    }
}
