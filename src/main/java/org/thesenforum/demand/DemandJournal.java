package org.thesenforum.demand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;
import org.thesenforum.journal.Journal.Placement;

/**
 * Writes every demand change into the journal inside the transaction that made it: the demand's JSON as an
 * anonymous reader sees it, so no entry ever tells who supported or took which position, and its card from the
 * demands page's template, placed by the card's id ({@code d<id>}, replaced) or, for a new demand, appended to the
 * proposals ({@code demands-proposals}). The card is the same for every reader: it carries no form.
 */
@ApplicationScoped
class DemandJournal {

    /** The entity kind of demand entries. */
    static final String KIND = "demand";

    private final Journal journal;
    private final DemandService demands;
    private final ObjectMapper json;
    private final DemandCards cards;
    private final PinnedList pins;

    DemandJournal(Journal journal, DemandService demands, ObjectMapper json, DemandCards cards, PinnedList pins) {
        this.pins = pins;
        this.journal = journal;
        this.demands = demands;
        this.json = json;
        this.cards = cards;
    }

    void demandChanged(@Observes DemandChanged change) {
        DemandView view = demands.viewFor(change.demandId(), null);
        Demand demand = Demand.findById(change.demandId());
        Placement placement = change.change() == DemandChanged.Change.CREATED ? Placement.append("demands-proposals")
                : Placement.replace("d" + demand.id);
        journal.append(demand.discussion.id, change.change().type(), null, new EntityRef(KIND, demand.id),
                new Payload(write(view), cards.live(demand.id)), null, placement);
    }

    /**
     * Gives every earlier entry the log still holds about each of {@code demandIds} the demand's present state: after
     * an account is deleted, its name is gone from replays (proposals, objections, dissent notes) as from pages. Each
     * demand's discussion lock is taken first, as every demand write does.
     */
    void rewriteLogged(java.util.Collection<Long> demandIds) {
        for (Journal.Logged logged : journal.logged(KIND, demandIds)) {
            pins.lockForDemand(logged.entityId());
            if (Demand.findById(logged.entityId()) != null) {
                journal.rewrite(logged.discussionId(), KIND, logged.entityId(),
                        new Payload(write(demands.viewFor(logged.entityId(), null)), cards.live(logged.entityId())),
                        null);
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a journal entry", e);
        }
    }
}
