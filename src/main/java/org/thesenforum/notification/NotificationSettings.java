package org.thesenforum.notification;

import org.thesenforum.account.Account;

/** What an account's settings say about notifying it. */
final class NotificationSettings {

    private NotificationSettings() {
    }

    /** Whether the person can be notified at all: an enabled account that is not deleted. */
    static boolean reachable(Account account) {
        return account.enabled;
    }
}
