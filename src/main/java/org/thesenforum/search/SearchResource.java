package org.thesenforum.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.search.SearchService.Found;
import org.thesenforum.search.SearchService.SearchQuery;
import org.thesenforum.search.SearchViews.SearchResult;
import org.thesenforum.search.SearchViews.ShownHit;

/** Full-text search over a discussion's topics, comments and demands as JSON. */
@Path("/api/discussions/{slug}/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Topics, comments and demands whose text matches `q` (German word forms; \"quoted\" "
            + "words as a phrase), best first, 20 per page; optional filters topicId, authorId, questionId; "
            + "snippet is escaped HTML with <mark> around the hits; hidden and deleted comments are never found")
    public SearchResult search(@RestPath String slug, @RestQuery String q, @RestQuery String topicId,
            @RestQuery String authorId, @RestQuery String questionId, @RestQuery String page) {
        SearchQuery query = new SearchQuery(SearchService.checkWords(q), SearchService.id("topicId", topicId),
                SearchService.id("authorId", authorId), SearchService.id("questionId", questionId),
                SearchService.page("page", page));
        Found found = search.search(slug, query);
        return new SearchResult(found.hits().stream().map(ShownHit::hit).toList(), found.total(), found.page(),
                found.pageSize());
    }
}
