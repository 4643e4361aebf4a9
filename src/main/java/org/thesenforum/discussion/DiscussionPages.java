package org.thesenforum.discussion;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.comment.CommentForm;
import org.thesenforum.comment.CommentService;
import org.thesenforum.comment.CommentView;
import org.thesenforum.comment.ThreadItem;
import org.thesenforum.discussion.DiscussionViews.DiscussionSummary;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Inputs;

/** HTML pages for reading a discussion: the overview, the list of discussions and a topic with its thread. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DiscussionPages {

    private final DiscussionService discussions;
    private final CommentService comments;
    private final CurrentUser currentUser;

    DiscussionPages(DiscussionService discussions, CommentService comments, CurrentUser currentUser) {
        this.discussions = discussions;
        this.comments = comments;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DiscussionSummary> discussions);

        static native TemplateInstance discussion(DiscussionView discussion);

        static native TemplateInstance topic(TopicPage page);
    }

    @GET
    public TemplateInstance index() {
        List<DiscussionSummary> all = discussions.list();
        if (all.size() == 1) {
            return Templates.discussion(discussions.discussion(all.get(0).slug()));
        }
        return Templates.index(all);
    }

    @GET
    @Path("discussions/{slug}")
    public TemplateInstance discussion(@RestPath String slug) {
        return Templates.discussion(discussions.discussion(slug));
    }

    @GET
    @Path("topics/{id}")
    public TemplateInstance topic(@RestPath long id, @RestQuery("frage") String frage) {
        return Templates.topic(page(id, Inputs.number(frage), CommentForm.NONE));
    }

    @POST
    @Path("topics/{id}/lock")
    @RolesAllowed("MODERATOR")
    public Response lock(@RestPath long id) {
        discussions.setLocked(id, true, currentUser.require());
        return Response.seeOther(URI.create("/topics/" + id)).build();
    }

    @POST
    @Path("topics/{id}/unlock")
    @RolesAllowed("MODERATOR")
    public Response unlock(@RestPath long id) {
        discussions.setLocked(id, false, currentUser.require());
        return Response.seeOther(URI.create("/topics/" + id)).build();
    }

    /** The topic page again after a refused form, with the refusal's status, message and the typed text. */
    public Response refused(long topicId, CommentForm form, ProblemException refusal) {
        Response.ResponseBuilder response = Response.status(refusal.status())
                .entity(Templates.topic(page(topicId, null, form)));
        refusal.headers().forEach(response::header);
        return response.build();
    }

    private TopicPage page(long topicId, Long questionId, CommentForm form) {
        TopicView topic = discussions.topic(topicId);
        Map<Long, QuestionView> questions = topic.guidingQuestions().stream()
                .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        QuestionView filter = questionId == null ? null : questions.get(questionId);
        Account reader = currentUser.account().orElse(null);
        List<CommentView> tree = comments.thread(topicId, filter == null ? null : filter.id(), reader);
        List<ThreadItem> thread = ThreadItem.of(tree, questions, reader == null ? null : reader.id);
        return new TopicPage(topic, thread, filter, form, reader != null, currentUser.isModerator(), false);
    }
}
