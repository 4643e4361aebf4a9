package org.thesenforum.comment;

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
import org.thesenforum.discussion.DiscussionMessages;

/** Tells the moderation of comments (hiding and showing again) in sentences. */
@ApplicationScoped
class CommentAuditSentences implements AuditSentences {

    private static final Set<String> ACTIONS = Set.of("COMMENT_HIDDEN", "COMMENT_UNHIDDEN");

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of("COMMENT_HIDDEN", m.action_comment_hidden(), "COMMENT_UNHIDDEN", m.action_comment_unhidden());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        List<AuditView> mine = AuditTexts.only(entries, ACTIONS);
        if (mine.isEmpty()) {
            return Map.of();
        }
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, Comment> comments = Comment.<Comment>list("id in ?1", AuditTexts.targets(mine)).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, AuditSentence> sentences = new HashMap<>();
        for (AuditView e : mine) {
            Comment c = comments.get(e.targetId());
            Part author = AuditSentence.text(c == null || c.author == null ? m.unknown_target() : c.author.displayName);
            Part topic = AuditTexts.named(c == null ? null
                    : Languages.bundle(DiscussionMessages.class, locale).topic_label(c.topic.kind, c.topic.number),
                    c == null ? null : "/comments/" + c.id, locale);
            String message = "COMMENT_HIDDEN".equals(e.action())
                    ? m.sentence_comment_hidden(slot(0), slot(1), slot(2), e.detail())
                    : m.sentence_comment_unhidden(slot(0), slot(1), slot(2));
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale), author, topic));
        }
        return sentences;
    }
}
