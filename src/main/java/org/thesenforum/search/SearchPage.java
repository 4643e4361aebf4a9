package org.thesenforum.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.search.SearchService.Found;
import org.thesenforum.search.SearchViews.AuthorOption;
import org.thesenforum.search.SearchViews.Segment;

/**
 * What the result page shows: the form with its filters as chosen, the refusal of the words typed (or null), and
 * the hits (null until something was searched).
 */
public record SearchPage(String slug, String discussionTitle, String q, String error, List<TopicSummary> topics,
        List<QuestionView> questions, List<AuthorOption> authors, Long topicId, Long questionId, Long authorId,
        Found found) {

    /** A hit with its snippet cut into escaped-by-the-template pieces. */
    public record Row(SearchViews.ShownHit shown, List<Segment> snippet) {
    }

    public List<Row> rows() {
        return found == null ? List.of()
                : found.hits().stream().map(h -> new Row(h, SnippetFormatter.segments(h.hit().snippet()))).toList();
    }

    public boolean hasPrevious() {
        return found != null && found.page() > 1;
    }

    public boolean hasNext() {
        return found != null && found.page() < found.pages();
    }

    public String previousUrl() {
        return url(found.page() - 1);
    }

    public String nextUrl() {
        return url(found.page() + 1);
    }

    /** The address of another page of the same search. */
    public String url(int page) {
        StringBuilder url = new StringBuilder("/discussions/").append(slug).append("/suche?q=")
                .append(URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8));
        if (topicId != null) {
            url.append("&thema=").append(topicId);
        }
        if (questionId != null) {
            url.append("&frage=").append(questionId);
        }
        if (authorId != null) {
            url.append("&autor=").append(authorId);
        }
        return url.append("&seite=").append(page).toString();
    }
}
