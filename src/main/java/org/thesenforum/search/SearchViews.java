package org.thesenforum.search;

import java.time.Instant;
import java.util.List;

import org.thesenforum.discussion.TopicKind;
import org.thesenforum.search.SearchDocument.Kind;

/** Read models of the search: the API's answer and what the result page shows. */
public final class SearchViews {

    private SearchViews() {
    }

    /**
     * One hit as the API returns it: {@code title} is the topic's label and title for topics and comments, the
     * demand's title for demands; {@code snippet} is HTML, escaped, with the hits in {@code <mark>}; {@code author}
     * is null for a topic; {@code url} is the page that shows it.
     */
    public record SearchHit(Kind kind, long id, Long topicId, String title, String snippet, String author,
            Instant createdAt, String url) {
    }

    /** A page of hits and how many there are in all; {@code page} counts from 1. */
    public record SearchResult(List<SearchHit> hits, long total, int page, int pageSize) {
    }

    /** A hit with what the page needs to name its topic in the reader's language. */
    public record ShownHit(SearchHit hit, TopicKind topicKind, Integer topicNumber, String topicTitle) {

        /** For the template: {@code hit.kind} compared to a name, without an {@code is} method. */
        public boolean topic() {
            return hit.kind() == Kind.TOPIC;
        }

        public boolean comment() {
            return hit.kind() == Kind.COMMENT;
        }

        public boolean demand() {
            return hit.kind() == Kind.DEMAND;
        }
    }

    /** A piece of a snippet as plain text, marked or not, for templates that escape it themselves. */
    public record Segment(String text, boolean mark) {
    }

    /** A person who wrote in the discussion, for the author filter. */
    public record AuthorOption(long id, String name) {
    }
}
