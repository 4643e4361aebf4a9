package org.thesenforum.demand;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.Topic;
import org.thesenforum.demand.DemandPaper.Entry;
import org.thesenforum.demand.DemandPaper.Outcome;
import org.thesenforum.demand.DemandPaper.Signed;
import org.thesenforum.demand.DemandPaper.Tally;
import org.thesenforum.web.MarkdownRenderer;
import org.thesenforum.web.TemplateExtensions;
import org.thesenforum.web.Text;

/** Reads a discussion's demands into the {@link DemandPaper} that the exports render. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DemandPapers {

    private final MarkdownRenderer markdown;

    DemandPapers(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** The paper of the discussion {@code slug}, topic labels in {@code locale}; 404 when there is none. */
    public DemandPaper paper(String slug, Locale locale) {
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        List<Entry> joint = Demand.listPinned(discussion).stream().map(d -> entry(d, locale)).toList();
        List<Entry> proposals = Demand.<Demand>list("discussion = ?1 and status = ?2 order by createdAt, id",
                discussion, Demand.Status.PROPOSED).stream().map(d -> entry(d, locale)).toList();
        return new DemandPaper(discussion.title, discussion.slug, LocalDate.now(TemplateExtensions.FORUM_ZONE), joint,
                proposals);
    }

    /**
     * Every demand of the discussion {@code slug} with its outcome: the joint demands in rank order, then the open
     * proposals, the merged and the rejected ones, each in the order they were made; 404 when there is none.
     */
    public List<Outcome> outcomes(String slug, Locale locale) {
        Discussion discussion = DemandChecks.requireDiscussion(slug);
        List<Demand> others = Demand.list("discussion = ?1 and status <> ?2 order by createdAt, id", discussion,
                Demand.Status.PINNED);
        return Stream.concat(Demand.listPinned(discussion).stream(),
                Stream.of(Demand.Status.PROPOSED, Demand.Status.MERGED, Demand.Status.REJECTED)
                        .flatMap(s -> others.stream().filter(d -> d.status == s)))
                .map(d -> new Outcome(entry(d, locale), d.status, d.mergedInto == null ? null : d.mergedInto.title,
                        d.rejectedReason))
                .toList();
    }

    private Entry entry(Demand d, Locale locale) {
        List<String> topics = d.topics.stream().sorted((a, b) -> Integer.compare(a.position, b.position))
                .map(t -> topicLine(t, locale)).toList();
        List<Signed> objections = Position.<Position>list("demand = ?1 and wording = ?2 and objectionOpen = true "
                + "order by updatedAt, id", d, d.wording).stream()
                .map(p -> new Signed(p.account.shownName(), p.objection)).toList();
        List<Signed> dissents = Dissent.listByDemand(d).stream()
                .map(n -> new Signed(n.author.shownName(), n.text)).toList();
        return new Entry(d.id, d.status == Demand.Status.PINNED ? d.pinRank : null, d.title, d.body,
                markdown.render(d.body), d.rationale, d.rationale == null ? null : markdown.render(d.rationale),
                topics, Tally.of(d), objections, dissents, d.votingClosedAt);
    }

    /** "These 3: Titel" ("Thesis 3: Titel"). */
    private static String topicLine(Topic t, Locale locale) {
        return Text.of(DiscussionMessages.class, m -> m.topic_label(t.kind, t.number)).in(locale) + ": " + t.title;
    }
}
