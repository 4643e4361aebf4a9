package org.thesenforum.demand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Function;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.Topic;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** The checks the demand services share: a demand or discussion that exists, is open, and may still be voted on. */
final class DemandChecks {

    private DemandChecks() {
    }

    static void refuseLocked(Set<Topic> topics) {
        if (topics.stream().anyMatch(t -> t.locked)) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_topic_locked));
        }
    }

    static void refuseFinished(Demand demand) {
        if (demand.isFinished()) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_demand_closed));
        }
    }

    static Demand requireOpenVoting(long id) {
        Demand demand = require(id);
        demand.discussion.refuseIfArchived();
        refuseFinished(demand);
        refuseLocked(demand.topics);
        if (demand.votingClosedAt != null) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_voting_closed));
        }
        return demand;
    }

    static String optionalText(String field, String value, int max) {
        if (value == null || Inputs.invisible(value)) {
            return null;
        }
        return Inputs.requiredText(field, value, max);
    }

    static Discussion requireDiscussion(String slug) {
        return Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                Text.of(DiscussionMessages.class, DiscussionMessages::problem_discussion_not_found)));
    }

    static Demand require(long id) {
        Demand demand = Demand.findById(id);
        if (demand == null) {
            throw ProblemException.notFound(text(DemandMessages::problem_demand_not_found));
        }
        return demand;
    }

    static Text text(Function<DemandMessages, String> message) {
        return Text.of(DemandMessages.class, message);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
    /** How often a write that lost a race against the same account's parallel write is tried again. */
    private static final int RETRIES = 3;

    /**
     * Runs a write again when it lost a race: against a parallel write of the same account (a unique constraint;
     * the next try sees the winner's row and gives the idempotent result), or a lock conflict the database resolved
     * by rolling this transaction back (H2 reports a deadlock under heavy contention on the discussion's row even
     * though every demand write takes its locks in the same order); the whole transaction is tried again.
     */
    static <T> T retried(java.util.function.Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= RETRIES || !lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40")
                            || "HYT00".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A position as a form or a JSON body names it: AGREE, DISAGREE or PASS (any case); 422 otherwise. */
    static Position.Stance stance(String value) {
        try {
            return Position.Stance.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("position", text(DemandMessages::problem_position_unknown));
        }
    }
}
