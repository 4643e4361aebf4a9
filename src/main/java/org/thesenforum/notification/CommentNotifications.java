package org.thesenforum.notification;

import java.util.Map;
import java.util.TreeMap;

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
        // Addressees in ascending id: each notification locks its addressee's row, and one order for every
        // transaction keeps two of them from waiting on each other.
        Map<Long, NotificationKind> addressees = new TreeMap<>();
        if (change.change() == CommentChanged.Change.CREATED && comment.parent != null
                && !comment.parent.isDeleted()) {
            addressees.put(comment.parent.author.id, NotificationKind.REPLY);
        }
        for (Long id : markdown.mentionedAccounts(comment.body)) {
            // A reply that also names the answered person tells them once, as a reply; an edit only the newly named.
            if (!addressees.containsKey(id) && !notifications.exists(id, NotificationKind.MENTION, comment.id)
                    && !notifications.exists(id, NotificationKind.REPLY, comment.id)) {
                addressees.put(id, NotificationKind.MENTION);
            }
        }
        NotificationService.About about = NotificationService.About.comment(comment.id, comment.author.id);
        addressees.forEach((id, kind) -> notifications.notify(id, kind, about));
    }
}
