package org.thesenforum.comment;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;
import org.thesenforum.discussion.Topic;

/** Who may do what with comments. */
public final class CommentPolicy {

    private CommentPolicy() {
    }

    public static boolean canPost(Account account, Topic topic) {
        return account != null && account.enabled && !topic.locked;
    }

    public static boolean canEdit(Account account, Comment comment) {
        return account != null && comment.author.id.equals(account.id) && !comment.isDeleted() && !comment.topic.locked;
    }

    public static boolean canDelete(Account account, Comment comment) {
        return account != null && comment.author.id.equals(account.id);
    }

    public static boolean canModerate(Account account) {
        return account != null && account.role.atLeast(Role.MODERATOR);
    }

    public static boolean seesHiddenContent(Account account) {
        return canModerate(account);
    }

    public static boolean isRateLimited(Account account) {
        return !canModerate(account);
    }
}
