package org.thesenforum.audit;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;


/** One moderator or admin action, kept for admins to read. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry extends PanacheEntity {

    /** The account that acted, or null for the system. */
    @Column(name = "actor_id")
    public Long actorId;
    @Column(nullable = false)
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public Long targetId;
    public String detail;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<AuditEntry> listNewest(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }
}
