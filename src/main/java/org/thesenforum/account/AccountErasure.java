package org.thesenforum.account;

/**
 * A feature's part of deleting an account (GDPR Art. 17): an outlet (docs/architecture.md, "Packages"). When a
 * person deletes their account, {@link #erase(long)} of every part runs in the deletion's transaction and removes
 * what the feature holds about the person only (notifications, reading marks, follows, report reasons); what others
 * read in the discussion (comments, demands) stays, unsigned. account/ never imports the feature.
 */
public interface AccountErasure {

    /** Removes or blanks this feature's personal data of the account; runs inside the deletion's transaction. */
    void erase(long accountId);

    /**
     * Work that must see the deletion committed, such as rewriting what was rendered with the person's name (the
     * live log's entries). Runs after the commit, in a transaction of its own that takes the feature's locks in the
     * order its writes do; should it fail, the deletion stands and the failure is logged
     * ({@link AccountErasures}).
     */
    default void afterDeletion(long accountId) {
    }
}
