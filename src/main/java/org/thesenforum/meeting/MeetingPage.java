package org.thesenforum.meeting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.thesenforum.meeting.MeetingReach.Reach;
import org.thesenforum.meeting.MeetingViews.MeetingView;

/**
 * What the moderators' meeting page shows: the meeting, the reach, the rows of the agenda form (the stored agenda, or
 * what was typed into a refused form) and the choices of its "what" field.
 */
record MeetingPage(String slug, String discussionTitle, MeetingView meeting, Reach reach, List<Row> rows,
        List<Choice> questions, List<Choice> topics, List<Choice> demands, String error, boolean saved) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(AgendaInput.LOCAL);
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(AgendaInput.LOCAL);

    /** One row of the agenda form: {@code what} is {@code TOPIC:12}, {@code QUESTION:3}, {@code DEMAND:7} or FREE. */
    record Row(int number, String id, String what, String title, String start, String minutes) {

        /** Whether the row has {@code value} chosen (not named "is", which Qute's {@code #if} reads as "=="). */
        public boolean chose(String value) {
            return value.equals(what);
        }
    }

    /** One choice of the "what" field. */
    record Choice(String value, String label) {
    }

    /** Berlin time of day, for the template. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String startedAt() {
        return time(meeting.startedAt());
    }

    public String endedAt() {
        return time(meeting.endedAt());
    }

    public long lastEventSeq() {
        return meeting.lastEventSeq();
    }
}
