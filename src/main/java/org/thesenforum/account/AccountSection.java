package org.thesenforum.account;

import java.util.Locale;
import java.util.Optional;

/**
 * A block that a feature above this one shows on the person's own account page ("Mein Konto"), e.g. their recent
 * comments or their demands: an outlet (docs/architecture.md, "Packages"). The higher feature renders it from its own
 * Qute template, which escapes what people typed; account/ never imports it.
 */
public interface AccountSection {

    /** Place among the sections: lower first. */
    default int order() {
        return 100;
    }

    /** The block for the signed-in {@code account} in {@code locale}, or empty when there is nothing to show. */
    Optional<String> render(Account account, Locale locale);
}
