package org.thesenforum.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.SharedPresence;
import org.thesenforum.journal.ConnectionFacts;

/**
 * The connection facts as the hub knows them: every socket of a discussion that still receives frames; on a shared
 * database, what the other instances published of theirs ({@link LiveHub} publishes this one's).
 */
@ApplicationScoped
class LiveConnectionFacts implements ConnectionFacts {

    private final LiveHub hub;
    private final Cluster cluster;
    private final SharedPresence sharedPresence;

    LiveConnectionFacts(LiveHub hub, Cluster cluster, SharedPresence sharedPresence) {
        this.hub = hub;
        this.cluster = cluster;
        this.sharedPresence = sharedPresence;
    }

    @Override
    public List<Connection> connections(long discussionId) {
        return hub.subscribers(discussionId).stream().filter(s -> !s.ended())
                .map(s -> new Connection(s.connection.id(), s.owner == null ? null : s.owner.accountId(), s.topicId(),
                        s.acknowledged()))
                .toList();
    }

    @Override
    public List<Elsewhere> elsewhere(long discussionId) {
        if (!cluster.shared()) {
            return List.of();
        }
        try {
            return sharedPresence.acknowledgedElsewhere(discussionId).entrySet().stream()
                    .map(e -> new Elsewhere(e.getKey() == SharedPresence.NOTHING_ACKNOWLEDGED ? null : e.getKey(),
                            e.getValue()))
                    .toList();
        } catch (RuntimeException e) {
            // As presence does: this instance's own connections still count.
            io.quarkus.logging.Log.warnf("Live: cannot read how far other instances' connections are (%s)",
                    e.getMessage());
            return List.of();
        }
    }
}
