package org.thesenforum.demand;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.PersonalData;

/**
 * In the export of a person's data (account's outlet): the demands they proposed, the ones they support, their votes
 * with objections, and their dissent notes.
 */
@ApplicationScoped
class DemandPersonalData implements PersonalData {

    record ExportedDemand(long id, String discussion, String title, String body, String rationale, String status,
            Instant createdAt) {
    }

    record ExportedSupport(long demandId, String title, int wording, Instant createdAt) {
    }

    /** {@code objectionOpen} false with an objection: the person withdrew it; the forum keeps its text. */
    record ExportedVote(long demandId, String title, int wording, String stance, String objection,
            boolean objectionOpen, Instant createdAt, Instant updatedAt) {
    }

    record ExportedDissent(long demandId, String title, String text, Instant createdAt) {
    }

    @Override
    public String name() {
        return "demands";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object of(long accountId) {
        List<ExportedDemand> proposed = Demand.<Demand>list("from Demand d join fetch d.discussion "
                + "where d.author.id = ?1 order by d.createdAt, d.id", accountId).stream()
                .map(d -> new ExportedDemand(d.id, d.discussion.slug, d.title, d.body, d.rationale, d.status.name(),
                        d.createdAt)).toList();
        List<ExportedSupport> supports = Support.<Support>list("from Support s join fetch s.demand "
                + "where s.account.id = ?1 order by s.createdAt, s.id", accountId).stream()
                .map(s -> new ExportedSupport(s.demand.id, s.demand.title, s.wording, s.createdAt)).toList();
        List<ExportedVote> votes = Position.<Position>list("from Position p join fetch p.demand "
                + "where p.account.id = ?1 order by p.createdAt, p.id", accountId).stream()
                .map(p -> new ExportedVote(p.demand.id, p.demand.title, p.wording, p.stance.name(), p.objection,
                        p.objection != null && p.objectionOpen, p.createdAt, p.updatedAt)).toList();
        List<ExportedDissent> dissents = Dissent.<Dissent>list("from Dissent n join fetch n.demand "
                + "where n.author.id = ?1 order by n.createdAt, n.id", accountId).stream()
                .map(n -> new ExportedDissent(n.demand.id, n.demand.title, n.text, n.createdAt)).toList();
        return Map.of("proposed", proposed, "supports", supports, "votes", votes, "dissents", dissents);
    }
}
