package org.thesenforum.event;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ForumConfig;

/**
 * An event as an iCalendar file (RFC 5545). Times are written in Europe/Berlin with a VTIMEZONE generated from the
 * JDK's zone rules: biweekly's own lookup ({@code TimezoneAssignment.download}, tzurl.org) is never used, so nothing
 * is fetched at run time.
 */
@ApplicationScoped
public class EventCalendar {

    private static final VTimezone BERLIN = vtimezone(EventTimes.BERLIN.getId(), EventTimes.BERLIN.getRules());

    private final ForumConfig config;

    EventCalendar(ForumConfig config) {
        this.config = config;
    }

    /** The calendar file of {@code event}, stamped at {@code now}. */
    String ics(ForumEvent event, Instant now) {
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
        return ical.write();
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
        String base = config.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "thesenforum" : host;
    }

    /** A VTIMEZONE with one yearly observance per transition rule of the zone (or one fixed offset). */
    static VTimezone vtimezone(String id, ZoneRules rules) {
        VTimezone tz = new VTimezone(id);
        List<ZoneOffsetTransitionRule> transitionRules = rules.getTransitionRules();
        if (transitionRules.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            StandardTime standard = new StandardTime();
            standard.setDateStart(components(LocalDateTime.of(1970, 1, 1, 0, 0)));
            standard.setTimezoneOffsetFrom(offset(offset));
            standard.setTimezoneOffsetTo(offset(offset));
            tz.addStandardTime(standard);
            return tz;
        }
        List<ZoneOffsetTransition> history = rules.getTransitions();
        int year = history.isEmpty() ? 1970 : history.get(history.size() - 1).getDateTimeAfter().getYear() + 1;
        for (ZoneOffsetTransitionRule rule : transitionRules) {
            ZoneOffsetTransition first = rule.createTransition(year);
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
            Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
            o.setDateStart(components(first.getDateTimeBefore()));
            o.setTimezoneOffsetFrom(offset(rule.getOffsetBefore()));
            o.setTimezoneOffsetTo(offset(rule.getOffsetAfter()));
            o.setRecurrenceRule(recurrence(rule));
            if (daylight) {
                tz.addDaylightSavingsTime((DaylightSavingsTime) o);
            } else {
                tz.addStandardTime((StandardTime) o);
            }
        }
        return tz;
    }

    private static Recurrence recurrence(ZoneOffsetTransitionRule rule) {
        Recurrence.Builder r = new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
        int indicator = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return r.byMonthDay(indicator).build();
        }
        DayOfWeek day = DayOfWeek.valueOf(rule.getDayOfWeek().name());
        int length = rule.getMonth().maxLength();
        if (indicator < 0 || indicator + 6 == length) {
            // "the last <day>" or "<day> on or after the 25th" of a 31-day month
            return r.byDay(-1, day).build();
        }
        if (indicator % 7 == 1) {
            return r.byDay(indicator / 7 + 1, day).build();
        }
        List<Integer> days = new ArrayList<>();
        for (int d = indicator; d < indicator + 7 && d <= length; d++) {
            days.add(d);
        }
        return r.byDay(day).byMonthDay(days).build();
    }

    private static DateTimeComponents components(LocalDateTime t) {
        return new DateTimeComponents(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), false);
    }

    private static UtcOffset offset(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
