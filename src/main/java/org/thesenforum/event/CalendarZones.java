package org.thesenforum.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;

/** VTIMEZONE components made from the JDK's zone rules, so no time zone data is ever fetched. */
final class CalendarZones {

    private CalendarZones() {
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
        // The observances start in the first year from which the zone's recorded transitions follow its rules (the
        // JDK may record years ahead that the rules also produce), so dates since then get the right offset.
        List<ZoneOffsetTransition> history = rules.getTransitions();
        int year = history.isEmpty() ? 1970 : history.get(history.size() - 1).getDateTimeAfter().getYear() + 1;
        for (int i = history.size() - 1; i >= 0; i--) {
            ZoneOffsetTransition recorded = history.get(i);
            int y = recorded.getDateTimeBefore().getYear();
            if (transitionRules.stream().noneMatch(r -> r.createTransition(y).equals(recorded))) {
                break;
            }
            year = y;
        }
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
