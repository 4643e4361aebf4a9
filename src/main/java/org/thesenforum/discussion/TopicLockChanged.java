package org.thesenforum.discussion;

/** Fired inside the transaction that locked or unlocked a topic. */
public record TopicLockChanged(long topicId, boolean locked) {

    /** The event type on the live stream. */
    public String type() {
        return locked ? "topic.locked" : "topic.unlocked";
    }
}
