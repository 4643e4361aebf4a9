package org.thesenforum.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/** HTML pages for admins to import a further discussion paper: upload or paste, preview, confirm. */
@Path("/admin/papers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("ADMIN")
public class PaperPages {

    private static final DateTimeFormatter PAPER_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance papers(String paper, PaperError error);

        static native TemplateInstance preview(ParsedPaper paper, String date, String markdown);
    }

    /** Why the form was refused: {@code field} is {@code paper} (the text) or {@code file} (the upload). */
    public record PaperError(String field, String message) {

        static final PaperError NONE = new PaperError(null, "");

        public boolean on(String name) {
            return name.equals(field);
        }
    }

    private final PaperImporter papers;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;

    PaperPages(PaperImporter papers, CurrentUser currentUser, ReaderLanguage reader) {
        this.papers = papers;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @GET
    public TemplateInstance form() {
        return Templates.papers("", PaperError.NONE);
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@RestForm String paper) {
        String markdown = Objects.requireNonNullElse(paper, "");
        try {
            ParsedPaper parsed = papers.preview(markdown);
            String date = parsed.paperDate() == null ? "" : PAPER_DATE.format(parsed.paperDate());
            return page(200, Templates.preview(parsed, date, markdown));
        } catch (ProblemException e) {
            return refused(e, markdown);
        }
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response previewUpload(@RestForm("file") FileUpload file) {
        Optional<String> markdown = readUtf8(file);
        if (markdown.isEmpty()) {
            // The template supplies the text for this refusal.
            return page(422, Templates.papers("", new PaperError("file", "")));
        }
        return preview(markdown.get());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importPaper(@RestForm String paper) {
        String markdown = Objects.requireNonNullElse(paper, "");
        try {
            Discussion discussion = papers.importPaper(markdown, currentUser.require());
            return Response.seeOther(URI.create("/discussions/" + discussion.slug)).build();
        } catch (ProblemException e) {
            return refused(e, markdown);
        }
    }

    private Response refused(ProblemException e, String markdown) {
        return page(e.status(), Templates.papers(markdown, new PaperError("paper", e.message(reader.locale()))));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static Optional<String> readUtf8(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
