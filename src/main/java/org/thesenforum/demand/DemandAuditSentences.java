package org.thesenforum.demand;

import static org.thesenforum.audit.AuditSentence.slot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditMessages;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditSentence.Part;
import org.thesenforum.audit.AuditSentences;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.discussion.Discussion;

/** Tells the audit entries of joint demands (proposing, support, votes, pinning, merging) in sentences. */
@ApplicationScoped
class DemandAuditSentences implements AuditSentences {

    /** The actions on one demand, with the sentence each tells: actor and demand are slots 0 and 1. */
    private interface Sentence {
        String of(AuditMessages m, String actor, String demand, AuditView entry);
    }

    private static final Map<String, Sentence> ON_DEMANDS = new LinkedHashMap<>();

    static {
        ON_DEMANDS.put("DEMAND_PROPOSED", (m, a, d, e) -> m.sentence_demand_proposed(a, d));
        ON_DEMANDS.put("DEMAND_EDITED", (m, a, d, e) -> m.sentence_demand_edited(a, d));
        ON_DEMANDS.put("DEMAND_SUPPORTED", (m, a, d, e) -> m.sentence_demand_supported(a, d));
        ON_DEMANDS.put("DEMAND_SUPPORT_WITHDRAWN", (m, a, d, e) -> m.sentence_demand_support_withdrawn(a, d));
        ON_DEMANDS.put("DEMAND_POSITION", (m, a, d, e) -> m.sentence_demand_position(a, d));
        ON_DEMANDS.put("DEMAND_OBJECTION_WITHDRAWN", (m, a, d, e) -> m.sentence_demand_objection_withdrawn(a, d));
        ON_DEMANDS.put("DEMAND_DISSENT_ADDED", (m, a, d, e) -> m.sentence_demand_dissent_added(a, d));
        ON_DEMANDS.put("DEMAND_VOTING_OPENED", (m, a, d, e) -> m.sentence_demand_voting_opened(a, d));
        ON_DEMANDS.put("DEMAND_VOTING_CLOSED", (m, a, d, e) -> m.sentence_demand_voting_closed(a, d));
        ON_DEMANDS.put("DEMAND_PINNED", (m, a, d, e) -> m.sentence_demand_pinned(a, d));
        ON_DEMANDS.put("DEMAND_UNPINNED", (m, a, d, e) -> m.sentence_demand_unpinned(a, d));
        ON_DEMANDS.put("DEMAND_REJECTED", (m, a, d, e) -> m.sentence_demand_rejected(a, d, e.detail()));
        ON_DEMANDS.put("DEMAND_MERGED", (m, a, d, e) -> m.sentence_demand_merged(a, d, slot(2)));
    }

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<String, String> actions = new HashMap<>();
        actions.put("DEMAND_PROPOSED", m.action_demand_proposed());
        actions.put("DEMAND_EDITED", m.action_demand_edited());
        actions.put("DEMAND_SUPPORTED", m.action_demand_supported());
        actions.put("DEMAND_SUPPORT_WITHDRAWN", m.action_demand_support_withdrawn());
        actions.put("DEMAND_POSITION", m.action_demand_position());
        actions.put("DEMAND_OBJECTION_WITHDRAWN", m.action_demand_objection_withdrawn());
        actions.put("DEMAND_DISSENT_ADDED", m.action_demand_dissent_added());
        actions.put("DEMAND_VOTING_OPENED", m.action_demand_voting_opened());
        actions.put("DEMAND_VOTING_CLOSED", m.action_demand_voting_closed());
        actions.put("DEMAND_PINNED", m.action_demand_pinned());
        actions.put("DEMAND_UNPINNED", m.action_demand_unpinned());
        actions.put("DEMAND_REJECTED", m.action_demand_rejected());
        actions.put("DEMAND_MERGED", m.action_demand_merged());
        actions.put("DEMAND_PINS_REORDERED", m.action_demand_pins_reordered());
        return actions;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        List<AuditView> onDemands = AuditTexts.only(entries, ON_DEMANDS.keySet());
        List<Long> ids = new java.util.ArrayList<>(AuditTexts.targets(onDemands));
        onDemands.stream().filter(e -> "DEMAND_MERGED".equals(e.action())).map(e -> mergedInto(e.detail()))
                .filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<Long, Demand> demands = ids.isEmpty() ? java.util.Collections.emptyMap()
                : Demand.<Demand>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(d -> d.id, Function.identity()));
        for (AuditView e : onDemands) {
            String message = ON_DEMANDS.get(e.action()).of(m, slot(0), slot(1), e);
            Part target = demand(demands.get(mergedInto(e.detail())), locale);
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale),
                    demand(demands.get(e.targetId()), locale), target));
        }
        List<AuditView> reordered = AuditTexts.only(entries, java.util.Set.of("DEMAND_PINS_REORDERED"));
        if (!reordered.isEmpty()) {
            Map<Long, Discussion> discussions = Discussion.<Discussion>list("id in ?1", AuditTexts.targets(reordered))
                    .stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            for (AuditView e : reordered) {
                Discussion d = discussions.get(e.targetId());
                Part discussion = AuditTexts.named(d == null ? null : d.title,
                        d == null ? null : "/discussions/" + d.slug + "/demands", locale);
                sentences.put(e.id(), AuditSentence.of(m.sentence_demand_pins_reordered(slot(0), slot(1)),
                        AuditTexts.actor(e, locale), discussion));
            }
        }
        return sentences;
    }

    /** A demand by its title, linked to its card on the demands page. */
    private static Part demand(Demand d, Locale locale) {
        return AuditTexts.named(d == null ? null : d.title,
                d == null ? null : "/discussions/" + d.discussion.slug + "/demands#d" + d.id, locale);
    }

    /** The demand id of a merge's "into 42" detail. */
    private static Long mergedInto(String detail) {
        if (detail == null || !detail.startsWith("into ")) {
            return null;
        }
        try {
            return Long.valueOf(detail.substring(5).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
