package org.thesenforum.meeting;

/** Fired inside the transaction that changed a meeting; the journal entry is added to the same transaction. */
record MeetingChanged(long discussionId, Change change) {

    /** What changed: the agenda as a whole, or the focus and the meeting's times. */
    enum Change {
        AGENDA("meeting.agenda"), FOCUS("meeting.focus");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        /** The frame type on the live stream. */
        String type() {
            return type;
        }
    }
}
