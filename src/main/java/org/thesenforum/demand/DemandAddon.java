package org.thesenforum.demand;

import java.util.Locale;

/**
 * What a feature above this one adds to the members' controls of a demand card on the demands page (e.g. "Melden"):
 * an outlet (docs/architecture.md, "Packages"), like {@code comment.CommentAddon}. It is asked once per card, so it
 * must not query per demand; the markup comes from its own Qute template.
 */
public interface DemandAddon {

    /** HTML for the controls of this demand, written by {@code authorId}, in {@code locale}; empty for none. */
    String actions(long demandId, long authorId, Locale locale);
}
