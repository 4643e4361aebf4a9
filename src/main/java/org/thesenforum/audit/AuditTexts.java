package org.thesenforum.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditSentence.Part;
import org.thesenforum.web.Languages;

/**
 * Tells audit entries in sentences: asks every feature's {@link AuditSentences} and says something plain itself for
 * an action no feature describes (one recorded by a feature that has since gone, say).
 */
@ApplicationScoped
public class AuditTexts {

    private final List<AuditSentences> features;

    AuditTexts(@All List<AuditSentences> features) {
        this.features = features;
    }

    /** A sentence for each entry, by entry id. */
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        Map<Long, AuditSentence> sentences = new HashMap<>();
        for (AuditSentences feature : features) {
            sentences.putAll(feature.describe(entries, locale));
        }
        for (AuditView entry : entries) {
            sentences.computeIfAbsent(entry.id(), id -> generic(entry, locale));
        }
        return sentences;
    }

    /** The names in words of the given actions, sorted by those names; an unknown one gets a plain stand-in. */
    public Map<String, String> labels(List<String> actions, Locale locale) {
        Map<String, String> known = new HashMap<>();
        features.forEach(f -> known.putAll(f.actions(locale)));
        Map<String, String> labels = new TreeMap<>(Comparator.comparing((String a) -> label(known, a, locale))
                .thenComparing(Comparator.naturalOrder()));
        actions.forEach(a -> labels.put(a, label(known, a, locale)));
        return labels;
    }

    /** The person who acted, linked to their entries; "Das Forum" for what the forum did by itself. */
    public static Part actor(AuditView entry, Locale locale) {
        if (entry.actorId() == null) {
            return AuditSentence.text(in(locale).system());
        }
        return AuditSentence.link(entry.actorName(), "/admin/audit?person=" + entry.actorId());
    }

    /** The entries of the given actions. */
    public static List<AuditView> only(List<AuditView> entries, java.util.Set<String> actions) {
        return entries.stream().filter(e -> actions.contains(e.action())).toList();
    }

    /** The distinct target ids of {@code entries}. */
    public static List<Long> targets(List<AuditView> entries) {
        return entries.stream().map(AuditView::targetId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** A name to link to {@code href}, or the plain "no longer there" when the thing is gone. */
    public static Part named(String name, String href, Locale locale) {
        return name == null ? AuditSentence.text(in(locale).unknown_target()) : AuditSentence.link(name, href);
    }

    /** The audit texts in {@code locale}'s language. */
    public static AuditMessages in(Locale locale) {
        return Languages.bundle(AuditMessages.class, locale);
    }

    private static String label(Map<String, String> known, String action, Locale locale) {
        return known.getOrDefault(action, in(locale).action_other(action.toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    private static AuditSentence generic(AuditView entry, Locale locale) {
        String detail = entry.detail() == null ? "" : entry.detail();
        return AuditSentence.of(in(locale).sentence_other(AuditSentence.slot(0), detail), actor(entry, locale));
    }
}
