package org.thesenforum.admin;

import java.util.Arrays;
import java.util.Optional;

/** The pages whose text admins write: their address and their name in the site_texts table. */
public enum SitePage {
    IMPRESSUM("impressum"), DATENSCHUTZ("datenschutz");

    private final String slug;

    SitePage(String slug) {
        this.slug = slug;
    }

    /** The page's address without the slash, also its name in the database. */
    public String slug() {
        return slug;
    }

    public static Optional<SitePage> of(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
