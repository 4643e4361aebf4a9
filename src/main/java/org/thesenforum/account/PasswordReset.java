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

/** A one-time link that sets a new password: sent by e-mail, or created by an admin to hand over. */
@Entity
@Table(name = "password_resets")
public class PasswordReset extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    /** SHA-256 of the token in the link, hex; the token itself is never stored. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    /** When the link set a password, or was made void by another one doing so; null while it is open. */
    @Column(name = "used_at")
    public Instant usedAt;
    /** The admin who created the link to hand it over; null for a link the person asked for by e-mail. */
    @Column(name = "created_by")
    public Long createdBy;

    static Optional<PasswordReset> findByTokenHash(String hash) {
        return find("from PasswordReset r join fetch r.account where r.tokenHash = ?1", hash).firstResultOptional();
    }

    /** Makes every open link of the account void, e.g. once one of them set a password. */
    static int closeAllOf(long accountId, Instant now) {
        return update("usedAt = ?1 where account.id = ?2 and usedAt is null", now, accountId);
    }
}
