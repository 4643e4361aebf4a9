package org.thesenforum.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.thesenforum.account.CurrentUser;

/** The bell in the page header ({@code inject:notificationBell} in main.html): the signed-in reader's unread count. */
@Named("notificationBell")
@RequestScoped
public class NotificationBell {

    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private Long unread;
    private Long latestSeq;

    NotificationBell(CurrentUser currentUser, NotificationService notifications) {
        this.currentUser = currentUser;
        this.notifications = notifications;
    }

    public long unread() {
        if (unread == null) {
            unread = currentUser.account().map(a -> notifications.unread(a.id)).orElse(0L);
        }
        return unread;
    }

    /** The latest seq of the reader's notifications, so the page's script can tell a missed one. */
    public long latestSeq() {
        if (latestSeq == null) {
            latestSeq = currentUser.account().map(a -> notifications.latestSeq(a.id)).orElse(0L);
        }
        return latestSeq;
    }
}
