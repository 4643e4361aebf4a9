package org.thesenforum.event;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Events and registrations for tests, made through the API. */
final class EventFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EventFixtures() {
    }

    /** A body for a new event in the shipped discussion, a month from now, deadline in a week. */
    static Map<String, Object> event(String title) {
        OffsetDateTime start = OffsetDateTime.now(BERLIN).plusDays(30).withHour(10).withMinute(30).withSecond(0)
                .withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("discussionSlug", Fixtures.SLUG);
        body.put("start", start.toString());
        body.put("end", start.plusHours(5).plusMinutes(30).toString());
        body.put("venueName", "Geschäftsstelle der LAG");
        body.put("street", "Stiftstr. 15");
        body.put("postcode", "30159");
        body.put("city", "Hannover");
        body.put("registrationDeadline", OffsetDateTime.now(BERLIN).plusDays(7).withNano(0).toString());
        return body;
    }

    /** Creates an event as a fresh moderator and returns its id; {@code capacity} may be null. */
    static long create(Integer capacity) {
        Map<String, Object> body = event("Werkstatt " + COUNTER.incrementAndGet());
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return createFrom(body);
    }

    static long createFrom(Map<String, Object> body) {
        User moderator = Fixtures.moderator();
        return moderator.as().body(body).post("/api/events").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static Map<String, Object> person(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Anna Beispiel");
        body.put("email", email);
        body.put("organisation", "Quartiersbüro Linden");
        body.put("fieldOfWork", "praxis");
        body.put("consent", true);
        return body;
    }

    static String email() {
        return "person" + COUNTER.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
    }

    static ValidatableResponse register(long eventId, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/events/" + eventId + "/registrations")
                .then();
    }

    /** The bytes of a mail attachment. */
    static String attachment(io.quarkus.mailer.Attachment a) {
        java.util.List<Byte> bytes = io.smallrye.mutiny.Multi.createFrom().publisher(a.getData()).collect().asList()
                .await().indefinitely();
        byte[] data = new byte[bytes.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = bytes.get(i);
        }
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The token at the end of a cancel URL. */
    static String token(String cancelUrl) {
        return cancelUrl.substring(cancelUrl.lastIndexOf('/') + 1);
    }

    static long events() {
        return QuarkusTransaction.requiringNew().call(() -> ForumEvent.count());
    }

    static long registrations(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("event.id", eventId));
    }

    static Registration registration(long eventId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find(
                "event.id = ?1 and email = ?2 order by id desc", eventId, email).firstResult());
    }
}
