package org.thesenforum.meeting;

import static org.thesenforum.audit.AuditSentence.slot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditMessages;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditSentence.Part;
import org.thesenforum.audit.AuditSentences;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.discussion.Discussion;

/** Tells the moderation of live meetings (agenda, calling an item, start and end) in sentences. */
@ApplicationScoped
class MeetingAuditSentences implements AuditSentences {

    private static final Set<String> ACTIONS =
            Set.of("MEETING_AGENDA", "MEETING_FOCUS", "MEETING_STARTED", "MEETING_ENDED");

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of("MEETING_AGENDA", m.action_meeting_agenda(), "MEETING_FOCUS", m.action_meeting_focus(),
                "MEETING_STARTED", m.action_meeting_started(), "MEETING_ENDED", m.action_meeting_ended());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        for (AuditView e : AuditTexts.only(entries, ACTIONS)) {
            Discussion d = e.targetId() == null ? null : Discussion.findById(e.targetId());
            Part discussion = AuditTexts.named(d == null ? null : d.title,
                    d == null ? null : "/discussions/" + d.slug + "/sitzung", locale);
            String message = switch (e.action()) {
                case "MEETING_AGENDA" -> m.sentence_meeting_agenda(slot(0), slot(1), number(e.detail()));
                case "MEETING_FOCUS" -> m.sentence_meeting_focus(slot(0), slot(1), item(e.detail()));
                case "MEETING_STARTED" -> m.sentence_meeting_started(slot(0), slot(1));
                default -> m.sentence_meeting_ended(slot(0), slot(1));
            };
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale), discussion));
        }
        return sentences;
    }

    /** The count of an "8 items" detail. */
    private static int number(String detail) {
        try {
            return detail == null ? 0 : Integer.parseInt(detail.split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The title of the agenda item an "item 42" detail names; null for a pause. */
    private static String item(String detail) {
        if (detail == null || !detail.startsWith("item ")) {
            return null;
        }
        try {
            AgendaItem item = AgendaItem.findById(Long.valueOf(detail.substring(5).trim()));
            return item == null ? "" : item.title;
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
