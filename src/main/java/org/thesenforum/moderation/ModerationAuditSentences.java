package org.thesenforum.moderation;

import static org.thesenforum.audit.AuditSentence.slot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditMessages;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditSentence.Part;
import org.thesenforum.audit.AuditSentences;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.web.Languages;

/**
 * Tells how moderators decided reports and review requests ({@code REPORT_<outcome>}, recorded by
 * {@link ReportService}) in sentences, naming the comment or demand they were about.
 */
@ApplicationScoped
class ModerationAuditSentences implements AuditSentences {

    private static final String PREFIX = "REPORT_";

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of(PREFIX + Report.Outcome.HIDDEN.name(), m.action_report_hidden(),
                PREFIX + Report.Outcome.DISMISSED.name(), m.action_report_dismissed(),
                PREFIX + Report.Outcome.UNHIDDEN.name(), m.action_report_unhidden(),
                PREFIX + Report.Outcome.KEPT_HIDDEN.name(), m.action_report_kept_hidden());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        List<AuditView> mine = AuditTexts.only(entries, actions(locale).keySet());
        if (mine.isEmpty()) {
            return Map.of();
        }
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        for (AuditView e : mine) {
            Report report = e.targetId() == null ? null : Report.findById(e.targetId());
            boolean demand = report != null && report.target == Report.Target.DEMAND;
            String message = switch (e.action().substring(PREFIX.length())) {
                // A reported demand that is "hidden" is rejected (ReportService).
                case "HIDDEN" -> demand ? m.sentence_report_rejected(slot(0), slot(1))
                        : m.sentence_report_hidden(slot(0), slot(1));
                case "DISMISSED" -> m.sentence_report_dismissed(slot(0), slot(1));
                case "UNHIDDEN" -> m.sentence_report_unhidden(slot(0), slot(1));
                default -> m.sentence_report_kept_hidden(slot(0), slot(1));
            };
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale), target(report, locale)));
        }
        return sentences;
    }

    /** What the report was about: a comment by its author and topic, or a demand by its title. */
    private static Part target(Report report, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        if (report != null && report.target == Report.Target.COMMENT) {
            Comment c = Comment.findById(report.targetId);
            String topic = c == null ? null
                    : Languages.bundle(DiscussionMessages.class, locale).topic_label(c.topic.kind, c.topic.number);
            String author = c == null || c.author == null ? m.unknown_target() : c.author.displayName;
            return AuditTexts.named(c == null ? null : m.report_comment(author, topic), "/comments/" + report.targetId,
                    locale);
        }
        Demand d = report == null ? null : Demand.findById(report.targetId);
        return AuditTexts.named(d == null ? null : m.report_demand(d.title),
                d == null ? null : "/discussions/" + d.discussion.slug + "/demands#d" + d.id, locale);
    }
}
