package org.thesenforum.account;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A link that lets invited people create an account: single use, or multi-use with expiry. */
@Entity
@Table(name = "invitations")
public class Invitation extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String code;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Account createdBy;
    @Column(name = "max_uses", nullable = false)
    public int maxUses;
    @Column(nullable = false)
    public int uses;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public String note;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When a moderator or admin took the invitation back; it refuses registrations from then on. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<Invitation> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isUsedUp() {
        return uses >= maxUses;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** The state in one word, the revocation first: a revoked link stays revoked whatever else happens to it. */
    public InvitationStatus status(Instant now) {
        if (isRevoked()) {
            return InvitationStatus.REVOKED;
        }
        if (isUsedUp()) {
            return InvitationStatus.USED_UP;
        }
        return isExpired(now) ? InvitationStatus.EXPIRED : InvitationStatus.ACTIVE;
    }
}
