package org.thesenforum.journal;

/** Fired in the transaction that appended to a discussion's journal; observed after commit to push the entries. */
public record JournalAppended(long discussionId) {
}
