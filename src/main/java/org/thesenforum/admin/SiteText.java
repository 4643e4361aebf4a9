package org.thesenforum.admin;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The text of a page the organisers write themselves: the Impressum or the privacy statement, in Markdown. */
@Entity
@Table(name = "site_texts")
public class SiteText extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String name;
    @Column(nullable = false)
    public String body;
    /** The admin who wrote this version; null once that account is gone. */
    @Column(name = "updated_by")
    public Long updatedBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<SiteText> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
