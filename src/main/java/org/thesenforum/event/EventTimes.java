package org.thesenforum.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The time zone of events and the conversions the API and pages share. */
final class EventTimes {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private EventTimes() {
    }

    /** The instant as an ISO-8601 date-time with its Berlin offset, or null. */
    static OffsetDateTime berlin(Instant instant) {
        return instant == null ? null : instant.atZone(BERLIN).toOffsetDateTime();
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
