package org.thesenforum.event;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Languages;

/**
 * E-mails to registered people (confirmation with the cancel link and the calendar file, moving up from the waiting
 * list, the invitation to the forum), sent through Quarkus Mailer after the commit and only when an SMTP host is
 * configured. A failure is logged in one line and never undoes the registration.
 */
@ApplicationScoped
class RegistrationMails {

    private final Event<RegistrationMail> due;
    private final EventCalendar calendar;
    private final EventClock clock;
    private final EventConfig config;
    private final ForumConfig forum;
    private final Mailer mailer;
    private final Template mail;
    private final EventFormat format;

    RegistrationMails(Event<RegistrationMail> due, EventCalendar calendar, EventClock clock, EventConfig config,
            ForumConfig forum, Mailer mailer, @Location("RegistrationMails/mail.txt") Template mail,
            EventFormat format) {
        this.due = due;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
        this.forum = forum;
        this.mailer = mailer;
        this.mail = mail;
        this.format = format;
    }

    /** Makes a mail of {@code kind} to {@code r} due once the transaction commits; nothing without an address. */
    void due(RegistrationMail.Kind kind, Registration r, String cancelUrl, String invitationUrl, Locale locale) {
        if (config.smtpHost().isEmpty() || r.email == null) {
            return;
        }
        ForumEvent e = r.event;
        due.fire(new RegistrationMail(kind, r.email, r.name, e.title, format.when(e, locale),
                EventCalendar.location(e), base() + "/veranstaltungen/" + e.id, cancelUrl, invitationUrl,
                calendar.ics(e, clock.now()).orElse(null), locale));
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationMail m) {
        try {
            Locale locale = m.locale() == null ? Languages.DEFAULT : m.locale();
            String text = mail.data("m", m).setLocale(locale).render().strip() + "\n";
            String subject = text.lines().findFirst().orElse(m.eventTitle());
            String body = text.substring(text.indexOf('\n') + 1).strip() + "\n";
            Mail message = Mail.withText(m.to(), subject, body);
            if (m.attachesCalendar()) {
                message.addAttachment("veranstaltung.ics", m.calendar().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8");
            }
            mailer.send(message);
        } catch (RuntimeException e) {
            Log.warnf("Could not send the %s mail of event \"%s\": %s", m.kind(), m.eventTitle(), e.getMessage());
        }
    }

    private String base() {
        return org.thesenforum.web.BaseUrls.configuredOrFallback(forum);
    }
}
