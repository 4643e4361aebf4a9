package org.thesenforum.account;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A personal API token of an account, for scripts: {@code Authorization: Bearer <token>}. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    /** What the person called it, e.g. "Auswertungsskript". */
    @Column(nullable = false, length = 60)
    public String name;
    /** SHA-256 of the token, hex; the token itself is never stored. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    /** The token's first characters, not secret, so that a person can tell their tokens apart. */
    @Column(nullable = false)
    public String prefix;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When a request last came with it, to the minute; null before its first use. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    static List<ApiToken> listOf(long accountId) {
        return list("account.id = ?1 order by createdAt desc, id desc", accountId);
    }

    static long countOf(long accountId) {
        return count("account.id", accountId);
    }

    static long deleteAllOf(long accountId) {
        return delete("account.id", accountId);
    }
}
