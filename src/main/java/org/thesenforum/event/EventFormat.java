package org.thesenforum.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Dates and times of events in words, in Europe/Berlin and the reader's language ({@code evtfmt} in templates). */
@ApplicationScoped
@Named("evtfmt")
public class EventFormat {

    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final org.thesenforum.web.ReaderLanguage language;

    EventFormat(org.thesenforum.web.ReaderLanguage language) {
        this.language = language;
    }

    /** When the event takes place, in the reader's language. */
    public String when(EventViews.EventView e) {
        return when(e.date(), e.start(), e.end(), language.locale());
    }

    /** The registration deadline in the reader's language, or empty. */
    public String deadline(EventViews.EventView e) {
        return moment(e.registrationDeadline(), language.locale());
    }

    String when(ForumEvent e, Locale locale) {
        return when(e.startsOn, EventTimes.berlin(e.startsAt), EventTimes.berlin(e.endsAt), locale);
    }

    /** "Donnerstag, 16. Juni 2016, 10:30–16:00 Uhr"; only the day when the time is not known. */
    public String when(LocalDate day, OffsetDateTime start, OffsetDateTime end, Locale locale) {
        boolean en = isEnglish(locale);
        String text = (en ? DAY_EN : DAY_DE).format(day);
        if (start == null) {
            return text;
        }
        ZonedDateTime s = start.atZoneSameInstant(EventTimes.BERLIN);
        text += ", " + TIME.format(s);
        if (end != null) {
            ZonedDateTime e = end.atZoneSameInstant(EventTimes.BERLIN);
            text += "–" + (e.toLocalDate().equals(s.toLocalDate()) ? TIME.format(e)
                    : (en ? DAY_EN : DAY_DE).format(e) + ", " + TIME.format(e));
        }
        return en ? text : text + " Uhr";
    }

    /** A moment such as a deadline: "10. Juni 2016, 24:00 Uhr" reads oddly, so the last minute is named instead. */
    public String moment(OffsetDateTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        ZonedDateTime z = t.atZoneSameInstant(EventTimes.BERLIN);
        boolean en = isEnglish(locale);
        if (z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            // Until the end of the previous day.
            return (en ? DAY_EN : DAY_DE).format(z.minusDays(1)) + (en ? ", end of day" : ", 24:00 Uhr");
        }
        return (en ? DAY_EN : DAY_DE).format(z) + ", " + TIME.format(z) + (en ? "" : " Uhr");
    }

    /** A moment for lists: "16.06.2016 10:30". */
    public String compact(OffsetDateTime t) {
        return t == null ? "" : shortInstant(t.toInstant());
    }

    static String shortInstant(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(t.atZone(EventTimes.BERLIN));
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
