package org.thesenforum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;
import org.thesenforum.account.Account;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

@QuarkusTest
class AccountsPagesTest {

    @Test
    void onlyAdminsManageAccounts() {
        Fixtures.User expert = Fixtures.expert();
        given().redirects().follow(false).get("/admin/accounts").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fadmin%2Faccounts"));
        PageForms.browser(PageForms.signIn(Fixtures.expert())).get("/admin/accounts").then().statusCode(403);
        Form form = PageForms.open("/admin", PageForms.signIn(Fixtures.moderator()));
        PageForms.browser(form.session()).get("/admin/accounts").then().statusCode(403);
        form.post().formParam("role", "ADMIN").post("/admin/accounts/" + expert.id() + "/role")
                .then().statusCode(403);
        form.post().formParam("enabled", "false").post("/admin/accounts/" + expert.id() + "/enabled")
                .then().statusCode(403);
        expert.as().get("/api/me").then().statusCode(200).body("role", equalTo("EXPERT"));
    }

    @Test
    void theSearchFindsByNameAddressAndOrganisationIgnoringCase() {
        Fixtures.User person = Fixtures.expert();
        String unique = "Zuckerfabrik" + person.id();
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.findById(person.id());
            a.organisation = "Verein " + unique;
            a.displayName = "Jana Suchbar " + person.id();
        });
        String admin = PageForms.signIn(Fixtures.admin());
        for (String q : new String[] { unique.toUpperCase(), "jana suchbar " + person.id(), person.email() }) {
            String page = PageForms.browser(admin).queryParam("q", q).get("/admin/accounts").then().statusCode(200)
                    .extract().asString();
            assertTrue(page.contains("id=\"account-" + person.id() + "\""), q + "\n" + page);
            assertTrue(page.contains("Ein Konto passt zu"), page);
            assertTrue(page.contains("<dt>Organisation</dt><dd>Verein " + unique + "</dd>"), page);
        }
        PageForms.browser(admin).queryParam("q", "%_niemand_%").get("/admin/accounts").then().statusCode(200)
                .body(containsString("0 Konten passen zu „%_niemand_%“."));
    }

    @Test
    void theListHasPagesOfTwentyAccounts() {
        for (int i = 0; i < AccountsPages.PAGE_SIZE + 1; i++) {
            Fixtures.expert();
        }
        String admin = PageForms.signIn(Fixtures.admin());
        String first = PageForms.browser(admin).get("/admin/accounts").then().statusCode(200).extract().asString();
        assertEquals(AccountsPages.PAGE_SIZE, first.split("class=\"card admin-card\"", -1).length - 1);
        assertTrue(first.contains("href=\"/admin/accounts?page=2\" rel=\"next\""), first);
        String second = PageForms.browser(admin).get("/admin/accounts?page=2").then().statusCode(200)
                .extract().asString();
        assertTrue(second.contains("Seite 2 von"), second);
        assertTrue(second.contains("href=\"/admin/accounts?page=1\" rel=\"prev\""), second);
    }

    @Test
    void anAdminChangesARoleAndTheSearchStays() {
        Fixtures.User expert = Fixtures.expert();
        String admin = PageForms.signIn(Fixtures.admin());
        Response changed = PageForms.open("/admin/accounts", admin).post().formParam("role", "MODERATOR")
                .formParam("q", "Test").formParam("page", "1").post("/admin/accounts/" + expert.id() + "/role");
        changed.then().statusCode(303).header("Location",
                endsWith("/admin/accounts?q=Test&done=role&id=" + expert.id() + "#account-" + expert.id()));
        expert.as().get("/api/me").then().statusCode(200).body("role", equalTo("MODERATOR"));
        PageForms.browser(admin).get("/admin/accounts?done=role").then().statusCode(200)
                .body(containsString("role=\"status\">Die Rolle wurde geändert."));
        Fixtures.admin().as().get("/api/audit").then().body("action", hasItem("ROLE_CHANGED"));
    }

    @Test
    void anAdminDeactivatesAndActivatesAnAccount() {
        Fixtures.User expert = Fixtures.expert();
        String victim = PageForms.signIn(expert);
        String admin = PageForms.signIn(Fixtures.admin());
        Form form = PageForms.open("/admin/accounts", admin);
        String page = PageForms.browser(admin).queryParam("q", expert.email()).get("/admin/accounts")
                .then().extract().asString();
        assertTrue(page.contains(">Deaktivieren<span class=\"visually-hidden\">"), page);
        assertTrue(!page.contains("Sperren") && !page.contains("gesperrt"), "accounts are deactivated, not locked");

        form.post().formParam("enabled", "false").post("/admin/accounts/" + expert.id() + "/enabled")
                .then().statusCode(303).header("Location", containsString("done=disabled"));
        PageForms.browser(victim).get("/api/me").then().statusCode(401);
        PageForms.browser(admin).queryParam("q", expert.email()).get("/admin/accounts").then()
                .body(containsString("<dd class=\"status\"><strong>deaktiviert</strong></dd>"))
                .body(containsString(">Aktivieren<span class=\"visually-hidden\">"));
        PageForms.browser(admin).get("/admin/accounts?done=disabled").then()
                .body(containsString("Das Konto ist deaktiviert; alle seine Sitzungen sind beendet."));

        form.post().formParam("enabled", "true").post("/admin/accounts/" + expert.id() + "/enabled")
                .then().statusCode(303);
        expert.as().get("/api/me").then().statusCode(200);
        form.post().formParam("enabled", "vielleicht").post("/admin/accounts/" + expert.id() + "/enabled")
                .then().statusCode(400);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Fixtures.User admin = Fixtures.admin();
        Form form = PageForms.open("/admin/accounts", PageForms.signIn(admin));
        form.post().formParam("role", "EXPERT").post("/admin/accounts/" + admin.id() + "/role")
                .then().statusCode(409)
                .body(containsString("role=\"alert\">Die eigene Admin-Rolle kann nicht abgegeben werden."));
        form.post().formParam("enabled", "false").post("/admin/accounts/" + admin.id() + "/enabled")
                .then().statusCode(409)
                .body(containsString("Das eigene Konto kann nicht deaktiviert werden."));
        form.post().formParam("role", "CHEF").post("/admin/accounts/" + admin.id() + "/role")
                .then().statusCode(422).body(containsString("Bitte eine Rolle wählen: Expertin oder Experte (EXPERT)"));
        admin.as().get("/api/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void namesAreEscaped() {
        Fixtures.User expert = Fixtures.expert();
        QuarkusTransaction.requiringNew().run(() ->
                Account.<Account>findById(expert.id()).displayName = "<script>alert('x')</script>");
        PageForms.browser(PageForms.signIn(Fixtures.admin())).queryParam("q", expert.email())
                .get("/admin/accounts").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void anAdminEditsNameOrganisationAndPlace() {
        Fixtures.User expert = Fixtures.expert();
        Fixtures.User adminUser = Fixtures.admin();
        String admin = PageForms.signIn(adminUser);
        Form form = PageForms.open("/admin/accounts", admin);
        String name = "Jana Geändert " + expert.id();
        form.post().formParam("displayName", name).formParam("organisation", "Stadtteilladen")
                .formParam("place", "").formParam("q", expert.email())
                .post("/admin/accounts/" + expert.id() + "/profile").then().statusCode(303)
                .header("Location", containsString("done=profile"));
        expert.as().get("/api/me").then().statusCode(200).body("displayName", equalTo(name))
                .body("organisation", equalTo("Stadtteilladen")).body("place", org.hamcrest.Matchers.nullValue());
        String log = PageForms.browser(admin).get("/admin/audit?person=" + adminUser.id()).then().extract().asString();
        assertTrue(log.contains("hat die Angaben von <a href=\"/admin/accounts?q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "\">"
                + name + "</a> geändert."), log);

        Fixtures.User other = Fixtures.expert();
        String taken = AuditPagesTest.name(other);
        String refused = form.post().formParam("displayName", taken).formParam("organisation", "Neu 77")
                .formParam("place", "Linden").formParam("q", expert.email())
                .post("/admin/accounts/" + expert.id() + "/profile")
                .then().statusCode(409).extract().asString();
        assertTrue(refused.contains("<details class=\"profile-edit\" open>"), refused);
        assertTrue(refused.contains("name=\"organisation\" maxlength=\"200\" value=\"Neu 77\""), refused);
        assertTrue(refused.contains("aria-invalid=\"true\""), refused);
        expert.as().get("/api/me").then().body("displayName", equalTo(name));
    }

    @Test
    void anAdminCreatesAResetLinkThatIsShownOnceAndWorks() {
        Fixtures.User expert = Fixtures.expert();
        Fixtures.User adminUser = Fixtures.admin();
        Form form = PageForms.open("/admin/accounts", PageForms.signIn(adminUser));
        String page = form.post().formParam("q", expert.email()).post("/admin/accounts/" + expert.id() + "/reset-link")
                .then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("id=\"reset-link-" + expert.id() + "\""))
                .body(containsString("Er wird nur jetzt angezeigt"))
                .extract().asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                "id=\"reset-" + expert.id() + "\" value=\"(http://localhost:\\d+/password-reset/[^\"]+)\"")
                .matcher(page);
        assertTrue(link.find(), page);
        PageForms.browser(form.session()).get("/admin/accounts?q=" + expert.email()).then()
                .body(org.hamcrest.Matchers.not(containsString("/password-reset/")));
        Fixtures.admin().as().get("/api/audit").then().body("action", hasItem("PASSWORD_RESET_LINK"));
        Form moderator = PageForms.open("/admin", PageForms.signIn(Fixtures.moderator()));
        moderator.post().post("/admin/accounts/" + expert.id() + "/reset-link").then().statusCode(403);
        form.post().post("/admin/accounts/999999999/reset-link").then().statusCode(404);
    }
}
