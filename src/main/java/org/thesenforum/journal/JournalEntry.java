package org.thesenforum.journal;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One change in a discussion's journal, with its payload rendered once for readers and, where it differs, once for
 * moderators, and where its page fragment goes.
 */
@Entity
@Table(name = "journal_entries")
public class JournalEntry extends PanacheEntity {

    @Column(name = "discussion_id", nullable = false)
    public long discussionId;
    @Column(nullable = false)
    public long seq;
    /** What happened, as {@code <kind>.<verb>}, e.g. {@code comment.created}. */
    @Column(nullable = false)
    public String type;
    @Column(name = "topic_id")
    public Long topicId;
    /** The kind of entity the entry is about ({@code comment}, {@code topic}, …); redaction goes by it. */
    @Column(name = "entity_kind")
    public String entityKind;
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
    /** Id of the page element the fragment goes to; null in older entries and in entries without a fragment. */
    public String target;
    /** How the fragment goes there: {@code replace}, {@code append}, {@code prepend} or {@code remove}. */
    public String swap;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
