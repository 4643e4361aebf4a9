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

/** One signed-in device of an account: created at login, ended by logout, gone when the account's sessions end. */
@Entity
@Table(name = "device_sessions")
public class DeviceSession extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    /** SHA-256 of the random token in the cookie, hex; the token itself is never stored. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    /** A short description of the browser, from its User-Agent, for the account page. */
    public String device;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The session with this token hash, its account loaded with it. */
    static Optional<DeviceSession> findByTokenHash(String hash) {
        return find("from DeviceSession s join fetch s.account where s.tokenHash = ?1", hash).firstResultOptional();
    }

    static long countOf(long accountId) {
        return count("account.id", accountId);
    }

    static java.util.List<DeviceSession> listOf(long accountId) {
        return list("account.id = ?1 order by lastSeenAt desc, id desc", accountId);
    }

    static long deleteAllOf(long accountId) {
        return delete("account.id", accountId);
    }
}
