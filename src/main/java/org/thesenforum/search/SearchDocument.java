package org.thesenforum.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the index keeps of one topic, comment or demand: ids for filters and links, and the plain text that is
 * searched and cut into snippets ({@code title} for topics and demands, {@code text} for every kind).
 */
record SearchDocument(Kind kind, long id, long discussionId, List<Long> topicIds, Long authorId, Long questionId,
        Instant createdAt, String title, String text) {

    /** What a hit is; the name is the API's {@code kind}. */
    enum Kind {
        TOPIC, COMMENT, DEMAND;

        /** The journal's entity kind ({@code comment}, …). */
        String entityKind() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SearchDocument {
        topicIds = List.copyOf(topicIds);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }

    /** The key of a document in the index, {@code comment:12}. */
    static String key(Kind kind, long id) {
        return kind.entityKind() + ":" + id;
    }

    String key() {
        return key(kind, id);
    }
}
