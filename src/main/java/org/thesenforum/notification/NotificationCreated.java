package org.thesenforum.notification;

/** Fired inside the transaction that stored a notification; the live frame and an immediate e-mail follow commit. */
record NotificationCreated(long accountId, long notificationId, long seq, long unread) {
}
