package org.thesenforum.moderation;

import java.time.Instant;

/**
 * An entry of the moderators' queue as they see it: what is reported ({@code target}, {@code targetId}, the text as
 * moderators read it, who wrote it, whether it is hidden or gone and where it stands), why and by whom, and, once
 * decided, the outcome.
 */
public record ReportView(long id, Report.Kind kind, Report.Target target, long targetId, String url, String itemTitle,
        String itemText, String itemAuthor, boolean itemHidden, boolean itemGone, String reason, long reporterId,
        String reporterName, Instant createdAt, Report.Status status, Report.Outcome outcome, Instant decidedAt) {

    /** Whether the entry is about a comment (the page offers hiding); otherwise about a demand (rejecting). */
    public boolean aboutComment() {
        return target == Report.Target.COMMENT;
    }

    public boolean review() {
        return kind == Report.Kind.REVIEW;
    }
}
