package org.thesenforum.notification;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One notification of one person, numbered by {@code seq} within that person's notifications. */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntity {

    @Column(name = "account_id", nullable = false)
    public long accountId;
    @Column(nullable = false)
    public long seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;
    @Column(name = "discussion_id")
    public Long discussionId;
    @Column(name = "topic_id")
    public Long topicId;
    @Column(name = "comment_id")
    public Long commentId;
    @Column(name = "demand_id")
    public Long demandId;
    @Column(name = "actor_id")
    public Long actorId;
    public String summary;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
    @Column(name = "emailed_at")
    public Instant emailedAt;

    /** The newest notifications of an account before {@code before} (exclusive; null for the newest). */
    static List<Notification> page(long accountId, Long before, int limit) {
        return before == null
                ? find("accountId = ?1 order by seq desc", accountId).page(0, limit).list()
                : find("accountId = ?1 and seq < ?2 order by seq desc", accountId, before).page(0, limit).list();
    }

    static Notification bySeq(long accountId, long seq) {
        return find("accountId = ?1 and seq = ?2", accountId, seq).firstResult();
    }

    static long unread(long accountId) {
        return count("accountId = ?1 and readAt is null", accountId);
    }

    boolean isRead() {
        return readAt != null;
    }
}
