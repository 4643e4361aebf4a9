package org.thesenforum.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.MembersOnly;
import org.thesenforum.testing.PageForms;

/**
 * With {@code forum.read-access=members}, people without an account still register for an event, see and cancel
 * their registration, fetch the calendar file and ask for an invitation; the organisers' lists and the discussion
 * itself stay for members.
 */
@QuarkusTest
@TestProfile(MembersOnly.class)
class EventMembersOnlyTest {

    @Test
    void registrationWorksWithoutAnAccount() {
        long event = EventFixtures.create(null);
        given().redirects().follow(false).get("/veranstaltungen/" + event).then().statusCode(200)
                .body(containsString("Stiftstr. 15"));
        given().get("/api/events/" + event).then().statusCode(200).body("city", equalTo("Hannover"));
        given().get("/api/events/" + event + "/calendar.ics").then().statusCode(200)
                .body(containsString("BEGIN:VCALENDAR"));

        String email = EventFixtures.email();
        String cancelUrl = EventFixtures.register(event, EventFixtures.person(email)).statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().jsonPath().getString("cancelUrl");
        String token = EventFixtures.token(cancelUrl);
        given().get("/api/registrations/" + token).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().redirects().follow(false).get("/anmeldung/" + token).then().statusCode(200);
        given().delete("/api/registrations/" + token).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void theRegistrationFormAndTheJoinPageAnswerWithoutAnAccount() {
        long event = EventFixtures.create(null);
        PageForms.Form form = PageForms.open("/veranstaltungen/" + event, null);
        String email = EventFixtures.email();
        form.post().formParam("name", "Berta Beispiel").formParam("email", email)
                .formParam("organisation", "Stadtteilbüro").formParam("fieldOfWork", "praxis")
                .formParam("consent", "on").post("/veranstaltungen/" + event + "/anmeldung").then().statusCode(303)
                .header("Location", containsString("/anmeldung/"));
        given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG + "/mitmachen").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/discussions/" + Fixtures.SLUG + "/invitation-requests").then().statusCode(202);
    }

    @Test
    void theOrganisersListsAndTheDiscussionStayForMembers() {
        long event = EventFixtures.create(null);
        given().get("/api/events/" + event + "/registrations").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
        given().get("/api/events/" + event + "/registrations.csv").then().statusCode(401);
        given().get("/api/events").then().statusCode(401);
        given().redirects().follow(false).get("/veranstaltungen/" + event + "/anmeldungen").then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).get("/discussions/" + Fixtures.SLUG).then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).get("/veranstaltungen/" + event + "/bearbeiten").then().statusCode(303);
    }
}
