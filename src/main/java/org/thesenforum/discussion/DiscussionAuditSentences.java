package org.thesenforum.discussion;

import static org.thesenforum.audit.AuditSentence.slot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.thesenforum.web.Languages;

/** Tells the audit entries of discussions and topics (archiving, locking, paper imports) in sentences. */
@ApplicationScoped
class DiscussionAuditSentences implements AuditSentences {

    private static final Set<String> DISCUSSION_ACTIONS =
            Set.of("DISCUSSION_ARCHIVED", "DISCUSSION_REOPENED", "PAPER_IMPORTED");
    private static final Set<String> TOPIC_ACTIONS = Set.of("TOPIC_LOCKED", "TOPIC_UNLOCKED");

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of("DISCUSSION_ARCHIVED", m.action_discussion_archived(), "DISCUSSION_REOPENED",
                m.action_discussion_reopened(), "PAPER_IMPORTED", m.action_paper_imported(), "TOPIC_LOCKED",
                m.action_topic_locked(), "TOPIC_UNLOCKED", m.action_topic_unlocked());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        List<AuditView> onDiscussions = AuditTexts.only(entries, DISCUSSION_ACTIONS);
        Map<Long, Discussion> discussions = byId(Discussion.list("id in ?1", ids(onDiscussions)));
        for (AuditView e : onDiscussions) {
            Part actor = AuditTexts.actor(e, locale);
            Part discussion = discussion(discussions.get(e.targetId()), locale);
            String message = switch (e.action()) {
                case "DISCUSSION_ARCHIVED" -> m.sentence_discussion_archived(slot(0), slot(1));
                case "DISCUSSION_REOPENED" -> m.sentence_discussion_reopened(slot(0), slot(1));
                default -> m.sentence_paper_imported(slot(0), slot(1));
            };
            sentences.put(e.id(), AuditSentence.of(message, actor, discussion));
        }
        List<AuditView> onTopics = AuditTexts.only(entries, TOPIC_ACTIONS);
        Map<Long, Topic> topics = byId(Topic.list("id in ?1", ids(onTopics)));
        for (AuditView e : onTopics) {
            Part topic = topic(topics.get(e.targetId()), locale);
            String message = "TOPIC_LOCKED".equals(e.action()) ? m.sentence_topic_locked(slot(0), slot(1))
                    : m.sentence_topic_unlocked(slot(0), slot(1));
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale), topic));
        }
        return sentences;
    }

    /** A discussion by its title, linked to its overview. */
    public static Part discussion(Discussion d, Locale locale) {
        return AuditTexts.named(d == null ? null : d.title, d == null ? null : "/discussions/" + d.slug,
                locale);
    }

    /** A topic by its label in the reader's language ("These 2"), linked to its page. */
    public static Part topic(Topic t, Locale locale) {
        return AuditTexts.named(t == null ? null
                : Languages.bundle(DiscussionMessages.class, locale).topic_label(t.kind, t.number),
                t == null ? null : "/topics/" + t.id, locale);
    }

    private static List<Long> ids(List<AuditView> entries) {
        List<Long> ids = AuditTexts.targets(entries);
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private static <T extends io.quarkus.hibernate.orm.panache.PanacheEntity> Map<Long, T> byId(List<T> found) {
        return found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }
}
