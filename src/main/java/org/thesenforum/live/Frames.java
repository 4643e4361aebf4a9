package org.thesenforum.live;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Reads the log outside requests and writes its rows as the frames clients receive. */
@ApplicationScoped
class Frames {

    private final EventLog log;
    private final LiveHub hub;

    Frames(EventLog log, LiveHub hub) {
        this.log = log;
        this.hub = hub;
    }

    /** A frame of the log: {@code data} is the REST JSON of the entity, {@code html} its page fragment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LogFrame(long seq, String type, Long topicId, @JsonRawValue String data, String html) {
    }

    @ActivateRequestContext
    List<LiveEvent> readAfter(long discussionId, long since, int limit) {
        return log.after(discussionId, since, limit);
    }

    @ActivateRequestContext
    long latestSeq(long discussionId) {
        return log.latestSeq(discussionId);
    }

    @ActivateRequestContext
    long prunedThrough(long discussionId) {
        return log.prunedThrough(discussionId);
    }

    String forReaders(LiveEvent e) {
        return hub.write(new LogFrame(e.seq, e.type, e.topicId, e.data, e.html));
    }

    String forModerators(LiveEvent e) {
        if (e.moderatorData == null) {
            return forReaders(e);
        }
        return hub.write(new LogFrame(e.seq, e.type, e.topicId, e.moderatorData, e.moderatorHtml));
    }

    String forAudience(LiveEvent e, boolean moderator) {
        return moderator ? forModerators(e) : forReaders(e);
    }

    String reset(long latestSeq) {
        return hub.write(java.util.Map.of("type", "reset", "seq", latestSeq));
    }
}
