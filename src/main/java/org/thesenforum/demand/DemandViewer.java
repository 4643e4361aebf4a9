package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.Account;
import org.thesenforum.demand.DemandViews.AuthorView;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.demand.DemandViews.DissentView;
import org.thesenforum.demand.DemandViews.Earlier;
import org.thesenforum.demand.DemandViews.Mine;
import org.thesenforum.demand.DemandViews.ObjectionView;
import org.thesenforum.demand.DemandViews.Votes;
import org.thesenforum.web.MarkdownRenderer;

/** Makes the JSON view of a demand: its wording, counts on the current and on earlier wordings, the indicator. */
@ApplicationScoped
class DemandViewer {

    private final MarkdownRenderer markdown;

    DemandViewer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** A demand as {@code reader} sees it (null: anonymous, as the live journal shows it): counts, never voters. */
    DemandView view(Demand d, Account reader) {
        List<Support> supports = Support.list("demand", d);
        List<Position> positions = Position.list("demand", d);
        DemandPaper.Tally tally = DemandPaper.Tally.of(supports, positions, d.wording);
        long earlierSupports = supports.size() - tally.supports();
        long[] earlier = new long[3];
        List<ObjectionView> objections = new ArrayList<>();
        for (Position p : positions) {
            if (p.wording != d.wording) {
                earlier[p.stance.ordinal()]++;
            } else if (p.objectionOpen) {
                objections.add(new ObjectionView(author(p.account), p.objection, p.wording));
            }
        }
        List<DissentView> dissents = Dissent.listByDemand(d).stream()
                .map(x -> new DissentView(author(x.author), x.text, x.createdAt)).toList();
        Mine mine = null;
        if (reader != null) {
            Support mySupport = supports.stream().filter(s -> s.account.id.equals(reader.id)).findFirst().orElse(null);
            Position myPosition = positions.stream().filter(p -> p.account.id.equals(reader.id)).findFirst()
                    .orElse(null);
            boolean earlierOnes = mySupport != null && mySupport.wording != d.wording
                    || myPosition != null && myPosition.wording != d.wording;
            mine = new Mine(mySupport != null, myPosition == null ? null : myPosition.stance, earlierOnes,
                    myPosition != null && myPosition.objectionOpen);
        }
        return new DemandView(d.id, d.discussion.slug, d.title, d.body, markdown.render(d.body), d.rationale,
                d.topics.stream().map(t -> t.id).sorted().toList(),
                d.originComment == null ? null : d.originComment.id, author(d.author), d.status, d.pinRank,
                tally.supports(), new Votes(tally.agree(), tally.disagree(), tally.pass()), tally.consensus(),
                new Earlier(earlierSupports, earlier[0], earlier[1], earlier[2]), d.wording, d.votingClosedAt,
                d.mergedInto == null ? null : d.mergedInto.id, objections, dissents, mine, d.createdAt, d.updatedAt);
    }

    static AuthorView author(Account a) {
        return new AuthorView(a.id, a.shownName());
    }
}
