package org.thesenforum.comment;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;

/** Who may do what with comments. */
public final class CommentPolicy {

    private CommentPolicy() {
    }

    /** Only the author edits or deletes a comment; the service adds the state checks with their own messages. */
    public static boolean isAuthor(Account account, Comment comment) {
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
