package org.thesenforum.demand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.comment.TopicSection;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/**
 * The demands linked to a topic, on its page (through comment's {@link TopicSection} outlet): the joint demands in
 * rank order, then the open proposals, each with its support and the group's positions on its current wording.
 */
@ApplicationScoped
class DemandTopicSection implements TopicSection {

    private final Template section;

    DemandTopicSection(@Location("DemandSection/topic") Template section) {
        this.section = section;
    }

    /** One demand as the topic page lists it. */
    record Line(long id, String title, boolean pinned, Integer rank, DemandPaper.Tally tally) {

        /** The indicator's CSS class: {@code consensus-carries}, {@code -divides} or {@code -open}. */
        public String consensusClass() {
            return "consensus-" + tally.consensus().state().name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(TopicView topic, Account reader, Locale locale) {
        List<Demand> linked = Demand.list("select d from Demand d join d.topics t where t.id = ?1 and d.status in ?2 "
                + "order by case when d.pinRank is null then 1 else 0 end, d.pinRank, d.createdAt desc, d.id desc",
                topic.id(), List.of(Demand.Status.PINNED, Demand.Status.PROPOSED));
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = linked.stream().map(DemandTopicSection::line).toList();
        return Optional.of(section.data("lines", lines).setLocale(locale).render());
    }

    private static Line line(Demand d) {
        return new Line(d.id, d.title, d.status == Demand.Status.PINNED, d.pinRank, DemandPaper.Tally.of(d));
    }
}
