package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.MutableClock;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.MailSetup;
import org.thesenforum.web.ProblemException;

/** "Passwort vergessen?": the mail, the one-time link, its expiry, the limits, and the admin's hand-over link. */
@QuarkusTest
class PasswordResetTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NEW_PASSWORD = "frisch-gesetzt-2026";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/password-reset/([A-Za-z0-9_-]+))");

    @Inject
    MockMailbox mailbox;
    @Inject
    AccountClock clock;
    @Inject
    ResetLimiter limiter;
    @Inject
    MailSetup mail;
    @Inject
    LoginThrottle loginThrottle;
    @Inject
    PasswordResets resets;

    @BeforeEach
    void freshState() {
        mailbox.clear();
        limiter.reset();
    }

    @AfterEach
    void restore() {
        clock.use(null);
        mail.override(null);
        limiter.reset();
        loginThrottle.reset();
    }

    private static RequestSpecification api() {
        return given().contentType(ContentType.JSON);
    }

    private static io.restassured.response.ValidatableResponse ask(String email) {
        return api().body(Map.of("email", email)).post("/api/password-resets").then();
    }

    /** The one mail sent to {@code to} and the token of its link. */
    private String tokenMailedTo(String to) {
        List<Mail> mails = mailsTo(to);
        assertEquals(1, mails.size(), "mails to " + to);
        Matcher m = LINK.matcher(mails.get(0).getText());
        assertTrue(m.find(), mails.get(0).getText());
        return m.group(2);
    }

    @Test
    void aKnownAddressGetsAGermanMailWithAOneTimeLink() {
        User user = Fixtures.expert();
        ask(user.email().toUpperCase()).statusCode(202);
        List<Mail> mails = mailsTo(user.email());
        assertEquals(1, mails.size());
        Mail sent = mails.get(0);
        assertEquals("Neues Passwort für das Thesenforum", sent.getSubject());
        assertTrue(sent.getText().contains("Mit diesem Link legen Sie es fest"), sent.getText());
        assertTrue(sent.getText().contains("60 Minuten"), sent.getText());
        String token = tokenMailedTo(user.email());
        assertTrue(sent.getText().contains("/password-reset/" + token));
        assertNotNull(sent.getHtml());
        assertTrue(sent.getHtml().contains("href=\"http://localhost:8081/password-reset/" + token + "\"")
                || sent.getHtml().contains("/password-reset/" + token + "\""), sent.getHtml());
        // Only the hash is stored.
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, PasswordReset.count("tokenHash", token));
            assertEquals(1, PasswordReset.count("tokenHash", DeviceSessions.hash(token)));
        });
    }

    @Test
    void anEnglishReaderGetsTheMailInEnglish() {
        User user = Fixtures.expert();
        api().header("Accept-Language", "en").body(Map.of("email", user.email())).post("/api/password-resets")
                .then().statusCode(202);
        Mail sent = mailsTo(user.email()).get(0);
        assertEquals("A new password for the Thesenforum", sent.getSubject());
        assertTrue(sent.getText().contains("Set it with this link"), sent.getText());
    }

    @Test
    void unknownAndDisabledAddressesGetTheSameAnswerAndNoMail() {
        String unknown = "niemand-" + System.nanoTime() + "@example.org";
        ask(unknown).statusCode(202);
        User disabled = Fixtures.expert();
        ProfileResourceTest.setEnabled(disabled.id(), false);
        ask(disabled.email()).statusCode(202);
        assertTrue(mailbox.getMailsSentTo(unknown).isEmpty());
        assertTrue(mailbox.getMailsSentTo(disabled.email()).isEmpty());
    }

    @Test
    void malformedRequestsAreRefusedAndSendNothing() {
        ask("keine-adresse").statusCode(400).contentType(PROBLEM).body("field", equalTo("email"));
        api().body("{}").post("/api/password-resets").then().statusCode(400).body("field", equalTo("email"));
        api().body("{\"email\": 5}").post("/api/password-resets").then().statusCode(400)
                .body("field", equalTo("email"));
        api().post("/api/password-resets").then().statusCode(400);
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void theLinkSetsAPasswordOnceAndEndsEverySession() {
        User user = Fixtures.expert();
        String session = PageForms.signIn(user);
        ask(user.email()).statusCode(202);
        String token = tokenMailedTo(user.email());
        api().body(Map.of("password", "kurz")).post("/api/password-resets/" + token).then().statusCode(422)
                .body("field", equalTo("password"));
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + token).then().statusCode(204);
        PageForms.browser(session).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(user.email(), NEW_PASSWORD).get("/api/me").then().statusCode(200);
        user.as().get("/api/me").then().statusCode(401);
        api().body(Map.of("password", "noch-ein-passwort")).post("/api/password-resets/" + token).then()
                .statusCode(410).contentType(PROBLEM).body("detail", containsString("schon benutzt"));
    }

    @Test
    void theLinkRevokesEveryApiToken() {
        User user = Fixtures.expert();
        String apiToken = user.as().body(Map.of("name", "Vor dem Zurücksetzen")).post("/api/me/tokens").then()
                .statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + apiToken).get("/api/me").then().statusCode(200);
        ask(user.email()).statusCode(202);
        String token = tokenMailedTo(user.email());
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + token).then().statusCode(204);
        given().header("Authorization", "Bearer " + apiToken).get("/api/me").then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().preemptive().basic(user.email(), NEW_PASSWORD).get("/api/me/tokens").then().statusCode(200)
                .body("", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void usingOneLinkVoidsTheOthers() {
        User user = Fixtures.expert();
        ask(user.email()).statusCode(202);
        ask(user.email()).statusCode(202);
        List<Mail> mails = mailsTo(user.email(), 2);
        assertEquals(2, mails.size());
        String first = token(mails.get(0));
        String second = token(mails.get(1));
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + second).then().statusCode(204);
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + first).then().statusCode(410);
    }

    @Test
    void aLinkExpiresAfterOneHourAndAnUnknownOneIsNotFound() {
        MutableClock time = new MutableClock(Instant.now());
        clock.use(time);
        User user = Fixtures.expert();
        ask(user.email()).statusCode(202);
        String token = tokenMailedTo(user.email());
        time.advance(Duration.ofMinutes(59));
        given().get("/password-reset/" + token).then().statusCode(200);
        time.advance(Duration.ofMinutes(1));
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + token).then().statusCode(410)
                .contentType(PROBLEM).body("detail", containsString("abgelaufen"));
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/gibt-es-nicht").then()
                .statusCode(404).contentType(PROBLEM);
        user.as().get("/api/me").then().statusCode(200);
    }

    @Test
    void requestsAreLimitedPerAddressWithoutRevealingIt() {
        String unknown = "unbekannt-" + System.nanoTime() + "@example.org";
        User user = Fixtures.expert();
        for (int i = 0; i < ResetLimiter.PER_ADDRESS; i++) {
            ask(unknown).statusCode(202);
            ask(user.email()).statusCode(202);
        }
        ask(unknown).statusCode(429).contentType(PROBLEM).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        ask(user.email()).statusCode(429);
        assertEquals(ResetLimiter.PER_ADDRESS, mailsTo(user.email(), ResetLimiter.PER_ADDRESS).size());
    }

    @Test
    void requestsAreLimitedPerRequesterEvenInParallel() throws Exception {
        User user = Fixtures.expert();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ResetLimiter.PER_REQUESTER + 6; i++) {
                String email = i == 0 ? user.email() : "parallel-" + i + "-" + System.nanoTime() + "@example.org";
                answers.add(pool.submit(() -> ask(email).extract().statusCode()));
            }
            int accepted = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                accepted += status == 202 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertEquals(ResetLimiter.PER_REQUESTER, accepted);
            assertEquals(6, limited);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutMailThePageSaysWhomToAskAndNothingIsSent() {
        mail.override(false);
        User user = Fixtures.expert();
        ask(user.email()).statusCode(503).contentType(PROBLEM).body("detail", containsString("Organisator"));
        given().get("/password-reset").then().statusCode(200)
                .body(containsString("verschickt keine E-Mails"))
                .body(org.hamcrest.Matchers.not(containsString("name=\"email\"")));
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void anAdminCreatesALinkToHandOver() {
        User user = Fixtures.expert();
        Account admin = QuarkusTransaction.requiringNew().call(() -> Account.findById(Fixtures.admin().id()));
        String link = QuarkusTransaction.requiringNew().call(() -> resets.createLinkFor(admin, user.id()));
        Matcher m = LINK.matcher(link);
        assertTrue(m.matches(), link);
        api().body(Map.of("password", NEW_PASSWORD)).post("/api/password-resets/" + m.group(2)).then()
                .statusCode(204);
        given().auth().preemptive().basic(user.email(), NEW_PASSWORD).get("/api/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1,
                org.thesenforum.audit.AuditEntry.count("action = ?1 and targetId = ?2", "PASSWORD_RESET_LINK",
                        user.id())));
        Account expert = QuarkusTransaction.requiringNew().call(() -> Account.findById(Fixtures.expert().id()));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> resets.createLinkFor(expert, user.id())));
        assertEquals(403, refused.status());
        assertFalse(link.contains(" "));
    }

    private static String token(Mail mail) {
        Matcher m = LINK.matcher(mail.getText());
        assertTrue(m.find());
        return m.group(2);
    }

    /** The mails sent to {@code to}, once at least one arrived: they are handed over without waiting. */
    private List<Mail> mailsTo(String to) {
        return mailsTo(to, 1);
    }

    /** The mails sent to {@code to}, once at least {@code n} arrived. */
    private List<Mail> mailsTo(String to, int n) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(to), mails -> mails != null && mails.size() >= n);
    }
}
