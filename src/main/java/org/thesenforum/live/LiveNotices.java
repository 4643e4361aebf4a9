package org.thesenforum.live;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.journal.Notices;

/** Sends the journal's notices: ephemeral frames to the moderators' sockets of a discussion, or to one person's. */
@ApplicationScoped
class LiveNotices implements Notices {

    private final LiveHub hub;

    LiveNotices(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void toModerators(long discussionId, String type, Object data) {
        String frame = hub.write(Map.of("type", type, "data", data));
        hub.subscribers(discussionId).stream().filter(s -> s.moderator && !s.ended())
                .forEach(s -> s.sendEphemeral(frame));
    }

    @Override
    public void toAccount(long accountId, String type, Object data) {
        String frame = hub.write(Map.of("type", type, "data", data));
        hub.subscribersOf(accountId).forEach(s -> s.onLoop(() -> {
            if (!s.ended()) {
                s.sendEphemeral(frame);
            }
        }));
    }
}
