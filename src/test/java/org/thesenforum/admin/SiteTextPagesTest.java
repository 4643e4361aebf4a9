package org.thesenforum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;
import org.thesenforum.testing.PageForms.Form;

@QuarkusTest
class SiteTextPagesTest {

    @AfterEach
    void forgetTexts() {
        QuarkusTransaction.requiringNew().run(() -> SiteText.deleteAll());
    }

    @Test
    void withoutTextThePagesSayTheOrganisersHaveNotFilledThemIn() {
        given().get("/impressum").then().statusCode(200)
                .body(containsString("<h1>Impressum</h1>"))
                .body(containsString("haben das Impressum noch nicht eingetragen"));
        given().get("/datenschutz").then().statusCode(200)
                .body(containsString("<h1>Datenschutzerklärung</h1>"))
                .body(containsString("haben die Datenschutzerklärung noch nicht eingetragen"));
        given().get("/").then().statusCode(200)
                .body(containsString(
                        "<a href=\"/impressum\">Impressum</a> · <a href=\"/datenschutz\">Datenschutz</a>"));
    }

    @Test
    void anAdminWritesTheImpressumAndEveryoneReadsIt() {
        Form form = PageForms.open("/admin/texts", PageForms.signIn(Fixtures.admin()));
        form.post().formParam("body", "Quartiersforum e. V.\nLindener Marktplatz 1\n\n**Vorstand:** Maria Muster\n"
                + "<script>alert(1)</script>").post("/admin/texts/impressum")
                .then().statusCode(303).header("Location", endsWith("/admin/texts?done=saved#text-impressum"));
        given().get("/impressum").then().statusCode(200)
                .body(containsString("Quartiersforum e. V.<br />\nLindener Marktplatz 1"))
                .body(containsString("<strong>Vorstand:</strong> Maria Muster"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(containsString("Stand: "));
        given().get("/datenschutz").then().body(containsString("noch nicht eingetragen"));
        PageForms.browser(form.session()).get("/admin/texts?done=saved").then().statusCode(200)
                .body(containsString("Der Text ist gespeichert."))
                .body(containsString("Lindener Marktplatz 1"));
        Fixtures.admin().as().get("/api/audit").then()
                .body("action", org.hamcrest.Matchers.hasItem("SITE_TEXT_CHANGED"));

        form.post().formParam("body", "  ").post("/admin/texts/impressum").then().statusCode(303);
        given().get("/impressum").then().body(containsString("noch nicht eingetragen"));
    }

    @Test
    void aRefusedTextIsKeptAndOnlyAdminsWrite() {
        Form admin = PageForms.open("/admin/texts", PageForms.signIn(Fixtures.admin()));
        admin.post().formParam("body", "Zu lang " + "x".repeat(SiteTexts.MAX_LENGTH)).post("/admin/texts/datenschutz")
                .then().statusCode(422)
                .body(containsString("id=\"text-datenschutz-error\""))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Zu lang xxx"));
        admin.post().formParam("body", "x").post("/admin/texts/agb").then().statusCode(404);
        Form moderator = PageForms.open("/admin", PageForms.signIn(Fixtures.moderator()));
        moderator.post().formParam("body", "Übernommen").post("/admin/texts/impressum").then().statusCode(403);
        PageForms.browser(moderator.session()).get("/admin/texts").then().statusCode(403);
        given().redirects().follow(false).get("/admin/texts").then().statusCode(303);
        given().get("/impressum").then().body(not(containsString("Übernommen")));
    }
}
