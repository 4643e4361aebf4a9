package org.thesenforum.live;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.journal.JournalEntry;
import org.thesenforum.web.ForumConfig;

/**
 * Brings a (re)connecting client up to date: every event after its {@code since}, in order and exactly once,
 * then live ones; or a reset frame when {@code since} is older than the retained log.
 */
@ApplicationScoped
class Replay {

    private final Frames frames;
    private final LiveDispatcher dispatcher;
    private final ForumConfig config;

    Replay(Frames frames, LiveDispatcher dispatcher, ForumConfig config) {
        this.frames = frames;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    /** Called after the subscriber joined, so everything dispatched from now on is held for it. */
    void start(Subscriber s, Long since) {
        long discussionId = s.discussionId;
        if (since == null) {
            long from = dispatcher.dispatchedThrough(discussionId);
            s.onLoop(() -> s.startAt(from));
            return;
        }
        long latest = frames.latestSeq(discussionId);
        if (since < frames.prunedThrough(discussionId) || since > latest) {
            reset(s, latest);
            return;
        }
        s.resumeFrom(since);
        int limit = config.live().replayLimit();
        List<JournalEntry> missed = frames.readAfter(discussionId, since, limit + 1);
        if (missed.size() > limit) {
            reset(s, latest);
            return;
        }
        List<LiveFrame> json = new ArrayList<>(missed.size());
        List<Long> seqs = new ArrayList<>(missed.size());
        for (JournalEntry e : missed) {
            json.add(LiveFrame.of(frames.forAudience(e, s.moderator)));
            seqs.add(e.seq);
        }
        long through = missed.isEmpty() ? since : missed.get(missed.size() - 1).seq;
        // On the connection's loop, behind the live frames already queued there, so nothing overtakes the replay.
        s.onLoop(() -> s.catchUp(json, seqs, through));
    }

    private void reset(Subscriber s, long latest) {
        String reset = frames.reset(latest);
        s.onLoop(() -> {
            s.sendEphemeral(reset);
            s.startAt(latest);
        });
    }
}
