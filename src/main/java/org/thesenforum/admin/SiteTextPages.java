package org.thesenforum.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.TemplateExtensions;

/**
 * The Impressum and the privacy statement ({@code /impressum}, {@code /datenschutz}), open to everyone, also when
 * reading is for members only (see {@link SiteOpenPaths}); admins write them in {@link SiteTextAdminPages}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SiteTextPages {

    /** Line breaks count, as in an address block; otherwise the comments' safe Markdown subset. */
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.forPaper();

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(SitePage page, String html, boolean written, String updated);
    }

    private final SiteTexts texts;

    SiteTextPages(SiteTexts texts) {
        this.texts = texts;
    }

    @GET
    @Path("impressum")
    public TemplateInstance impressum() {
        return show(SitePage.IMPRESSUM);
    }

    @GET
    @Path("datenschutz")
    public TemplateInstance datenschutz() {
        return show(SitePage.DATENSCHUTZ);
    }

    private TemplateInstance show(SitePage page) {
        return texts.text(page).map(t -> Templates.page(page, MARKDOWN.render(t.body), true,
                TemplateExtensions.shortDateTime(t.updatedAt))).orElseGet(() -> Templates.page(page, "", false, ""));
    }
}
