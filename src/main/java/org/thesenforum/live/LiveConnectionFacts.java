package org.thesenforum.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.journal.ConnectionFacts;

/** The connection facts as the hub knows them: every socket of a discussion that still receives frames. */
@ApplicationScoped
class LiveConnectionFacts implements ConnectionFacts {

    private final LiveHub hub;

    LiveConnectionFacts(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public List<Connection> connections(long discussionId) {
        return hub.subscribers(discussionId).stream().filter(s -> !s.ended())
                .map(s -> new Connection(s.connection.id(), s.owner == null ? null : s.owner.accountId(), s.topicId(),
                        s.acknowledged()))
                .toList();
    }
}
