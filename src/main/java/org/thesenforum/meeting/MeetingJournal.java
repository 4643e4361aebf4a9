package org.thesenforum.meeting;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;
import org.thesenforum.meeting.MeetingViews.ItemView;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.Languages;

/**
 * Writes every meeting change into the journal inside the transaction that made it, so it reaches every client and
 * is replayed on resume exactly once: {@code meeting.agenda} carries the whole meeting view, {@code meeting.focus}
 * the focus and the meeting's times. The {@code html} is the banner in the default language; the entry names no
 * target, because the banner's script (not the generic fragment routine) updates it, and pages without a banner
 * must not reload for it.
 */
@ApplicationScoped
class MeetingJournal {

    /** The entity kind of meeting entries (the entity id is the discussion's). */
    static final String KIND = "meeting";

    /** The data of a {@code meeting.focus} frame. */
    record FocusFrame(String slug, Instant serverTime, boolean running, Instant startedAt, Instant endedAt,
            ItemView focus) {
    }

    private final Journal journal;
    private final MeetingService meetings;
    private final MeetingBanner banner;
    private final ObjectMapper json;

    MeetingJournal(Journal journal, MeetingService meetings, MeetingBanner banner, ObjectMapper json) {
        this.journal = journal;
        this.meetings = meetings;
        this.banner = banner;
        this.json = json;
    }

    void meetingChanged(@Observes MeetingChanged change) {
        MeetingView view = meetings.meeting(change.discussionId(), Languages.DEFAULT);
        Object data = change.change() == MeetingChanged.Change.AGENDA ? view
                : new FocusFrame(view.slug(), view.serverTime(), view.running(), view.startedAt(), view.endedAt(),
                        view.focus());
        journal.append(change.discussionId(), change.change().type(), null,
                new EntityRef(KIND, change.discussionId()),
                new Payload(write(data), banner.fragment(view, Languages.DEFAULT)), null, null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a journal entry", e);
        }
    }
}
