package org.thesenforum.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.discussion.PaperImporter;
import org.thesenforum.discussion.ParsedEvent;
import org.thesenforum.event.EventViews.EventView;
import org.thesenforum.event.EventViews.RegistrationState;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.ProblemException;

/** The events of the shipped paper's invitation, stored once at start-up, checked against the paper. */
@QuarkusTest
class EventImportTest {

    @Inject
    EventService events;

    @Inject
    PaperImporter papers;

    private List<EventView> imported() {
        return events.ofDiscussion(Fixtures.SLUG).stream()
                .filter(e -> QuarkusTransaction.requiringNew().call(
                        () -> ForumEvent.<ForumEvent>findById(e.id()).paperKey != null))
                .toList();
    }

    @Test
    void expertRoundIsStoredAsThePaperSaysIt() {
        EventView round = imported().get(0);
        assertEquals("Expert/innenrunde", round.title());
        assertEquals(LocalDate.of(2016, 6, 16), round.date());
        assertEquals(OffsetDateTime.parse("2016-06-16T10:30+02:00"), round.start());
        assertEquals(OffsetDateTime.parse("2016-06-16T16:00+02:00"), round.end());
        assertEquals("Geschäftsstelle der LAG", round.venueName());
        assertEquals("Stiftstr. 15", round.street());
        assertEquals("30159", round.postcode());
        assertEquals("Hannover", round.city());
        // "bis zum 10. Juni 2016": until the end of that day in Berlin
        assertEquals(OffsetDateTime.parse("2016-06-11T00:00+02:00"), round.registrationDeadline());
        assertEquals(RegistrationState.DEADLINE_PASSED, round.registration());
        assertEquals(Fixtures.SLUG, round.discussionSlug());
        assertEquals(null, round.capacity());
        assertEquals(true, round.contactEmail().contains("@"));
        assertEquals(true, round.contactFax() != null && !round.contactFax().isBlank());
    }

    @Test
    void conferenceTakesItsYearFromThePaperAndLeavesTheUnknownEmpty() {
        EventView conference = imported().get(1);
        assertEquals("Ankunftsorte – Ankommen im Gemeinwesen", conference.title());
        assertEquals(LocalDate.of(2016, 8, 16), conference.date());
        assertEquals("Lüneburg", conference.city());
        assertNull(conference.start());
        assertNull(conference.end());
        assertNull(conference.venueName());
        assertNull(conference.street());
        assertNull(conference.postcode());
        assertNull(conference.registrationDeadline());
        assertEquals(RegistrationState.NONE, conference.registration());
    }

    @Test
    void anInvitationWithADateOutsideTheYearsIsRefusedNamingTheEvent() {
        ParsedEvent farAway = new ParsedEvent("Fachtag", LocalDate.of(1, 6, 16), LocalTime.of(10, 30), null, false,
                null, null, null, "Celle", null, null, null, null);
        ProblemException refused = assertThrows(ProblemException.class, () -> EventImport.from(farAway));
        assertEquals(422, refused.status());
        assertEquals("file", refused.field());
        assertEquals("Die Einladung nennt für „Fachtag“ ein Datum außerhalb der Jahre 2000 bis 2100.",
                refused.message(Locale.GERMAN));
        assertEquals("The invitation gives “Fachtag” a date outside the years 2000 to 2100.",
                refused.message(Locale.ENGLISH));
        ParsedEvent lateDeadline = new ParsedEvent("Fachtag", LocalDate.of(2027, 3, 10), null, null, false, null,
                null, null, "Celle", LocalDate.of(2027, 4, 1), null, null, null);
        refused = assertThrows(ProblemException.class, () -> EventImport.from(lateDeadline));
        assertEquals("file", refused.field());
        assertEquals("Die Einladung nennt für „Fachtag“ eine Anmeldefrist, die nach dem Tag der Veranstaltung endet.",
                refused.message(Locale.GERMAN));
        ParsedEvent sameDay = new ParsedEvent("Fachtag", LocalDate.of(2027, 3, 10), null, null, false, null, null,
                null, "Celle", LocalDate.of(2027, 3, 10), null, null, null);
        assertEquals(LocalDate.of(2027, 3, 10), EventImport.from(sameDay).startsOn);
    }

    @Test
    void anUploadedPaperWithSuchAnEventIsNotImported() {
        String paper = shippedPaper().replace("# Ankommen im Gemeinwesen", "# Papier aus dem Jahr eins")
                .replace("16. Juni 2016, 10.30", "16. Juni 0001, 10.30");
        PageForms.Form form = PageForms.open("/admin/papers", PageForms.signIn(Fixtures.admin()));
        form.post().formParam("paper", paper).post("/admin/papers/import").then().statusCode(422)
                .body(containsString("Die Einladung nennt für „Expert/innenrunde“ ein Datum außerhalb der Jahre "
                        + "2000 bis 2100."));
        paper = shippedPaper().replace("# Ankommen im Gemeinwesen", "# Papier mit später Frist")
                .replace("Anmeldung bis zum 10. Juni 2016", "Anmeldung bis zum 20. Juni 2016");
        form.post().formParam("paper", paper).post("/admin/papers/import").then().statusCode(422)
                .body(containsString("eine Anmeldefrist, die nach dem Tag der Veranstaltung endet"));
        given().get("/api/discussions").then().statusCode(200)
                .body("title", not(hasItem("Papier aus dem Jahr eins")))
                .body("title", not(hasItem("Papier mit später Frist")));
    }

    private static String shippedPaper() {
        try (InputStream in = EventImportTest.class.getResourceAsStream(
                "/paper/einladung-und-diskussionsgrundlage.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void importingAgainStoresNothingTwice() {
        int before = imported().size();
        papers.importShippedPaperIfEmpty();
        papers.importShippedPaperIfEmpty();
        assertEquals(2, before);
        assertEquals(before, imported().size());
    }
}
