package org.thesenforum.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Topic;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Stores the notifications of each person, numbered per person, and tells the addressee live after commit. Features
 * and moderation call {@link #notify}; it never notifies the actor themself nor a disabled account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotificationService {

    public static final int MAX_SUMMARY = 500;

    private final EntityManager em;
    private final Event<NotificationCreated> created;
    private final Event<NotificationsRead> read;
    private final NotificationClock clock;
    private final NotificationTexts texts;

    NotificationService(EntityManager em, Event<NotificationCreated> created, Event<NotificationsRead> read,
            NotificationClock clock, NotificationTexts texts) {
        this.em = em;
        this.created = created;
        this.read = read;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * What a notification is about: the topic, comment or demand it links to (the most specific one given wins; the
     * others are filled in from it), who caused it, and a short text such as a reason.
     */
    public record About(Long topicId, Long commentId, Long demandId, Long actorId, String summary) {

        public static About comment(long commentId, Long actorId) {
            return new About(null, commentId, null, actorId, null);
        }

        public static About demand(long demandId, Long topicId, Long actorId) {
            return new About(topicId, null, demandId, actorId, null);
        }

        public About withSummary(String text) {
            return new About(topicId, commentId, demandId, actorId, text);
        }
    }

    /**
     * Stores a notification for {@code accountId} in the caller's transaction and returns its per-account seq, or
     * null when none is due: the addressee caused it, or their account is disabled, deleted or unknown.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long notify(long accountId, NotificationKind kind, About about) {
        if (about.actorId() != null && about.actorId() == accountId) {
            return null;
        }
        Account account = Account.findById(accountId);
        if (account == null || !NotificationSettings.reachable(account)) {
            return null;
        }
        Notification n = new Notification();
        n.accountId = accountId;
        n.kind = kind;
        n.actorId = about.actorId();
        n.summary = about.summary() == null ? null : clip(about.summary());
        fillRefs(n, about);
        n.createdAt = now();
        n.seq = nextSeq(accountId);
        n.persist();
        created.fire(new NotificationCreated(accountId, n.id, n.seq, Notification.unread(accountId)));
        return n.seq;
    }

    /** Whether {@code accountId} already has a notification of this kind about this comment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(long accountId, NotificationKind kind, long commentId) {
        return Notification.count("accountId = ?1 and kind = ?2 and commentId = ?3", accountId, kind, commentId) > 0;
    }

    /** The number of unread notifications of an account. */
    public long unread(long accountId) {
        return Notification.unread(accountId);
    }

    /** The newest notifications of an account, before {@code before} (exclusive) when given, as sentences. */
    public List<NotificationView> list(long accountId, Long before, int limit, Locale locale) {
        return Notification.page(accountId, before, limit).stream().map(n -> texts.view(n, locale)).toList();
    }

    /** The highest seq an account's notifications have reached (0 before the first). */
    public long latestSeq(long accountId) {
        return ((Number) em.createNativeQuery("SELECT last_notification_seq FROM accounts WHERE id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /** Marks one notification read and returns where it leads; 404 when the account has no such notification. */
    @Transactional
    public String open(long accountId, long seq) {
        Notification n = Notification.bySeq(accountId, seq);
        if (n == null) {
            throw ProblemException.notFound(
                    Text.of(NotificationMessages.class, NotificationMessages::problem_not_found));
        }
        if (n.readAt == null) {
            n.readAt = now();
            em.flush();
            read.fire(new NotificationsRead(accountId, Notification.unread(accountId)));
        }
        return NotificationTexts.url(n);
    }

    /**
     * Marks read the account's notifications up to {@code upTo} (inclusive), or those in {@code seqs}, or all when
     * both are null; returns the unread count left.
     */
    @Transactional
    public long markRead(long accountId, Long upTo, Collection<Long> seqs) {
        String only = upTo != null ? " and seq <= :upTo" : seqs != null ? " and seq in :seqs" : "";
        if (seqs == null || !seqs.isEmpty()) {
            var update = em.createQuery("update Notification set readAt = :now where accountId = :account"
                    + " and readAt is null" + only).setParameter("now", now()).setParameter("account", accountId);
            if (upTo != null) {
                update.setParameter("upTo", upTo);
            } else if (seqs != null) {
                update.setParameter("seqs", seqs);
            }
            update.executeUpdate();
        }
        long unread = Notification.unread(accountId);
        read.fire(new NotificationsRead(accountId, unread));
        return unread;
    }

    private void fillRefs(Notification n, About about) {
        n.topicId = about.topicId();
        n.commentId = about.commentId();
        n.demandId = about.demandId();
        if (n.commentId != null) {
            Comment c = Comment.findById(n.commentId);
            if (c != null) {
                n.topicId = c.topic.id;
                n.discussionId = c.topic.discussion.id;
            }
        } else if (n.demandId != null) {
            Demand d = Demand.findById(n.demandId);
            if (d != null) {
                n.discussionId = d.discussion.id;
                if (n.topicId == null && !d.topics.isEmpty()) {
                    n.topicId = d.topics.iterator().next().id;
                }
            }
        }
        if (n.discussionId == null && n.topicId != null) {
            Topic t = Topic.findById(n.topicId);
            n.discussionId = t == null ? null : t.discussion.id;
        }
    }

    /** The next number of the account's own sequence; the update locks the account row until commit. */
    private long nextSeq(long accountId) {
        em.createNativeQuery("UPDATE accounts SET last_notification_seq = last_notification_seq + 1 WHERE id = ?1")
                .setParameter(1, accountId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_notification_seq FROM accounts WHERE id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    private static String clip(String text) {
        String t = text.strip();
        return t.length() <= MAX_SUMMARY ? t : t.substring(0, MAX_SUMMARY - 1) + "…";
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
