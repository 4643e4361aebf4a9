package org.thesenforum.comment;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.arc.All;
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
import org.thesenforum.comment.CommentForm.Kind;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.QuestionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.discussion.DiscussionViews.TopicView;
import org.thesenforum.web.FragmentCache;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.PageBodies;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * The topic page: the thesis or approach with its thread, the forms to take part and the question filter. It lives
 * with the thread it mostly shows; the topic itself comes from {@link DiscussionService}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TopicPages {

    /** How many top-level threads one page of a topic shows. */
    public static final int THREADS_PER_PAGE = 200;

    private final DiscussionService discussions;
    private final CommentService comments;
    private final CurrentUser currentUser;
    private final List<TopicSection> sections;
    private final CommentAddons addons;
    private final ReaderLanguage language;
    private final ReadMarkers readMarkers;
    private final CommentCards cards;
    private final FragmentCache fragments;

    TopicPages(DiscussionService discussions, CommentService comments, CurrentUser currentUser,
            @All List<TopicSection> sections, CommentAddons addons, ReaderLanguage language,
            ReadMarkers readMarkers, CommentCards cards, FragmentCache fragments) {
        this.discussions = discussions;
        this.comments = comments;
        this.currentUser = currentUser;
        this.sections = sections;
        this.addons = addons;
        this.language = language;
        this.readMarkers = readMarkers;
        this.cards = cards;
        this.fragments = fragments;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance topic(TopicPage page, List<String> sections);
    }

    /**
     * The topic page; {@code antwort}, {@code bearbeiten}, {@code loeschen} or {@code ausblenden} name a comment
     * under which the reply, edit, delete or hide form stands (the controls' links, for browsers without
     * JavaScript). A value that names no comment the reader may act on leaves the form at its home, like an
     * unknown question filter.
     */
    @GET
    @Path("topics/{id}")
    public Response topic(@RestPath long id, @RestQuery("frage") String frage,
            @RestQuery("antwort") String antwort, @RestQuery("bearbeiten") String bearbeiten,
            @RestQuery("loeschen") String loeschen, @RestQuery("ausblenden") String ausblenden,
            @RestQuery("einblenden") String einblenden, @RestQuery("nach") String nach,
            @RestQuery("seit") String seit) {
        CommentForm form = opened(antwort, bearbeiten, loeschen, ausblenden, einblenden);
        TopicPage page = page(id, Inputs.number(frage), form, Inputs.number(nach), since(seit), true);
        // Straight into the body: a page of hundreds of comments is a megabyte.
        return PageBodies.ok(Templates.topic(page, sections(page)), fragments);
    }

    /**
     * Where a comment stands: its topic's page of threads that holds it, at the comment's anchor. Comments on the
     * first page of threads keep the plain topic address.
     */
    String addressOf(long topicId, long commentId) {
        Long start = comments.pageStartOf(topicId, commentId, null, THREADS_PER_PAGE);
        return "/topics/" + topicId + (start == null ? "" : "?nach=" + start) + "#c" + commentId;
    }

    /** The last visit carried by the links to the next pages of threads: epoch milliseconds, not in the future. */
    private static Instant since(String seit) {
        Long millis = Inputs.number(seit);
        if (millis == null || millis < 0) {
            return null;
        }
        Instant at = Instant.ofEpochMilli(millis);
        return at.isAfter(Instant.now()) ? null : at;
    }

    /** The form a link asked for, without text or message; the first of them when several are given. */
    private static CommentForm opened(String reply, String edit, String delete, String hide, String unhide) {
        String[] values = { reply, edit, delete, hide, unhide };
        Kind[] kinds = { Kind.REPLY, Kind.EDIT, Kind.DELETE, Kind.HIDE, Kind.UNHIDE };
        for (int i = 0; i < values.length; i++) {
            Long commentId = Inputs.number(values[i]);
            if (commentId != null) {
                return new CommentForm(kinds[i], commentId, null, null, null);
            }
        }
        return CommentForm.NONE;
    }

    /** The topic page again after a refused form, with the refusal's status, message and the typed text. */
    Response refused(long topicId, CommentForm form, ProblemException refusal) {
        TopicPage page = page(topicId, null, form, null, null, false);
        Response.ResponseBuilder response = Response.status(refusal.status())
                .entity(Templates.topic(page, sections(page)));
        refusal.headers().forEach(response::header);
        return response.build();
    }

    /** The topic page with a form's preview: the typed text rendered under it, and still in it. */
    Response previewed(long topicId, CommentForm form) {
        TopicPage page = page(topicId, null, form, null, null, false);
        return Response.ok(Templates.topic(page, sections(page))).build();
    }

    /** What the features above this one show on the page (the {@link TopicSection} outlet), in their order. */
    private List<String> sections(TopicPage page) {
        Account reader = currentUser.account().orElse(null);
        return sections.stream().sorted(Comparator.comparingInt(TopicSection::order))
                .flatMap(s -> s.render(page.topic(), reader, language.locale()).stream()).toList();
    }

    /**
     * The page as the reader sees it: the page of threads after the top-level comment {@code after} (the first page
     * when null; the page holding the comment a form names when a form is open). {@code visit} when the reader opens
     * it (not when it comes back after a refused form): on the page opened without {@code after}, the comments new
     * since the last visit are marked and the visit is remembered; the links to the next pages carry that last visit
     * ({@code since}), so they mark the same comments without recording a visit again.
     */
    private TopicPage page(long topicId, Long questionId, CommentForm form, Long after, Instant since,
            boolean visit) {
        TopicView topic = discussions.topic(topicId);
        Map<Long, QuestionView> questions = topic.guidingQuestions().stream()
                .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        QuestionView filter = questionId == null ? null : questions.get(questionId);
        Long filterId = filter == null ? null : filter.id();
        Account reader = currentUser.account().orElse(null);
        if (after == null && form.commentId() != null) {
            after = comments.pageStartOf(topicId, form.commentId(), filterId, THREADS_PER_PAGE);
        }
        // After the form's page is known: a form (?antwort=, ...) opened on a later page records no visit either,
        // which would take the marks of new comments from the reader.
        boolean laterPage = after != null;
        CommentService.ThreadPage threads = comments.threadPage(topicId, filterId, reader, after, THREADS_PER_PAGE);
        List<CommentView> tree = threads.roots();
        List<ThreadItem> thread = ThreadItem.of(tree, questions, reader == null ? null : reader.id);
        // What the features above add to the comments: asked once for the whole page, not per comment.
        Map<Long, CommentAddon.Snippets> added = addons.render(topic, tree, language.locale());
        Instant lastVisit = null;
        if (reader != null && visit) {
            lastVisit = laterPage ? since : readMarkers.visit(reader.id, topicId);
        }
        Set<Long> unread = new HashSet<>();
        String unreadElsewhere = null;
        int unreadTotal = 0;
        if (lastVisit != null) {
            collectUnread(tree, reader.id, lastVisit, unread);
            // With a question filter the notice stays with the page: the first new comment may not be on the question.
            if (unread.isEmpty() && !threads.whole() && filter == null) {
                ReadMarkers.Unread rest = readMarkers.unreadIn(topicId, reader.id, lastVisit);
                if (rest != null) {
                    unreadTotal = (int) Math.min(rest.count(), Integer.MAX_VALUE);
                    Long start = comments.pageStartOf(topicId, rest.firstId(), filterId, THREADS_PER_PAGE);
                    unreadElsewhere = "/topics/" + topicId + "?" + (start == null ? "" : "nach=" + start + "&")
                            + "seit=" + lastVisit.toEpochMilli() + "#c" + rest.firstId();
                }
            }
        }
        List<TopicSummary> order = discussions.discussion(topic.discussionSlug()).topics();
        int at = indexOf(order, topicId);
        TopicSummary previous = at > 0 ? order.get(at - 1) : null;
        TopicSummary next = at >= 0 && at + 1 < order.size() ? order.get(at + 1) : null;
        TopicPage.Paging paging = new TopicPage.Paging(threads.after(), threads.next(), lastVisit, unreadElsewhere,
                unreadTotal);
        return new TopicPage(topic, thread, added, filter, form, reader != null, currentUser.isModerator(), false,
                previous, next, unread, paging, cards, language.locale());
    }

    private static void collectUnread(List<CommentView> level, long readerId, Instant lastVisit, Set<Long> into) {
        for (CommentView c : level) {
            if (ReadMarkers.unread(c, readerId, lastVisit)) {
                into.add(c.id());
            }
            collectUnread(c.replies(), readerId, lastVisit, into);
        }
    }

    private static int indexOf(List<TopicSummary> topics, long topicId) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).id() == topicId) {
                return i;
            }
        }
        return -1;
    }
}
