package org.thesenforum.account;

import java.util.Locale;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.web.Languages;

/**
 * The mail with a password-reset link, plain text and HTML, in the language of the person who asked; sent after the
 * link is stored (after the commit), and never for a refused request. A failure is logged in one line.
 * <p>
 * The mail is handed to the {@link ReactiveMailer} and not awaited: the request answers as fast for a known address
 * as for an unknown one, so the answer time does not tell whether an address has an account.
 */
@ApplicationScoped
class ResetMails {

    /** A mail that is due once the link is stored. */
    record ResetMail(String to, String name, String link, Locale locale) {

        public long validMinutes() {
            return PasswordResets.VALID.toMinutes();
        }
    }

    private final ReactiveMailer mailer;
    private final Template text;
    private final Template html;

    ResetMails(ReactiveMailer mailer, @Location("ResetMails/mail.txt") Template text,
            @Location("ResetMails/mail.html") Template html) {
        this.mailer = mailer;
        this.text = text;
        this.html = html;
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetMail m) {
        try {
            Locale locale = m.locale() == null ? Languages.DEFAULT : m.locale();
            String rendered = text.data("m", m).setLocale(locale).render().strip() + "\n";
            String subject = rendered.lines().findFirst().orElse("Thesenforum");
            String body = rendered.substring(rendered.indexOf('\n') + 1).strip() + "\n";
            Mail mail = Mail.withText(m.to(), subject, body);
            mail.setHtml(html.data("m", m).data("subject", subject).setLocale(locale).render());
            deliver(mail);
        } catch (RuntimeException e) {
            Log.warnf("Could not send the password-reset mail: %s", e.getMessage());
        }
    }

    /** Hands the mail over without waiting for the SMTP server; a failure is logged later, off the request. */
    void deliver(Mail mail) {
        mailer.send(mail).subscribe().with(ok -> {
        }, e -> Log.warnf("Could not send the password-reset mail: %s", e.getMessage()));
    }
}
