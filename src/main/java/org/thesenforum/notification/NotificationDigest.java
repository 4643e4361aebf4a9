package org.thesenforum.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.thesenforum.account.Account;
import org.thesenforum.cluster.ClusterJobs;

/**
 * The daily digest: every few minutes, finds the people who chose "täglich" whose hour (Berlin time) it is and who
 * have notifications neither read nor mailed from the last week, and sends each one mail. Each person's digest of a
 * day is claimed by inserting a row whose primary key is (account, day) in the transaction that marks the
 * notifications mailed: of two instances (or two runs) only one insert succeeds, so the digest goes out once.
 */
@ApplicationScoped
public class NotificationDigest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** How far back a digest looks; older unread notifications stay in the forum only. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final EntityManager em;
    private final NotificationClock clock;
    private final NotificationMails mails;
    private final ClusterJobs jobs;
    private final Duration every;

    NotificationDigest(EntityManager em, NotificationClock clock, NotificationMails mails, ClusterJobs jobs,
            @ConfigProperty(name = "forum.notifications.digest-every", defaultValue = "5m") Duration every) {
        this.jobs = jobs;
        this.every = every;
        this.em = em;
        this.clock = clock;
        this.mails = mails;
    }

    @Scheduled(every = "${forum.notifications.digest-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // On one instance at a time; the per-account claims below keep a digest from going out twice anyway.
        jobs.runOnce("notification-digest", every, this::run);
    }

    /** One run: sends the digests due now; returns how many this instance sent. */
    public int run() {
        if (!mails.enabled()) {
            return 0;
        }
        Instant now = clock.now();
        ZonedDateTime local = now.atZone(ZONE);
        LocalDate day = local.toLocalDate();
        Instant since = now.minus(WINDOW);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> dueAccounts(local.getHour(), day, since));
        int sent = 0;
        for (Long accountId : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> claimAndMail(accountId, day, now, since))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Mostly another instance that claimed this digest first (the key refused the second insert).
                Log.infof("Digest of account %d for %s not sent here: %s", accountId, day, e.getMessage());
            }
        }
        return sent;
    }

    private List<Long> dueAccounts(int hour, LocalDate day, Instant since) {
        List<?> rows = em.createNativeQuery("SELECT a.id FROM accounts a WHERE a.email_notifications = 'DIGEST' "
                + "AND a.enabled = TRUE AND a.deleted_at IS NULL AND a.digest_hour = ?1 AND EXISTS (SELECT 1 FROM "
                + "notifications n WHERE n.account_id = a.id AND n.emailed_at IS NULL AND n.read_at IS NULL "
                + "AND n.created_at > ?2) AND NOT EXISTS (SELECT 1 FROM digest_claims c WHERE c.account_id = a.id "
                + "AND c.digest_day = ?3) ORDER BY a.id")
                .setParameter(1, hour).setParameter(2, since).setParameter(3, day).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /** Claims the day's digest of one account (failing when it is taken), marks the notifications and mails them. */
    private boolean claimAndMail(long accountId, LocalDate day, Instant now, Instant since) {
        em.createNativeQuery("INSERT INTO digest_claims (account_id, digest_day, claimed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, accountId).setParameter(2, day).setParameter(3, now).executeUpdate();
        Account account = Account.findById(accountId);
        List<Notification> items = Notification.list("accountId = ?1 and emailedAt is null and readAt is null "
                + "and createdAt > ?2 order by seq", accountId, since);
        if (items.isEmpty() || !NotificationSettings.reachable(account)) {
            return false;
        }
        items.forEach(n -> n.emailedAt = now);
        mails.digest(account, items);
        return true;
    }
}
