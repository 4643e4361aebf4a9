package org.thesenforum.event;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.thesenforum.event.EventFixtures.create;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.registration;
import static org.thesenforum.event.EventFixtures.registrations;

import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.PageForms;

@QuarkusTest
class EventPagesTest {

    private static PageForms.Form open(String path) {
        return PageForms.open(path, null);
    }

    @Test
    void eventPageShowsDetailsAddressCalendarAndForm() {
        long id = create(20);
        PageForms.browser(null).get("/veranstaltungen/" + id).then().statusCode(200)
                .body(containsString("Geschäftsstelle der LAG"))
                .body(containsString("30159 Hannover"))
                .body(containsString("/api/events/" + id + "/calendar.ics"))
                .body(containsString("noch 20 von 20 Plätzen frei"))
                .body(containsString("name=\"website\""))
                .body(containsString("90 Tage nach der Veranstaltung"))
                .body(containsString("name=\"consent\""));
    }

    @Test
    void theImportedExpertRoundSaysItsDeadlineHasPassed() {
        long id = QuarkusTransaction.requiringNew().call(() -> ForumEvent.<ForumEvent>find("paperKey",
                "invitation-1").firstResult().id);
        PageForms.browser(null).get("/veranstaltungen/" + id).then().statusCode(200)
                .body(containsString("Die Anmeldefrist ist abgelaufen (Freitag, 10. Juni 2016, 24:00 Uhr)"))
                .body(not(containsString("name=\"consent\"")))
                .body(containsString("Donnerstag, 16. Juni 2016, 10:30–16:00 Uhr"));
    }

