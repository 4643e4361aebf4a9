package org.thesenforum.comment;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.thesenforum.account.Account;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;

/** A comment on a topic, or a reply to another comment (parent), in Markdown. */
@Entity
@Table(name = "comments")
public class Comment extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id")
    public Topic topic;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Comment parent;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    public GuidingQuestion question;
    @Column(nullable = false)
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(nullable = false)
    public boolean hidden;
    @Column(name = "hidden_reason")
    public String hiddenReason;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hidden_by")
    public Account hiddenBy;
    @Column(name = "hidden_at")
    public Instant hiddenAt;

    /** The whole thread of a topic in creation order, authors fetched in the same query. */
    public static List<Comment> listByTopic(Topic topic) {
        return find("from Comment c join fetch c.author left join fetch c.question where c.topic = ?1 "
                + "order by c.createdAt, c.id", topic).list();
    }

    /** How many comments this one answers up the thread: 0 for a comment on the topic itself. */
    public int ancestorCount() {
        int count = 0;
        for (Comment p = parent; p != null; p = p.parent) {
            count++;
        }
        return count;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
