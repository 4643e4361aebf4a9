package org.thesenforum.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.TopicActivity;

/** The discussion pages' activity figures: visible comments (neither hidden nor deleted) and the newest one. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CommentActivity implements TopicActivity {

    private final EntityManager em;

    CommentActivity(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<Long, Activity> byTopic(long discussionId) {
        List<Object[]> rows = em.createQuery("select c.topic.id, count(c), max(c.createdAt) from Comment c "
                + "where c.topic.discussion.id = :d and c.deletedAt is null and c.hidden = false group by c.topic.id",
                Object[].class).setParameter("d", discussionId).getResultList();
        Map<Long, Activity> result = new HashMap<>();
        rows.forEach(r -> result.put((Long) r[0], new Activity((Long) r[1], (Instant) r[2])));
        return result;
    }

    @Override
    public Activity of(long topicId) {
        Object[] row = em.createQuery("select count(c), max(c.createdAt) from Comment c "
                + "where c.topic.id = :t and c.deletedAt is null and c.hidden = false", Object[].class)
                .setParameter("t", topicId).getSingleResult();
        return new Activity((Long) row[0], (Instant) row[1]);
    }
}
