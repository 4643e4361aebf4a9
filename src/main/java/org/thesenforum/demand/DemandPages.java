package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.Account;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.DemandPage.Card;
import org.thesenforum.demand.DemandPage.Filter;
import org.thesenforum.demand.DemandPage.Target;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/**
 * The demands page {@code /discussions/{slug}/demands}: the joint demands in rank order, then the proposals, sorted
 * ({@code sortierung=unterstuetzung|konsens|neu}) and filtered by topic ({@code thema}) and indicator
 * ({@code stand=traegt|spaltet|offen}); {@code aus} names a comment the proposal form quotes. The forms it shows
 * are handled by {@link DemandForms} and {@link DemandBoardForms}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DemandPages {

    /** At most this many characters of a comment are quoted in the proposal form. */
    static final int QUOTE_MAX = 4_000;

    private final DemandService demands;
    private final DiscussionService discussions;
    private final CurrentUser currentUser;
    private final PinnedList pins;
    private final DemandCards cards;

    DemandPages(DemandService demands, DiscussionService discussions, CurrentUser currentUser, PinnedList pins,
            DemandCards cards) {
        this.demands = demands;
        this.cards = cards;
        this.discussions = discussions;
        this.currentUser = currentUser;
        this.pins = pins;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance demands(DemandPage page);
    }

    @GET
    @Path("discussions/{slug}/demands")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance page(@RestPath String slug, @RestQuery String sortierung, @RestQuery String thema,
            @RestQuery String stand, @RestQuery String aus) {
        Filter filter = filter(sortierung, thema, stand);
        DemandForm form = DemandForm.NONE;
        Long origin = Inputs.number(aus);
        if (origin != null && currentUser.account().isPresent()) {
            form = quoting(slug, origin);
        }
        return Templates.demands(page(slug, filter, form));
    }

    /** The list's settings from the words of an address; unknown ones fall back to the defaults. */
    static Filter filter(String sortierung, String thema, String stand) {
        return new Filter(sortWord(sortierung), Inputs.number(thema), stateWord(stand));
    }

    /** The list's settings a form was sent from: its address carries them, so the answer returns there. */
    static Filter filterOf(io.vertx.core.http.HttpServerRequest request) {
        return filter(request.getParam("sortierung"), request.getParam("thema"), request.getParam("stand"));
    }

    /** A number a form field names (a topic, a comment, a rank, a demand); empty is null, anything else 422. */
    static Long formNumber(String field, String value) {
        String shown = value == null ? "" : value.strip();
        return Inputs.optionalNumber(field, value, 1, Long.MAX_VALUE, null,
                org.thesenforum.web.Text.of(DemandPageMessages.class, m -> m.problem_number(shown)));
    }

    /** The page again after a refused form, with the refusal's status, its message and what was typed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Response refused(String slug, Filter filter, DemandForm form, ProblemException refusal) {
        Response.ResponseBuilder response = Response.status(refusal.status())
                .entity(Templates.demands(page(slug, filter, form)));
        refusal.headers().forEach(response::header);
        return response.build();
    }

    DemandPage page(String slug, Filter filter, DemandForm form) {
        DiscussionView discussion = discussions.discussion(slug);
        Account reader = currentUser.account().orElse(null);
        boolean moderator = currentUser.isModerator();
        long discussionId = DemandChecks.requireDiscussion(slug).id;
        // The revision before the list: a reorder committed in between makes the page's revision stale, not new.
        long revision = pins.revision(discussionId);
        Map<Long, TopicSummary> topics = discussion.topics().stream()
                .collect(Collectors.toMap(TopicSummary::id, Function.identity()));
        Long topicFilter = filter.topicId() != null && topics.containsKey(filter.topicId()) ? filter.topicId() : null;
        Filter shown = new Filter(filter.sort(), topicFilter, filter.state());
        Consensus.State stateFilter = state(shown.state());
        // Sort and filter apply to the proposals; the joint demands are always all there, in rank order.
        List<DemandView> all = demands.list(slug, new DemandService.Filter(sort(shown.sort()), null, null), reader);
        List<Target> targets = all.stream().filter(d -> d.status() == Demand.Status.PINNED
                || d.status() == Demand.Status.PROPOSED).map(d -> new Target(d.id(), d.title())).toList();
        List<Card> pinned = new ArrayList<>();
        List<Card> proposals = new ArrayList<>();
        List<Card> finished = new ArrayList<>();
        for (DemandView view : all) {
            boolean joint = view.status() == Demand.Status.PINNED;
            if (!joint && (topicFilter != null && !view.topicIds().contains(topicFilter)
                    || stateFilter != null && view.consensus().state() != stateFilter)) {
                continue;
            }
            Card card = cards.card(view, topics, reader, moderator, targets);
            (card.pinned() ? pinned : card.finished() ? finished : proposals).add(card);
        }
        Comment quoted = form.originCommentId() == null ? null : Comment.findById(form.originCommentId());
        return new DemandPage(slug, discussion.title(), discussion.lastEventSeq(), discussion.topics(), pinned,
                proposals, finished, shown, form, reader != null, moderator, pinned.size(), revision,
                quoted == null ? null : quoted.author.shownName(), false, discussion.archived());
    }

    /** The proposal form filled in from a comment: a quote of it, its topic ticked, the link back. */
    private DemandForm quoting(String slug, long commentId) {
        Comment comment = Comment.findById(commentId);
        if (comment == null || comment.isDeleted() || comment.hidden
                || !comment.topic.discussion.slug.equals(slug)) {
            return DemandForm.NONE;
        }
        String body = comment.body.strip();
        if (body.length() > QUOTE_MAX) {
            // The wording may hold 5,000 characters: the quote leaves room for the demand itself.
            int end = Character.isHighSurrogate(body.charAt(QUOTE_MAX - 1)) ? QUOTE_MAX - 1 : QUOTE_MAX;
            body = body.substring(0, end) + " …";
        }
        String quote = body.lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
        String text = quote + "\n>\n> — " + comment.author.shownName() + "\n\n";
        return new DemandForm(DemandForm.Kind.PROPOSE, null, "", text, null, List.of(comment.topic.id),
                comment.id, null, null, null);
    }

    static String sortWord(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "unterstuetzung", "konsens" -> v;
            default -> "neu";
        };
    }

    static String stateWord(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "traegt", "spaltet", "offen" -> v;
            default -> null;
        };
    }

    private static DemandService.Sort sort(String word) {
        return switch (word) {
            case "unterstuetzung" -> DemandService.Sort.SUPPORT;
            case "konsens" -> DemandService.Sort.CONSENSUS;
            default -> DemandService.Sort.NEWEST;
        };
    }

    private static Consensus.State state(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "traegt" -> Consensus.State.CARRIES;
            case "spaltet" -> Consensus.State.DIVIDES;
            default -> Consensus.State.OPEN;
        };
    }
}
