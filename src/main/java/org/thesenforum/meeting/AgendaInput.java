package org.thesenforum.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * One agenda item as a client sends it, unchecked: {@code id} of an item that stays (optional), kind, reference,
 * title, planned start and minutes. {@link #check} turns it into a {@link Checked} item or refuses it naming the
 * field ({@code items[2].plannedMinutes}).
 */
public record AgendaInput(Long id, String kind, Long refId, String title, String plannedStart,
        Integer plannedMinutes) {

    /** The zone of a planned start given without an offset (a form's local date and time). */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    static final int TITLE_MAX = 200;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** A checked item; the reference is not yet checked against the discussion. */
    record Checked(Long id, AgendaItem.Kind kind, Long refId, String title, Instant plannedStart, int plannedMinutes) {
    }

    Checked check(int index) {
        String at = "items[" + index + "].";
        AgendaItem.Kind k = kind(at + "kind");
        String t = k == AgendaItem.Kind.FREE ? Inputs.requiredLine(at + "title", title, TITLE_MAX)
                : Inputs.optionalLine(at + "title", title, TITLE_MAX);
        if (k == AgendaItem.Kind.FREE && refId != null) {
            throw ProblemException.invalid(at + "refId", text(MeetingMessages::problem_ref_free));
        }
        if (k != AgendaItem.Kind.FREE && refId == null) {
            throw ProblemException.invalid(at + "refId", text(MeetingMessages::problem_ref_required));
        }
        Instant start = start(at + "plannedStart");
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            throw ProblemException.invalid(at + "plannedStart", text(MeetingMessages::problem_start_invalid));
        }
        if (plannedMinutes == null || plannedMinutes < 1 || plannedMinutes > 600) {
            throw ProblemException.invalid(at + "plannedMinutes", text(MeetingMessages::problem_minutes_range));
        }
        return new Checked(id, k, refId, t, start, plannedMinutes);
    }

    private AgendaItem.Kind kind(String field) {
        try {
            return AgendaItem.Kind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, text(MeetingMessages::problem_kind_unknown));
        }
    }

    /** An ISO date and time with offset ({@code 2026-06-16T10:30:00+02:00}, {@code …Z}) or local to Berlin. */
    private Instant start(String field) {
        String value = plannedStart == null ? "" : plannedStart.strip();
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException offsetMissing) {
            try {
                return LocalDateTime.parse(value).atZone(LOCAL).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeException e) {
                throw ProblemException.invalid(field, text(MeetingMessages::problem_start_invalid));
            }
        }
    }

    static Text text(Function<MeetingMessages, String> message) {
        return Text.of(MeetingMessages.class, message);
    }
}
