package org.thesenforum.meeting;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;

/** Who may do what with a meeting: moderators (and admins) run it; everyone who may read sees it. */
public final class MeetingPolicy {

    private MeetingPolicy() {
    }

    /** Moderators set the agenda and the focus, start and end the meeting, and see the reach. */
    public static boolean canRun(Account account) {
        return account != null && account.role.atLeast(Role.MODERATOR);
    }
}
