package org.thesenforum.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thesenforum.account.Account;
import org.thesenforum.account.Invitation;
import org.thesenforum.comment.Comment;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** Every JSON write endpoint refuses JSON that is not exactly what the API documents, names the field, stores nothing. */
@QuarkusTest
class StrictJsonTest {

    private static final String PROBLEM = "application/problem+json";
    /** One of the German details, never Jackson's English message. */
    private static final String GERMAN = "^(Das Feld „|Das JSON der Anfrage|Nach dem JSON-Wert).*";

    /** The people and things a write acts on, fresh for each case. */
    record World(User expert, User moderator, User admin, User other, long topic, long comment) {

        static World create() {
            User expert = Fixtures.expert();
            long topic = Fixtures.freshTopic();
            return new World(expert, Fixtures.moderator(), Fixtures.admin(), Fixtures.expert(), topic,
                    Fixtures.comment(topic, expert, "Unverändert", null));
        }
    }

    /** A JSON write endpoint, its field under test with a valid and two mistyped values, and what it stores. */
    record Endpoint(String name, String method, Function<World, String> path, Function<World, User> caller,
            String field, String valid, String wrongA, String wrongB, Function<World, Object> stored) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The ways a body can differ from the documented JSON. */
    enum Bad {
        WRONG_TYPE_A, WRONG_TYPE_B, TRAILING_GARBAGE, TRAILING_VALUE, DUPLICATE_KEY;

        String body(Endpoint e) {
            String field = "\"" + e.field() + "\"";
            return switch (this) {
                case WRONG_TYPE_A -> "{" + field + ": " + e.wrongA() + "}";
                case WRONG_TYPE_B -> "{" + field + ": " + e.wrongB() + "}";
                case TRAILING_GARBAGE -> "{" + field + ": " + e.valid() + "}garbage";
                case TRAILING_VALUE -> "{" + field + ": " + e.valid() + "} {}";
                case DUPLICATE_KEY -> "{" + field + ": " + e.valid() + ", " + field + ": " + e.valid() + "}";
            };
        }

        boolean namesField() {
            return this != TRAILING_GARBAGE && this != TRAILING_VALUE;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST comments", "POST", w -> "/api/topics/" + w.topic() + "/comments", World::expert,
                    "body", "\"Text\"", "42", "true", w -> Fixtures.commentCount(w.topic())),
            new Endpoint("POST comments parentId", "POST", w -> "/api/topics/" + w.topic() + "/comments",
                    World::expert, "parentId", "1", "\"1\"", "1.5", w -> Fixtures.commentCount(w.topic())),
            new Endpoint("PATCH comment", "PATCH", w -> "/api/comments/" + w.comment(), World::expert,
                    "body", "\"Neu\"", "42", "true", w -> commentState(w.comment())),
            new Endpoint("POST hide", "POST", w -> "/api/comments/" + w.comment() + "/hide", World::moderator,
                    "reason", "\"Grund\"", "42", "false", w -> commentState(w.comment())),
            new Endpoint("POST invitations", "POST", w -> "/api/invitations", World::moderator,
                    "maxUses", "3", "\"3\"", "2.5", w -> invitationCount()),
            new Endpoint("POST invitations note", "POST", w -> "/api/invitations", World::moderator,
                    "note", "\"Notiz\"", "7", "true", w -> invitationCount()),
            new Endpoint("POST accounts", "POST", w -> "/api/accounts", w -> null,
                    "displayName", "\"Eva\"", "42", "true", w -> Fixtures.accountCount()),
            new Endpoint("PUT role", "PUT", w -> "/api/accounts/" + w.other().id() + "/role", World::admin,
                    "role", "\"MODERATOR\"", "1", "true", w -> accountState(w.other().id())),
            new Endpoint("PUT enabled", "PUT", w -> "/api/accounts/" + w.other().id() + "/enabled", World::admin,
                    "enabled", "false", "\"false\"", "0", w -> accountState(w.other().id())));

    static Stream<Arguments> cases() {
        return ENDPOINTS.stream().flatMap(e -> Arrays.stream(Bad.values()).map(b -> Arguments.of(e, b)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedWith400NamingTheFieldAndNothingStored(Endpoint endpoint, Bad bad) {
        World world = World.create();
        Object before = endpoint.stored().apply(world);

        ValidatableResponse response = send(endpoint, world, bad.body(endpoint)).log().ifValidationFails()
                .statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", matchesPattern(GERMAN));
        if (bad.namesField()) {
            response.body("field", equalTo(endpoint.field())).body("detail", containsString(endpoint.field()));
        } else {
            response.body("field", nullValue());
        }
        assertEquals(before, endpoint.stored().apply(world));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theDocumentedTypeStillPassesTheParser(Endpoint endpoint) {
        World world = World.create();
        send(endpoint, world, "{\"" + endpoint.field() + "\": " + endpoint.valid() + "}").log().ifValidationFails()
                .statusCode(org.hamcrest.Matchers.not(400));
    }

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    private static ValidatableResponse send(Endpoint endpoint, World world, String body) {
        User caller = endpoint.caller().apply(world);
        var request = caller == null ? io.restassured.RestAssured.given().contentType("application/json")
                : caller.as();
        return request.body(body).request(endpoint.method(), endpoint.path().apply(world)).then();
    }

    private static Object commentState(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment c = Comment.findById(id);
            return List.of(c.body, c.hidden, String.valueOf(c.hiddenReason));
        });
    }

    private static Object accountState(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findById(id);
            return List.of(a.role, a.enabled, org.thesenforum.account.DeviceSession.count("account.id", id));
        });
    }

    private static Object invitationCount() {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.count());
    }
}
