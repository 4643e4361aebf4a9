package org.thesenforum.journal;

/**
 * Another instance on the same database committed entries to a discussion's journal, up to {@code seq} at least
 * (its doorbell; see {@link org.thesenforum.cluster.Doorbell}). Fired on the doorbell's thread, outside any
 * transaction: observers read the entries themselves, and must not take long.
 */
public record AppendedElsewhere(long discussionId, long seq) {
}
