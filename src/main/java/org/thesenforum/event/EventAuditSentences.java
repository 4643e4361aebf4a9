package org.thesenforum.event;

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

/** Tells the organisers' work on events (creating, editing, opening and closing registration) in sentences. */
@ApplicationScoped
class EventAuditSentences implements AuditSentences {

    private static final Set<String> ON_EVENTS = Set.of("EVENT_CREATED", "EVENT_EDITED",
            "EVENT_REGISTRATION_CLOSED", "EVENT_REGISTRATION_REOPENED");
    private static final String INVITED = "EVENT_REGISTRATION_INVITED";

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of("EVENT_CREATED", m.action_event_created(), "EVENT_EDITED", m.action_event_edited(),
                "EVENT_REGISTRATION_CLOSED", m.action_event_registration_closed(), "EVENT_REGISTRATION_REOPENED",
                m.action_event_registration_reopened(), INVITED, m.action_event_registration_invited());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        for (AuditView e : AuditTexts.only(entries, ON_EVENTS)) {
            ForumEvent event = e.targetId() == null ? null : ForumEvent.findById(e.targetId());
            String message = switch (e.action()) {
                case "EVENT_CREATED" -> m.sentence_event_created(slot(0), slot(1));
                case "EVENT_EDITED" -> m.sentence_event_edited(slot(0), slot(1));
                case "EVENT_REGISTRATION_CLOSED" -> m.sentence_event_registration_closed(slot(0), slot(1));
                default -> m.sentence_event_registration_reopened(slot(0), slot(1));
            };
            sentences.put(e.id(), AuditSentence.of(message, AuditTexts.actor(e, locale), event(event, locale)));
        }
        for (AuditView e : AuditTexts.only(entries, Set.of(INVITED))) {
            Registration r = e.targetId() == null ? null : Registration.findById(e.targetId());
            sentences.put(e.id(), AuditSentence.of(m.sentence_event_registration_invited(slot(0), slot(1)),
                    AuditTexts.actor(e, locale), event(r == null ? null : r.event, locale)));
        }
        return sentences;
    }

    private static Part event(ForumEvent event, Locale locale) {
        return AuditTexts.named(event == null ? null : event.title,
                event == null ? null : "/veranstaltungen/" + event.id, locale);
    }
}
