package org.thesenforum.notification;

/** What a notification tells its addressee. */
public enum NotificationKind {
    /** Someone answered one of the addressee's comments. */
    REPLY,
    /** Someone named the addressee with {@code @Name} in a comment. */
    MENTION,
    /** A new demand on a topic the addressee follows. */
    NEW_DEMAND,
    /** A new wording of a demand the addressee supported or took a position on. */
    DEMAND_REWORDED,
    /** A moderator hid one of the addressee's comments; the summary carries the reason. */
    COMMENT_HIDDEN,
    /** Someone asks the moderators (the addressees) to review a hidden comment. */
    REVIEW_REQUESTED,
    /** A report the addressee made has been handled; the summary says how. */
    REPORT_HANDLED
}
