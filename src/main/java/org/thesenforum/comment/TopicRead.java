package org.thesenforum.comment;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** When a signed-in account last opened a topic's page: what came after is new to them. */
@Entity
@Table(name = "topic_reads")
public class TopicRead extends PanacheEntity {

    @Column(name = "account_id", nullable = false)
    public long accountId;
    @Column(name = "topic_id", nullable = false)
    public long topicId;
    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
