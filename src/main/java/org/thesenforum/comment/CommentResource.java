package org.thesenforum.comment;

import java.net.URI;
import java.util.List;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;
import org.thesenforum.web.Inputs;

/** JSON API for comment threads. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    private final CommentService comments;
    private final CurrentUser currentUser;

    CommentResource(CommentService comments, CurrentUser currentUser) {
        this.comments = comments;
        this.currentUser = currentUser;
    }

    /** Body of a new comment: Markdown text, optionally a reply and a guiding question. */
    public record CommentRequest(String body, Long parentId, Long questionId) {
    }

    /** Body of an edit. */
    public record CommentEdit(String body) {
    }

    /** Body of a hide: why the comment is hidden. */
    public record HideRequest(String reason) {
    }

    @GET
    @Path("/topics/{id}/comments")
    @Operation(summary = "The thread of a topic as a tree; optionally only comments on one guiding question")
    public List<CommentView> thread(@RestPath long id, @RestQuery String questionId) {
        return comments.thread(id, questionFilter(questionId), currentUser.account().orElse(null));
    }

    @POST
    @Path("/topics/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Post a comment or a reply (parentId)")
    public Response post(@RestPath long id, CommentRequest request) {
        CommentRequest r = ProblemException.requireBody(request);
        CommentView created = comments.post(id, new CommentService.NewComment(r.body(), r.parentId(), r.questionId()),
                currentUser.require());
        return Response.created(URI.create("/api/comments/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/comments/{id}")
    @Operation(summary = "One comment, without replies")
    public CommentView get(@RestPath long id) {
        return comments.get(id, currentUser.account().orElse(null));
    }

    @PATCH
    @Path("/comments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Edit your own comment")
    public CommentView edit(@RestPath long id, CommentEdit edit) {
        return comments.edit(id, ProblemException.requireBody(edit).body(), currentUser.require());
    }

    @DELETE
    @Path("/comments/{id}")
    @Authenticated
    @Operation(summary = "Delete your own comment; its place in the thread stays")
    public Response delete(@RestPath long id) {
        comments.delete(id, currentUser.require());
        return Response.noContent().build();
    }

    @POST
    @Path("/comments/{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Hide a comment with a reason (moderators)")
    public CommentView hide(@RestPath long id, HideRequest request) {
        return comments.hide(id, ProblemException.requireBody(request).reason(), currentUser.require());
    }

    @POST
    @Path("/comments/{id}/unhide")
    @RolesAllowed("MODERATOR")
    @Operation(summary = "Show a hidden comment again (moderators)")
    public CommentView unhide(@RestPath long id) {
        return comments.unhide(id, currentUser.require());
    }

    private static Long questionFilter(String value) {
        return Inputs.optionalNumber("questionId", value, Long.MIN_VALUE, Long.MAX_VALUE, null,
                Text.of(CommentMessages.class, CommentMessages::problem_question_filter));
    }
}
