package org.thesenforum.notification;

/** Fired when a person marked notifications read; their other pages learn the new count after commit. */
record NotificationsRead(long accountId, long unread) {
}
