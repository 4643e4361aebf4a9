package org.thesenforum.discussion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** A discussion paper turned into a forum: its introduction, topics and guiding questions. */
@Entity
@Table(name = "discussions")
public class Discussion extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String slug;
    @Column(nullable = false)
    public String title;
    public String subtitle;
    @Column(name = "paper_date")
    public LocalDate paperDate;
    public String introduction;
    public String invitation;
    @Column(name = "theses_heading")
    public String thesesHeading;
    @Column(name = "approaches_heading")
    public String approachesHeading;
    @Column(name = "approaches_introduction")
    public String approachesIntroduction;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When moderators closed the discussion to new posts (a read-only archive), or null while it is open. */
    @Column(name = "archived_at")
    public Instant archivedAt;
    /** Seq of the newest journal entry; written only by the journal. */
    @Column(name = "last_event_seq", insertable = false, updatable = false)
    public long lastEventSeq;

    public boolean isArchived() {
        return archivedAt != null;
    }

    /**
     * Refuses a contribution to an archived discussion with 409: after the event it can be read, not written to,
     * until a moderator reopens it.
     */
    public void refuseIfArchived() {
        if (isArchived()) {
            throw ProblemException.conflict(null,
                    Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_archived));
        }
    }

    public static Optional<Discussion> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Discussion> listNewestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
