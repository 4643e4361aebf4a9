package org.thesenforum.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.comment.Comment;
import org.thesenforum.comment.CommentChanged;
import org.thesenforum.comment.CommentMessages;
import org.thesenforum.comment.CommentPolicy;
import org.thesenforum.comment.CommentService;
import org.thesenforum.demand.Demand;
import org.thesenforum.demand.DemandBoard;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.moderation.Report.Kind;
import org.thesenforum.moderation.Report.Outcome;
import org.thesenforum.moderation.Report.Status;
import org.thesenforum.moderation.Report.Target;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Reports and the moderators' queue: anyone signed in reports a comment or a demand, the author of a hidden comment
 * asks for a review, and moderators decide (hide or reject, dismiss, show again, keep hidden). Deciding records the
 * outcome, writes the audit log and tells the reporters.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    public static final int MAX_REASON = 1000;
    /** Reports (and review requests) one person may file per hour. */
    public static final int MAX_PER_HOUR = 10;
    private static final int MAX_HIDE_REASON = CommentService.MAX_REASON;

    /** What a moderator decides about an entry of the queue. */
    public enum Action {
        /** A report: hide the comment (reject the demand). */
        HIDE,
        /** A report: nothing to do. */
        DISMISS,
        /** A review request: show the comment again. */
        UNHIDE,
        /** A review request: the comment stays hidden. */
        KEEP_HIDDEN
    }

    private final CommentService comments;
    private final DemandBoard board;
    private final AuditLog audit;
    private final ModerationNotices notices;
    private final EntityManager em;

    ReportService(CommentService comments, DemandBoard board, AuditLog audit, ModerationNotices notices,
            EntityManager em) {
        this.comments = comments;
        this.board = board;
        this.audit = audit;
        this.notices = notices;
        this.em = em;
    }

    @Transactional
    public ReportView reportComment(long commentId, String reason, Account reporter) {
        Comment c = requireComment(commentId);
        if (CommentPolicy.isAuthor(reporter, c)) {
            throw ProblemException.forbidden(text(ModerationMessages::problem_own_item));
        }
        if (c.isDeleted()) {
            throw ProblemException.conflict(null, text(ModerationMessages::problem_item_gone));
        }
        if (c.hidden) {
            throw ProblemException.conflict(null, text(ModerationMessages::problem_already_hidden));
        }
        return view(file(Kind.REPORT, Target.COMMENT, c.id, c.topic.discussion.id, reason, reporter));
    }

    @Transactional
    public ReportView reportDemand(long demandId, String reason, Account reporter) {
        Demand d = requireDemand(demandId);
        if (d.author != null && d.author.id.equals(reporter.id)) {
            throw ProblemException.forbidden(text(ModerationMessages::problem_own_item));
        }
        if (d.status == Demand.Status.REJECTED) {
            throw ProblemException.conflict(null, text(ModerationMessages::problem_already_hidden));
        }
        return view(file(Kind.REPORT, Target.DEMAND, d.id, d.discussion.id, reason, reporter));
    }

    /** The author of a hidden comment asks the moderators to look at it again. */
    @Transactional
    public ReportView requestReview(long commentId, String reason, Account author) {
        Comment c = requireComment(commentId);
        if (!CommentPolicy.isAuthor(author, c)) {
            throw ProblemException.forbidden(text(ModerationMessages::problem_review_not_author));
        }
        if (!c.hidden || c.isDeleted()) {
            throw ProblemException.conflict(null, text(ModerationMessages::problem_review_not_hidden));
        }
        Report review = file(Kind.REVIEW, Target.COMMENT, c.id, c.topic.discussion.id, reason, author);
        notices.reviewRequested(review);
        return view(review);
    }

    /** The open entries of one discussion, newest first (moderators only). */
    public List<ReportView> queue(String slug, Account moderator) {
        requireModerator(moderator);
        Discussion d = Discussion.findBySlug(slug).orElseThrow(
                () -> ProblemException.notFound(text(ModerationMessages::problem_discussion_not_found)));
        return Report.listOpen(d.id).stream().map(this::view).toList();
    }

    /** The open entries of every discussion, newest first (moderators only). */
    public List<ReportView> queue(Account moderator) {
        requireModerator(moderator);
        return Report.listOpen(null).stream().map(this::view).toList();
    }

    /** How many entries wait in the queue of every discussion. */
    public long openCount() {
        return Report.count("status", Status.OPEN);
    }

    /**
     * Decides an open entry. {@code hideReason} is the reason the author of a hidden comment (or a rejected demand)
     * reads; without one, the report's reason is used.
     */
    @Transactional
    public ReportView decide(long reportId, Action action, String hideReason, Account moderator) {
        requireModerator(moderator);
        Report r = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound(text(ModerationMessages::problem_report_not_found));
        }
        if (r.status != Status.OPEN) {
            throw ProblemException.conflict(null, text(ModerationMessages::problem_already_decided));
        }
        Set<Action> allowed = r.kind == Kind.REPORT ? EnumSet.of(Action.HIDE, Action.DISMISS)
                : EnumSet.of(Action.UNHIDE, Action.KEEP_HIDDEN);
        if (action == null || !allowed.contains(action)) {
            throw ProblemException.invalid("action", text(m -> m.problem_action(allowed.stream()
                    .map(a -> label(m, a) + " (" + a.name() + ")").collect(Collectors.joining(", ")))));
        }
        String reason = action == Action.HIDE ? hideReason(hideReason, r.reason) : null;
        Outcome outcome = switch (action) {
            case HIDE -> Outcome.HIDDEN;
            case DISMISS -> Outcome.DISMISSED;
            case UNHIDE -> Outcome.UNHIDDEN;
            case KEEP_HIDDEN -> Outcome.KEPT_HIDDEN;
        };
        // Settled at once (the report row is locked already), told last: telling the reporter locks their account
        // row, which every write takes after the comment's, the topic's and the discussion's rows
        // (CommentService.finish), so the hide or unhide below takes those first.
        settle(r, outcome, moderator);
        if (action == Action.HIDE && r.target == Target.COMMENT) {
            Comment c = requireComment(r.targetId);
            if (!c.hidden && !c.isDeleted()) {
                // Closes the other reports of the comment and tells its author (see commentChanged).
                comments.hide(c.id, reason, moderator);
            } else {
                closeAll(Kind.REPORT, r.target, r.targetId, Outcome.HIDDEN, moderator);
            }
        } else if (action == Action.HIDE) {
            Demand d = requireDemand(r.targetId);
            if (d.status != Demand.Status.REJECTED) {
                board.reject(d.id, reason, moderator);
            }
            closeAll(Kind.REPORT, r.target, r.targetId, Outcome.HIDDEN, moderator);
        } else if (action == Action.UNHIDE) {
            comments.unhide(r.targetId, moderator);
        }
        announce(r);
        return view(r);
    }

    /**
     * A comment was hidden (from the queue or directly on its page): its author hears it with the reason, and every
     * open report of it is settled. Shown again: open review requests are settled.
     */
    void commentChanged(@Observes CommentChanged changed) {
        if (changed.change() == CommentChanged.Change.HIDDEN) {
            Comment c = Comment.findById(changed.commentId());
            notices.commentHidden(c.author.id, c.id, c.hiddenBy == null ? null : c.hiddenBy.id, c.hiddenReason);
            closeAll(Kind.REPORT, Target.COMMENT, c.id, Outcome.HIDDEN, c.hiddenBy);
        } else if (changed.change() == CommentChanged.Change.UNHIDDEN) {
            closeAll(Kind.REVIEW, Target.COMMENT, changed.commentId(), Outcome.UNHIDDEN, null);
        }
    }

    private void closeAll(Kind kind, Target target, long targetId, Outcome outcome, Account moderator) {
        for (Report other : Report.listOpen(kind, target, targetId)) {
            close(other, outcome, moderator);
        }
    }

    /** Records the outcome in the audit log and tells the person who filed the entry. */
    private void close(Report r, Outcome outcome, Account moderator) {
        settle(r, outcome, moderator);
        announce(r);
    }

    /** Marks the entry decided, so that {@link #closeAll} no longer finds it open. */
    private void settle(Report r, Outcome outcome, Account moderator) {
        r.status = Status.DECIDED;
        r.outcome = outcome;
        r.decidedBy = moderator;
        r.decidedAt = now();
    }

    /** Records a settled entry's outcome in the audit log and tells the person who filed it. */
    private void announce(Report r) {
        if (r.decidedBy != null) {
            audit.record(r.decidedBy.id, "REPORT_" + r.outcome.name(), "report", r.id,
                    r.target.name().toLowerCase() + " " + r.targetId);
        }
        notices.reportHandled(r);
    }

    private Report file(Kind kind, Target target, long targetId, long discussionId, String reason,
            Account reporter) {
        String clean = Inputs.requiredText("reason", reason, MAX_REASON);
        // One person's reports one after the other, so the checks below see each other's rows.
        em.find(Account.class, reporter.id, LockModeType.PESSIMISTIC_WRITE);
        if (Report.openBy(kind, target, targetId, reporter.id)) {
            throw ProblemException.conflict(null, text(kind == Kind.REPORT ? ModerationMessages::problem_duplicate
                    : ModerationMessages::problem_review_duplicate));
        }
        Instant now = now();
        if (Report.count("reporter.id = ?1 and createdAt > ?2", reporter.id, now.minus(1, ChronoUnit.HOURS))
                >= MAX_PER_HOUR) {
            throw ProblemException.tooManyRequests(text(m -> m.problem_too_many(MAX_PER_HOUR)), 3600);
        }
        Report r = new Report();
        r.discussionId = discussionId;
        r.kind = kind;
        r.target = target;
        r.targetId = targetId;
        r.reporter = em.getReference(Account.class, reporter.id);
        r.reason = clean;
        r.createdAt = now;
        r.status = Status.OPEN;
        r.persist();
        return r;
    }

    /** The moderator's reason, else the report's on one line and cut to what a hidden comment's reason may hold. */
    private static String hideReason(String given, String reported) {
        String own = Inputs.optionalLine("reason", given, MAX_HIDE_REASON);
        if (own != null && !own.isBlank()) {
            return own;
        }
        String line = reported.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_HIDE_REASON ? line : line.substring(0, MAX_HIDE_REASON - 1) + "…";
    }

    private ReportView view(Report r) {
        Account reporter = r.reporter;
        if (r.target == Target.COMMENT) {
            Comment c = Comment.findById(r.targetId);
            return new ReportView(r.id, r.kind, r.target, r.targetId,
                    "/topics/" + c.topic.id + "#c" + c.id, c.topic.label() + ": " + c.topic.title,
                    c.isDeleted() ? null : c.body, c.author.shownName(), c.hidden, c.isDeleted(), r.reason,
                    reporter.id, reporter.shownName(), r.createdAt, r.status, r.outcome, r.decidedAt);
        }
        Demand d = Demand.findById(r.targetId);
        return new ReportView(r.id, r.kind, r.target, r.targetId,
                "/discussions/" + d.discussion.slug + "/demands#d" + d.id, d.title, d.body,
                d.author == null ? null : d.author.shownName(), d.status == Demand.Status.REJECTED, false, r.reason,
                reporter.id, reporter.shownName(), r.createdAt, r.status, r.outcome, r.decidedAt);
    }

    private static void requireModerator(Account account) {
        if (!CommentPolicy.canModerate(account)) {
            throw ProblemException.forbidden(text(ModerationMessages::problem_moderators_only));
        }
    }

    private static Comment requireComment(long id) {
        Comment c = Comment.findById(id);
        if (c == null) {
            throw ProblemException.notFound(Text.of(CommentMessages.class, CommentMessages::problem_comment_not_found));
        }
        return c;
    }

    private static Demand requireDemand(long id) {
        Demand d = Demand.findById(id);
        if (d == null) {
            throw ProblemException.notFound(text(ModerationMessages::problem_demand_not_found));
        }
        return d;
    }

    private static Text text(Function<ModerationMessages, String> message) {
        return Text.of(ModerationMessages.class, message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A decision as its button says it. */
    private static String label(ModerationMessages m, Action action) {
        return switch (action) {
            case HIDE -> m.action_hide();
            case DISMISS -> m.action_dismiss();
            case UNHIDE -> m.action_unhide();
            case KEEP_HIDDEN -> m.action_keep_hidden();
        };
    }
}
