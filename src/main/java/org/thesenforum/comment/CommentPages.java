package org.thesenforum.comment;

import java.net.URI;
import java.util.function.Supplier;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.comment.CommentForm.Kind;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.Text;
import org.thesenforum.web.Inputs;

/**
 * Form handlers of the topic page. Success redirects to the comment; a refusal the author can fix (empty or too
 * long text, locked topic, too many comments, edits or deletes) shows the topic page again with the message and
 * the typed text.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
public class CommentPages {

    private final CommentService comments;
    private final TopicPages pages;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final CommentPreview previews;

    CommentPages(CommentService comments, TopicPages pages, CurrentUser currentUser, ReaderLanguage reader,
            CommentPreview previews) {
        this.comments = comments;
        this.pages = pages;
        this.currentUser = currentUser;
        this.reader = reader;
        this.previews = previews;
    }

    @POST
    @Path("topics/{id}/comments")
    @Authenticated
    public Response post(@RestPath long id, @RestForm String body, @RestForm String parentId,
            @RestForm String questionId, @RestForm String preview) {
        Long parent = id(parentId);
        Long question = id(questionId);
        CommentForm form = parent == null ? new CommentForm(Kind.NEW, null, body, question, null)
                : new CommentForm(Kind.REPLY, parent, body, question, null);
        if (preview != null) {
            return previewed(id, form);
        }
        return handle(id, form, () -> comments.post(id, new CommentService.NewComment(body, parent, question),
                currentUser.require()).id());
    }

    /** A comment's own address: its place in the topic page (where the login returns to after a refused form). */
    @GET
    @Path("comments/{id}")
    public Response show(@RestPath long id) {
        return toComment(topicOf(id), id);
    }

    @POST
    @Path("comments/{id}/edit")
    @Authenticated
    public Response edit(@RestPath long id, @RestForm String body, @RestForm String preview) {
        long topicId = topicOf(id);
        if (preview != null) {
            return previewed(topicId, new CommentForm(Kind.EDIT, id, body, null, null));
        }
        return handle(topicId, new CommentForm(Kind.EDIT, id, body, null, null),
                () -> comments.edit(id, body, currentUser.require()).id());
    }

    @POST
    @Path("comments/{id}/delete")
    @Authenticated
    public Response delete(@RestPath long id) {
        long topicId = topicOf(id);
        return handle(topicId, new CommentForm(Kind.DELETE, id, null, null, null), () -> {
            comments.delete(id, currentUser.require());
            return id;
        });
    }

    @POST
    @Path("comments/{id}/hide")
    @RolesAllowed("MODERATOR")
    public Response hide(@RestPath long id, @RestForm String reason) {
        long topicId = topicOf(id);
        return handle(topicId, new CommentForm(Kind.HIDE, id, reason, null, null),
                () -> comments.hide(id, reason, currentUser.require()).id());
    }

    @POST
    @Path("comments/{id}/unhide")
    @RolesAllowed("MODERATOR")
    public Response unhide(@RestPath long id) {
        CommentView comment = comments.unhide(id, currentUser.require());
        return toComment(comment.topicId(), id);
    }

    /** Runs a form's action, which returns the id of the comment to show. */
    private Response handle(long topicId, CommentForm form, Supplier<Long> action) {
        try {
            return toComment(topicId, action.get());
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 422 && e.status() != 429) {
                throw e;
            }
            CommentForm refused = new CommentForm(form.kind(), form.commentId(), form.text(), form.questionId(),
                    e.message(reader.locale()));
            return pages.refused(topicId, refused, e);
        }
    }

    /**
     * "Vorschau" without JavaScript: the topic page again with the text rendered under the form and still in it;
     * nothing is stored. A text that could not be posted is refused as a post would be.
     */
    private Response previewed(long topicId, CommentForm form) {
        try {
            CommentForm shown = new CommentForm(form.kind(), form.commentId(), form.text(), form.questionId(), null,
                    previews.render(form.text()));
            return pages.previewed(topicId, shown);
        } catch (ProblemException e) {
            return pages.refused(topicId, new CommentForm(form.kind(), form.commentId(), form.text(),
                    form.questionId(), e.message(reader.locale())), e);
        }
    }

    private long topicOf(long commentId) {
        return comments.get(commentId, null).topicId();
    }

    /** To the comment at its place: on the page of the topic's threads that holds it. */
    private Response toComment(long topicId, long commentId) {
        return Response.seeOther(URI.create(pages.addressOf(topicId, commentId))).build();
    }

    private static Long id(String value) {
        String shown = value == null ? "" : value.strip();
        return Inputs.optionalNumber("id", value, Long.MIN_VALUE, Long.MAX_VALUE, null,
                Text.of(CommentMessages.class, m -> m.problem_invalid_id(shown)));
    }
}
