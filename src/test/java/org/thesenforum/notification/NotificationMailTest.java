package org.thesenforum.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.account.EmailNotifications;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.testing.PageForms;

/** Notification mails: one per notification, the daily digest once per day, and the unsubscribe link. */
@QuarkusTest
class NotificationMailTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("http\\S*(/benachrichtigungen/abmelden/\\S+)");

    @Inject
    MockMailbox mailbox;
    @Inject
    NotificationClock clock;
    @Inject
    NotificationDigest digest;

    @AfterEach
    void systemClock() {
        clock.use(null);
    }

    private static void settings(User user, EmailNotifications mode, int hour) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.findById(user.id());
            a.emailNotifications = mode;
            a.digestHour = hour;
        });
    }

    private static long post(User author, long topic, String body, Long parentId) {
        Map<String, Object> request = parentId == null ? Map.of("body", body) : Map.of("body", body, "parentId", parentId);
        return author.as().body(request).post("/api/topics/" + topic + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static EmailNotifications mode(User user) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(user.id()).emailNotifications);
    }

    @Test
    void immediateSendsOneMailPerNotificationInGermanAndEnglish() {
        User maria = Fixtures.expert();
        settings(maria, EmailNotifications.IMMEDIATE, 7);
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(Fixtures.expert(), topic, "Antwort eins", comment);
        post(Fixtures.expert(), topic, "Antwort zwei", comment);

        List<Mail> mails = mailbox.getMailsSentTo(maria.email());
        assertEquals(2, mails.size());
        Mail mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Thesenforum: "), mail.getSubject());
        assertTrue(mail.getSubject().contains("hat auf Ihren Beitrag in Ansatz"), mail.getSubject());
        assertTrue(mail.getText().contains("/notifications/1/open"), mail.getText());
        assertTrue(mail.getText().contains("replied to your comment"), mail.getText());
        assertTrue(mail.getText().contains("/benachrichtigungen/abmelden/"), mail.getText());
        assertTrue(mail.getHtml().contains("<a href="), mail.getHtml());
        // Marked mailed, so no digest repeats them.
        long unmailed = QuarkusTransaction.requiringNew().call(
                () -> Notification.count("accountId = ?1 and emailedAt is null", maria.id()));
        assertEquals(0, unmailed);
    }

    @Test
    void offAndDigestSendNothingAtOnce() {
        User off = Fixtures.expert();
        User daily = Fixtures.expert();
        settings(off, EmailNotifications.OFF, 7);
        settings(daily, EmailNotifications.DIGEST, 7);
        long topic = Fixtures.freshTopic();
        long c1 = post(off, topic, "Eins", null);
        long c2 = post(daily, topic, "Zwei", null);
        User other = Fixtures.expert();
        post(other, topic, "Antwort", c1);
        post(other, topic, "Antwort", c2);
        assertEquals(0, mailbox.getMailsSentTo(off.email()).size());
        assertEquals(0, mailbox.getMailsSentTo(daily.email()).size());
    }

    @Test
    void theDigestGoesOutOnceAtTheChosenHourEvenWhenTheJobRunsTwice() throws Exception {
        // 05:10 UTC is 06:10 in Berlin in winter.
        MutableClock time = new MutableClock(ZonedDateTime.parse("2026-12-01T06:10:00+01:00[Europe/Berlin]")
                .toInstant());
        clock.use(time);
        User maria = Fixtures.expert();
        settings(maria, EmailNotifications.DIGEST, 8);
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        for (int i = 0; i < 3; i++) {
            post(Fixtures.expert(), topic, "Antwort " + i, comment);
        }
        maria.as().put("/api/topics/" + topic + "/follow").then().statusCode(200);
        Fixtures.expert().as().body(Map.of("title", "Mehr Räume", "text", "Für alle", "topicIds", List.of(topic)))
                .post("/api/discussions/" + Fixtures.SLUG + "/demands").then().statusCode(201);

        digest.run();
        assertEquals(0, mailbox.getMailsSentTo(maria.email()).size(), "not before the chosen hour");

        time.advance(Duration.ofHours(2));
        // Two instances at once: the claim lets one of them send.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(digest::run);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(digest::run);
        first.get();
        second.get();
        digest.run();

        List<Mail> mails = mailbox.getMailsSentTo(maria.email());
        assertEquals(1, mails.size());
        String text = mails.get(0).getText();
        assertEquals("Thesenforum: 4 neue Benachrichtigungen", mails.get(0).getSubject());
        assertTrue(text.contains("3 neue Antworten auf Ihre Beiträge"), text);
        assertTrue(text.contains("1 neue Forderung zu Ansatz"), text);
        assertTrue(text.contains("3 new replies to your comments"), text);

        // The next day's digest carries only what came since.
        time.advance(Duration.ofDays(1));
        digest.run();
        assertEquals(1, mailbox.getMailsSentTo(maria.email()).size());
        post(Fixtures.expert(), topic, "Noch eine", comment);
        time.advance(Duration.ofDays(1));
        digest.run();
        List<Mail> later = mailbox.getMailsSentTo(maria.email());
        assertEquals(2, later.size());
        assertTrue(later.get(1).getText().contains("1 neue Antwort auf Ihre Beiträge"), later.get(1).getText());
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSigningInAfterAConfirmation() {
        User maria = Fixtures.expert();
        settings(maria, EmailNotifications.IMMEDIATE, 7);
        long topic = Fixtures.freshTopic();
        long comment = post(maria, topic, "Erster Gedanke", null);
        post(Fixtures.expert(), topic, "Antwort", comment);
        Matcher link = UNSUBSCRIBE.matcher(mailbox.getMailsSentTo(maria.email()).get(0).getText());
        assertTrue(link.find());
        String path = link.group(1);

        // Looking at the page changes nothing.
        Response page = given().get(path);
        // The address is masked: the link may have reached someone else.
        String email = maria.email();
        String masked = email.charAt(0) + "…" + email.substring(email.lastIndexOf('@'));
        page.then().statusCode(200).body(containsString(masked)).body(not(containsString(email)));
        assertEquals(EmailNotifications.IMMEDIATE, mode(maria));

        PageForms.Form form = PageForms.open(path, null);
        form.post().post(path).then().statusCode(200).body(containsString("unsubscribe-done"));
        assertEquals(EmailNotifications.OFF, mode(maria));
    }

    @Test
    void aForgedTokenIsRefused() {
        User maria = Fixtures.expert();
        User eve = Fixtures.expert();
        settings(maria, EmailNotifications.IMMEDIATE, 7);
        long topic = Fixtures.freshTopic();
        long comment = post(eve, topic, "Erster Gedanke", null);
        post(maria, topic, "Antwort", comment);
        Matcher link = UNSUBSCRIBE.matcher(mailbox.getMailsSentTo(eve.email()).get(0).getText());
        assertTrue(link.find());
        String evesToken = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);
        String forged = maria.id() + evesToken.substring(evesToken.indexOf('.'));
        for (String token : List.of(forged, String.valueOf(maria.id()), "x.y", maria.id() + ".")) {
            given().get("/benachrichtigungen/abmelden/" + token).then().statusCode(404)
                    .body(containsString("unsubscribe-invalid"));
        }
        PageForms.Form form = PageForms.open("/login", null);
        form.post().post("/benachrichtigungen/abmelden/" + forged).then().statusCode(404);
        assertEquals(EmailNotifications.IMMEDIATE, mode(maria));
    }
}
