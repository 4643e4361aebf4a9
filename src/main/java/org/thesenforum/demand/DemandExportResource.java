package org.thesenforum.demand;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;

/** The demands paper of a discussion for download: Markdown, print-ready HTML, PDF or CSV. */
@Path("/api")
@Tag(name = "Demands")
public class DemandExportResource {

    /** Media type and file extension of each format. */
    private static final Map<String, String> TYPES = Map.of("md", "text/markdown; charset=UTF-8",
            "html", "text/html; charset=UTF-8", "pdf", "application/pdf", "csv", "text/csv; charset=UTF-8");

    private final DemandPapers papers;
    private final DemandExport export;
    private final ReaderLanguage language;

    DemandExportResource(DemandPapers papers, DemandExport export, ReaderLanguage language) {
        this.papers = papers;
        this.export = export;
        this.language = language;
    }

    @GET
    @Path("/discussions/{slug}/demands/export")
    @Operation(summary = "The demands paper: joint demands in rank order, then the other proposals; "
            + "format md, html, pdf or csv (UTF-8 with BOM, semicolons); texts in the reader's language")
    public Response export(@RestPath String slug, @RestQuery String format) {
        String type = format == null ? null : TYPES.get(format);
        if (type == null) {
            throw ProblemException.invalid("format", Text.of(DemandMessages.class, DemandMessages::problem_export_format));
        }
        Locale locale = language.locale();
        DemandPaper paper = papers.paper(slug, locale);
        Object body = switch (format) {
            case "md" -> export.markdown(paper, locale).getBytes(StandardCharsets.UTF_8);
            case "html" -> export.html(paper, locale).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> export.pdf(paper, locale);
            default -> export.csv(paper, locale).getBytes(StandardCharsets.UTF_8);
        };
        String disposition = "html".equals(format) ? "inline" : "attachment";
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"forderungen-" + slug + "." + format
                        + "\"").build();
    }
}
