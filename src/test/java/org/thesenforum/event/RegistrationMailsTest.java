package org.thesenforum.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.web.ForumConfig;

/** Mails are written in the reader's language, and a mail server that fails never fails a registration. */
@QuarkusTest
class RegistrationMailsTest {

    @Inject
    @Location("RegistrationMails/mail.txt")
    Template template;

    @Inject
    EventConfig config;

    @Inject
    ForumConfig forum;

    @Inject
    MockMailbox mailbox;

    private static RegistrationMail mail(RegistrationMail.Kind kind, String to, Locale locale) {
        return new RegistrationMail(kind, to, "Eva", "Fachtag", "Donnerstag, 16. Juni 2016, 10:30–16:00 Uhr",
                "Stiftstr. 15, 30159 Hannover", "http://localhost/veranstaltungen/1",
                "http://localhost/anmeldung/abc", null, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", locale);
    }

    @Test
    void aFailingMailServerIsLoggedAndNothingElse() {
        AtomicInteger tries = new AtomicInteger();
        Mailer failing = new Mailer() {
            @Override
            public void send(Mail... mails) {
                tries.incrementAndGet();
                throw new IllegalStateException("Connection refused");
            }
        };
        RegistrationMails mails = new RegistrationMails(null, null, null, config, forum, failing, template, null);
        mails.send(mail(RegistrationMail.Kind.CONFIRMED, "eva@example.org", Locale.GERMAN));
        assertEquals(1, tries.get());
    }

    @Test
    void englishReadersGetAnEnglishMail() {
        mailbox.clear();
        Mailer real = io.quarkus.arc.Arc.container().instance(Mailer.class).get();
        RegistrationMails mails = new RegistrationMails(null, null, null, config, forum, real, template, null);
        mails.send(mail(RegistrationMail.Kind.WAITLISTED, "eve@example.org", Locale.ENGLISH));
        List<Mail> sent = mailbox.getMailsSentTo("eve@example.org");
        assertEquals(1, sent.size());
        assertEquals("Waiting list: Fachtag", sent.get(0).getSubject());
        assertTrue(sent.get(0).getText().contains("you are on the waiting list"), sent.get(0).getText());
        assertTrue(sent.get(0).getText().contains("http://localhost/anmeldung/abc"));
    }
}
