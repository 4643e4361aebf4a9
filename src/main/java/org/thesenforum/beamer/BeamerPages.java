package org.thesenforum.beamer;

import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * The projector view {@code /discussions/{slug}/beamer} and the fragments of it that its script fetches after a
 * live frame ({@code /discussions/{slug}/beamer/punkt}, {@code …/kommentare}, {@code …/forderungen}): one template
 * for both.
 */
@Path("/discussions/{slug}/beamer")
@Produces(MediaType.TEXT_HTML)
public class BeamerPages {

    /** How long a browser may keep the QR code: it changes only with the slug or the forum's public address. */
    static final int QR_MAX_AGE_SECONDS = 86_400;

    private final BeamerBoard board;
    private final ForumConfig config;

    BeamerPages(BeamerBoard board, ForumConfig config) {
        this.board = board;
        this.config = config;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance beamer(BeamerView view);

        static native TemplateInstance beamer$agenda(BeamerView view);

        static native TemplateInstance beamer$comments(BeamerView view);

        static native TemplateInstance beamer$demands(BeamerView view);
    }

    @GET
    public TemplateInstance page(@RestPath String slug) {
        return Templates.beamer(board.view(slug));
    }

    /** One part of the view, as the page shows it, for the page's script to swap in. */
    @GET
    @Path("{part}")
    public TemplateInstance part(@RestPath String slug, @RestPath String part) {
        return switch (part) {
            case "punkt" -> Templates.beamer$agenda(board.view(slug, Set.of(BeamerBoard.Part.AGENDA)));
            case "kommentare" -> Templates.beamer$comments(board.view(slug, Set.of(BeamerBoard.Part.COMMENTS)));
            case "forderungen" -> Templates.beamer$demands(board.view(slug, Set.of(BeamerBoard.Part.DEMANDS)));
            default -> throw ProblemException.notFound(Text.of(BeamerMessages.class,
                    BeamerMessages::problem_part_not_found));
        };
    }

    /**
     * The QR code that leads a phone to the discussion's join page, as SVG. It is cacheable (shared caches only when
     * everybody may read) and answers a matching {@code If-None-Match} with 304.
     */
    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public Response qr(@RestPath String slug, @Context Request request) {
        board.requireDiscussion(slug);
        String url = board.joinUrl(slug);
        String svg = QrSvg.svg(url, url);
        EntityTag tag = new EntityTag(Integer.toHexString(svg.hashCode()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(QR_MAX_AGE_SECONDS);
        cache.setPrivate(config.readAccess() == ForumConfig.ReadAccess.MEMBERS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(svg);
        return response.tag(tag).cacheControl(cache).build();
    }
}
