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
    /** {@link #body} as rendered by {@link org.thesenforum.web.MarkdownRenderer} at write time, for every reader. */
    @Column(name = "body_html")
    public String bodyHtml;
    /** The {@link org.thesenforum.web.MarkdownRenderer#VERSION} that rendered {@link #bodyHtml}; 0 when not yet. */
    @Column(name = "body_html_version", nullable = false)
    public int bodyHtmlVersion;
    /** The top-level comment this one belongs to (its own id for a top-level comment): a thread's key for paging. */
    @Column(name = "root_id")
    public Long rootId;
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

    /**
     * The ids of up to {@code limit} top-level comments of a topic in creation order, after the one with
     * {@code after} (from the start when null); with a question, only those whose thread holds a comment on it.
     */
    public static List<Long> rootIds(Topic topic, Long questionId, Comment after, int limit) {
        StringBuilder jpql = new StringBuilder("select c.id from Comment c where c.topic = :topic and c.parent is null");
        if (after != null) {
            jpql.append(" and (c.createdAt > :at or (c.createdAt = :at and c.id > :id))");
        }
        if (questionId != null) {
            jpql.append(" and exists (select 1 from Comment d where d.rootId = c.id and d.question.id = :question)");
        }
        jpql.append(" order by c.createdAt, c.id");
        var query = getEntityManager().createQuery(jpql.toString(), Long.class).setParameter("topic", topic)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("at", after.createdAt).setParameter("id", after.id);
        }
        if (questionId != null) {
            query.setParameter("question", questionId);
        }
        return query.getResultList();
    }

    /** How many top-level comments of the topic come before this top-level one (with a question: see rootIds). */
    public static long rootsBefore(Topic topic, Long questionId, Comment root) {
        String jpql = "select count(c) from Comment c where c.topic = :topic and c.parent is null"
                + " and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))"
                + (questionId == null ? ""
                        : " and exists (select 1 from Comment d where d.rootId = c.id and d.question.id = :question)");
        var query = getEntityManager().createQuery(jpql, Long.class).setParameter("topic", topic)
                .setParameter("at", root.createdAt).setParameter("id", root.id);
        if (questionId != null) {
            query.setParameter("question", questionId);
        }
        return query.getSingleResult();
    }

    /** The top-level comment at this place (0 first) of the topic's order, or null (with a question: see rootIds). */
    public static Comment rootAt(Topic topic, Long questionId, long index) {
        String jpql = "select c from Comment c where c.topic = :topic and c.parent is null"
                + (questionId == null ? ""
                        : " and exists (select 1 from Comment d where d.rootId = c.id and d.question.id = :question)")
                + " order by c.createdAt, c.id";
        var query = getEntityManager().createQuery(jpql, Comment.class).setParameter("topic", topic)
                .setFirstResult((int) Math.min(index, Integer.MAX_VALUE)).setMaxResults(1);
        if (questionId != null) {
            query.setParameter("question", questionId);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    /** The threads of these top-level comments in creation order, authors and questions fetched in the same query. */
    public static List<Comment> listByRoots(List<Long> rootIds) {
        return find("from Comment c join fetch c.author left join fetch c.question where c.rootId in ?1 "
                + "order by c.createdAt, c.id", rootIds).list();
    }

    /** The top-level comment above this one (itself when it is one). */
    public Comment root() {
        Comment c = this;
        while (c.parent != null) {
            c = c.parent;
        }
        return c;
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
