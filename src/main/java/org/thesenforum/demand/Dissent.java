package org.thesenforum.demand;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.account.Account;

/** A signed dissent note (Sondervotum) on a joint demand, shown and exported with it. */
@Entity
@Table(name = "demand_dissents")
public class Dissent extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "demand_id")
    public Demand demand;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;
    @Column(nullable = false)
    public String text;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Dissent> listByDemand(Demand demand) {
        return list("demand = ?1 order by createdAt, id", demand);
    }
}
