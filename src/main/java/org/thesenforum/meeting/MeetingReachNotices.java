package org.thesenforum.meeting;

import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.journal.Notices;

/**
 * Every few seconds, tells the moderators of each running meeting how many devices are up to date (an ephemeral
 * {@code meeting.reach} frame, not logged); their page also asks {@code GET …/meeting/reach} when it opens.
 */
@ApplicationScoped
class MeetingReachNotices {

    /** The frame type of the reach. */
    static final String TYPE = "meeting.reach";

    private final MeetingReach reach;
    private final Notices notices;

    MeetingReachNotices(MeetingReach reach, Notices notices) {
        this.reach = reach;
        this.notices = notices;
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void send() {
        List<Long> running = Meeting.<Meeting>list("startedAt is not null and endedAt is null").stream()
                .map(m -> m.discussion.id).toList();
        running.forEach(this::send);
    }

    void send(long discussionId) {
        notices.toModerators(discussionId, TYPE, reach.of(discussionId));
    }
}
