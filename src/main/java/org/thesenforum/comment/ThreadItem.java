package org.thesenforum.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.thesenforum.discussion.DiscussionViews.QuestionView;

/**
 * One comment as placed on the topic page: its depth (1 to {@link #MAX_DEPTH}), whether it names the comment it
 * answers because the indentation no longer shows it, its guiding question and whether the reader wrote it.
 */
public record ThreadItem(CommentView comment, int depth, boolean namesParent, QuestionView question, boolean mine,
        List<ThreadItem> replies) {

    /** Deepest indentation; replies further down are listed flat at this depth. */
    public static final int MAX_DEPTH = 4;

    /** Places a thread tree for display; {@code readerId} is null for anonymous readers. */
    public static List<ThreadItem> of(List<CommentView> roots, Map<Long, QuestionView> questions, Long readerId) {
        return place(roots, null, 1, questions, readerId);
    }

    private static List<ThreadItem> place(List<CommentView> level, Long shownParentId, int depth,
            Map<Long, QuestionView> questions, Long readerId) {
        List<ThreadItem> items = new ArrayList<>();
        for (CommentView c : level) {
            // With a question filter a reply can hang under an ancestor other than its parent.
            boolean parentHidden = c.parentId() != null && !c.parentId().equals(shownParentId);
            List<ThreadItem> replies;
            if (depth < MAX_DEPTH) {
                replies = place(c.replies(), c.id(), depth + 1, questions, readerId);
            } else {
                replies = new ArrayList<>();
                flatten(c.replies(), questions, readerId, replies);
            }
            items.add(item(c, depth, parentHidden, questions, readerId, replies));
        }
        return items;
    }

    private static void flatten(List<CommentView> level, Map<Long, QuestionView> questions, Long readerId,
            List<ThreadItem> into) {
        for (CommentView c : level) {
            into.add(item(c, MAX_DEPTH, true, questions, readerId, List.of()));
            flatten(c.replies(), questions, readerId, into);
        }
    }

    private static ThreadItem item(CommentView c, int depth, boolean namesParent, Map<Long, QuestionView> questions,
            Long readerId, List<ThreadItem> replies) {
        QuestionView question = c.questionId() == null ? null : questions.get(c.questionId());
        boolean mine = readerId != null && readerId == c.author().id();
        return new ThreadItem(c, depth, namesParent && c.parentAuthorName() != null, question, mine, replies);
    }

    /**
     * One comment on its own, as the live stream shows it to everyone: at the depth its place in the thread
     * gives it, naming its parent once the indentation no longer does, and without author-only controls.
     */
    public static ThreadItem single(CommentView c, int ancestors, Map<Long, QuestionView> questions) {
        int depth = Math.min(ancestors + 1, MAX_DEPTH);
        return item(c, depth, ancestors + 1 > MAX_DEPTH, questions, null, List.of());
    }

    /** Whether replies under this comment are listed flat instead of indented further. */
    public boolean atMaxDepth() {
        return depth >= MAX_DEPTH;
    }

    /** This comment and the replies listed under it. */
    public int count() {
        return 1 + replies.stream().mapToInt(ThreadItem::count).sum();
    }

    /** Whether the reader may edit this comment (only while they can read it); the topic must be open too. */
    public boolean editable() {
        return mine && comment.visible();
    }

    /** Whether the reader may delete this comment. */
    public boolean deletable() {
        return mine && !comment.deleted();
    }
}
