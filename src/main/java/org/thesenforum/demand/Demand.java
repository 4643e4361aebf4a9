package org.thesenforum.demand;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.account.Account;
import org.thesenforum.comment.Comment;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;

/**
 * A demand (Forderung) of a discussion, linked to one or more of its topics. Its wording changes only by a new
 * {@link DemandVersion}; the current one is copied here ({@code wording}, {@code title}, {@code body},
 * {@code rationale}) for lists and exports.
 */
@Entity
@Table(name = "demands")
public class Demand extends PanacheEntity {

    /** What became of a proposal. */
    public enum Status { PROPOSED, PINNED, MERGED, REJECTED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "origin_comment_id")
    public Comment originComment;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "demand_topics", joinColumns = @JoinColumn(name = "demand_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new LinkedHashSet<>();
    /** The number of the current wording, from 1. */
    @Column(nullable = false)
    public int wording;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    public String rationale;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    /** Place among the joint demands, from 1; null unless pinned. */
    @Column(name = "pin_rank")
    public Integer pinRank;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    public Demand mergedInto;
    @Column(name = "rejected_reason")
    public String rejectedReason;
    @Column(name = "voting_closed_at")
    public Instant votingClosedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The demands of a discussion: the pinned ones in rank order first, then the others, newest first. */
    public static List<Demand> listByDiscussion(Discussion discussion) {
        return list("discussion = ?1 order by case when pinRank is null then 1 else 0 end, pinRank, createdAt desc, id desc",
                discussion);
    }

    /** The joint demands of a discussion in rank order. */
    public static List<Demand> listPinned(Discussion discussion) {
        return list("discussion = ?1 and status = ?2 order by pinRank", discussion, Status.PINNED);
    }

    /** The demands that grew out of a comment. */
    public static List<Demand> listByOrigin(Comment comment) {
        return list("originComment = ?1 order by createdAt", comment);
    }

    /** Merged or rejected: no more wordings, supports, positions or pins. */
    public boolean isFinished() {
        return status == Status.MERGED || status == Status.REJECTED;
    }
}
