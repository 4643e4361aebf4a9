package org.thesenforum.search;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.search.SearchDocument.Kind;

/**
 * Reads what the index holds from the database, never from a journal entry's rendered payload: a topic, a comment
 * that is neither hidden nor deleted, a demand, each as plain text (Markdown stripped, so snippets show words, not
 * markup). Callers run it inside a transaction.
 */
@ApplicationScoped
class SearchSources {

    private final Parser markdown = Parser.builder().build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    /** The document for an entity, or empty when it is gone or must not be found (hidden, deleted). */
    Optional<SearchDocument> read(Kind kind, long id) {
        return switch (kind) {
            case TOPIC -> Optional.ofNullable(Topic.<Topic>findById(id)).map(this::topic);
            case COMMENT -> Optional.ofNullable(Comment.<Comment>findById(id)).filter(SearchSources::visible)
                    .map(this::comment);
            case DEMAND -> Optional.ofNullable(Demand.<Demand>findById(id)).map(this::demand);
        };
    }

    /** Every document of a discussion. */
    List<SearchDocument> all(Discussion discussion) {
        List<SearchDocument> docs = new ArrayList<>();
        for (Topic t : Topic.listByDiscussion(discussion)) {
            docs.add(topic(t));
        }
        List<Comment> comments = Comment.list("from Comment c join fetch c.topic t left join fetch c.question "
                + "where t.discussion = ?1 and c.deletedAt is null and c.hidden = false", discussion);
        for (Comment c : comments) {
            docs.add(comment(c));
        }
        List<Demand> demands = Demand.list("from Demand d left join fetch d.topics where d.discussion = ?1",
                discussion);
        for (Demand d : demands.stream().distinct().toList()) {
            docs.add(demand(d));
        }
        return docs;
    }

    /** The discussion's creation time as a number: a database made anew gives its discussions other ones. */
    static long stamp(Discussion discussion) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, discussion.createdAt);
    }

    static boolean visible(Comment c) {
        return !c.isDeleted() && !c.hidden;
    }

    private SearchDocument topic(Topic t) {
        return new SearchDocument(Kind.TOPIC, t.id, t.discussion.id, List.of(t.id), null, null, null, t.title,
                text(t.body));
    }

    private SearchDocument comment(Comment c) {
        return new SearchDocument(Kind.COMMENT, c.id, c.topic.discussion.id, List.of(c.topic.id),
                c.author == null ? null : c.author.id, c.question == null ? null : c.question.id, c.createdAt, "", text(c.body));
    }

    private SearchDocument demand(Demand d) {
        String text = text(d.body) + (d.rationale == null ? "" : "\n\n" + d.rationale);
        return new SearchDocument(Kind.DEMAND, d.id, d.discussion.id, d.topics.stream().map(t -> t.id).toList(),
                d.author == null ? null : d.author.id, null, d.createdAt, d.title, text);
    }

    private String text(String md) {
        return md == null ? "" : plain.render(markdown.parse(md)).strip();
    }
}
