package org.thesenforum.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.account.Account;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Languages;
import org.thesenforum.web.MailSetup;

/**
 * Notification mails, plain text and HTML, in German with the English text below (the forum stores no language per
 * person): one per notification for those who chose "sofort", one digest a day for those who chose "täglich". Each
 * carries a signed unsubscribe link. Made in the transaction that marks the notifications mailed, sent after its
 * commit, and only when an SMTP host is configured.
 */
@ApplicationScoped
class NotificationMails {

    private static final List<Locale> LANGUAGES = List.of(Languages.GERMAN, Languages.ENGLISH);

    private final Event<NotificationMail> due;
    private final Mailer mailer;
    private final NotificationTexts texts;
    private final UnsubscribeTokens tokens;
    private final ForumConfig forum;
    private final MailSetup mailSetup;
    private final Template text;
    private final Template html;

    NotificationMails(Event<NotificationMail> due, Mailer mailer, NotificationTexts texts, UnsubscribeTokens tokens,
            ForumConfig forum, MailSetup mailSetup,
            @Location("NotificationMails/mail.txt") Template text,
            @Location("NotificationMails/mail.html") Template html) {
        this.due = due;
        this.mailer = mailer;
        this.texts = texts;
        this.tokens = tokens;
        this.forum = forum;
        this.mailSetup = mailSetup;
        this.text = text;
        this.html = html;
    }

    /** One language's part of a mail. */
    public record Part(String lang, String greeting, String intro, List<Line> lines, String openLabel,
            String unsubscribeLabel) {
    }

    /** One line of a mail, with the address it leads to (null for none). */
    public record Line(String text, String url) {
    }

    /** Whether mails go out at all: only with an SMTP host configured. */
    boolean enabled() {
        return mailSetup.configured();
    }

    /** Makes the mail of one notification due after commit. */
    void immediate(Account to, Notification n) {
        List<Part> parts = new ArrayList<>();
        for (Locale locale : LANGUAGES) {
            parts.add(new Part(locale.getLanguage(), greeting(to, locale), null,
                    List.of(new Line(texts.text(n, locale), base() + "/notifications/" + n.seq + "/open")),
                    NotificationTexts.in(locale, NotificationMessages::mail_open),
                    NotificationTexts.in(locale, NotificationMessages::mail_unsubscribe)));
        }
        String subject = NotificationTexts.in(Languages.GERMAN, m -> m.mail_subject(texts.text(n, Languages.GERMAN)));
        fire(to, subject, parts);
    }

    /** Makes the daily digest of {@code items} due after commit: counts by kind, new demands by topic. */
    void digest(Account to, List<Notification> items) {
        List<Part> parts = new ArrayList<>();
        for (Locale locale : LANGUAGES) {
            parts.add(new Part(locale.getLanguage(), greeting(to, locale),
                    NotificationTexts.in(locale, NotificationMessages::mail_digest_intro), summary(items, locale),
                    NotificationTexts.in(locale, NotificationMessages::mail_open),
                    NotificationTexts.in(locale, NotificationMessages::mail_unsubscribe)));
        }
        String subject = NotificationTexts.in(Languages.GERMAN, m -> m.mail_digest_subject(items.size()));
        fire(to, subject, parts);
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationMail mail) {
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()).setHtml(mail.html()));
        } catch (RuntimeException e) {
            Log.warnf("Could not send a notification mail: %s", e.getMessage());
        }
    }

    private List<Line> summary(List<Notification> items, Locale locale) {
        Map<NotificationKind, Long> counts = new LinkedHashMap<>();
        Map<String, Long> demandsByTopic = new LinkedHashMap<>();
        for (Notification n : items) {
            if (n.kind == NotificationKind.NEW_DEMAND) {
                demandsByTopic.merge(NotificationTexts.topic(n, locale), 1L, Long::sum);
            } else {
                counts.merge(n.kind, 1L, Long::sum);
            }
        }
        List<Line> lines = new ArrayList<>();
        add(lines, counts.get(NotificationKind.REPLY), c -> NotificationTexts.in(locale, m -> m.mail_digest_replies(c)));
        add(lines, counts.get(NotificationKind.MENTION),
                c -> NotificationTexts.in(locale, m -> m.mail_digest_mentions(c)));
        demandsByTopic.forEach((topic, c) -> lines.add(
                new Line(NotificationTexts.in(locale, m -> m.mail_digest_demands(c, topic)), null)));
        add(lines, counts.get(NotificationKind.DEMAND_REWORDED),
                c -> NotificationTexts.in(locale, m -> m.mail_digest_reworded(c)));
        long moderation = counts.getOrDefault(NotificationKind.COMMENT_HIDDEN, 0L)
                + counts.getOrDefault(NotificationKind.REVIEW_REQUESTED, 0L)
                + counts.getOrDefault(NotificationKind.REPORT_HANDLED, 0L);
        add(lines, moderation == 0 ? null : moderation,
                c -> NotificationTexts.in(locale, m -> m.mail_digest_moderation(c)));
        return lines;
    }

    private static void add(List<Line> lines, Long count, java.util.function.LongFunction<String> text) {
        if (count != null && count > 0) {
            lines.add(new Line(text.apply(count), null));
        }
    }

    private void fire(Account to, String subject, List<Part> parts) {
        String unsubscribe = base() + "/benachrichtigungen/abmelden/" + tokens.tokenFor(to.id);
        String open = base() + "/notifications";
        Map<String, Object> data = Map.of("parts", parts, "openUrl", open, "unsubscribeUrl", unsubscribe);
        due.fire(new NotificationMail(to.email, subject, render(text, data), render(html, data)));
    }

    private static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render().strip() + "\n";
    }

    private static String greeting(Account to, Locale locale) {
        return NotificationTexts.in(locale, m -> m.mail_greeting(to.displayName));
    }

    private String base() {
        String base = org.thesenforum.web.BaseUrls.configuredOrFallback(forum);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