    @Test
    void registeringThroughTheFormLeadsToThePersonalPageWhichCancels() {
        long id = create(null);
        String email = email();
        PageForms.Form form = open("/veranstaltungen/" + id);
        String location = form.post().formParam("name", "Bernd Beispiel").formParam("email", email)
                .formParam("organisation", "Stadtteiltreff").formParam("fieldOfWork", "verwaltung")
                .formParam("consent", "on").formParam("website", "")
                .post("/veranstaltungen/" + id + "/anmeldung").then().statusCode(303)
                .header("Location", containsString("/anmeldung/")).extract().header("Location");
        String path = location.substring(location.indexOf("/anmeldung/"));
        PageForms.Form page = open(path);
        PageForms.browser(null).get(path).then().statusCode(200)
                .body(containsString("Ihre Anmeldung ist bestätigt"))
                .body(containsString("Bernd Beispiel"));
        page.post().post(path + "/abmelden").then().statusCode(303);
        PageForms.browser(null).get(path).then().statusCode(200)
                .body(containsString("Sie haben sich abgemeldet"));
        assertEquals(Registration.Status.CANCELLED, registration(id, email).status);
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        long id = create(null);
        PageForms.browser(null).contentType(PageForms.FORM_URLENCODED).formParam("name", "X")
                .post("/veranstaltungen/" + id + "/anmeldung").then().statusCode(400);
        assertEquals(0, registrations(id));
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndNamesTheProblem() {
        long id = create(null);
        PageForms.Form form = open("/veranstaltungen/" + id);
        form.post().formParam("name", "Carla <b>Fett</b>").formParam("email", email())
                .formParam("organisation", "Jugendhilfe").post("/veranstaltungen/" + id + "/anmeldung").then()
                .statusCode(422)
                .body(containsString("Bitte bestätigen Sie"))
                .body(containsString("value=\"Carla &lt;b&gt;Fett&lt;/b&gt;\""));
        assertEquals(0, registrations(id));
    }

    @Test
    void afterTheDeadlineTheFormAnswersWithTheClosedMessage() {
        Map<String, Object> body = EventFixtures.event("Fristende");
        body.put("registrationDeadline", OffsetDateTime.now().minusDays(1).toString());
        long id = EventFixtures.createFrom(body);
        // The page shows no form any more; a form opened before the deadline carries the same token.
        PageForms.Form form = open("/discussions/" + Fixtures.SLUG + "/mitmachen");
        form.post().formParam("name", "Dora").formParam("email", email()).formParam("organisation", "Amt")
                .formParam("consent", "on").post("/veranstaltungen/" + id + "/anmeldung").then().statusCode(409)
                .body(containsString("Die Anmeldefrist ist abgelaufen"));
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButStoresNothing() {
        long id = create(null);
        PageForms.Form form = open("/veranstaltungen/" + id);
        form.post().formParam("name", "Robot").formParam("email", email()).formParam("organisation", "Spam")
                .formParam("consent", "on").formParam("website", "http://spam.example")
                .post("/veranstaltungen/" + id + "/anmeldung").then().statusCode(200)
                .body(containsString("Ihre Anmeldung ist bestätigt"));
        assertEquals(0, registrations(id));
    }

    @Test
    void organiserPageListsByStatusAndChecksIn() {
        long id = create(1);
        String first = email();
        EventFixtures.register(id, EventFixtures.person(first)).statusCode(201);
        EventFixtures.register(id, EventFixtures.person(email())).statusCode(202);
        PageForms.browser(null).get("/veranstaltungen/" + id + "/anmeldungen").then().statusCode(303);
        String expert = PageForms.signIn(Fixtures.expert());
        PageForms.browser(expert).get("/veranstaltungen/" + id + "/anmeldungen").then().statusCode(403);
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.browser(session).get("/veranstaltungen/" + id + "/anmeldungen").then().statusCode(200)
                .body(containsString("Bestätigt (1)"))
                .body(containsString("Warteliste (1)"))
                .body(containsString("Zum Forum einladen"))
                .body(containsString("Anmeldung jetzt schließen"));
        long rid = registration(id, first).id;
        PageForms.Form form = PageForms.open("/veranstaltungen/" + id + "/anmeldungen", session);
        form.post().formParam("present", "on").post("/veranstaltungen/" + id + "/anmeldungen/" + rid + "/anwesend")
                .then().statusCode(303);
        assertNotNull(registration(id, first).checkedInAt);
        form.post().post("/veranstaltungen/" + id + "/anmeldungen/" + rid + "/einladen").then().statusCode(303);
        PageForms.browser(session).get("/veranstaltungen/" + id + "/anmeldungen").then().statusCode(200)
                .body(containsString("/register?code="));
        form.post().post("/veranstaltungen/" + id + "/anmeldungen/schliessen").then().statusCode(303);
        PageForms.browser(null).get("/veranstaltungen/" + id).then()
                .body(containsString("Die Anmeldung ist geschlossen"));
    }

    @Test
    void moderatorsCreateAnEventThroughTheForm() {
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.Form form = PageForms.open("/veranstaltungen/neu?diskussion=" + Fixtures.SLUG, session);
        form.post().formParam("discussionSlug", Fixtures.SLUG).formParam("title", "Fachtag im Formular")
                .formParam("date", "2030-09-01").formParam("startTime", "09:00").formParam("endTime", "")
                .formParam("city", "Celle").formParam("deadline", "").post("/veranstaltungen").then()
                .statusCode(303).header("Location", containsString("/veranstaltungen/"));
        form.post().formParam("discussionSlug", Fixtures.SLUG).formParam("title", "Ohne Datum")
                .formParam("date", "").formParam("startTime", "09:00").formParam("city", "Celle")
                .post("/veranstaltungen").then().statusCode(422).body(containsString("Bitte ein Datum angeben"));
    }

    /** A create form as a moderator fills it in, with the fields named in {@code typed} changed (name, value...). */
    private static io.restassured.specification.RequestSpecification newEvent(PageForms.Form form, String title,
            String... typed) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("discussionSlug", Fixtures.SLUG,
                "title", title, "date", "2027-03-10", "startTime", "10:00", "endTime", "16:00",
                "venueName", "Stadtteilzentrum", "city", "Celle", "deadline", "", "capacity", ""));
        for (int i = 0; i < typed.length; i += 2) {
            fields.put(typed[i], typed[i + 1]);
        }
        return form.post().formParams(fields);
    }

