package org.thesenforum.demand;

import java.time.Instant;
import java.util.List;

/** What the JSON API shows of demands. Who took which position is never part of it; objections are signed. */
public final class DemandViews {

    private DemandViews() {
    }

    public record AuthorView(long id, String displayName) {
    }

    /** Positions on the current wording. */
    public record Votes(long agree, long disagree, long pass) {
    }

    /** Supports and positions given on earlier wordings and not yet confirmed on the current one. */
    public record Earlier(long supports, long agree, long disagree, long pass) {
    }

    /** An open serious objection ("tragbar, wenn …"), signed, with the wording it was raised on. */
    public record ObjectionView(AuthorView author, String text, int wording) {
    }

    public record DissentView(AuthorView author, String text, Instant createdAt) {
    }

    /**
     * The signed-in reader's own support and position; {@code onEarlierWording} when either was given on an earlier
     * wording and waits to be confirmed or changed; {@code objecting} when the reader's serious objection is open.
     */
    public record Mine(boolean supported, Position.Stance position, boolean onEarlierWording, boolean objecting) {
    }

    public record DemandView(long id, String discussionSlug, String title, String text, String textHtml,
            String rationale, List<Long> topicIds, Long originCommentId, AuthorView author, Demand.Status status,
            Integer rank, long supportCount, Votes votes, Consensus consensus, Earlier earlier, int wording,
            Instant votingClosedAt, Long mergedInto, List<ObjectionView> objections, List<DissentView> dissents,
            Mine mine, Instant createdAt, Instant updatedAt) {
    }

    /** One wording with the word-level difference of its text to the previous one. */
    public record VersionView(int number, String title, String text, String rationale, AuthorView editor,
            String note, Instant createdAt, List<WordDiff.Token> diff) {
    }
}
