package org.thesenforum.comment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/**
 * The topic page: the thesis or approach with its thread, the forms to take part and the question filter. It lives
 * with the thread it mostly shows; the topic itself comes from {@link DiscussionService}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TopicPages {

    private final DiscussionService discussions;
    private final CommentService comments;
    private final CurrentUser currentUser;

    TopicPages(DiscussionService discussions, CommentService comments, CurrentUser currentUser) {
        this.discussions = discussions;
        this.comments = comments;
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance topic(TopicPage page);
    }

    @GET
    @Path("topics/{id}")
    public TemplateInstance topic(@RestPath long id, @RestQuery("frage") String frage) {
        return Templates.topic(page(id, Inputs.number(frage), CommentForm.NONE));
    }

    /** The topic page again after a refused form, with the refusal's status, message and the typed text. */
    Response refused(long topicId, CommentForm form, ProblemException refusal) {
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
