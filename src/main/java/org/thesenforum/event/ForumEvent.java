package org.thesenforum.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.discussion.Discussion;

/**
 * An event (Veranstaltung) of a discussion: when and where it takes place, and until when people may register.
 * A null {@code startsAt} means the time is not known, only the day ({@code startsOn}, in Europe/Berlin).
 */
@Entity
@Table(name = "events")
public class ForumEvent extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;
    /** Which event of the paper's invitation this is; null for events created by hand. */
    @Column(name = "paper_key")
    public String paperKey;
    @Column(nullable = false)
    public String title;
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "venue_name")
    public String venueName;
    public String street;
    public String postcode;
    public String city;
    public String description;
    public String organisers;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_fax")
    public String contactFax;
    /** Registration is open before this instant; null: no registration. */
    @Column(name = "registration_deadline")
    public Instant registrationDeadline;
    /** Places; null: no limit. */
    public Integer capacity;
    /** When the organisers closed registration early; null while open. */
    @Column(name = "registration_closed_at")
    public Instant registrationClosedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The events of a discussion, earliest first. */
    public static List<ForumEvent> listByDiscussion(Discussion discussion) {
        return list("discussion = ?1 order by startsOn, startsAt, id", discussion);
    }

    static Optional<ForumEvent> findByPaperKey(Discussion discussion, String key) {
        return find("discussion = ?1 and paperKey = ?2", discussion, key).firstResultOptional();
    }

    /** The instant after which the contact data of its registrations may go: the end, or else the start. */
    Instant over() {
        if (endsAt != null) {
            return endsAt;
        }
        if (startsAt != null) {
            return startsAt;
        }
        return startsOn.plusDays(1).atStartOfDay(EventTimes.BERLIN).toInstant();
    }
}
