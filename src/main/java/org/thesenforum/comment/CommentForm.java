package org.thesenforum.comment;

/**
 * A comment form sent back to its author after a refusal or for a preview: which form it was, what was typed, why it
 * was refused or how it will look ({@code preview}, HTML from the comment renderer), so the topic page can show that
 * next to the form with the text still in it.
 */
public record CommentForm(Kind kind, Long commentId, String text, Long questionId, String error, String preview) {

    public CommentForm(Kind kind, Long commentId, String text, Long questionId, String error) {
        this(kind, commentId, text, questionId, error, null);
    }

    /** The forms of the topic page. */
    public enum Kind { NONE, NEW, REPLY, EDIT, DELETE, HIDE, UNHIDE }

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

    public boolean hasPreview() {
        return preview != null;
    }

    /** Whether the form shows what was typed instead of what is stored (after a refusal or for a preview). */
    public boolean keepsText() {
        return error != null || preview != null;
    }

    /** Whether the question select should preselect this question. */
    public boolean selects(long question) {
        return questionId != null && questionId == question;
    }
}
