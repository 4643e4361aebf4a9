package org.thesenforum.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thesenforum.comment.CommentAddon.Snippets;
import org.thesenforum.comment.CommentForm.Kind;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/**
 * What the topic page shows: the topic, its thread (only comments on {@code filter} when set), what the features above
 * add to its comments ({@link CommentAddon}, by comment id), the form that is open under a comment (asked for by a
 * link, or refused) and the reader's rights.
 *
 * <p>The reply, edit, delete and hide forms exist once per page. Each stands under the comment named by
 * {@code form} when the reader may use it there, and otherwise waits hidden at the end of the thread, from where the
 * page script moves it under the comment whose control was chosen.
 *
 * <p>To find one's way: the topics before and after this one in the paper ({@code previous}, {@code next}, null at
 * either end) and the comments that are new to the signed-in reader since their last visit ({@code unread}).
 *
 * <p>Each comment's card comes from {@code cards} in the reader's {@code locale} ({@link #card}), kept by exactly
 * what it shows ({@link CommentCard}).
 */
public record TopicPage(TopicView topic, List<ThreadItem> thread, Map<Long, Snippets> addons, QuestionView filter,
        CommentForm form, boolean signedIn, boolean moderator, boolean live, TopicSummary previous,
        TopicSummary next, Set<Long> unread, Paging paging, CommentCards cards, Locale locale) {

    /**
     * Which page of the thread this is: the top-level comment it starts after ({@code after}, null on the first page)
     * and the one the next page starts after ({@code next}, null on the last); {@code since} is the last visit the
     * unread marks count from (carried to the next pages, as the first page records the new visit), and
     * {@code unreadElsewhere} the address of the first unread comment when none is on this page, with
     * {@code unreadTotal} the number of unread comments of the whole topic.
     */
    public record Paging(Long after, Long next, Instant since, String unreadElsewhere, int unreadTotal) {

        public static final Paging WHOLE = new Paging(null, null, null, null, 0);

        /** Whether the page shows only part of the thread. */
        public boolean partial() {
            return after != null || next != null;
        }
    }

    /** The address of the next page of threads (without JavaScript the reader lands at the start of the thread). */
    public String nextPageUrl() {
        return pageUrl(paging.next()) + "#thread-" + topic.id();
    }

    /** The address of the first page of threads, with the filter. */
    public String firstPageUrl() {
        return pageUrl(null) + "#thread-" + topic.id();
    }

    private String pageUrl(Long after) {
        StringBuilder url = new StringBuilder("/topics/").append(topic.id());
        char sep = '?';
        if (after != null) {
            url.append(sep).append("nach=").append(after);
            sep = '&';
        }
        if (filter != null) {
            url.append(sep).append("frage=").append(filter.id());
            sep = '&';
        }
        if (after != null && paging.since() != null) {
            url.append(sep).append("seit=").append(paging.since().toEpochMilli());
        }
        return url.toString();
    }

    /** The link to the first unread comment: on this page, or on another one; null when nothing is new. */
    public String unreadHref() {
        ThreadItem here = firstUnread();
        return here != null ? "#c" + here.comment().id() : paging.unreadElsewhere();
    }

    /** How many comments are new: of this page when the first unread is on it, else of the whole topic. */
    public int unreadNumber() {
        return firstUnread() != null ? unreadShown() : paging.unreadTotal();
    }

    /** Whether this comment is new to the reader since their last visit. */
    public boolean unreadComment(long commentId) {
        return unread.contains(commentId);
    }

    /** The first new comment in the order of the page, or null. */
    public ThreadItem firstUnread() {
        return unread.isEmpty() ? null : firstOf(thread);
    }

    /** How many of the comments shown are new to the reader. */
    public int unreadShown() {
        return countOf(thread);
    }

    private ThreadItem firstOf(List<ThreadItem> items) {
        for (ThreadItem item : items) {
            if (unread.contains(item.comment().id())) {
                return item;
            }
            ThreadItem found = firstOf(item.replies());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private int countOf(List<ThreadItem> items) {
        int n = 0;
        for (ThreadItem item : items) {
            n += (unread.contains(item.comment().id()) ? 1 : 0) + countOf(item.replies());
        }
        return n;
    }

    /**
     * The context for rendering one comment on its own for the live stream: for every member of an audience
     * alike, so without a CSRF token (the page's script fills in its own); the author's controls are in it and
     * shown by the page to the author only.
     */
    static TopicPage forLiveFragment(TopicView topic, Map<Long, Snippets> addons, boolean moderator,
            CommentCards cards, Locale locale) {
        return new TopicPage(topic, List.of(), addons, null, CommentForm.NONE, true, moderator, true, null, null,
                Set.of(), Paging.WHOLE, cards, locale);
    }

    /**
     * The card of this comment (all of it but its replies and a form opened under it) as HTML: the same for every
     * page and fragment that shows the same values, so rendered once for them.
     */
    public String card(ThreadItem item) {
        return cards.html(CommentCard.of(item, this, locale));
    }

    /** Whether one of the page's forms may stand under this comment (cheap; {@link #opensUnder} decides). */
    public boolean formNear(long commentId) {
        return signedIn && form.commentId() != null && form.commentId() == commentId;
    }

    /** What the features above add to this comment (nothing when they add nothing). */
    public Snippets addonsOf(long commentId) {
        return addons.getOrDefault(commentId, Snippets.NONE);
    }

    public boolean canPost() {
        return signedIn && !topic.readOnly();
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
            default -> openUnder(form.kind()) != null;
        };
    }

    /** Anchor of the refused form, for the link in the message at the top. */
    public String refusedFormAnchor() {
        return switch (form.kind()) {
            case REPLY -> "reply-form";
            case EDIT -> "edit-form";
            case DELETE -> "delete-form";
            case HIDE -> "hide-form";
            case UNHIDE -> "unhide-form";
            default -> "new-comment";
        };
    }

    /** The comment the reply form stands under, or null when it waits at its home. */
    public ThreadItem replyAt() {
        return openUnder(Kind.REPLY);
    }

    public ThreadItem editAt() {
        return openUnder(Kind.EDIT);
    }

    public ThreadItem deleteAt() {
        return openUnder(Kind.DELETE);
    }

    public ThreadItem hideAt() {
        return openUnder(Kind.HIDE);
    }

    public ThreadItem unhideAt() {
        return openUnder(Kind.UNHIDE);
    }

    /** The form of this kind is open under this comment. */
    public boolean opensUnder(String kind, long commentId) {
        ThreadItem item = openUnder(Kind.valueOf(kind));
        return item != null && item.comment().id() == commentId;
    }

    /** The comment a form of this kind is open under, if the form is the page's and the reader may use it there. */
    private ThreadItem openUnder(Kind kind) {
        if (form.kind() != kind || !signedIn) {
            return null;
        }
        ThreadItem item = find(thread, form.commentId());
        if (item == null) {
            return null;
        }
        CommentView c = item.comment();
        boolean usable = switch (kind) {
            case REPLY -> canPost() && c.visible() && !c.hidden();
            case EDIT -> !topic.readOnly() && item.editable();
            case DELETE -> item.deletable();
            case HIDE -> moderator && !c.deleted() && !c.hidden();
            case UNHIDE -> moderator && !c.deleted() && c.hidden();
            default -> false;
        };
        return usable ? item : null;
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
