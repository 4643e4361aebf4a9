package org.thesenforum.discussion;

import java.util.Objects;

/**
 * One thesis or approach of a parsed paper.
 *
 * @param kind   whether this is a thesis or an approach
 * @param number the 1-based position within its kind
 * @param title  a short title: the bold title of an approach, or the (possibly shortened) first sentence of a thesis
 * @param body   the full text as Markdown; paragraphs are separated by {@code "\n\n"}
 */
public record ParsedTopic(TopicKind kind, int number, String title, String body) {

    public ParsedTopic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
