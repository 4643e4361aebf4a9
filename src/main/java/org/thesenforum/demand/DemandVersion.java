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

/** One numbered wording of a demand, kept for good: the first as proposed, each later one with its editor's note. */
@Entity
@Table(name = "demand_versions")
public class DemandVersion extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "demand_id")
    public Demand demand;
    @Column(nullable = false)
    public int number;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    public String rationale;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "editor_id")
    public Account editor;
    public String note;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** All wordings of a demand, the first first. */
    public static List<DemandVersion> listByDemand(Demand demand) {
        return list("demand = ?1 order by number", demand);
    }
}
