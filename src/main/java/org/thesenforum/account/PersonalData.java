package org.thesenforum.account;

/**
 * A feature's part of the export of one person's data (GDPR Art. 15 and 20): an outlet (docs/architecture.md,
 * "Packages"). The export of {@code GET /api/me/export} holds the profile and, under each part's {@link #name()}, what
 * {@link #of(long)} returns, serialised as JSON; account/ never imports the feature.
 */
public interface PersonalData {

    /** The key of this part in the export, e.g. {@code "comments"}; unique among the parts. */
    String name();

    /** Everything this feature holds of the account, as an object Jackson can write (records, lists, maps). */
    Object of(long accountId);
}
