package org.thesenforum.admin;

import static org.thesenforum.audit.AuditSentence.slot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditSentences;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.web.Languages;

/** Tells changes to the Impressum and the privacy statement in sentences. */
@ApplicationScoped
class SiteTextAuditSentences implements AuditSentences {

    private static final String CHANGED = "SITE_TEXT_CHANGED";

    @Override
    public Map<String, String> actions(Locale locale) {
        return Map.of(CHANGED, AuditTexts.in(locale).action_site_text_changed());
    }

    @Override
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        Map<Long, AuditSentence> sentences = new HashMap<>();
        AdminMessages m = Languages.bundle(AdminMessages.class, locale);
        for (AuditView e : AuditTexts.only(entries, Set.of(CHANGED))) {
            AuditSentence.Part page = SitePage.of(e.detail())
                    .map(p -> AuditSentence.link(m.site_page_title(p), "/" + p.slug()))
                    .orElse(AuditSentence.text(e.detail()));
            sentences.put(e.id(), AuditSentence.of(AuditTexts.in(locale).sentence_site_text_changed(slot(0),
                    slot(1)), AuditTexts.actor(e, locale), page));
        }
        return sentences;
    }
}
