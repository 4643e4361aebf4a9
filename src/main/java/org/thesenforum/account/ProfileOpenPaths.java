package org.thesenforum.account;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.OpenPaths;

/** "Passwort vergessen?" and the reset link work without an account, also when reading is for members only. */
@ApplicationScoped
class ProfileOpenPaths implements OpenPaths {

    private static final Pattern OPEN = Pattern.compile("/password-reset(/[^/]+)?|/api/password-resets(/[^/]+)?");

    @Override
    public boolean isOpen(String method, String path) {
        boolean readOrWrite = "GET".equals(method) || "HEAD".equals(method) || "POST".equals(method);
        return readOrWrite && OPEN.matcher(path).matches();
    }
}
