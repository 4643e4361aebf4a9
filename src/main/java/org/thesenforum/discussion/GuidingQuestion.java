package org.thesenforum.discussion;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One of the questions the invitation asks; comments may be tagged with it. */
@Entity
@Table(name = "guiding_questions")
public class GuidingQuestion extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "discussion_id")
    public Discussion discussion;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String text;

    public static List<GuidingQuestion> listByDiscussion(Discussion discussion) {
        return list("discussion = ?1 order by position", discussion);
    }
}
