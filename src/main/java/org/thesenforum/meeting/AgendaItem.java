package org.thesenforum.meeting;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One item of a meeting's agenda: a guiding question, a topic, a demand or a free item (a break), with its planned
 * start and duration and the times it actually started and ended.
 */
@Entity
@Table(name = "agenda_items")
public class AgendaItem extends PanacheEntity {

    /** What an item is about. */
    public enum Kind { QUESTION, TOPIC, DEMAND, FREE }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;
    @Column(nullable = false)
    public int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    /** The guiding question, topic or demand; null for {@link Kind#FREE}. */
    @Column(name = "ref_id")
    public Long refId;
    /** Required for FREE items; for the others an optional title shown instead of the referenced one's. */
    public String title;
    @Column(name = "planned_start", nullable = false)
    public Instant plannedStart;
    @Column(name = "planned_minutes", nullable = false)
    public int plannedMinutes;
    @Column(name = "actual_start")
    public Instant actualStart;
    @Column(name = "actual_end")
    public Instant actualEnd;

    public static List<AgendaItem> listByMeeting(Meeting meeting) {
        return list("meeting = ?1 order by position", meeting);
    }
}
