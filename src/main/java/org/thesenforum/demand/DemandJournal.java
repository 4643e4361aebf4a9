package org.thesenforum.demand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.Journal.EntityRef;
import org.thesenforum.journal.Journal.Payload;

/**
 * Writes every demand change into the journal inside the transaction that made it: the demand's JSON as an
 * anonymous reader sees it, so no entry ever tells who supported or took which position. No fragment and no
 * placement yet: the demands page renders them once it exists.
 */
@ApplicationScoped
class DemandJournal {

    /** The entity kind of demand entries. */
    static final String KIND = "demand";

    private final Journal journal;
    private final DemandService demands;
    private final ObjectMapper json;

    DemandJournal(Journal journal, DemandService demands, ObjectMapper json) {
        this.journal = journal;
        this.demands = demands;
        this.json = json;
    }

    void demandChanged(@Observes DemandChanged change) {
        DemandView view = demands.viewFor(change.demandId(), null);
        Demand demand = Demand.findById(change.demandId());
        journal.append(demand.discussion.id, change.change().type(), null, new EntityRef(KIND, demand.id),
                new Payload(write(view), null), null, null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a journal entry", e);
        }
    }
}
