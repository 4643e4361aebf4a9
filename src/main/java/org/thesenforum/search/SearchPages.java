package org.thesenforum.search;

import java.util.List;
import java.util.function.Predicate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.search.SearchService.Found;
import org.thesenforum.search.SearchService.SearchQuery;
import org.thesenforum.search.SearchViews.AuthorOption;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * The result page {@code /discussions/{slug}/suche?q=…}, a plain GET form that works without JavaScript; filters
 * {@code thema}, {@code frage} and {@code autor}, page {@code seite}. Filter values that name nothing of the
 * discussion are ignored, as on the other pages; words that cannot be searched are refused in the form (400). The
 * JSON API documents the search; this page stays out of it.
 */
@Path("/discussions/{slug}/suche")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    private final SearchService search;
    private final DiscussionService discussions;
    private final ReaderLanguage language;

    SearchPages(SearchService search, DiscussionService discussions, ReaderLanguage language) {
        this.search = search;
        this.discussions = discussions;
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchPage page);
    }

    @GET
    @Operation(hidden = true)
    public Response page(@RestPath String slug, @RestQuery String q, @RestQuery String thema,
            @RestQuery String frage, @RestQuery String autor, @RestQuery String seite) {
        DiscussionView discussion = discussions.discussion(slug);
        List<AuthorOption> authors = search.authors(slug);
        Long topicId = known(Inputs.number(thema), id -> discussion.topics().stream().anyMatch(t -> t.id() == id));
        Long questionId = known(Inputs.number(frage),
                id -> discussion.guidingQuestions().stream().anyMatch(g -> g.id() == id));
        Long authorId = known(Inputs.number(autor), id -> authors.stream().anyMatch(a -> a.id() == id));
        Long pageNumber = Inputs.number(seite);
        int page = pageNumber == null || pageNumber < 1 || pageNumber > SearchService.MAX_PAGE ? 1
                : pageNumber.intValue();
        String error = null;
        Found found = null;
        int status = 200;
        if (q != null && !q.isBlank()) {
            try {
                found = search.search(slug, new SearchQuery(SearchService.checkWords(q), topicId, authorId,
                        questionId, page));
            } catch (ProblemException e) {
                if (!"q".equals(e.field())) {
                    throw e;
                }
                error = e.message(language.locale());
                status = e.status();
            }
        }
        SearchPage view = new SearchPage(slug, discussion.title(), q == null ? "" : q, error, discussion.topics(),
                discussion.guidingQuestions(), authors, topicId, questionId, authorId, found);
        return Response.status(status).entity(Templates.search(view)).build();
    }

    private static Long known(Long id, Predicate<Long> exists) {
        return id != null && exists.test(id) ? id : null;
    }
}
