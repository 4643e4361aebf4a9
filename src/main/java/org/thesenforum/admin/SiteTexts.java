package org.thesenforum.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.Role;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** The texts of the Impressum and the privacy statement: read by everyone, written by admins. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteTexts {

    /** Long enough for a thorough privacy statement. */
    public static final int MAX_LENGTH = 20_000;

    private final AuditLog audit;

    SiteTexts(AuditLog audit) {
        this.audit = audit;
    }

    /** The text admins wrote for the page, or empty while nobody has. */
    public Optional<SiteText> text(SitePage page) {
        return SiteText.findByName(page.slug());
    }

    /** Stores the page's text; an empty text brings back the default that says it has not been written yet. */
    @Transactional
    public void write(SitePage page, String body, Account admin) {
        if (admin == null || !admin.role.atLeast(Role.ADMIN)) {
            throw ProblemException.forbidden(Text.of(AdminMessages.class, AdminMessages::problem_admins_only));
        }
        String text = body == null || body.isBlank() ? null : Inputs.requiredText("body", body, MAX_LENGTH);
        Optional<SiteText> stored = SiteText.findByName(page.slug());
        if (text == null) {
            stored.ifPresent(SiteText::delete);
        } else {
            SiteText t = stored.orElseGet(SiteText::new);
            t.name = page.slug();
            t.body = text;
            t.updatedBy = admin.id;
            t.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            t.persist();
        }
        audit.record(admin.id, "SITE_TEXT_CHANGED", "site_text", null, page.slug());
    }
}
