package org.thesenforum.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The dates an event may have, whichever way they are set (API, form, paper import): its day, start and end fall on
 * days of the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} in Europe/Berlin, and so does the last day of its
 * registration, which is the event's day at the latest.
 */
final class EventDates {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private static final Instant EARLIEST = startOf(LocalDate.of(FIRST_YEAR, 1, 1));
    private static final Instant AFTER_LAST = startOf(LocalDate.of(LAST_YEAR + 1, 1, 1));

    private EventDates() {
    }

    /** Whether {@code day} lies in the years events may have. */
    static boolean possible(LocalDate day) {
        return day != null && day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** Whether {@code instant} falls on such a day in Berlin; compared as instants, so any value is safe. */
    static boolean possible(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LAST);
    }

    /** Whether registration open before {@code deadline} has its last day in those years. */
    static boolean possibleDeadline(Instant deadline) {
        return deadline != null && deadline.isAfter(EARLIEST) && !deadline.isAfter(AFTER_LAST);
    }

    /** Whether registration open before {@code deadline} runs past the end of the event's {@code day}. */
    static boolean endsAfter(Instant deadline, LocalDate day) {
        return deadline.isAfter(startOf(day.plusDays(1)));
    }

    /** The value for the form's {@code min} of a date. */
    static String firstDay() {
        return LocalDate.of(FIRST_YEAR, 1, 1).toString();
    }

    /** The value for the form's {@code max} of a date. */
    static String lastDay() {
        return LocalDate.of(LAST_YEAR, 12, 31).toString();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(EventTimes.BERLIN).toInstant();
    }
}
