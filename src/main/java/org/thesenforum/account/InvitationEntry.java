package org.thesenforum.account;

import java.time.Instant;

/** An invitation as the admin area lists it: the link for the address in use, how far it is used, and its state. */
public record InvitationEntry(long id, String code, String url, int maxUses, int uses, Instant expiresAt, String note,
        String createdBy, Instant createdAt, InvitationStatus status, Instant revokedAt) {
}
