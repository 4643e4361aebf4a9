package org.thesenforum.comment;

/**
 * A comment form sent back to its author after a refusal: which form it was, what was typed and why it was
 * refused, so the topic page can show the message next to that form with the text still in it.
 */
public record CommentForm(Kind kind, Long commentId, String text, Long questionId, String error) {

    /** The forms of the topic page. */
    public enum Kind { NONE, NEW, REPLY, EDIT, DELETE, HIDE }

    /** Nothing was refused: all forms start empty. */
    public static final CommentForm NONE = new CommentForm(Kind.NONE, null, null, null, null);

    public boolean isNew() {
        return kind == Kind.NEW;
    }

    public boolean isReplyTo(long id) {
        return kind == Kind.REPLY && commentId != null && commentId == id;
    }

    public boolean isEditOf(long id) {
        return kind == Kind.EDIT && commentId != null && commentId == id;
    }

    public boolean isDeleteOf(long id) {
        return kind == Kind.DELETE && commentId != null && commentId == id;
    }

    public boolean isHideOf(long id) {
        return kind == Kind.HIDE && commentId != null && commentId == id;
    }

    public boolean hasError() {
        return error != null;
    }

    /** Whether the question select should preselect this question. */
    public boolean selects(long question) {
        return questionId != null && questionId == question;
    }
}
