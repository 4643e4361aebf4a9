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
        refuseFinished(demand);
        refuseLocked(demand.topics);
        if (demand.votingClosedAt != null) {
            throw ProblemException.conflict(null, text(DemandMessages::problem_voting_closed));
        }
        return demand;
    }

    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
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
}
