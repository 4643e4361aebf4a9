package org.thesenforum.notification;

/** A notification mail made in the transaction that is due to send it; sent after commit. */
record NotificationMail(String to, String subject, String text, String html) {
}
