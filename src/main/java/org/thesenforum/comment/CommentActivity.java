package org.thesenforum.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.TopicActivity;

/**
 * The discussion pages' activity figures: visible comments (neither hidden nor deleted) and the newest one. They are
 * kept in the columns {@code comment_count} and {@code last_comment_at} of {@code topics}, which this class owns:
 * every change that makes a comment visible or invisible updates them in its own transaction with atomic
 * {@code UPDATE}s of the topic's row (one for a post or unhide, two for a hide or delete), so reading them never
 * counts a thread and two parallel posts are both counted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CommentActivity implements TopicActivity {

    private final EntityManager em;

    CommentActivity(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<Long, Activity> byTopic(long discussionId) {
        List<Object[]> rows = em.createQuery("select t.id, t.commentCount, t.lastCommentAt from Topic t "
                + "where t.discussion.id = :d and t.commentCount > 0", Object[].class)
                .setParameter("d", discussionId).getResultList();
        Map<Long, Activity> result = new HashMap<>();
        rows.forEach(r -> result.put((Long) r[0], new Activity((Long) r[1], (Instant) r[2])));
        return result;
    }

    @Override
    public Activity of(long topicId) {
        // A query rather than the entity: the counters change by bulk updates, which a loaded Topic does not see.
        List<Object[]> rows = em.createQuery("select t.commentCount, t.lastCommentAt from Topic t where t.id = :t",
                Object[].class).setParameter("t", topicId).getResultList();
        return rows.isEmpty() ? Activity.NONE : new Activity((Long) rows.get(0)[0], (Instant) rows.get(0)[1]);
    }

    /** A comment became visible (posted, or shown again): one more, and it may be the newest. */
    @Transactional(Transactional.TxType.MANDATORY)
    void shown(Comment comment) {
        em.createNativeQuery("UPDATE topics SET comment_count = comment_count + 1, last_comment_at = CASE "
                + "WHEN last_comment_at IS NULL OR last_comment_at < ?2 THEN ?2 ELSE last_comment_at END WHERE id = ?1")
                .setParameter(1, comment.topic.id).setParameter(2, comment.createdAt).executeUpdate();
    }

    /**
     * A visible comment became invisible (hidden or deleted): one fewer, and when it was the newest, the newest
     * visible one before it is looked up (one step down the index on topic and time). Two statements: the first
     * lowers the count and so takes the topic row's lock; the second looks up the newest visible comment only then,
     * with a snapshot of its own (PostgreSQL's READ COMMITTED takes one per statement), so it sees every withdrawal
     * that held the lock before. In one statement the lookup would keep the snapshot from before its wait for the
     * lock: two parallel withdrawals of the two newest comments could leave {@code last_comment_at} at the hidden
     * one. A newer comment committed meanwhile keeps its time (the time is only replaced when it is this comment's or
     * older). The caller holds the comment's row lock ({@link CommentService}), so each comment is withdrawn once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawn(Comment comment) {
        // The native statement flushes the session first, so the lookup no longer sees this comment as visible.
        em.createNativeQuery("UPDATE topics SET comment_count = comment_count - 1 WHERE id = ?1")
                .setParameter(1, comment.topic.id).executeUpdate();
        em.createNativeQuery("UPDATE topics SET last_comment_at = (SELECT MAX(c.created_at) FROM comments c "
                + "WHERE c.topic_id = ?1 AND c.deleted_at IS NULL AND c.hidden = FALSE) "
                + "WHERE id = ?1 AND (last_comment_at IS NULL OR last_comment_at <= ?2)")
                .setParameter(1, comment.topic.id).setParameter(2, comment.createdAt).executeUpdate();
    }
}
