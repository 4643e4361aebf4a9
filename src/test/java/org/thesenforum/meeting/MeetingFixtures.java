package org.thesenforum.meeting;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.thesenforum.testing.Fixtures;

/** Test data of the meeting feature: the shipped paper's discussion without a meeting. */
final class MeetingFixtures {

    static final String MEETING = "/api/discussions/" + Fixtures.SLUG + "/meeting";

    private MeetingFixtures() {
    }

    /** Removes the meeting of the shipped paper's discussion, so each test starts without one. */
    static void noMeeting() {
        QuarkusTransaction.requiringNew().run(() -> {
            Meeting.<Meeting>find("discussion.slug", Fixtures.SLUG).firstResultOptional().ifPresent(m -> {
                m.focusItemId = null;
                Meeting.flush();
                AgendaItem.delete("meeting", m);
                m.delete();
            });
        });
    }
}
