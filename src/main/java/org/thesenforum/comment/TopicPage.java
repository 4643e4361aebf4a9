package org.thesenforum.comment;

import java.util.List;

import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/**
 * What the topic page shows: the topic, its thread (only comments on {@code filter} when set), the state of a
 * refused form and the reader's rights.
 */
public record TopicPage(TopicView topic, List<ThreadItem> thread, QuestionView filter, CommentForm form,
        boolean signedIn, boolean moderator, boolean live) {

    /**
     * The context for rendering one comment on its own for the live stream: for every member of an audience
     * alike, so without a CSRF token (the page's script fills in its own) and without author-only controls.
     */
    public static TopicPage forLiveFragment(TopicView topic, boolean moderator) {
        return new TopicPage(topic, List.of(), null, CommentForm.NONE, true, moderator, true);
    }

    public boolean canPost() {
        return signedIn && !topic.locked();
    }

    /** Where anonymous readers go to sign in and come back. */
    public String loginUrl() {
        return "/login?next=%2Ftopics%2F" + topic.id();
    }

    /** Whether the refused form is on the page; if not, the page shows the typed text next to the message. */
    public boolean refusedFormShown() {
        return switch (form.kind()) {
            case NONE -> true;
            case NEW -> canPost();
            case REPLY -> canPost() && find(thread, form.commentId()) != null;
            case EDIT -> {
                ThreadItem item = find(thread, form.commentId());
                yield !topic.locked() && item != null && item.editable();
            }
            case DELETE -> {
                ThreadItem item = find(thread, form.commentId());
                yield item != null && item.deletable();
            }
            case HIDE -> moderator && find(thread, form.commentId()) != null;
        };
    }

    /** Anchor of the refused form, for the link in the message at the top. */
    public String refusedFormAnchor() {
        return switch (form.kind()) {
            case REPLY -> "reply-" + form.commentId();
            case EDIT -> "edit-" + form.commentId();
            case DELETE -> "delete-" + form.commentId();
            case HIDE -> "hide-" + form.commentId();
            default -> "new-comment";
        };
    }

    private static ThreadItem find(List<ThreadItem> items, Long id) {
        for (ThreadItem item : items) {
            if (id != null && item.comment().id() == id) {
                return item;
            }
            ThreadItem found = find(item.replies(), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
