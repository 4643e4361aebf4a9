package org.thesenforum.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.comment.CommentView.AuthorView;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Threads of comments: read as a tree, post, edit, delete, hide and unhide. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommentService {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_REASON = 500;

    private final DiscussionService discussions;
    private final CommentBudgets budgets;
    private final MarkdownRenderer markdown;
    private final AuditLog audit;
    private final Event<CommentChanged> changed;
    private final CommentActivity activity;
    private final CommentJournal journal;

    CommentService(DiscussionService discussions, CommentBudgets budgets, MarkdownRenderer markdown, AuditLog audit,
            Event<CommentChanged> changed, CommentActivity activity, CommentJournal journal) {
        this.discussions = discussions;
        this.budgets = budgets;
        this.markdown = markdown;
        this.audit = audit;
        this.changed = changed;
        this.activity = activity;
        this.journal = journal;
    }

    /** What a new comment says. */
    public record NewComment(String body, Long parentId, Long questionId) {
    }

    /**
     * The thread of a topic as a tree. With a question filter, only comments tagged with that question are kept;
     * each hangs under its nearest kept ancestor, or becomes a root.
     */
    public List<CommentView> thread(long topicId, Long questionId, Account reader) {
        Topic topic = discussions.requireTopic(topicId);
        return tree(Comment.listByTopic(topic), questionId, reader);
    }

    /** A page of a topic's thread: up to {@code size} top-level threads, and where the next page starts. */
    public record ThreadPage(List<CommentView> roots, Long after, Long next) {

        /** Whether the page shows the topic's whole thread (no page before or after it). */
        public boolean whole() {
            return after == null && next == null;
        }
    }

    /**
     * Up to {@code size} top-level threads of a topic (with everything under them) that follow the top-level comment
     * {@code after} (from the start when null), and the top-level comment after which the next page starts (null on
     * the last page). With a question filter, only threads holding a comment on it count, each shown as in
     * {@link #thread}. Two queries whatever the topic's size: the page's roots, then their threads.
     */
    public ThreadPage threadPage(long topicId, Long questionId, Account reader, Long after, int size) {
        Topic topic = discussions.requireTopic(topicId);
        Comment start = after == null ? null : Comment.findById(after);
        if (start != null && (start.parent != null || !start.topic.id.equals(topic.id))) {
            start = null;
        }
        List<Long> roots = Comment.rootIds(topic, questionId, start, size + 1);
        Long next = roots.size() > size ? roots.get(size - 1) : null;
        if (next != null) {
            roots = roots.subList(0, size);
        }
        List<Comment> all = roots.isEmpty() ? List.of() : Comment.listByRoots(roots);
        return new ThreadPage(tree(all, questionId, reader), start == null ? null : start.id, next);
    }

    /**
     * The top-level comment after which the page holding this comment starts, for pages of {@code size} threads
     * (null for the first page), or null when the comment is not on a page of this topic.
     */
    public Long pageStartOf(long topicId, long commentId, Long questionId, int size) {
        Comment comment = Comment.findById(commentId);
        if (comment == null || !comment.topic.id.equals(topicId)) {
            return null;
        }
        Comment root = comment.rootId == null ? comment.root() : Comment.findById(comment.rootId);
        long before = Comment.rootsBefore(comment.topic, questionId, root);
        long page = before / size;
        if (page == 0) {
            return null;
        }
        Comment last = Comment.rootAt(comment.topic, questionId, page * size - 1);
        return last == null ? null : last.id;
    }

    private List<CommentView> tree(List<Comment> all, Long questionId, Account reader) {
        Map<Long, Comment> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id, c));
        Map<Long, List<CommentView>> children = new HashMap<>();
        List<CommentView> roots = new ArrayList<>();
        Map<Long, CommentView> views = new HashMap<>();
        for (Comment c : all) {
            if (questionId != null && (c.question == null || !c.question.id.equals(questionId))) {
                continue;
            }
            CommentView view = view(c, reader);
            views.put(c.id, view);
            Long anchor = keptAncestor(c, views, byId);
            (anchor == null ? roots : children.computeIfAbsent(anchor, k -> new ArrayList<>())).add(view);
        }
        return attach(roots, children);
    }

    public CommentView get(long commentId, Account reader) {
        return view(require(commentId), reader);
    }

    /** One comment as readers ({@code moderatorView} false) or moderators see it. */
    public CommentView viewFor(long commentId, boolean moderatorView) {
        return view(require(commentId), moderatorView);
    }

    @Transactional
    public CommentView post(long topicId, NewComment request, Account author) {
        Topic topic = discussions.requireTopic(topicId);
        topic.discussion.refuseIfArchived();
        if (topic.locked) {
            throw ProblemException.conflict(null, text(CommentMessages::problem_topic_locked_new));
        }
        String body = Inputs.requiredText("body", request.body(), MAX_BODY);
        Comment parent = request.parentId() == null ? null : parentIn(topic, request.parentId());
        GuidingQuestion question = request.questionId() == null
                ? (parent == null ? null : parent.question)
                : questionOf(topic, request.questionId());
        budgets.post(author);
        Comment comment = new Comment();
        comment.topic = topic;
        comment.parent = parent;
        comment.author = author;
        comment.question = question;
        comment.body = body;
        storeHtml(comment);
        comment.createdAt = now();
        // The INSERT carries the state of the moment of persist: a reply's root is known before, so its INSERT
        // holds root_id; a top-level comment is its own root, and its id comes from the sequence at persist, so one
        // UPDATE of the new row follows in the same flush.
        if (parent != null) {
            comment.rootId = parent.rootId != null ? parent.rootId : parent.root().id;
        }
        comment.persist();
        if (parent == null) {
            comment.rootId = comment.id;
        }
        CommentView view = view(comment, author);
        finish(comment, CommentChanged.Change.CREATED, () -> activity.shown(comment));
        return view;
    }

    @Transactional
    public CommentView edit(long commentId, String newBody, Account editor) {
        Comment comment = require(commentId);
        if (!CommentPolicy.isAuthor(editor, comment)) {
            throw ProblemException.forbidden(text(CommentMessages::problem_edit_not_author));
        }
        if (comment.isDeleted()) {
            throw ProblemException.conflict(null, text(CommentMessages::problem_edit_deleted));
        }
        comment.topic.discussion.refuseIfArchived();
        if (comment.topic.locked) {
            throw ProblemException.conflict(null, text(CommentMessages::problem_topic_locked_edit));
        }
        String body = Inputs.requiredText("body", newBody, MAX_BODY);
        if (!body.equals(comment.body)) {
            budgets.change(editor);
            comment.body = body;
            storeHtml(comment);
            comment.editedAt = now();
            CommentView view = view(comment, editor);
            finish(comment, CommentChanged.Change.EDITED, () -> { });
            return view;
        }
        return view(comment, editor);
    }

    @Transactional
    public void delete(long commentId, Account account) {
        // The budget's lock before the comment's (a no-op on one instance): the lock order of every write.
        budgets.lockChanges(account);
        Comment comment = requireLocked(commentId);
        if (!CommentPolicy.isAuthor(account, comment)) {
            throw ProblemException.forbidden(text(CommentMessages::problem_delete_not_author));
        }
        if (!comment.isDeleted()) {
            budgets.change(account);
            boolean wasVisible = !comment.hidden;
            comment.deletedAt = now();
            finish(comment, CommentChanged.Change.DELETED, () -> {
                if (wasVisible) {
                    activity.withdrawn(comment);
                }
            });
        }
    }

    @Transactional
    public CommentView hide(long commentId, String reason, Account moderator) {
        String cleanReason = Inputs.requiredLine("reason", reason, MAX_REASON);
        Comment comment = requireLocked(commentId);
        boolean wasVisible = !comment.hidden && !comment.isDeleted();
        comment.hidden = true;
        comment.hiddenReason = cleanReason;
        comment.hiddenBy = moderator;
        comment.hiddenAt = now();
        audit.record(moderator.id, "COMMENT_HIDDEN", "comment", comment.id, cleanReason);
        CommentView view = view(comment, moderator);
        finish(comment, CommentChanged.Change.HIDDEN, () -> {
            if (wasVisible) {
                activity.withdrawn(comment);
            }
        });
        return view;
    }

    @Transactional
    public CommentView unhide(long commentId, Account moderator) {
        Comment comment = requireLocked(commentId);
        if (comment.hidden) {
            comment.hidden = false;
            comment.hiddenReason = null;
            comment.hiddenBy = null;
            comment.hiddenAt = null;
            audit.record(moderator.id, "COMMENT_UNHIDDEN", "comment", comment.id, null);
            CommentView view = view(comment, moderator);
            finish(comment, CommentChanged.Change.UNHIDDEN, () -> {
                if (!comment.isDeleted()) {
                    activity.shown(comment);
                }
            });
            return view;
        }
        return view(comment, moderator);
    }

    /**
     * The end of every comment write, in the one lock order of all of them (comment, topic, discussion, accounts):
     * the journal entry is rendered first, under no lock but the comment's own; then {@code counters} update the
     * topic's activity (the topic row's lock), the entry is appended (the discussion row's lock, which numbers the
     * discussion's changes), and the features hear of the change last (notifications lock their addressees' rows).
     * Each lock is so held from one of the last statements to the commit, and never while a fragment is rendered,
     * so parallel writes of one topic or discussion wait for each other only that long.
     */
    private void finish(Comment comment, CommentChanged.Change change, Runnable counters) {
        CommentChanged event = new CommentChanged(comment.id, change);
        CommentJournal.Prepared entry = journal.prepare(event);
        counters.run();
        journal.append(entry);
        changed.fire(event);
    }

    /** Renders the comment's body into its stored HTML, with the renderer's version. */
    void storeHtml(Comment comment) {
        comment.bodyHtml = markdown.render(comment.body);
        comment.bodyHtmlVersion = MarkdownRenderer.VERSION;
    }

    /** The stored HTML of the body, or the body rendered now while the stored one is missing or of another renderer. */
    private String html(Comment c) {
        return c.bodyHtml != null && c.bodyHtmlVersion == MarkdownRenderer.VERSION ? c.bodyHtml : markdown.render(c.body);
    }

    private static Text text(Function<CommentMessages, String> message) {
        return Text.of(CommentMessages.class, message);
    }

    private Comment require(long id) {
        Comment comment = Comment.findById(id);
        if (comment == null) {
            throw ProblemException.notFound(text(CommentMessages::problem_comment_not_found));
        }
        return comment;
    }

    /**
     * The comment for a change of its visibility (delete, hide, unhide), read under its row lock
     * ({@code SELECT ... FOR UPDATE}): whether it was visible is decided from what the last writer committed, so two
     * parallel deletes, a hide racing a delete or two moderators hiding it withdraw it from the topic's figures once,
     * and neither overwrites the other's change. Locks are taken in one order on every write path: the comment, then
     * the topic's row ({@link CommentActivity}), then the discussion's (the journal); nothing takes a comment's lock
     * after the topic's or the discussion's. A comment this transaction has loaded already (the moderation queue
     * reads it first) is read again under the lock.
     */
    private Comment requireLocked(long id) {
        Comment comment = require(id);
        Comment.getEntityManager().refresh(comment, LockModeType.PESSIMISTIC_WRITE);
        return comment;
    }

    private Comment parentIn(Topic topic, long parentId) {
        Comment parent = Comment.findById(parentId);
        if (parent == null) {
            throw ProblemException.invalid("parentId", text(CommentMessages::problem_parent_missing));
        }
        if (!parent.topic.id.equals(topic.id)) {
            throw ProblemException.invalid("parentId", text(CommentMessages::problem_parent_other_topic));
        }
        return parent;
    }

    private GuidingQuestion questionOf(Topic topic, long questionId) {
        GuidingQuestion question = GuidingQuestion.findById(questionId);
        if (question == null || !question.discussion.id.equals(topic.discussion.id)) {
            throw ProblemException.invalid("questionId", text(CommentMessages::problem_question_unknown));
        }
        return question;
    }

    /** A comment as this reader sees it: moderators and the author of a hidden comment see its text and reason. */
    private CommentView view(Comment c, Account reader) {
        return view(c, CommentPolicy.seesHiddenContent(reader) || CommentPolicy.isAuthor(reader, c));
    }

    private CommentView view(Comment c, boolean moderatorView) {
        boolean readable = !c.isDeleted() && (!c.hidden || moderatorView);
        String body = readable ? c.body : null;
        Account a = c.author;
        return new CommentView(c.id, c.topic.id, c.parent == null ? null : c.parent.id,
                new AuthorView(a.id, a.shownName(), a.organisation, a.place),
                c.question == null ? null : c.question.id, body, readable ? html(c) : null,
                c.createdAt, c.editedAt, c.isDeleted(), c.hidden,
                moderatorView ? c.hiddenReason : null,
                c.parent == null ? null : c.parent.author.shownName(), List.of());
    }

    private static Long keptAncestor(Comment c, Map<Long, CommentView> kept, Map<Long, Comment> byId) {
        Comment p = c.parent == null ? null : byId.get(c.parent.id);
        while (p != null && !kept.containsKey(p.id)) {
            p = p.parent == null ? null : byId.get(p.parent.id);
        }
        return p == null ? null : p.id;
    }

    private static List<CommentView> attach(List<CommentView> level, Map<Long, List<CommentView>> children) {
        return level.stream()
                .map(v -> CommentView.withReplies(v, attach(children.getOrDefault(v.id(), List.of()), children)))
                .toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
