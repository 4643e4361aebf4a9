package org.thesenforum.web;

import java.util.Locale;
import java.util.Optional;

/**
 * A strip that a feature shows at the top of every page of a discussion, in the live dock (an outlet, see
 * docs/architecture.md): the layout's live bar asks every implementation through {@link PageBanners} and inserts what
 * it renders as is, so it must come from a Qute template, which escapes what people typed.
 */
public interface PageBanner {

    /** Place among the banners: lower first. */
    default int order() {
        return 100;
    }

    /** The strip for the discussion {@code slug} in {@code locale}, or empty when there is nothing to show. */
    Optional<String> render(String slug, Locale locale);
}
