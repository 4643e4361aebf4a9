package org.thesenforum.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment as a reader may see it, with its replies. For deleted comments and, unless the reader moderates,
 * hidden ones, {@code body} and {@code bodyHtml} are null: the place in the thread stays, the text does not.
 */
public record CommentView(long id, long topicId, Long parentId, AuthorView author, Long questionId, String body,
        String bodyHtml, Instant createdAt, Instant editedAt, boolean deleted, boolean hidden, String hiddenReason,
        String parentAuthorName, List<CommentView> replies) {

    /** Who wrote a comment. */
    public record AuthorView(long id, String displayName, String organisation, String place) {
    }

    /** Comments in this subtree, this one included. */
    public int size() {
        return 1 + replies.stream().mapToInt(CommentView::size).sum();
    }

    /** Whether the reader sees the text (moderators see hidden comments too). */
    public boolean visible() {
        return body != null;
    }

    static CommentView withReplies(CommentView v, List<CommentView> replies) {
        return new CommentView(v.id, v.topicId, v.parentId, v.author, v.questionId, v.body, v.bodyHtml, v.createdAt,
                v.editedAt, v.deleted, v.hidden, v.hiddenReason, v.parentAuthorName, new ArrayList<>(replies));
    }
}
