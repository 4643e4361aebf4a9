package org.thesenforum.notification;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.journal.Notices;

/**
 * Tells the addressee's open sockets, and only theirs, after commit: a new notification's seq and the unread
 * count, or the new count after marking read. A page that sees a gap in the seqs fetches the list again.
 */
@ApplicationScoped
class NotificationDelivery {

    static final String CREATED = "notification";
    static final String READ = "notification.read";

    private final Notices notices;

    NotificationDelivery(Notices notices) {
        this.notices = notices;
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated n) {
        notices.toAccount(n.accountId(), CREATED, Map.of("seq", n.seq(), "unread", n.unread()));
    }

    void read(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsRead r) {
        notices.toAccount(r.accountId(), READ, Map.of("unread", r.unread()));
    }
}
