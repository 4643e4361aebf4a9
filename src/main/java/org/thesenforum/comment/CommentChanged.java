package org.thesenforum.comment;

/** Fired inside the transaction that changed a comment; observers may add to the same transaction. */
public record CommentChanged(long commentId, Change change) {

    /** What happened to the comment. */
    public enum Change {
        CREATED("comment.created"), EDITED("comment.edited"), DELETED("comment.deleted"),
        HIDDEN("comment.hidden"), UNHIDDEN("comment.unhidden");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        /** The event type on the live stream. */
        public String type() {
            return type;
        }
    }
}
