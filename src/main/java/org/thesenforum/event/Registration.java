package org.thesenforum.event;

import java.time.Instant;
import java.util.List;
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

/**
 * A registration (Anmeldung) for an event, by a person who may have no account. Name, e-mail, organisation and note
 * are removed after the event's retention time ({@code anonymisedAt}); status and field of work stay for the counts.
 */
@Entity
@Table(name = "event_registrations")
public class Registration extends PanacheEntity {

    /** Where a registration stands; waiting people move up in the order they registered. */
    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public ForumEvent event;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String name;
    public String email;
    public String organisation;
    public String note;
    @Column(name = "field_of_work")
    public String fieldOfWork;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "promoted_at")
    public Instant promotedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "invitation_requested_at")
    public Instant invitationRequestedAt;
    @Column(name = "invited_at")
    public Instant invitedAt;
    @Column(name = "invitation_code")
    public String invitationCode;
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;
    /** The language the person registered in; later mails to them are written in it. */
    public String language;

    /** The language for mails to this person: the one they registered in, else {@code fallback}. */
    java.util.Locale locale(java.util.Locale fallback) {
        return language == null || language.isBlank() ? fallback : java.util.Locale.forLanguageTag(language);
    }

    /** All registrations of an event in the order they came. */
    public static List<Registration> listByEvent(ForumEvent event) {
        return list("event = ?1 order by createdAt, id", event);
    }

    static Optional<Registration> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** A registration of the event with this (normalised) e-mail that is not cancelled. */
    static Optional<Registration> findActive(ForumEvent event, String email) {
        return find("event = ?1 and email = ?2 and status <> ?3", event, email, Status.CANCELLED)
                .firstResultOptional();
    }

    static long countByStatus(ForumEvent event, Status status) {
        return count("event = ?1 and status = ?2", event, status);
    }

    /** The next person on the waiting list, the one who registered first. */
    static Optional<Registration> firstWaiting(ForumEvent event) {
        return find("event = ?1 and status = ?2 order by createdAt, id", event, Status.WAITLISTED)
                .firstResultOptional();
    }
}