    private static long stored(String title) {
        return QuarkusTransaction.requiringNew().call(() -> ForumEvent.count("title", title));
    }

    private static PageForms.Form eventForm() {
        return PageForms.open("/veranstaltungen/neu?diskussion=" + Fixtures.SLUG,
                PageForms.signIn(Fixtures.moderator()));
    }

    @Test
    void theFormRefusesADateOutsideTheYearsKeepingWhatWasTyped() {
        PageForms.Form form = eventForm();
        newEvent(form, "Fachtag im Jahr 999999999", "date", "+999999999-01-01")
                .post("/veranstaltungen").then().statusCode(422)
                .body(containsString("Das Datum muss in den Jahren 2000 bis 2100 liegen."))
                .body(containsString("name=\"date\" value=\"+999999999-01-01\" min=\"2000-01-01\" "
                        + "max=\"2100-12-31\" required aria-invalid=\"true\""))
                .body(containsString("value=\"Fachtag im Jahr 999999999\""))
                .body(containsString("value=\"Stadtteilzentrum\""))
                .body(containsString("name=\"startTime\" value=\"10:00\" required>"));
        newEvent(form, "Fachtag im Jahr null", "date", "0000-01-01").post("/veranstaltungen").then()
                .statusCode(422).body(containsString("Das Datum muss in den Jahren 2000 bis 2100 liegen."))
                .body(containsString("value=\"0000-01-01\" min=\"2000-01-01\" max=\"2100-12-31\" required "
                        + "aria-invalid=\"true\""));
        newEvent(form, "Fachtag im Jahr null", "date", "0000-01-01").header("Accept-Language", "en")
                .post("/veranstaltungen").then().statusCode(422)
                .body(containsString("The date must lie in the years 2000 to 2100."));
        newEvent(form, "Frist im Jahr 3000", "deadline", "3000-01-01").post("/veranstaltungen").then()
                .statusCode(422).body(containsString("Die Anmeldefrist muss in den Jahren 2000 bis 2100 enden."))
                .body(containsString("name=\"deadline\" value=\"3000-01-01\" min=\"2000-01-01\" "
                        + "max=\"2100-12-31\" aria-describedby=\"event-form-error ev-deadline-hint\" "
                        + "aria-invalid=\"true\""));
        assertEquals(0, stored("Fachtag im Jahr 999999999"));
        assertEquals(0, stored("Fachtag im Jahr null"));
        assertEquals(0, stored("Frist im Jahr 3000"));
    }

    @Test
    void theFormRefusesADeadlineAfterTheDayOfTheEvent() {
        PageForms.Form form = eventForm();
        newEvent(form, "Frist nach dem Termin", "deadline", "2027-04-01").post("/veranstaltungen").then()
                .statusCode(422)
                .body(containsString("Die Anmeldefrist darf nicht nach dem Tag der Veranstaltung enden."))
                .body(containsString("name=\"deadline\" value=\"2027-04-01\" min=\"2000-01-01\" "
                        + "max=\"2100-12-31\" aria-describedby=\"event-form-error ev-deadline-hint\" "
                        + "aria-invalid=\"true\""))
                .body(containsString("value=\"2027-03-10\""))
                .body(containsString("value=\"Frist nach dem Termin\""));
        assertEquals(0, stored("Frist nach dem Termin"));
        newEvent(form, "Frist am Tag selbst", "deadline", "2027-03-10").post("/veranstaltungen").then()
                .statusCode(303);
        assertEquals(1, stored("Frist am Tag selbst"));
    }

