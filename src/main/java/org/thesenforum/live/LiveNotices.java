package org.thesenforum.live;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.cluster.Doorbell;
import org.thesenforum.journal.Notices;

/**
 * Sends the journal's notices: ephemeral frames to the moderators' sockets of a discussion, or to one person's. A
 * person's notice also goes to the other instances on a shared database, in the doorbell's ring itself (it is small and
 * as fleeting as the notice: a page that reconnects fetches its figures anew); the moderators' notices are figures
 * each instance sends about itself.
 */
@ApplicationScoped
class LiveNotices implements Notices {

    /** The doorbell's kind for a person's notice: its text is the account's id and the frame. */
    static final String RING = "notice";
    /** A notice longer than this stays on this instance (a ring's payload is at most 8,000 bytes of UTF-8). */
    static final int MAX_RUNG = 2_000;

    private final LiveHub hub;
    private final Doorbell doorbell;
    private final AtomicLong rings = new AtomicLong();

    LiveNotices(LiveHub hub, Doorbell doorbell) {
        this.hub = hub;
        this.doorbell = doorbell;
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
        send(accountId, frame);
        if (frame.length() <= MAX_RUNG && frame.indexOf('\n') < 0) {
            doorbell.ring(RING, Long.toString(rings.incrementAndGet()), accountId + " " + frame);
        }
    }

    /** A notice for a person sent on another instance: this instance's sockets of that person get it too. */
    void elsewhere(@Observes Doorbell.Rung rung) {
        if (!RING.equals(rung.kind())) {
            return;
        }
        int space = rung.body().indexOf(' ');
        if (space <= 0) {
            return;
        }
        try {
            send(Long.parseLong(rung.body().substring(0, space)), rung.body().substring(space + 1));
        } catch (NumberFormatException e) {
            // Not a ring of this version: ignored.
        }
    }

    private void send(long accountId, String frame) {
        hub.subscribersOf(accountId).forEach(s -> s.onLoop(() -> {
            if (!s.ended()) {
                s.sendEphemeral(frame);
            }
        }));
    }
}
