package org.thesenforum.journal;

import java.util.List;

/**
 * Who follows a discussion's journal right now and how far each has applied it: a read API for features (a meeting
 * that waits until everyone has seen a change, say), implemented by the push layer, which knows the connections.
 */
public interface ConnectionFacts {

    /**
     * One open connection: its id, the signed-in account ({@code null} for an anonymous reader), the topic page it
     * says it shows ({@code null} when it said none), and the last seq it acknowledged having applied ({@code null}
     * before its first acknowledgement).
     */
    record Connection(String id, Long accountId, Long topicId, Long acknowledgedSeq) {

        public boolean anonymous() {
            return accountId == null;
        }
    }

    /** The open connections of a discussion on this instance, in no particular order. */
    List<Connection> connections(long discussionId);

    /**
     * Connections to a discussion on other instances of a shared database: how many have acknowledged which seq
     * ({@code null}: nothing yet), as those instances last told (about once a second while it changes).
     */
    record Elsewhere(Long acknowledgedSeq, int connections) {
    }

    /** The connections of the other instances, grouped by acknowledged seq; empty for a forum of one instance. */
    List<Elsewhere> elsewhere(long discussionId);
}
