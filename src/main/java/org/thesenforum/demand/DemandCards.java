package org.thesenforum.demand;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.Account;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.DemandPage.Card;
import org.thesenforum.demand.DemandPage.Origin;
import org.thesenforum.demand.DemandPage.Target;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.discussion.Topic;
import org.thesenforum.discussion.DiscussionViews.TopicSummary;
import org.thesenforum.web.Languages;

/**
 * The demands page's cards: what one card shows of a demand, and the card as the live stream carries it, rendered
 * from the page's own card template ({@code tags/demandCard.html}).
 */
@ApplicationScoped
class DemandCards {

    private final DemandService demands;
    private final Template card;

    DemandCards(DemandService demands, @Location("tags/demandCard") Template card) {
        this.demands = demands;
        this.card = card;
    }

    /**
     * A demand's card for {@code reader} (null for anonymous readers); {@code topics} are the discussion's by id,
     * {@code targets} the demands a moderator may merge it into.
     */
    Card card(DemandView view, Map<Long, TopicSummary> topics, Account reader, boolean moderator,
            List<Target> targets) {
        Demand demand = Demand.findById(view.id());
        List<TopicSummary> linked = view.topicIds().stream().map(topics::get).filter(t -> t != null).toList();
        Origin origin = null;
        Comment comment = demand.originComment;
        if (comment != null && !comment.isDeleted() && !comment.hidden) {
            TopicSummary topic = topics.get(comment.topic.id);
            origin = new Origin(comment.id, comment.topic.id, topic == null ? comment.topic.title : topic.label(),
                    comment.author.shownName());
        }
        boolean editable = reader != null && DemandPolicy.canEdit(reader, demand) && !demand.isFinished();
        return new Card(view, linked, origin, view.wording() > 1 ? demands.versions(view.id()) : List.of(),
                demand.mergedInto == null ? null : demand.mergedInto.title, demand.rejectedReason, editable,
                moderator ? targets.stream().filter(t -> t.id() != view.id()).toList() : List.of());
    }

    /**
     * One demand's card as the live stream carries it: the page's markup without any form (forms depend on the
     * reader), rendered once for every reader in the forum's default language.
     */
    String live(long demandId) {
        Demand demand = DemandChecks.require(demandId);
        DemandView view = demands.viewFor(demandId, null);
        // Only the labels of the linked topics are shown: no activity figures, which would count every comment.
        Map<Long, TopicSummary> topics = demand.topics.stream().collect(Collectors.toMap(t -> t.id,
                t -> new TopicSummary(t.id, t.kind, t.number, t.label(), t.title, t.locked, 0, null)));
        if (demand.originComment != null) {
            Topic origin = demand.originComment.topic;
            topics.putIfAbsent(origin.id, new TopicSummary(origin.id, origin.kind, origin.number, origin.label(),
                    origin.title, origin.locked, 0, null));
        }
        return card.data("card", card(view, topics, null, false, List.of()))
                .data("page", DemandPage.live(demand.discussion.slug, demand.discussion.title))
                .setLocale(Languages.DEFAULT).render();
    }
}
