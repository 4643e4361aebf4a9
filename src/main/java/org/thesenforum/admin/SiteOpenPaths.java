package org.thesenforum.admin;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.OpenPaths;

/** The Impressum and the privacy statement must be readable by everyone, also when reading is for members only. */
@ApplicationScoped
class SiteOpenPaths implements OpenPaths {

    @Override
    public boolean isOpen(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method))
                && ("/impressum".equals(path) || "/datenschutz".equals(path));
    }
}
