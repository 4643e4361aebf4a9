package org.thesenforum.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The events of a paper's invitation, read from its syntax tree: the shipped paper and variants of it. */
class InvitationReaderTest {

    private static final String THESES = "\n# Titel\n\n### Thesen\n\n1. Eins.\n";

    private static List<ParsedEvent> events(String invitation) throws PaperFormatException {
        return new PaperParser().parse(invitation + THESES).events();
    }

    private static String shipped() throws IOException {
        try (InputStream in = InvitationReaderTest.class.getResourceAsStream(
                "/paper/einladung-und-diskussionsgrundlage.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedPaperInvitesToTheExpertRoundThatPreparesTheConference() throws Exception {
        List<ParsedEvent> events = new PaperParser().parse(shipped()).events();
        assertEquals(2, events.size());

        ParsedEvent round = events.get(0);
        assertEquals("Expert/innenrunde", round.title());
        assertEquals(LocalDate.of(2016, 6, 16), round.date());
        assertEquals(LocalTime.of(10, 30), round.start());
        assertEquals(LocalTime.of(16, 0), round.end());
        assertTrue(round.endApproximate(), "\"ca. 16.00 Uhr\"");
        assertEquals("Geschäftsstelle der LAG", round.venueName());
        assertEquals("Stiftstr. 15", round.street());
        assertEquals("30159", round.postcode());
        assertEquals("Hannover", round.city());
        assertEquals(LocalDate.of(2016, 6, 10), round.registrationUntil());
        assertEquals(ZonedDateTime.parse("2016-06-11T00:00+02:00[Europe/Berlin]"), round.registrationClosesAt(),
                "until the end of 10 June in Berlin");
        assertEquals("geschaeftsstelle@lag-nds.de", round.contactEmail());
        assertEquals("0511/ 161 25 03", round.fax());
        assertEquals("Markus Kissling und Johanna Klatt", round.organisers());
        assertEquals(ZonedDateTime.parse("2016-06-16T10:30+02:00[Europe/Berlin]"), round.startsAt());

        ParsedEvent conference = events.get(1);
        assertEquals("Ankunftsorte – Ankommen im Gemeinwesen", conference.title());
        assertEquals(LocalDate.of(2016, 8, 16), conference.date(), "the year from the meeting it follows");
        assertEquals("Lüneburg", conference.city());
        // What the paper does not say stays empty.
        assertNull(conference.start());
        assertNull(conference.end());
        assertNull(conference.venueName());
        assertNull(conference.street());
        assertNull(conference.postcode());
        assertNull(conference.registrationUntil());
        assertNull(conference.endsAt());
    }

    @Test
    void aPreparedEventEarlierInTheYearThanTheMeetingIsInTheNextYear() throws Exception {
        List<ParsedEvent> events = events("""
                Wir planen eine Veranstaltung am 20. Januar in Celle mit dem Titel: **Neujahrsrunde**. Vorher:

                **Werkstatt**
                **Montag, 7. Dezember 2026, 9:00 - 12:00 Uhr**
                **Rathaus**
                **Markt 1**
                **29221 Celle**
                """);
        assertEquals(2, events.size());
        assertEquals(LocalDate.of(2027, 1, 20), events.get(1).date());
        assertEquals("Neujahrsrunde", events.get(1).title());
        ParsedEvent meeting = events.get(0);
        assertEquals(LocalTime.of(9, 0), meeting.start());
        assertEquals(LocalTime.of(12, 0), meeting.end());
        assertFalse(meeting.endApproximate());
        assertEquals("Rathaus", meeting.venueName());
        assertEquals("Markt 1", meeting.street());
        assertNull(meeting.registrationUntil(), "no deadline written, none invented");
        assertNull(meeting.contactEmail());
    }

    @Test
    void aMeetingWithoutTimesOrVenueKeepsOnlyWhatItSays() throws Exception {
        List<ParsedEvent> events = events("""
                **Treffen**
                **12. März 2027**

                Anmeldung bis 1. März 2027 bei [uns](mailto:info@example.org).
                """);
        assertEquals(1, events.size());
        ParsedEvent meeting = events.get(0);
        assertEquals("Treffen", meeting.title());
        assertNull(meeting.start());
        assertNull(meeting.city());
        assertEquals(LocalDate.of(2027, 3, 1), meeting.registrationUntil());
        assertEquals("info@example.org", meeting.contactEmail());
        assertNull(meeting.organisers(), "the line right before the registration is the meeting itself");
    }

    @Test
    void anInvitationWithoutADatedMeetingAnnouncesNothing() throws Exception {
        assertEquals(List.of(), events("Liebe Kolleg/innen, wir laden bald ein.\n"));
        assertEquals(List.of(), events(""));
        // An impossible date is no date.
        assertEquals(List.of(), events("**Runde**  \n**31. Juni 2016, 10.00 Uhr**\n"));
    }
}
