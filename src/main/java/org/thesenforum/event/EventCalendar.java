package org.thesenforum.event;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ForumConfig;

/**
 * An event as an iCalendar file (RFC 5545). Times are written in Europe/Berlin with a VTIMEZONE generated from the
 * JDK's zone rules: biweekly's own lookup ({@code TimezoneAssignment.download}, tzurl.org) is never used, so nothing
 * is fetched at run time. Lines are folded by {@link IcsFolding}, since biweekly counts characters, not octets.
 */
@ApplicationScoped
public class EventCalendar {

    private static final VTimezone BERLIN = CalendarZones.vtimezone(EventTimes.BERLIN.getId(),
            EventTimes.BERLIN.getRules());

    private final ForumConfig config;

    EventCalendar(ForumConfig config) {
        this.config = config;
    }

    /**
     * The calendar file of {@code event}, stamped at {@code now}; empty, with a warning in the log, when a stored date
     * breaks the rules of {@link EventDates} (written before they were checked), rather than a calendar with a wrong
     * date or an exception.
     */
    Optional<String> ics(ForumEvent event, Instant now) {
        if (!EventDates.possible(event.startsOn) || event.startsAt != null && !EventDates.possible(event.startsAt)
                || event.endsAt != null && !EventDates.possible(event.endsAt)) {
            Log.warnf("Event %d has a date outside the years %d to %d; it has no calendar file until it is corrected",
                    event.id, EventDates.FIRST_YEAR, EventDates.LAST_YEAR);
            return Optional.empty();
        }
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Thesenforum//Veranstaltungen//DE");
        ical.getTimezoneInfo().setDefaultTimezone(
                new TimezoneAssignment(TimeZone.getTimeZone(EventTimes.BERLIN), BERLIN.copy()));
        VEvent v = new VEvent();
        v.setUid("event-" + event.id + "@" + host());
        v.setDateTimeStamp(Date.from(now));
        v.setSummary(event.title);
        if (event.startsAt != null) {
            v.setDateStart(new DateStart(Date.from(event.startsAt), true));
            if (event.endsAt != null) {
                v.setDateEnd(new DateEnd(Date.from(event.endsAt), true));
            }
        } else {
            // Only the day is known: an all-day event (DATE values, the end exclusive).
            v.setDateStart(new DateStart(day(event.startsOn)));
            v.setDateEnd(new DateEnd(day(event.startsOn.plusDays(1))));
        }
        String location = location(event);
        if (!location.isEmpty()) {
            v.setLocation(location);
        }
        if (event.description != null) {
            v.setDescription(event.description);
        }
        v.setUrl(base() + "/veranstaltungen/" + event.id);
        ical.addEvent(v);
        return Optional.of(IcsFolding.fold(Biweekly.write(ical).foldLines(false).go()));
    }

    static String location(ForumEvent e) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {e.venueName, e.street,
                ((e.postcode == null ? "" : e.postcode) + " " + (e.city == null ? "" : e.city)).trim()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join(", ", parts);
    }

    private static ICalDate day(LocalDate date) {
        return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }

    private String base() {
        return org.thesenforum.web.BaseUrls.configuredOrFallback(config);
    }

    private String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "thesenforum" : host;
    }

}
