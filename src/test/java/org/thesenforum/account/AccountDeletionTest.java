package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.PageForms;
import org.thesenforum.web.ProblemException;

/** Deleting one's own account: personal data gone, contributions kept as by "gelöschtes Konto". */
@QuarkusTest
class AccountDeletionTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ProfileService profiles;
    @Inject
    LoginThrottle loginThrottle;
    @Inject
    SkeletonBackfill backfill;

    @AfterEach
    void forgetFailedLogins() {
        loginThrottle.reset();
    }

    @Test
    void deletingNeedsTheRightPassword() {
        User user = Fixtures.expert();
        user.as().body(Map.of("password", "nicht-das-passwort")).delete("/api/me").then().statusCode(403)
                .contentType(PROBLEM).body("field", equalTo("password"));
        user.as().body(Map.of()).delete("/api/me").then().statusCode(422).body("field", equalTo("password"));
        user.as().body("{\"password\": true}").delete("/api/me").then().statusCode(400)
                .body("field", equalTo("password"));
        user.as().delete("/api/me").then().statusCode(400);
        user.as().get("/api/me").then().statusCode(200);
    }

    @Test
    void deletingErasesNotificationsFollowsReadMarksDigestClaimsAndReportReasons() {
        User user = Fixtures.expert();
        User other = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        long comment = Fixtures.comment(topic, other, "Ein gemeldeter Beitrag", null);
        java.time.Instant now = java.time.Instant.now();
        long[] report = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            for (long owner : new long[] { user.id(), other.id() }) {
                org.thesenforum.notification.Notification n = new org.thesenforum.notification.Notification();
                n.accountId = owner;
                n.seq = 1_000_000 + owner;
                n.kind = org.thesenforum.notification.NotificationKind.MENTION;
                n.topicId = topic;
                n.summary = "Persönliche Zusammenfassung";
                n.createdAt = now;
                n.persist();
            }
            org.thesenforum.notification.TopicFollow f = new org.thesenforum.notification.TopicFollow();
            f.accountId = user.id();
            f.topicId = topic;
            f.followed = true;
            f.updatedAt = now;
            f.persist();
            org.thesenforum.comment.TopicRead r = new org.thesenforum.comment.TopicRead();
            r.accountId = user.id();
            r.topicId = topic;
            r.readAt = now;
            r.persist();
            Account.getEntityManager().createNativeQuery(
                    "INSERT INTO digest_claims (account_id, digest_day, claimed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, user.id()).setParameter(2, java.time.LocalDate.of(2026, 1, 2))
                    .setParameter(3, now).executeUpdate();
            org.thesenforum.moderation.Report rep = new org.thesenforum.moderation.Report();
            rep.discussionId = org.thesenforum.discussion.Discussion.findBySlug(Fixtures.SLUG).orElseThrow().id;
            rep.kind = org.thesenforum.moderation.Report.Kind.REPORT;
            rep.target = org.thesenforum.moderation.Report.Target.COMMENT;
            rep.targetId = comment;
            rep.reporter = Account.findById(user.id());
            rep.reason = "Mein persönlicher Grund, Name Mustermann";
            rep.createdAt = now;
            rep.status = org.thesenforum.moderation.Report.Status.OPEN;
            rep.persist();
            report[0] = rep.id;
        });

        user.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, org.thesenforum.notification.Notification.count("accountId", user.id()));
            assertEquals(1, org.thesenforum.notification.Notification.count("accountId", other.id()));
            assertEquals(0, org.thesenforum.notification.TopicFollow.count("accountId", user.id()));
            assertEquals(0, org.thesenforum.comment.TopicRead.count("accountId", user.id()));
            assertEquals(0L, ((Number) Account.getEntityManager()
                    .createNativeQuery("SELECT COUNT(*) FROM digest_claims WHERE account_id = ?1")
                    .setParameter(1, user.id()).getSingleResult()).longValue());
            org.thesenforum.moderation.Report rep = org.thesenforum.moderation.Report.findById(report[0]);
            assertFalse(rep.reason.contains("Mustermann"), rep.reason);
        });
    }

    @Test
    void aDeletedAccountLosesItsDataAndSessionsButItsCommentsStayUnsigned() {
        User user = Fixtures.expert();
        String name = user.as().get("/api/me").then().extract().path("displayName");
        String organisation = "Büro vor dem Löschen " + System.nanoTime();
        user.as().body(Map.of("organisation", organisation)).patch("/api/me").then().statusCode(200);
        String session = PageForms.signIn(user);
        long topic = Fixtures.freshTopic();
        String changes = "/api/discussions/" + Fixtures.SLUG + "/changes?limit=1000&since="
                + given().get("/api/discussions/" + Fixtures.SLUG).then().extract().path("lastEventSeq");
        long comment = user.as().body(Map.of("body", "Ein Beitrag, der bleiben soll"))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        // A reply names whom it answers.
        Fixtures.expert().as().body(Map.of("body", "Eine Antwort darauf", "parentId", comment))
                .post("/api/topics/" + topic + "/comments").then().statusCode(201);
        user.as().body(Map.of("title", "Eine Forderung, die bleiben soll", "text", "Mehr Räume im Quartier",
                "topicIds", java.util.List.of(topic))).post("/api/discussions/" + Fixtures.SLUG + "/demands").then()
                .statusCode(201);
        given().get(changes).then().body(containsString(name)).body(containsString(organisation));

        user.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);

        // The live log's replay names no one either, for readers and for moderators.
        for (io.restassured.specification.RequestSpecification reader : java.util.List.of(given(),
                Fixtures.moderator().as())) {
            reader.get(changes).then().statusCode(200).body(containsString("Ein Beitrag, der bleiben soll"))
                    .body(containsString("Eine Antwort darauf"))
                    .body(containsString("Eine Forderung, die bleiben soll"))
                    .body(containsString("gelöschtes Konto")).body(not(containsString(name)))
                    .body(not(containsString(organisation)));
        }

        user.as().get("/api/me").then().statusCode(401);
        PageForms.browser(session).get("/api/me").then().statusCode(401);
        PageForms.open("/login", null).post().formParam("email", user.email())
                .formParam("password", Fixtures.PASSWORD).post("/login").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.findById(user.id());
            assertTrue(a.deleted());
            assertFalse(a.enabled);
            assertFalse(a.email.contains(user.email().substring(0, user.email().indexOf('@'))), a.email);
            assertNull(a.organisation);
            assertNull(a.place);
            assertFalse(Account.findByEmail(user.email()).isPresent());
            assertEquals(0, DeviceSession.countOf(user.id()));
        });

        given().get("/topics/" + topic).then().statusCode(200)
                .body(containsString("Ein Beitrag, der bleiben soll"))
                .body(containsString("gelöschtes Konto"))
                .body(not(containsString(name)))
                .body(not(containsString(organisation)));
        given().header("Accept-Language", "en").get("/topics/" + topic).then().statusCode(200)
                .body(containsString("deleted account"));
        given().get("/api/topics/" + topic + "/comments").then().statusCode(200)
                .body("find { it.id == " + comment + " }.author.displayName", equalTo("gelöschtes Konto"))
                .body("find { it.id == " + comment + " }.author.organisation", nullValue());
    }

    @Test
    void theAddressOfADeletedAccountCanRegisterAgain() {
        User user = Fixtures.expert();
        user.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);
        String code = Fixtures.admin().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                .extract().path("code");
        given().contentType("application/json").body(Map.of("invitationCode", code,
                "displayName", "Neu " + System.nanoTime(), "email", user.email(), "password", "lang-genug-123"))
                .post("/api/accounts").then().statusCode(201);
        // The start-up backfill leaves deleted accounts without skeletons, so they never block a name or address.
        backfill.fill();
        QuarkusTransaction.requiringNew().run(() -> {
            Account deleted = Account.findById(user.id());
            assertNull(deleted.emailSkeleton);
            assertNull(deleted.displayNameSkeleton);
        });
    }

    @Test
    void anAdminMayDeleteThemselfWhileAnotherAdminRemains() {
        User admin = Fixtures.admin();
        Fixtures.admin();
        admin.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);
        Fixtures.admin().as().get("/api/accounts").then().statusCode(200)
                .body("id", hasItem((int) admin.id()));
        QuarkusTransaction.requiringNew().run(() -> assertEquals(Role.EXPERT,
                Account.<Account>findById(admin.id()).role, "a deleted admin no longer counts as one"));
    }

    @Test
    void theLastAdminCannotDeleteThemself() {
        User admin = Fixtures.admin();
        ProblemException refused = assertThrows(ProblemException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    // Only in this transaction, which the refusal rolls back: every other admin is one no more.
                    Account.update("role = ?1 where role = ?2 and id <> ?3", Role.MODERATOR, Role.ADMIN, admin.id());
                    profiles.delete(Account.findById(admin.id()), Fixtures.PASSWORD, "127.0.0.1");
                }));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("letzte"), refused.getMessage());
        admin.as().get("/api/me").then().statusCode(200).body("role", equalTo("ADMIN"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Account.count("role", Role.ADMIN)) > 1);
    }
}
