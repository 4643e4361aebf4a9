package org.thesenforum.moderation;

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

import org.thesenforum.account.Account;

/**
 * An entry in the moderators' queue: someone reported a comment or a demand ({@link Kind#REPORT}), or the author of a
 * hidden comment asks for a review ({@link Kind#REVIEW}). Open until a moderator decides; the outcome stays.
 */
@Entity
@Table(name = "reports")
public class Report extends PanacheEntity {

    /** Why the entry is in the queue. */
    public enum Kind { REPORT, REVIEW }

    /** What it is about. */
    public enum Target { COMMENT, DEMAND }

    /** Open, or decided with an {@link Outcome}. */
    public enum Status { OPEN, DECIDED }

    /** What the moderators decided. */
    public enum Outcome { HIDDEN, DISMISSED, UNHIDDEN, KEPT_HIDDEN }

    @Column(name = "discussion_id", nullable = false)
    public long discussionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    public Target target;
    @Column(name = "target_id", nullable = false)
    public long targetId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reporter_id")
    public Account reporter;
    @Column(nullable = false)
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public Account decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The open entries of this kind about one comment or demand. */
    static List<Report> listOpen(Kind kind, Target target, long targetId) {
        return list("kind = ?1 and target = ?2 and targetId = ?3 and status = ?4", kind, target, targetId,
                Status.OPEN);
    }

    /** Whether this person has an open entry of this kind about the item. */
    static boolean openBy(Kind kind, Target target, long targetId, long reporterId) {
        return count("kind = ?1 and target = ?2 and targetId = ?3 and status = ?4 and reporter.id = ?5", kind,
                target, targetId, Status.OPEN, reporterId) > 0;
    }

    /** The open entries of a discussion (all discussions when null), newest first, reporters fetched. */
    static List<Report> listOpen(Long discussionId) {
        return discussionId == null
                ? find("from Report r join fetch r.reporter where r.status = ?1 order by r.createdAt desc, r.id desc",
                        Status.OPEN).list()
                : find("from Report r join fetch r.reporter where r.status = ?1 and r.discussionId = ?2 "
                        + "order by r.createdAt desc, r.id desc", Status.OPEN, discussionId).list();
    }
}
