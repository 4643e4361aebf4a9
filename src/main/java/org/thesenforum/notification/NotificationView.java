package org.thesenforum.notification;

import java.time.Instant;

/**
 * One notification as the API and the page show it: its per-account number, kind, a sentence in the reader's
 * language, where it leads and whether it has been read.
 */
public record NotificationView(long seq, NotificationKind kind, String text, String url, boolean read,
        Instant createdAt) {

    /** The link that marks the notification read and then opens its target. */
    public String openUrl() {
        return "/notifications/" + seq + "/open";
    }
}
