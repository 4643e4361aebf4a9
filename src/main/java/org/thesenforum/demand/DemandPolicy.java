package org.thesenforum.demand;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;

/** Who may do what with demands. */
public final class DemandPolicy {

    private DemandPolicy() {
    }

    /** Experts (and every higher role) propose, support and take positions. */
    public static boolean canTakePart(Account account) {
        return account != null && account.role.atLeast(Role.EXPERT);
    }

    /** Moderators edit any demand and close or reopen voting. */
    public static boolean canModerate(Account account) {
        return account != null && account.role.atLeast(Role.MODERATOR);
    }

    /** The author edits their own demand until it is pinned as a joint demand; moderators edit any. */
    public static boolean canEdit(Account account, Demand demand) {
        if (canModerate(account)) {
            return true;
        }
        return account != null && demand.author.id.equals(account.id) && demand.status == Demand.Status.PROPOSED;
    }
}
