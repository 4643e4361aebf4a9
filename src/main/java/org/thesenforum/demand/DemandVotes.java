package org.thesenforum.demand;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.demand.DemandViews.DemandView;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/**
 * Supports and positions on a demand's current wording, serious objections, and closing and reopening the voting.
 * Each account has at most one support and one position per demand (unique in the database).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DemandVotes {

    private final DemandViewer viewer;
    private final AuditLog audit;
    private final Event<DemandChanged> changed;
    private final PinnedList pins;

    DemandVotes(DemandViewer viewer, AuditLog audit, Event<DemandChanged> changed, PinnedList pins) {
        this.viewer = viewer;
        this.audit = audit;
        this.changed = changed;
        this.pins = pins;
    }

    /** Supports the current wording, or confirms an earlier support for it; nothing changes when it stands. */
    @Transactional
    public DemandView support(long id, Account account) {
        pins.lockForDemand(id);
        Demand demand = DemandChecks.requireOpenVoting(id);
        Support support = Support.find(demand, account).orElse(null);
        if (support == null) {
            support = new Support();
            support.demand = demand;
            support.account = account;
            support.wording = demand.wording;
            support.createdAt = DemandChecks.now();
            support.persistAndFlush();
        } else if (support.wording != demand.wording) {
            support.wording = demand.wording;
        } else {
            return viewer.view(demand, account);
        }
        audit.record(account.id, "DEMAND_SUPPORTED", "demand", demand.id, null);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.SUPPORTED));
        return viewer.view(demand, account);
    }

    @Transactional
    public DemandView withdrawSupport(long id, Account account) {
        pins.lockForDemand(id);
        Demand demand = DemandChecks.requireOpenVoting(id);
        Support support = Support.find(demand, account).orElse(null);
        if (support != null) {
            support.delete();
            audit.record(account.id, "DEMAND_SUPPORT_WITHDRAWN", "demand", demand.id, null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.SUPPORTED));
        }
        return viewer.view(demand, account);
    }

    /**
     * Takes or changes a position on the current wording. A serious objection needs DISAGREE; changing the position
     * closes one's open objection, and the same position again without an objection keeps it.
     */
    @Transactional
    public DemandView vote(long id, Position.Stance stance, String objectionText, Account account) {
        String objection = objectionText == null ? null
                : Inputs.requiredLine("objection", objectionText, DemandService.MAX_OBJECTION);
        if (objection != null && stance != Position.Stance.DISAGREE) {
            throw ProblemException.invalid("objection", DemandChecks.text(DemandMessages::problem_objection_needs_disagree));
        }
        pins.lockForDemand(id);
        Demand demand = DemandChecks.requireOpenVoting(id);
        Position position = Position.find(demand, account).orElse(null);
        Instant now = DemandChecks.now();
        if (position == null) {
            position = new Position();
            position.demand = demand;
            position.account = account;
            position.wording = demand.wording;
            position.stance = stance;
            position.objection = objection;
            position.objectionOpen = objection != null;
            position.createdAt = now;
            position.updatedAt = now;
            position.persistAndFlush();
        } else {
            boolean same = position.stance == stance && position.wording == demand.wording
                    && (objection == null || objection.equals(position.objection) && position.objectionOpen);
            if (same) {
                return viewer.view(demand, account);
            }
            // A new stance, a new objection or a new wording (which re-asks the objector) replaces the objection.
            position.objection = objection;
            position.objectionOpen = objection != null;
            position.stance = stance;
            position.wording = demand.wording;
            position.updatedAt = now;
        }
        audit.record(account.id, "DEMAND_POSITION", "demand", demand.id, null);
        changed.fire(new DemandChanged(demand.id, DemandChanged.Change.POSITION));
        return viewer.view(demand, account);
    }

    @Transactional
    public DemandView withdrawObjection(long id, Account account) {
        pins.lockForDemand(id);
        Demand demand = DemandChecks.requireOpenVoting(id);
        Position position = Position.find(demand, account).orElse(null);
        if (position != null && position.objectionOpen) {
            position.objectionOpen = false;
            position.updatedAt = DemandChecks.now();
            audit.record(account.id, "DEMAND_OBJECTION_WITHDRAWN", "demand", demand.id, null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.POSITION));
        }
        return viewer.view(demand, account);
    }

    /** Closes ({@code open} false) or reopens voting: while closed, supports and positions are frozen. */
    @Transactional
    public DemandView setVoting(long id, boolean open, Account moderator) {
        pins.lockForDemand(id);
        Demand demand = DemandChecks.require(id);
        DemandChecks.refuseFinished(demand);
        if (open == (demand.votingClosedAt != null)) {
            demand.votingClosedAt = open ? null : DemandChecks.now();
            demand.updatedAt = DemandChecks.now();
            audit.record(moderator.id, open ? "DEMAND_VOTING_OPENED" : "DEMAND_VOTING_CLOSED", "demand", demand.id,
                    null);
            changed.fire(new DemandChanged(demand.id, DemandChanged.Change.VOTING));
        }
        return viewer.view(demand, moderator);
    }
}
