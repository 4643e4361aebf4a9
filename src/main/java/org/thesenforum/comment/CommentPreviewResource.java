package org.thesenforum.comment;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.thesenforum.web.ProblemException;

/** JSON API for the preview of the comment forms: renders a text as a comment would show it, storing nothing. */
@Path("/api/markdown/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
@Authenticated
public class CommentPreviewResource {

    /** The text to preview. */
    public record PreviewRequest(String body) {
    }

    /** The text as HTML (the safe subset comments allow) and how many characters are left. */
    public record PreviewView(String html, int remaining) {
    }

    private final CommentPreview preview;

    CommentPreviewResource(CommentPreview preview) {
        this.preview = preview;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a comment text as the thread would show it (signed-in people)")
    public PreviewView preview(PreviewRequest request) {
        String body = ProblemException.requireBody(request).body();
        String html = preview.render(body);
        return new PreviewView(html, CommentService.MAX_BODY - body.replace("\r\n", "\n").strip().length());
    }
}
