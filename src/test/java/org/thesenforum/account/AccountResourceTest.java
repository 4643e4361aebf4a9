package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class AccountResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NEW_PASSWORD = "lange-genug-1234";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    LoginThrottle loginThrottle;

    /** Wrong passwords in these tests must not lock out the shared test address for later tests. */
    @AfterEach
    void forgetFailedLogins() {
        loginThrottle.reset();
    }

    // --- invitations ---

    @Test
    void moderatorsAndAdminsCreateInvitations() {
        Fixtures.moderator().as().body(Map.of("maxUses", 3, "validDays", 7, "note", "Stadtteilkonferenz"))
                .post("/api/invitations").then().statusCode(201)
                .body("code", matchesPattern("[0-9a-f]{32}"))
                .body("url", containsString("/register?code="))
                .body("maxUses", equalTo(3))
                .body("uses", equalTo(0))
                .body("note", equalTo("Stadtteilkonferenz"))
                .body("expiresAt", notNullValue())
                .body("createdBy", startsWith("Test Moderator"));
        Fixtures.admin().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                .body("maxUses", equalTo(1));
    }

    @Test
    void invitationUrlCarriesItsCode() {
        var created = Fixtures.moderator().as().body(Map.of()).post("/api/invitations").then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getString("url"), endsWith("/register?code=" + created.getString("code")));
    }

    @Test
    void expertsAndAnonymousCannotCreateInvitations() {
        Fixtures.expert().as().body(Map.of()).post("/api/invitations").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/invitations").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", startsWith("Basic"));
        Fixtures.expert().as().get("/api/invitations").then().statusCode(403);
        given().get("/api/invitations").then().statusCode(401);
        Fixtures.moderator().as().get("/api/invitations").then().statusCode(200);
    }

    @Test
    void invitationLimitsAreChecked() {
        User moderator = Fixtures.moderator();
        for (int maxUses : new int[] { 0, -1, InvitationService.MAX_USES + 1 }) {
            moderator.as().body(Map.of("maxUses", maxUses)).post("/api/invitations").then().statusCode(422)
                    .contentType(PROBLEM).body("field", equalTo("maxUses"));
        }
        for (int days : new int[] { 0, InvitationService.MAX_VALID_DAYS + 1 }) {
            moderator.as().body(Map.of("validDays", days)).post("/api/invitations").then().statusCode(422)
                    .body("field", equalTo("validDays"));
        }
        moderator.as().body(Map.of("note", "mit\u0000Null")).post("/api/invitations").then().statusCode(422)
                .body("field", equalTo("note"));
        moderator.as().body(Map.of("maxUses", InvitationService.MAX_USES, "validDays", 365))
                .post("/api/invitations").then().statusCode(201);
    }

    // --- registration ---

    @Test
    void invitedPersonRegistersAndSignsInWithBasic() {
        String code = invitation(1);
        String email = uniqueEmail();
        long before = Fixtures.accountCount();
        var created = register(registration(code, email)).statusCode(201)
                .body("email", equalTo(email))
                .body("displayName", startsWith("Dora Neu "))
                .body("organisation", equalTo("Nachbarschaftshaus"))
                .body("place", equalTo("Kassel"))
                .body("role", equalTo("EXPERT"))
                .body("enabled", is(true))
                .body("$", not(hasKey("passwordHash")))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location"), endsWith("/api/accounts/" + id));
        assertEquals(before + 1, Fixtures.accountCount());
        assertEquals(1, usesOf(code));

        given().auth().preemptive().basic(email, NEW_PASSWORD).get("/api/me").then().statusCode(200)
                .body("id", equalTo((int) id)).body("email", equalTo(email)).body("role", equalTo("EXPERT"));
    }

    @Test
    void passwordIsStoredAsBcryptHash() {
        String email = uniqueEmail();
        register(registration(invitation(1), email)).statusCode(201);
        String hash = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().passwordHash);
        assertThat(hash, startsWith("$2"));
        assertNotEquals(NEW_PASSWORD, hash);
        assertThat(hash, not(containsString(NEW_PASSWORD)));
    }

    @Test
    void emailIsStoredInLowerCaseAndMatchedWithoutCase() {
        String email = uniqueEmail();
        register(registration(invitation(1), "  " + email.toUpperCase() + " ")).statusCode(201)
                .body("email", equalTo(email));
        given().auth().preemptive().basic(email.toUpperCase(), NEW_PASSWORD).get("/api/me").then().statusCode(200);
        Map<String, Object> again = registration(invitation(1), email.toUpperCase());
        register(again).statusCode(409).body("field", equalTo("email"));
    }

    @Test
    void passwordsUpTo72BytesWorkAndLongerOnesAreRefused() {
        String email = uniqueEmail();
        String longPassword = "ä".repeat(AccountService.MAX_PASSWORD_BYTES / 2);
        Map<String, Object> r = registration(invitation(1), email);
        r.put("password", longPassword);
        register(r).statusCode(201);
        given().header("Authorization", basicUtf8(email, longPassword)).get("/api/me").then().statusCode(200);
        given().header("Authorization", basicUtf8(email, longPassword.substring(1) + "a")).get("/api/me").then()
                .statusCode(401);
        r = registration(invitation(1), uniqueEmail());
        r.put("password", "x".repeat(AccountService.MAX_PASSWORD_BYTES + 1));
        register(r).statusCode(422).body("field", equalTo("password"));
        r = registration(invitation(1), uniqueEmail());
        r.put("password", "ä".repeat(AccountService.MAX_PASSWORD_BYTES / 2 + 1));
        register(r).statusCode(422).body("field", equalTo("password"));
    }

    @Test
    void invalidRegistrationsNameTheFieldAndStoreNothing() {
        String code = invitation(1);
        long before = Fixtures.accountCount();
        assertRefused(code, "password", "kurz", 422);
        assertRefused(code, "password", "123456789", 422);
        assertRefused(code, "password", null, 422);
        assertRefused(code, "email", "keine-adresse", 422);
        assertRefused(code, "email", "zwei@@example.org", 422);
        assertRefused(code, "email", "leer zeichen@example.org", 422);
        assertRefused(code, "email", "", 422);
        assertRefused(code, "displayName", "   ", 422);
        assertRefused(code, "displayName", null, 422);
        assertRefused(code, "displayName", "x".repeat(81), 422);
        assertRefused(code, "displayName", "Zeile\nZwei", 422);
        assertRefused(code, "displayName", "Glocke\u0007", 422);
        assertRefused(code, "organisation", "Steuer\u0000zeichen", 422);
        assertRefused(code, "place", "x".repeat(201), 422);
        assertEquals(before, Fixtures.accountCount());
        assertEquals(0, usesOf(code));
        register(registration(code, uniqueEmail())).statusCode(201);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Map<String, Object> r = registration(invitation(1), uniqueEmail());
        r.remove("organisation");
        r.put("place", "  ");
        register(r).statusCode(201).body("organisation", nullValue()).body("place", nullValue());
    }

    @Test
    void duplicateEmailIs409AndDoesNotUseTheInvitation() {
        User existing = Fixtures.expert();
        String code = invitation(1);
        long before = Fixtures.accountCount();
        register(registration(code, existing.email())).statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("email"));
        assertEquals(before, Fixtures.accountCount());
        assertEquals(0, usesOf(code));
    }

    @Test
    void simultaneousRegistrationsWithOneEmailCreateOneAccount() throws Exception {
        String code = invitation(10);
        String email = uniqueEmail();
        long before = Fixtures.accountCount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> given().contentType(ContentType.JSON).body(registration(code, email))
                        .post("/api/accounts").statusCode()));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter(s -> s == 201).count(), "statuses " + seen);
            assertEquals(3, seen.stream().filter(s -> s == 409).count(), "statuses " + seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, Fixtures.accountCount());
        assertEquals(1, usesOf(code));
    }

    // --- look-alike accounts ---

    @Test
    void addressesAreStoredNormalisedAndMatchedThatWay() {
        String local = "mia.koch-" + System.nanoTime();
        String typed = " \u200B" + local.replace("m", "ｍ").toUpperCase() + "@Exam\u00ADple.ORG. ";
        String email = local + "@example.org";
        long id = register(registration(invitation(1), typed)).statusCode(201).body("email", equalTo(email))
                .extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Account stored = Account.findById(id);
            assertEquals(email, stored.email);
            assertEquals(Lookalikes.emailSkeleton(email), stored.emailSkeleton);
            assertEquals(Lookalikes.nameSkeleton(stored.displayName), stored.displayNameSkeleton);
        });
        given().auth().preemptive().basic(email, NEW_PASSWORD).get("/api/me").then().statusCode(200)
                .body("id", equalTo((int) id));
        given().header("Authorization", basicUtf8(email.toUpperCase() + ".", NEW_PASSWORD)).get("/api/me").then()
                .statusCode(200).body("id", equalTo((int) id));
    }

    @Test
    void lookAlikeAddressesOfAnExistingAccountAreRefused() {
        String local = "lina.berg" + System.nanoTime();
        String email = local + "@example.org";
        register(registration(invitation(1), email)).statusCode(201);
        String code = invitation(1);
        long before = Fixtures.accountCount();
        String lookalike = "Diese E-Mail-Adresse ähnelt zu sehr einer bereits registrierten Adresse. "
                + "Bitte eine andere verwenden.";
        String same = "Für diese E-Mail-Adresse gibt es schon ein Konto.";
        Map<String, String> attempts = new java.util.LinkedHashMap<>();
        attempts.put(local.replace("a", "\u0430") + "@example.org", lookalike); // Cyrillic a in the local part
        attempts.put(local + "@ex\u0430mple.org", lookalike);                   // Cyrillic a in the domain
        attempts.put(local.replace("i", "\u0456") + "@example.org", lookalike); // Cyrillic i
        attempts.put(local.replace("l", "1") + "@examp1e.org", lookalike);      // digit one for l
        attempts.put(local.replace("e", "\uFF45") + "@example.org", same);      // fullwidth e
        attempts.put(local.replace(".", ".\u200B") + "@example.org", same);     // zero-width space
        attempts.put(local.replace("b", "\u00ADb") + "@example.org", same);     // soft hyphen
        attempts.put(email + ".", same);                                      // trailing dot of the domain
        attempts.put(local.toUpperCase() + "@Example.Org", same);             // mixed case
        attempts.forEach((address, message) -> register(registration(code, address)).statusCode(409)
                .contentType(PROBLEM).body("status", equalTo(409)).body("field", equalTo("email"))
                .body("detail", equalTo(message)).body("detail", not(containsString(local))));
        assertEquals(before, Fixtures.accountCount());
        assertEquals(0, usesOf(code));
        register(registration(code, "anders" + System.nanoTime() + "@example.org")).statusCode(201);
    }

    @Test
    void lookAlikeDisplayNamesAreRefused() {
        String code = invitation(1);
        User expert = Fixtures.expert();
        long before = Fixtures.accountCount();
        String expertName = QuarkusTransaction.requiringNew().call(() ->
                Account.<Account>findById(expert.id()).displayName);
        String refusal = "Dieser Name ähnelt zu sehr dem Namen eines bestehenden Kontos. Bitte einen anderen "
                + "wählen, zum Beispiel mit einem Zusatz wie dem Ort.";
        for (String name : new String[] { "Administration", "\u0410dministration", "Administrati0n",
                "ADMINISTRATION", "Admin\u200Bistration", "Admini\u00ADstration", "\uFF21dministration",
                expertName, expertName.replace(" ", "  "), expertName.toUpperCase(),
                "\u0391dministration", "\u0391DM\u0399\u039D\u0399STRAT\u0399\u039FN", // Greek capitals
                expertName.replace(" ", "\u3164"), expertName.replace(" ", "\u2800") }) { // drawn as blanks
            Map<String, Object> r = registration(code, uniqueEmail());
            r.put("displayName", name);
            register(r).statusCode(409).contentType(PROBLEM).body("field", equalTo("displayName"))
                    .body("detail", equalTo(refusal));
        }
        assertEquals(before, Fixtures.accountCount());
        assertEquals(0, usesOf(code));
        Map<String, Object> r = registration(code, uniqueEmail());
        r.put("displayName", "Administration Nordstadt " + System.nanoTime());
        register(r).statusCode(201);
    }

    @Test
    void aNameOfInvisibleCharactersIsRefusedAsEmpty() {
        String code = invitation(1);
        Map<String, Object> r = registration(code, uniqueEmail());
        r.put("displayName", "\u00AD\u2060");
        register(r).statusCode(422).body("field", equalTo("displayName"));
        assertEquals(0, usesOf(code));
    }

    @Test
    void simultaneousLookAlikeAddressesCreateOneAccount() throws Exception {
        String local = "parallel" + System.nanoTime();
        List<String> addresses = List.of(local + "@example.org", local.replace("a", "\u0430") + "@example.org",
                local.replace("l", "1") + "@example.org", local.replace("e", "\u0435") + "@example.org");
        List<Map<String, Object>> registrations = new ArrayList<>();
        for (String address : addresses) {
            registrations.add(registration(invitation(1), address));
        }
        assertOneWins(registrations, "email");
    }

    @Test
    void simultaneousLookAlikeNamesCreateOneAccount() throws Exception {
        String name = "Gleichzeitig " + System.nanoTime();
        List<String> names = List.of(name, name.replace("e", "\u0435"), name.toUpperCase(), name.replace(" ", "  "));
        List<Map<String, Object>> registrations = new ArrayList<>();
        for (String each : names) {
            Map<String, Object> r = registration(invitation(1), uniqueEmail());
            r.put("displayName", each);
            registrations.add(r);
        }
        assertOneWins(registrations, "displayName");
    }

    /** Sends the registrations at once: one is created, the others are refused at {@code field}. */
    private static void assertOneWins(List<Map<String, Object>> registrations, String field) throws Exception {
        long before = Fixtures.accountCount();
        ExecutorService pool = Executors.newFixedThreadPool(registrations.size());
        try {
            List<Future<ValidatableResponse>> responses = new ArrayList<>();
            for (Map<String, Object> r : registrations) {
                responses.add(pool.submit(() -> given().contentType(ContentType.JSON).body(r).post("/api/accounts")
                        .then()));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<ValidatableResponse> response : responses) {
                ValidatableResponse done = response.get(30, TimeUnit.SECONDS);
                int status = done.extract().statusCode();
                seen.add(status);
                if (status != 201) {
                    done.statusCode(409).contentType(PROBLEM).body("field", equalTo(field));
                }
            }
            assertEquals(1, seen.stream().filter(s -> s == 201).count(), "statuses " + seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, Fixtures.accountCount());
        for (Map<String, Object> r : registrations) {
            int uses = usesOf((String) r.get("invitationCode"));
            assertThat(uses, org.hamcrest.Matchers.lessThanOrEqualTo(1));
        }
        assertEquals(1, registrations.stream().mapToInt(r -> usesOf((String) r.get("invitationCode"))).sum());
    }

    @Test
    void unknownInvitationCodeIs422() {
        long before = Fixtures.accountCount();
        register(registration("0123456789abcdef0123456789abcdef", uniqueEmail())).statusCode(422)
                .contentType(PROBLEM).body("field", equalTo("invitationCode"));
        register(registration("", uniqueEmail())).statusCode(422).body("field", equalTo("invitationCode"));
        assertEquals(before, Fixtures.accountCount());
    }

    @Test
    void singleUseInvitationCannotBeReused() {
        String code = invitation(1);
        register(registration(code, uniqueEmail())).statusCode(201);
        long before = Fixtures.accountCount();
        register(registration(code, uniqueEmail())).statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("invitationCode"));
        assertEquals(before, Fixtures.accountCount());
        assertEquals(1, usesOf(code));
    }

    @Test
    void multiUseInvitationWorksUntilUsedUp() {
        String code = invitation(2);
        register(registration(code, uniqueEmail())).statusCode(201);
        register(registration(code, uniqueEmail())).statusCode(201);
        register(registration(code, uniqueEmail())).statusCode(409).body("field", equalTo("invitationCode"));
        assertEquals(2, usesOf(code));
    }

    @Test
    void expiredInvitationIs409() {
        String code = invitation(5);
        QuarkusTransaction.requiringNew().run(() -> Invitation.update("expiresAt = ?1 where code = ?2",
                Instant.now().minus(1, ChronoUnit.MINUTES), code));
        long before = Fixtures.accountCount();
        register(registration(code, uniqueEmail())).statusCode(409).contentType(PROBLEM)
                .body("field", equalTo("invitationCode")).body("detail", containsString("abgelaufen"));
        assertEquals(before, Fixtures.accountCount());
        assertEquals(0, usesOf(code));
    }

    @Test
    void registrationWithoutBodyIsRefused() {
        given().contentType(ContentType.JSON).post("/api/accounts").then().statusCode(400).contentType(PROBLEM);
    }

    // --- the signed-in account ---

    @Test
    void meNeedsValidCredentials() {
        given().get("/api/me").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic"));
        User expert = Fixtures.expert();
        given().auth().preemptive().basic(expert.email(), "falsches-passwort").get("/api/me").then()
                .statusCode(401).contentType(PROBLEM).body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Basic"));
        given().auth().preemptive().basic("niemand@example.org", Fixtures.PASSWORD).get("/api/me").then()
                .statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Basic %%%kaputt").get("/api/me").then().statusCode(401)
                .contentType(PROBLEM);
        expert.as().get("/api/me").then().statusCode(200).body("email", equalTo(expert.email()))
                .body("role", equalTo("EXPERT"));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWith429() {
        User expert = Fixtures.expert();
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(expert.email(), "falsch-" + i).get("/api/me").then().statusCode(401);
        }
        expert.as().get("/api/me").then().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue());
        Fixtures.expert().as().get("/api/me").then().statusCode(200);
    }

    // --- roles and disabling ---

    @Test
    void adminChangesRolesAndTheNewRoleTakesEffect() {
        User expert = Fixtures.expert();
        User admin = Fixtures.admin();
        expert.as().body(Map.of()).post("/api/invitations").then().statusCode(403);
        admin.as().body(Map.of("role", "MODERATOR")).put(rolePath(expert)).then().statusCode(200)
                .body("id", equalTo((int) expert.id())).body("role", equalTo("MODERATOR"));
        expert.as().body(Map.of()).post("/api/invitations").then().statusCode(201);
        admin.as().body(Map.of("role", "EXPERT")).put(rolePath(expert)).then().statusCode(200)
                .body("role", equalTo("EXPERT"));
        expert.as().body(Map.of()).post("/api/invitations").then().statusCode(403);
        admin.as().get("/api/audit").then()
                .body("findAll { it.action == 'ROLE_CHANGED' && it.targetId == " + expert.id() + " }.detail",
                        hasItems("EXPERT → MODERATOR", "MODERATOR → EXPERT"));
    }

    @Test
    void onlyAdminsChangeRoles() {
        User expert = Fixtures.expert();
        Fixtures.moderator().as().body(Map.of("role", "ADMIN")).put(rolePath(expert)).then().statusCode(403)
                .contentType(PROBLEM);
        expert.as().body(Map.of("role", "ADMIN")).put(rolePath(expert)).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("role", "ADMIN")).put(rolePath(expert)).then()
                .statusCode(401).contentType(PROBLEM);
        expert.as().get("/api/me").then().body("role", equalTo("EXPERT"));
    }

    @Test
    void invalidRoleChangesAreRefused() {
        User admin = Fixtures.admin();
        User expert = Fixtures.expert();
        admin.as().body(Map.of("role", "KING")).put(rolePath(expert)).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("role"));
        admin.as().body(Map.of("role", 7)).put(rolePath(expert)).then().statusCode(400).body("field", equalTo("role"));
        admin.as().body(Map.of()).put(rolePath(expert)).then().statusCode(422).body("field", equalTo("role"));
        admin.as().put(rolePath(expert)).then().statusCode(400).contentType(PROBLEM);
        admin.as().body(Map.of("role", "MODERATOR")).put("/api/accounts/999999999/role").then().statusCode(404)
                .contentType(PROBLEM);
        expert.as().get("/api/me").then().body("role", equalTo("EXPERT"));
    }

    @Test
    void adminCannotDemoteItself() {
        User admin = Fixtures.admin();
        admin.as().body(Map.of("role", "MODERATOR")).put(rolePath(admin)).then().statusCode(409)
                .contentType(PROBLEM).body("field", equalTo("role"));
        admin.as().body(Map.of("role", "ADMIN")).put(rolePath(admin)).then().statusCode(200);
        admin.as().get("/api/me").then().body("role", equalTo("ADMIN"));
    }

    @Test
    void disabledAccountCannotSignInUntilEnabledAgain() {
        User admin = Fixtures.admin();
        User expert = Fixtures.expert();
        expert.as().get("/api/me").then().statusCode(200);
        admin.as().body(Map.of("enabled", false)).put(enabledPath(expert)).then().statusCode(200)
                .body("enabled", is(false));
        expert.as().get("/api/me").then().statusCode(401).contentType(PROBLEM);
        expert.as().body(Map.of("body", "Trotzdem")).post("/api/topics/" + Fixtures.freshTopic() + "/comments")
                .then().statusCode(401);
        admin.as().body(Map.of("enabled", true)).put(enabledPath(expert)).then().statusCode(200)
                .body("enabled", is(true));
        expert.as().get("/api/me").then().statusCode(200);
        admin.as().get("/api/audit").then()
                .body("findAll { it.targetId == " + expert.id() + " }.action",
                        hasItems("ACCOUNT_DISABLED", "ACCOUNT_ENABLED"));
    }

    @Test
    void onlyAdminsDisableAccountsAndNeverThemselves() {
        User expert = Fixtures.expert();
        User admin = Fixtures.admin();
        Fixtures.moderator().as().body(Map.of("enabled", false)).put(enabledPath(expert)).then().statusCode(403);
        expert.as().body(Map.of("enabled", false)).put(enabledPath(expert)).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("enabled", false)).put(enabledPath(expert)).then()
                .statusCode(401);
        admin.as().body(Map.of()).put(enabledPath(expert)).then().statusCode(422).body("field", equalTo("enabled"));
        admin.as().body(Map.of("enabled", "vielleicht")).put(enabledPath(expert)).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("enabled"));
        admin.as().body(Map.of("enabled", false)).put(enabledPath(admin)).then().statusCode(409)
                .contentType(PROBLEM);
        admin.as().body(Map.of("enabled", false)).put("/api/accounts/999999999/enabled").then().statusCode(404);
        expert.as().get("/api/me").then().statusCode(200);
        admin.as().get("/api/me").then().statusCode(200);
    }

    @Test
    void onlyAdminsListAccounts() {
        User expert = Fixtures.expert();
        Fixtures.admin().as().get("/api/accounts").then().statusCode(200).body("email", hasItem(expert.email()))
                .body("[0]", not(hasKey("passwordHash")));
        Fixtures.moderator().as().get("/api/accounts").then().statusCode(403);
        expert.as().get("/api/accounts").then().statusCode(403);
        given().get("/api/accounts").then().statusCode(401);
    }

    // --- helpers ---

    private static String invitation(int maxUses) {
        return Fixtures.moderator().as().body(Map.of("maxUses", maxUses)).post("/api/invitations").then()
                .statusCode(201).extract().jsonPath().getString("code");
    }

    private static int usesOf(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.findByCode(code).orElseThrow().uses);
    }

    private static String uniqueEmail() {
        return "neu-" + System.nanoTime() + "@example.org";
    }

    private static Map<String, Object> registration(String code, String email) {
        Map<String, Object> r = new HashMap<>();
        r.put("invitationCode", code);
        // Display names must not look alike, so each registration brings its own.
        r.put("displayName", "Dora Neu " + NAMES.incrementAndGet());
        r.put("email", email);
        r.put("password", NEW_PASSWORD);
        r.put("organisation", "Nachbarschaftshaus");
        r.put("place", "Kassel");
        return r;
    }

    private static ValidatableResponse register(Map<String, Object> registration) {
        return given().contentType(ContentType.JSON).body(registration).post("/api/accounts").then()
                .log().ifValidationFails();
    }

    private static void assertRefused(String code, String field, String value, int status) {
        Map<String, Object> r = registration(code, uniqueEmail());
        r.put(field, value);
        register(r).statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("field", equalTo(field)).body("detail", notNullValue());
    }

    /** Basic credentials encoded as UTF-8 (RestAssured would use ISO-8859-1). */
    private static String basicUtf8(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String rolePath(User user) {
        return "/api/accounts/" + user.id() + "/role";
    }

    private static String enabledPath(User user) {
        return "/api/accounts/" + user.id() + "/enabled";
    }
}
