package org.thesenforum.demand;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.account.Account;

/**
 * An account's position on a demand, given on one of its wordings; at most one per account, and never shown with its
 * account (only the counts are), except a serious objection, which is signed.
 */
@Entity
@Table(name = "demand_positions")
public class Position extends PanacheEntity {

    /** Zustimmung, Ablehnung, Enthaltung. */
    public enum Stance { AGREE, DISAGREE, PASS }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "demand_id")
    public Demand demand;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    @Column(nullable = false)
    public int wording;
    @Enumerated(EnumType.STRING)
    @Column(name = "position", nullable = false)
    public Stance stance;
    /** Completes "tragbar, wenn …"; only with DISAGREE. */
    public String objection;
    /** Whether the objection still stands: until withdrawn, the position changes, or a new wording re-asks. */
    @Column(name = "objection_open", nullable = false)
    public boolean objectionOpen;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Position> find(Demand demand, Account account) {
        return find("demand = ?1 and account = ?2", demand, account).firstResultOptional();
    }
}
