package org.thesenforum.account;

import java.time.Instant;

/** Read and write models of accounts and invitations. */
public final class AccountViews {

    private AccountViews() {
    }

    /** An account as its owner or an admin sees it. */
    public record AccountView(long id, String email, String displayName, String organisation, String place, Role role,
            boolean enabled, Instant createdAt) {

        public static AccountView of(Account a) {
            return new AccountView(a.id, a.email, a.displayName, a.organisation, a.place, a.role, a.enabled,
                    a.createdAt);
        }
    }

    /** What an invited person fills in. */
    public record Registration(String invitationCode, String displayName, String email, String password,
            String organisation, String place) {
    }

    /** An invitation to create; without values it is single-use and valid for 30 days. */
    public record InvitationRequest(Integer maxUses, Integer validDays, String note) {
    }

    /** A created invitation with the link to send. */
    public record InvitationView(long id, String code, String url, int maxUses, int uses, Instant expiresAt,
            String note, String createdBy, Instant createdAt) {
    }
}
