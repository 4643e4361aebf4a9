package org.thesenforum.meeting;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What the meeting API, the live frames, the projector and the protocol read: the agenda, its times and the focus. */
public final class MeetingViews {

    private MeetingViews() {
    }

    /**
     * A discussion's meeting: when it started and ended (null before), the item now being discussed ({@code focus},
     * null when none), the agenda in order, and {@code serverTime}, the moment this view was made, from which a
     * client computes its clock offset so that the countdown reads the same on every device.
     */
    public record MeetingView(String slug, Instant serverTime, Instant startedAt, Instant endedAt, boolean running,
            ItemView focus, List<ItemView> items, long lastEventSeq) {

        /** Whether the meeting has an agenda. */
        @JsonIgnore
        public boolean hasAgenda() {
            return !items.isEmpty();
        }
    }

    /**
     * One agenda item. {@code label} names the item as people know it ("These 3", "Leitfrage 2", "Forderung"; null
     * for free items) and {@code title} says what it is about (the override the moderators typed, or the referenced
     * topic's title, question's text or demand's title). {@code href} is the page where it is discussed.
     * {@code endsAt} is the planned end of a running item: its actual start plus its planned minutes.
     */
    public record ItemView(long id, int position, AgendaItem.Kind kind, Long refId, String label, String title,
            String titleOverride, String href, Instant plannedStart, int plannedMinutes, Instant plannedEnd,
            Instant actualStart, Instant actualEnd, Instant endsAt, boolean current) {

        /** "These 3 — Title", or the title alone for a free item. */
        @JsonIgnore
        public String heading() {
            return label == null ? title : label + " — " + title;
        }

        @JsonIgnore
        public String kindName() {
            return kind.name();
        }

        @JsonIgnore
        public boolean isFree() {
            return kind == AgendaItem.Kind.FREE;
        }

        /** Started and not yet ended. */
        @JsonIgnore
        public boolean isRunning() {
            return actualStart != null && actualEnd == null;
        }
    }
}
