package org.thesenforum.discussion;

/** Fired inside the transaction that closed a discussion to new posts (archived) or reopened it. */
public record DiscussionArchiveChanged(long discussionId, boolean archived) {

    /** The journal entry type: {@code discussion.archived} or {@code discussion.reopened}. */
    public String type() {
        return archived ? "discussion.archived" : "discussion.reopened";
    }
}
