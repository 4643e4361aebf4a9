package org.thesenforum.protocol;

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

/** The workshop protocol of a discussion for download: Markdown, print-ready HTML or PDF. */
@Path("/api")
@Tag(name = "Protocol")
public class ProtocolResource {

    /** Media type of each format. */
    private static final Map<String, String> TYPES = Map.of("md", "text/markdown; charset=UTF-8",
            "html", "text/html; charset=UTF-8", "pdf", "application/pdf");

    private final Protocols protocols;
    private final ProtocolExport export;
    private final ReaderLanguage language;

    ProtocolResource(Protocols protocols, ProtocolExport export, ReaderLanguage language) {
        this.protocols = protocols;
        this.export = export;
        this.language = language;
    }

    @GET
    @Path("/discussions/{slug}/protocol")
    @Operation(summary = "The workshop protocol: the paper's topics with their visible threads, every demand with "
            + "its outcome and the joint demands in rank order; format md, html or pdf; texts in the reader's language")
    public Response protocol(@RestPath String slug, @RestQuery String format) {
        String type = format == null ? null : TYPES.get(format);
        if (type == null) {
            throw new ProblemException(400, "format",
                    Text.of(ProtocolMessages.class, ProtocolMessages::problem_format));
        }
        Locale locale = language.locale();
        Protocol protocol = protocols.protocol(slug, locale);
        byte[] body = switch (format) {
            case "md" -> export.markdown(protocol, locale).getBytes(StandardCharsets.UTF_8);
            case "html" -> export.html(protocol, locale).getBytes(StandardCharsets.UTF_8);
            default -> export.pdf(protocol, locale);
        };
        String disposition = "html".equals(format) ? "inline" : "attachment";
        return Response.ok(body, type).header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\""
                + fileName(protocol, format) + "\"").build();
    }

    /** {@code protokoll-ankommen-im-gemeinwesen-2016-06-16.pdf}: the slug is lower-case letters, digits and dashes. */
    static String fileName(Protocol protocol, String format) {
        return "protokoll-" + protocol.slug().replaceAll("[^a-z0-9-]", "-") + "-" + protocol.day() + "." + format;
    }
}
