package org.thesenforum.notification;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Whether a person follows a topic; a row with {@code followed} false keeps an automatic follow from returning. */
@Entity
@Table(name = "topic_follows")
public class TopicFollow extends PanacheEntity {

    @Column(name = "account_id", nullable = false)
    public long accountId;
    @Column(name = "topic_id", nullable = false)
    public long topicId;
    @Column(nullable = false)
    public boolean followed;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static TopicFollow of(long accountId, long topicId) {
        return find("accountId = ?1 and topicId = ?2", accountId, topicId).firstResult();
    }

    /** The accounts that follow a topic. */
    static List<Long> followers(long topicId) {
        return getEntityManager().createQuery(
                "select f.accountId from TopicFollow f where f.topicId = ?1 and f.followed = true order by f.id",
                Long.class).setParameter(1, topicId).getResultList();
    }
}
