package org.thesenforum.notification;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.comment.Comment;
import org.thesenforum.comment.CommentChanged;
import org.thesenforum.web.MarkdownRenderer;

/**
 * Notifies in the transaction that posted or edited a comment: the author of the comment answered, and everyone the
 * comment mentions with {@code @Name} (once per comment, so an edit notifies only those it adds). Nothing for hidden
 * or deleted comments, and never the author themself.
 */
@ApplicationScoped
class CommentNotifications {

    private final NotificationService notifications;
    private final MarkdownRenderer markdown;

    CommentNotifications(NotificationService notifications, MarkdownRenderer markdown) {
        this.notifications = notifications;
        this.markdown = markdown;
    }

    void commentChanged(@Observes CommentChanged change) {
        if (change.change() != CommentChanged.Change.CREATED && change.change() != CommentChanged.Change.EDITED) {
            return;
        }
        Comment comment = Comment.findById(change.commentId());
        if (comment == null || comment.hidden || comment.isDeleted()) {
            return;
        }
        long author = comment.author.id;
        NotificationService.About about = NotificationService.About.comment(comment.id, author);
        Long answered = null;
        if (change.change() == CommentChanged.Change.CREATED && comment.parent != null
                && !comment.parent.isDeleted()) {
            answered = comment.parent.author.id;
            notifications.notify(answered, NotificationKind.REPLY, about);
        }
        Set<Long> mentioned = markdown.mentionedAccounts(comment.body);
        for (Long id : mentioned) {
            // A reply that also names the answered person tells them once, as a reply.
            if (!id.equals(answered) && !notifications.exists(id, NotificationKind.MENTION, comment.id)) {
                notifications.notify(id, NotificationKind.MENTION, about);
            }
        }
    }
}
