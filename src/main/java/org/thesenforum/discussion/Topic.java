package org.thesenforum.discussion;

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

import org.thesenforum.web.Languages;
import org.thesenforum.web.Text;

/** One thesis or approach of a discussion paper, discussed in a comment thread. */
@Entity
@Table(name = "topics")
public class Topic extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TopicKind kind;
    @Column(nullable = false)
    public int number;
    /** Order on the overview: theses first, then approaches. */
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    @Column(nullable = false)
    public boolean locked;
    /**
     * Visible contributions (neither hidden nor deleted) and the time of the newest: kept up to date in the
     * transaction of every change by the feature that owns the contributions ({@link TopicActivity}), with atomic
     * updates of the row, so the entity only reads them and never writes them back.
     */
    @Column(name = "comment_count", insertable = false, updatable = false)
    public long commentCount;
    @Column(name = "last_comment_at", insertable = false, updatable = false)
    public Instant lastCommentAt;

    public static List<Topic> listByDiscussion(Discussion discussion) {
        return list("discussion = ?1 order by position", discussion);
    }

    /**
     * A label such as "These 3" or "Ansatz 1", from the same bundle text the pages use, in German: it is stored in
     * audit entries and sent in the API's data, which are the same for every reader. Pages use {@code disc:topic_label}
     * in the reader's language.
     */
    public String label() {
        return Text.of(DiscussionMessages.class, m -> m.topic_label(kind, number)).in(Languages.DEFAULT);
    }
}