    @Test
    void editingThroughTheFormChecksTheSameRules() {
        long id = create(null);
        String session = PageForms.signIn(Fixtures.moderator());
        PageForms.Form form = PageForms.open("/veranstaltungen/" + id + "/bearbeiten", session);
        String title = QuarkusTransaction.requiringNew().call(() -> ForumEvent.<ForumEvent>findById(id).title);
        form.post().formParam("title", "Verschoben ins Jahr 999999999").formParam("date", "+999999999-01-01")
                .formParam("startTime", "10:00").formParam("city", "Celle")
                .post("/veranstaltungen/" + id + "/bearbeiten").then().statusCode(422)
                .body(containsString("Das Datum muss in den Jahren 2000 bis 2100 liegen."))
                .body(containsString("value=\"Verschoben ins Jahr 999999999\""));
        form.post().formParam("title", "Frist danach").formParam("date", "2027-03-10")
                .formParam("startTime", "10:00").formParam("city", "Celle").formParam("deadline", "2027-03-11")
                .post("/veranstaltungen/" + id + "/bearbeiten").then().statusCode(422)
                .body(containsString("Die Anmeldefrist darf nicht nach dem Tag der Veranstaltung enden."))
                .body(containsString("value=\"2027-03-11\""));
        ForumEvent kept = QuarkusTransaction.requiringNew().call(() -> ForumEvent.<ForumEvent>findById(id));
        assertEquals(title, kept.title);
        assertEquals(java.time.LocalDate.now(EventFixtures.BERLIN).plusDays(30), kept.startsOn);
    }

    @Test
    void theCapacityMessageHintAndInputAgree() {
        PageForms.Form form = eventForm();
        PageForms.browser(form.session()).get("/veranstaltungen/neu?diskussion=" + Fixtures.SLUG).then()
                .statusCode(200)
                .body(containsString("name=\"capacity\" value=\"\" min=\"1\" max=\"100000\""))
                .body(containsString("1 bis 100000 Plätze; leer lassen für unbegrenzt."));
        for (String places : new String[] {"-5", "0", "100001", "zehn"}) {
            newEvent(form, "Plätze " + places, "capacity", places).post("/veranstaltungen").then()
                    .statusCode(422)
                    .body(containsString("Die Zahl der Plätze muss eine ganze Zahl von 1 bis 100000 sein. "
                            + "Für unbegrenzt das Feld leer lassen."))
                    .body(not(containsString("0 für unbegrenzt")))
                    .body(containsString("name=\"capacity\" value=\"" + places + "\" min=\"1\" "
                            + "max=\"100000\" aria-describedby=\"event-form-error ev-capacity-hint\" "
                            + "aria-invalid=\"true\""));
            assertEquals(0, stored("Plätze " + places));
        }
        newEvent(form, "Plätze -5", "capacity", "-5").header("Accept-Language", "en")
                .post("/veranstaltungen").then().statusCode(422)
                .body(containsString("The number of places must be a whole number from 1 to 100000. "
                        + "Leave the field empty for no limit."));
        PageForms.browser(form.session()).header("Accept-Language", "en")
                .get("/veranstaltungen/neu?diskussion=" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString("1 to 100000 places; leave empty for no limit."));
        newEvent(form, "Plätze 100000", "capacity", "100000").post("/veranstaltungen").then()
                .statusCode(303);
        newEvent(form, "Plätze unbegrenzt").post("/veranstaltungen").then().statusCode(303);
        assertEquals(1, stored("Plätze 100000"));
        assertEquals(1, stored("Plätze unbegrenzt"));
    }

    @Test
    void overviewLinksTheEventsAndTheJoinPageOffersAnInvitationRequest() {
        PageForms.browser(null).get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString("id=\"events-overview\""))
                .body(containsString("Expert/innenrunde"));
        PageForms.Form form = open("/discussions/" + Fixtures.SLUG + "/mitmachen");
        PageForms.browser(null).get("/discussions/" + Fixtures.SLUG + "/mitmachen").then().statusCode(200)
                .body(containsString("Einladung anfordern"))
                .body(containsString("href=\"/discussions/" + Fixtures.SLUG + "\""));
        form.post().formParam("email", "niemand@example.org").post("/discussions/" + Fixtures.SLUG + "/mitmachen")
                .then().statusCode(200).body(containsString("Danke!"));
    }

    @Test
    void pagesSpeakEnglishToo() {
        long id = create(null);
        PageForms.browser(null).header("Accept-Language", "en").get("/veranstaltungen/" + id).then()
                .statusCode(200).body(containsString("Register until")).body(startsWith("<!DOCTYPE html>"));
    }
}
