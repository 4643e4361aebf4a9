package org.thesenforum.meeting;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.discussion.Discussion;

/** The live meeting of a discussion: when it started and ended, and the agenda item now being discussed. */
@Entity
@Table(name = "meetings")
public class Meeting extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** The agenda item now being discussed ("jetzt im Gespräch"), or null. */
    @Column(name = "focus_item_id")
    public Long focusItemId;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Meeting> findByDiscussion(long discussionId) {
        return find("discussion.id", discussionId).firstResultOptional();
    }

    /** Started and not ended. */
    public boolean isRunning() {
        return startedAt != null && endedAt == null;
    }
}
