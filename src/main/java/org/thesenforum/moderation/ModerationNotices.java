package org.thesenforum.moderation;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;
import org.thesenforum.notification.NotificationKind;
import org.thesenforum.notification.NotificationService;
import org.thesenforum.notification.NotificationService.About;
import org.thesenforum.web.Languages;
import org.thesenforum.web.Text;

/**
 * Tells people what the moderation did, through the notification feature, in the deciding transaction: the author of
 * a hidden comment (with the reason), the moderators of a review request, and the reporters of the outcome.
 */
@ApplicationScoped
class ModerationNotices {

    private final NotificationService notifications;

    ModerationNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** The author's comment was hidden by {@code moderatorId}; {@code reason} is the moderators'. */
    void commentHidden(long authorId, long commentId, Long moderatorId, String reason) {
        notifications.notify(authorId, NotificationKind.COMMENT_HIDDEN,
                About.comment(commentId, moderatorId).withSummary(reason));
    }

    /** The author of a hidden comment asks for a review: every moderator and admin hears of it. */
    void reviewRequested(Report review) {
        List<Account> moderators = Account.list("role in ?1 and enabled = true order by id",
                List.of(Role.MODERATOR, Role.ADMIN));
        for (Account moderator : moderators) {
            notifications.notify(moderator.id, NotificationKind.REVIEW_REQUESTED,
                    About.comment(review.targetId, review.reporter.id));
        }
    }

    /**
     * The reporter (or the author who asked for a review) hears the outcome. The sentence is stored once, in the
     * forum's default language, like the reasons people type.
     */
    void reportHandled(Report report) {
        Long actor = report.decidedBy == null ? null : report.decidedBy.id;
        About about = report.target == Report.Target.COMMENT ? About.comment(report.targetId, actor)
                : About.demand(report.targetId, null, actor);
        notifications.notify(report.reporter.id, NotificationKind.REPORT_HANDLED,
                about.withSummary(outcome(report)));
    }

    private static String outcome(Report report) {
        boolean comment = report.target == Report.Target.COMMENT;
        return text(switch (report.outcome) {
            case HIDDEN -> comment ? ModerationMessages::outcome_hidden : ModerationMessages::outcome_rejected;
            case DISMISSED -> ModerationMessages::outcome_dismissed;
            case UNHIDDEN -> ModerationMessages::outcome_unhidden;
            case KEPT_HIDDEN -> ModerationMessages::outcome_kept_hidden;
        });
    }

    private static String text(Function<ModerationMessages, String> message) {
        return Text.of(ModerationMessages.class, message).in(Languages.DEFAULT);
    }
}
