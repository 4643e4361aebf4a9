package org.thesenforum.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.UnreadCounts;

/**
 * "Neu seit Ihrem letzten Besuch": remembers per signed-in account and topic when the reader last opened the topic's
 * page, and counts the visible comments of others that came after. A topic the reader never opened has no marker, so
 * nothing in it counts as new: on the first visit of a topic (and of the forum) nothing is marked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadMarkers implements UnreadCounts {

    private final EntityManager em;

    ReadMarkers(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that the account opens the topic now and returns when it last did before (null the first time). One
     * update, or an insert when there is no marker yet; when two requests of the same person insert at once, the
     * unique key refuses the second, which then updates the row the first one wrote.
     */
    public Instant visit(long accountId, long topicId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant previous = QuarkusTransaction.requiringNew().call(() -> {
            List<Instant> before = em.createQuery("select r.readAt from TopicRead r "
                    + "where r.accountId = :a and r.topicId = :t", Instant.class)
                    .setParameter("a", accountId).setParameter("t", topicId).getResultList();
            if (before.isEmpty()) {
                return null;
            }
            update(accountId, topicId, now);
            return before.get(0);
        });
        if (previous != null) {
            return previous;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                TopicRead read = new TopicRead();
                read.accountId = accountId;
                read.topicId = topicId;
                read.readAt = now;
                read.persist();
            });
        } catch (RuntimeException raced) {
            // The unique key refused the insert (it surfaces at the commit, wrapped): the other request's row exists.
            long updated = QuarkusTransaction.requiringNew().call(() -> {
                update(accountId, topicId, now);
                return TopicRead.count("accountId = ?1 and topicId = ?2", accountId, topicId);
            });
            if (updated == 0) {
                throw raced;
            }
        }
        return null;
    }

    private void update(long accountId, long topicId, Instant now) {
        // Never move a marker back: a slower request of the same person may finish after a later one.
        em.createQuery("update TopicRead r set r.readAt = :now where r.accountId = :a and r.topicId = :t "
                + "and r.readAt < :now").setParameter("now", now).setParameter("a", accountId)
                .setParameter("t", topicId).executeUpdate();
    }

    /** How many comments of a topic are new to the reader, and the first of them in creation order. */
    record Unread(long count, long firstId) {
    }

    /** The comments of the topic new to the reader since {@code lastVisit} (see {@link #unread}), or null for none. */
    Unread unreadIn(long topicId, long readerId, Instant lastVisit) {
        String where = "from Comment c where c.topic.id = :t and c.createdAt > :since and c.author.id <> :a "
                + "and c.deletedAt is null and c.hidden = false";
        long count = em.createQuery("select count(c) " + where, Long.class).setParameter("t", topicId)
                .setParameter("since", lastVisit).setParameter("a", readerId).getSingleResult();
        if (count == 0) {
            return null;
        }
        Long first = em.createQuery("select c.id " + where + " order by c.createdAt, c.id", Long.class)
                .setParameter("t", topicId).setParameter("since", lastVisit).setParameter("a", readerId)
                .setMaxResults(1).getSingleResult();
        return new Unread(count, first);
    }

    /** Whether a comment counts as new to the reader: visible, by someone else, and later than the last visit. */
    static boolean unread(CommentView c, long readerId, Instant lastVisit) {
        return lastVisit != null && !c.deleted() && !c.hidden() && c.author().id() != readerId
                && c.createdAt().isAfter(lastVisit);
    }

    @Override
    public Map<Long, Long> byTopic(long discussionId, long accountId) {
        List<Object[]> rows = em.createQuery("select c.topic.id, count(c) from Comment c, TopicRead r "
                + "where r.accountId = :a and r.topicId = c.topic.id and c.topic.discussion.id = :d "
                + "and c.createdAt > r.readAt and c.author.id <> :a and c.deletedAt is null and c.hidden = false "
                + "group by c.topic.id", Object[].class)
                .setParameter("a", accountId).setParameter("d", discussionId).getResultList();
        Map<Long, Long> result = new HashMap<>();
        rows.forEach(r -> result.put((Long) r[0], (Long) r[1]));
        return result;
    }
}
