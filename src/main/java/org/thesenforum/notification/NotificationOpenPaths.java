package org.thesenforum.notification;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.OpenPaths;

/** The unsubscribe page of the notification mails works without an account, also in a members-only forum. */
@ApplicationScoped
class NotificationOpenPaths implements OpenPaths {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("/benachrichtigungen/abmelden/[^/]+");

    @Override
    public boolean isOpen(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method) || "POST".equals(method))
                && UNSUBSCRIBE.matcher(path).matches();
    }
}
