package org.thesenforum.account;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

/** A person who may sign in: an invited expert, a moderator or an admin. */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String email;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    public String organisation;
    public String place;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;
    @Column(nullable = false)
    public boolean enabled = true;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Confusable skeleton of the e-mail address (unique); null only for old rows that imitate another account. */
    @Column(name = "email_skeleton")
    public String emailSkeleton;
    /** Confusable skeleton of the display name (unique); null only for old rows that imitate another account. */
    @Column(name = "display_name_skeleton")
    public String displayNameSkeleton;
    /** Whether and how the person gets e-mail about replies and news. */
    @Enumerated(EnumType.STRING)
    @Column(name = "email_notifications", nullable = false)
    public EmailNotifications emailNotifications = EmailNotifications.IMMEDIATE;
    /** The hour of the day (0..23, Europe/Berlin) at which the daily digest goes out. */
    @Column(name = "digest_hour", nullable = false)
    public int digestHour = 7;
    /** Whether others see the name among the people present ("Wer ist da"); off by default. */
    @Column(name = "show_presence", nullable = false)
    public boolean showPresence;
    /** When the person deleted the account; null for a live account. A deleted account cannot sign in. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Addresses are stored and looked up in this form; see {@link Lookalikes#normaliseEmail}. */
    public static String normaliseEmail(String email) {
        return Lookalikes.normaliseEmail(email);
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }

    /** The id of the account with this e-mail, without loading it; null when there is none. */
    static Long idByEmail(String email) {
        return getEntityManager().createQuery("select a.id from Account a where a.email = ?1", Long.class)
                .setParameter(1, normaliseEmail(email)).getResultStream().findFirst().orElse(null);
    }

    /** Whether an account's address has this skeleton, i.e. looks like the address it came from. */
    static boolean existsWithEmailSkeleton(String skeleton) {
        return count("emailSkeleton", skeleton) > 0;
    }

    /** Whether an account's display name has this skeleton. */
    static boolean existsWithDisplayNameSkeleton(String skeleton) {
        return count("displayNameSkeleton", skeleton) > 0;
    }

    /** New accounts, however created, get their skeletons; existing rows are filled by {@link SkeletonBackfill}. */
    @PrePersist
    void fillSkeletons() {
        if (emailSkeleton == null) {
            emailSkeleton = Lookalikes.emailSkeleton(email);
        }
        if (displayNameSkeleton == null) {
            displayNameSkeleton = Lookalikes.nameSkeleton(displayName);
        }
    }

    /** Whether the person deleted this account; its contributions stay, unsigned. */
    public boolean deleted() {
        return deletedAt != null;
    }

    public static boolean existsWithRole(Role role) {
        return count("role", role) > 0;
    }
}
