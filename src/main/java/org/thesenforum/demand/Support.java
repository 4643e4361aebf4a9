package org.thesenforum.demand;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.account.Account;

/** An account's support (Unterstützung) of a demand, given on one of its wordings; at most one per account. */
@Entity
@Table(name = "demand_supports")
public class Support extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "demand_id")
    public Demand demand;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    /** The wording it was given on (or last confirmed for). */
    @Column(nullable = false)
    public int wording;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Support> find(Demand demand, Account account) {
        return find("demand = ?1 and account = ?2", demand, account).firstResultOptional();
    }
}
