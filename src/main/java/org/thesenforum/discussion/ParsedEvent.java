package org.thesenforum.discussion;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An event as a paper's invitation announces it: the meeting it invites to, or the event that meeting prepares.
 * What the invitation does not say is null, never guessed.
 *
 * @param title             the event's name as written ("Expert/innenrunde", "Ankunftsorte – Ankommen im Gemeinwesen")
 * @param date              the day
 * @param start             the start time, or null
 * @param end               the (planned) end time, or null; {@code endApproximate} when written "ca."
 * @param venueName         the venue's name ("Geschäftsstelle der LAG"), or null
 * @param street            street and number, or null
 * @param postcode          the postcode, or null
 * @param city              the city, or null
 * @param registrationUntil the last day of registration ("bis zum 10. Juni 2016"), or null
 * @param contactEmail      the address to register with, or null
 * @param fax               the fax number as written, or null
 * @param organisers        the signatures of the invitation, or null
 */
public record ParsedEvent(String title, LocalDate date, LocalTime start, LocalTime end, boolean endApproximate,
        String venueName, String street, String postcode, String city, LocalDate registrationUntil,
        String contactEmail, String fax, String organisers) {

    /** The time zone of the papers' dates and times. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Registration is open before this instant: the end of the day it runs "until", in Berlin; null without one. */
    public ZonedDateTime registrationClosesAt() {
        return registrationUntil == null ? null : registrationUntil.plusDays(1).atStartOfDay(BERLIN);
    }

    /** The start in Berlin: at the start time, or at the start of the day when the invitation names no time. */
    public ZonedDateTime startsAt() {
        return start == null ? date.atStartOfDay(BERLIN) : date.atTime(start).atZone(BERLIN);
    }

    /** The end in Berlin, or null when the invitation names no end time. */
    public ZonedDateTime endsAt() {
        return end == null ? null : date.atTime(end).atZone(BERLIN);
    }
}
