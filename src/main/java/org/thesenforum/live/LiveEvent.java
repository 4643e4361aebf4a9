package org.thesenforum.live;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One change in a discussion's append-only event log, with its payload rendered once for readers and, where it
 * differs, once for moderators.
 */
@Entity
@Table(name = "live_events")
public class LiveEvent extends PanacheEntity {

    @Column(name = "discussion_id", nullable = false)
    public long discussionId;
    @Column(nullable = false)
    public long seq;
    @Column(nullable = false)
    public String type;
    @Column(name = "topic_id")
    public Long topicId;
    /** The comment or topic the event is about. */
    @Column(name = "entity_id")
    public Long entityId;
    /** JSON of the entity as the REST API returns it to readers. */
    @Column(nullable = false)
    public String data;
    public String html;
    /** Set only where moderators see more (a hidden comment's text). */
    @Column(name = "moderator_data")
    public String moderatorData;
    @Column(name = "moderator_html")
    public String moderatorHtml;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
