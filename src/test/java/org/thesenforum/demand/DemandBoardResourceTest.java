package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class DemandBoardResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private final List<String> discussions = new ArrayList<>();
    private String slug;
    private User expert;
    private User moderator;

    @BeforeEach
    void freshDiscussion() {
        slug = discussion();
        expert = Fixtures.expert();
        moderator = Fixtures.moderator();
    }

    @AfterEach
    void dropDiscussions() {
        discussions.forEach(BoardData::drop);
    }

    // --- pin ---

    @Test
    void pinInsertsAtTheRankAndShiftsTheOthers() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null).statusCode(200).body("id", equalTo((int) a)).body("status", equalTo("PINNED"))
                .body("rank", equalTo(1)).body("mergedInto", nullValue()).body("rejectedReason", nullValue());
        pin(moderator, b, null).statusCode(200).body("rank", equalTo(2));
        pin(moderator, c, 1).statusCode(200).body("rank", equalTo(1));
        assertOrder(c, a, b);
        assertEquals(List.of(1, 2, 3), BoardData.ranks(slug));
        assertEquals(1, BoardData.auditCount("DEMAND_PINNED", c));
    }

    @Test
    void boardChangesReachTheJournalWithTheDemandAsReadersSeeIt() {
        long a = demand("A");
        long b = demand("B");
        BoardData.support(b, expert);
        pin(moderator, a, null).statusCode(200);
        moderator.as().body(Map.of("into", a)).post("/api/demands/" + b + "/merge").then().statusCode(200);
        List<JournalEntry> entries = QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>list(
                "entityKind = ?1 and entityId in ?2 order by seq", "demand", List.of(a, b)));
        List<String> types = entries.stream().map(e -> e.type + " " + e.entityId).toList();
        assertTrue(types.containsAll(List.of("demand.pinned " + a, "demand.merged " + b, "demand.supported " + a)),
                types.toString());
        JournalEntry pinned = entries.stream().filter(e -> e.type.equals("demand.pinned")).findFirst().orElseThrow();
        assertTrue(pinned.data.contains("\"rank\":1") && pinned.data.contains("\"status\":\"PINNED\""), pinned.data);
        JournalEntry merged = entries.stream().filter(e -> e.type.equals("demand.merged")).findFirst().orElseThrow();
        assertTrue(merged.data.contains("\"mergedInto\":" + a), merged.data);
        JournalEntry carried = entries.stream().filter(e -> e.type.equals("demand.supported")).findFirst().orElseThrow();
        assertTrue(carried.data.contains("\"supportCount\":1"), "the target counts the carried support: " + carried.data);
    }

    @Test
    void pinOfAJointDemandMovesIt() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null);
        pin(moderator, b, null);
        pin(moderator, c, null);
        pin(moderator, a, 3).statusCode(200).body("rank", equalTo(3));
        assertOrder(b, c, a);
        pin(moderator, c, 1).statusCode(200);
        assertOrder(c, b, a);
        // A joint demand moves within 1..n: there is no place n + 1 for it.
        pin(moderator, c, 4).statusCode(422).body("field", equalTo("rank"));
    }

    @Test
    void pinOutsideTheRanksIsRefusedNamingRank() {
        long a = demand("A");
        long b = demand("B");
        pin(moderator, a, 0).statusCode(422).contentType(startsWith(PROBLEM)).body("field", equalTo("rank"))
                .body("detail", equalTo("Der Rang muss zwischen 1 und 1 liegen."));
        pin(moderator, a, null);
        moderator.as().header("Accept-Language", "en").body(Map.of("rank", 3)).put(pinPath(b)).then()
                .statusCode(422).body("field", equalTo("rank"))
                .body("detail", equalTo("The rank must be between 1 and 2."));
        pin(moderator, b, 2).statusCode(200);
        assertOrder(a, b);
    }

    @Test
    void pinWithoutBodyGoesToTheEnd() {
        long a = demand("A");
        long b = demand("B");
        pin(moderator, a, null);
        moderator.as().put(pinPath(b)).then().statusCode(200).body("rank", equalTo(2));
    }

    @Test
    void mergedAndRejectedDemandsCannotBePinned() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        merge(moderator, a, b).statusCode(200);
        reject(moderator, c, "Doppelt.").statusCode(200);
        pin(moderator, a, null).statusCode(409).contentType(startsWith(PROBLEM));
        pin(moderator, c, null).statusCode(409);
        assertOrder();
        assertEquals(0L, revision());
    }

    @Test
    void pinOfAnUnknownDemandIs404() {
        pin(moderator, Long.MAX_VALUE, null).statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void onlyModeratorsPin() {
        long a = demand("A");
        given().contentType(ContentType.JSON).body(Map.of("rank", 1)).put(pinPath(a)).then().statusCode(401);
        pin(expert, a, 1).statusCode(403).contentType(startsWith(PROBLEM));
        given().delete(pinPath(a)).then().statusCode(401);
        expert.as().delete(pinPath(a)).then().statusCode(403);
        assertOrder();
        pin(Fixtures.admin(), a, 1).statusCode(200);
        assertOrder(a);
    }

    // --- unpin ---

    @Test
    void unpinClosesTheRanksUp() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null);
        pin(moderator, b, null);
        pin(moderator, c, null);
        moderator.as().delete(pinPath(b)).then().statusCode(200).body("status", equalTo("PROPOSED"))
                .body("rank", nullValue());
        assertOrder(a, c);
        assertEquals(List.of(1, 2), BoardData.ranks(slug));
        assertEquals(0, BoardData.strayRanks(slug));
        assertEquals(4L, revision());
        assertEquals(1, BoardData.auditCount("DEMAND_UNPINNED", b));
    }

    @Test
    void unpinOfAProposalIsAConflict() {
        long a = demand("A");
        moderator.as().delete(pinPath(a)).then().statusCode(409).contentType(startsWith(PROBLEM));
        moderator.as().delete(pinPath(Long.MAX_VALUE)).then().statusCode(404);
        assertEquals(0L, revision());
    }

    // --- the pinned list ---

    @Test
    void pinnedListIsPublicWithItsRevision() {
        given().get(pinnedPath()).then().statusCode(200).body("order", empty()).body("revision", equalTo(0));
        long a = demand("A");
        pin(moderator, a, null);
        given().get(pinnedPath()).then().statusCode(200).body("order", contains((int) a))
                .body("revision", equalTo(1));
        given().get("/api/discussions/no-such-discussion/pinned").then().statusCode(404);
    }

    @Test
    void reorderSetsTheWholeOrder() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null);
        pin(moderator, b, null);
        pin(moderator, c, null);
        reorder(moderator, List.of(c, a, b), 3).statusCode(200).body("order", contains((int) c, (int) a, (int) b))
                .body("revision", equalTo(4));
        assertOrder(c, a, b);
        assertEquals(List.of(1, 2, 3), BoardData.ranks(slug));
        assertEquals(1, BoardData.auditCount("DEMAND_PINS_REORDERED", discussionId()));
    }

    @Test
    void changesThatChangeNothingKeepTheRevisionOthersHold() {
        long a = demand("A");
        long b = demand("B");
        pin(moderator, a, null);
        pin(moderator, b, null);
        assertEquals(2L, revision());
        // Pinning a joint demand at the rank it has, and sending the order as it is.
        pin(moderator, a, 1);
        reorder(moderator, List.of(a, b), 2).statusCode(200).body("order", contains((int) a, (int) b))
                .body("revision", equalTo(2));
        assertEquals(2L, revision());
        assertEquals(0, BoardData.auditCount("DEMAND_PINS_REORDERED", discussionId()));
        // Another moderator's reorder with the revision read before still goes through.
        reorder(Fixtures.moderator(), List.of(b, a), 2).statusCode(200).body("revision", equalTo(3));
        assertOrder(b, a);
    }

    @Test
    void staleRevisionGets409WithTheFreshOrder() {
        long a = demand("A");
        long b = demand("B");
        pin(moderator, a, null);
        pin(moderator, b, null);
        reorder(moderator, List.of(b, a), 2).statusCode(200);
        reorder(Fixtures.moderator(), List.of(a, b), 2).statusCode(409).contentType(startsWith(PROBLEM))
                .body("status", equalTo(409)).body("title", equalTo("Conflict"))
                .body("detail", startsWith("Die Reihenfolge wurde inzwischen geändert"))
                .body("field", equalTo("revision"))
                .body("order", contains((int) b, (int) a)).body("revision", equalTo(3));
        assertOrder(b, a);
        assertEquals(3L, revision());
    }

    @Test
    void reorderMustBeAPermutationOfTheJointDemands() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null);
        pin(moderator, b, null);
        for (List<Long> wrong : List.of(List.of(a), List.of(a, a), List.of(a, b, c), List.of(a, c),
                List.<Long>of())) {
            reorder(moderator, wrong, 2).statusCode(422).contentType(startsWith(PROBLEM))
                    .body("field", equalTo("order"));
        }
        moderator.as().body(Map.of("revision", 2)).put(pinnedPath()).then().statusCode(422)
                .body("field", equalTo("order"));
        moderator.as().body(Map.of("order", List.of(b, a))).put(pinnedPath()).then().statusCode(422)
                .body("field", equalTo("revision"));
        moderator.as().put(pinnedPath()).then().statusCode(400);
        assertOrder(a, b);
        assertEquals(2L, revision());
    }

    @Test
    void onlyModeratorsReorder() {
        long a = demand("A");
        pin(moderator, a, null);
        given().contentType(ContentType.JSON).body(Map.of("order", List.of(a), "revision", 1)).put(pinnedPath())
                .then().statusCode(401);
        reorder(expert, List.of(a), 1).statusCode(403);
        reorder(moderator, List.of(a), 1).statusCode(200);
    }

    // --- merge ---

    @Test
    void mergeCarriesSupportsAndPositionsOverCountingEachAccountOnce() {
        long duplicate = demand("Duplikat");
        long target = demand("Ziel");
        User both = Fixtures.expert();
        User onlyDuplicate = Fixtures.expert();
        User onlyTarget = Fixtures.expert();
        BoardData.support(duplicate, both);
        BoardData.support(target, both);
        BoardData.support(duplicate, onlyDuplicate);
        BoardData.support(target, onlyTarget);
        BoardData.position(duplicate, both, Position.Stance.DISAGREE);
        BoardData.position(target, both, Position.Stance.AGREE);
        BoardData.position(duplicate, onlyDuplicate, Position.Stance.PASS);
        BoardData.secondWording(target);

        merge(moderator, duplicate, target).statusCode(200).body("id", equalTo((int) duplicate))
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo((int) target))
                .body("rank", nullValue());

        assertEquals(List.of(both.id(), onlyDuplicate.id(), onlyTarget.id()).stream().sorted().toList(),
                BoardData.supporters(target));
        assertEquals(Position.Stance.AGREE, BoardData.stance(target, both), "the target's position stands");
        assertEquals(Position.Stance.PASS, BoardData.stance(target, onlyDuplicate));
        assertEquals(2, BoardData.positionCount(target));
        // Carried over onto the target's current wording; the target's own stay where they were given.
        assertEquals(List.of(1, 1, 2), BoardData.supportWordings(target).stream().sorted().toList());
        // The duplicate keeps its own history.
        assertEquals(List.of(both.id(), onlyDuplicate.id()).stream().sorted().toList(),
                BoardData.supporters(duplicate));
        assertEquals(Position.Stance.DISAGREE, BoardData.stance(duplicate, both));
        assertEquals(1, BoardData.auditCount("DEMAND_MERGED", duplicate));
    }

    @Test
    void mergedJointDemandLeavesTheList() {
        long a = demand("A");
        long b = demand("B");
        long c = demand("C");
        pin(moderator, a, null);
        pin(moderator, b, null);
        pin(moderator, c, null);
        merge(moderator, a, c).statusCode(200);
        assertOrder(b, c);
        assertEquals(List.of(1, 2), BoardData.ranks(slug));
        assertEquals(0, BoardData.strayRanks(slug));
        assertEquals(4L, revision());
    }

    @Test
    void mergeRefusals() {
        long a = demand("A");
        long b = demand("B");
        long merged = demand("zusammengeführt");
        long rejected = demand("abgelehnt");
        merge(moderator, merged, b).statusCode(200);
        reject(moderator, rejected, "Nicht Gegenstand der Diskussion.").statusCode(200);
        long elsewhere = BoardData.demand(discussion(), expert, "Anderswo");

        merge(moderator, a, a).statusCode(422).contentType(startsWith(PROBLEM)).body("field", equalTo("into"));
        merge(moderator, a, merged).statusCode(409).contentType(startsWith(PROBLEM));
        merge(moderator, a, rejected).statusCode(409);
        merge(moderator, merged, a).statusCode(409);
        merge(moderator, a, elsewhere).statusCode(422).body("field", equalTo("into"));
        merge(moderator, a, Long.MAX_VALUE).statusCode(404);
        merge(moderator, Long.MAX_VALUE, a).statusCode(404);
        moderator.as().body(Map.of()).post("/api/demands/" + a + "/merge").then().statusCode(422)
                .body("field", equalTo("into"));
        moderator.as().header("Accept-Language", "en").body(Map.of("into", a)).post("/api/demands/" + a + "/merge")
                .then().statusCode(422).body("detail", equalTo("A demand cannot be merged into itself."));
        assertEquals(Demand.Status.PROPOSED, BoardData.status(a));
    }

    @Test
    void onlyModeratorsMerge() {
        long a = demand("A");
        long b = demand("B");
        given().contentType(ContentType.JSON).body(Map.of("into", b)).post("/api/demands/" + a + "/merge").then()
                .statusCode(401);
        merge(expert, a, b).statusCode(403);
        assertEquals(Demand.Status.PROPOSED, BoardData.status(a));
    }

    // --- reject ---

    @Test
    void rejectRecordsTheReasonAndLeavesTheList() {
        long a = demand("A");
        long b = demand("B");
        pin(moderator, a, null);
        pin(moderator, b, null);
        reject(moderator, a, "  Bereits in Forderung B enthalten.  ").statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectedReason", equalTo("Bereits in Forderung B enthalten.")).body("rank", nullValue());
        assertOrder(b);
        assertEquals(List.of(1), BoardData.ranks(slug));
        assertEquals(1, BoardData.auditCount("DEMAND_REJECTED", a));
    }

    @Test
    void rejectRefusals() {
        long a = demand("A");
        reject(moderator, a, " ").statusCode(422).body("field", equalTo("reason"));
        reject(moderator, a, "x".repeat(501)).statusCode(422).body("field", equalTo("reason"));
        reject(moderator, a, "Zeile\u0007").statusCode(422).body("field", equalTo("reason"));
        reject(moderator, Long.MAX_VALUE, "Grund").statusCode(404);
        assertEquals(Demand.Status.PROPOSED, BoardData.status(a));
        reject(moderator, a, "x".repeat(500)).statusCode(200);
        reject(moderator, a, "noch einmal").statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Grund")).post("/api/demands/" + a + "/reject")
                .then().statusCode(401);
        reject(expert, demand("B"), "Grund").statusCode(403);
    }

    // --- dissent notes ---

    @Test
    void expertsAddSignedDissentNotesToJointDemands() {
        long a = demand("A");
        pin(moderator, a, null);
        dissent(expert, a, "Ich trage das nicht mit: Die Kosten bleiben offen.").statusCode(201)
                .body("id", notNullValue()).body("author.id", equalTo((int) expert.id()))
                .body("author.displayName", startsWith("Test Expert"))
                .body("text", equalTo("Ich trage das nicht mit: Die Kosten bleiben offen."))
                .body("createdAt", notNullValue());
        dissent(expert, a, "Und ein zweiter Punkt.").statusCode(201);
        dissent(moderator, a, "Auch Moderierende sind Fachleute.").statusCode(201);
        assertEquals(3, BoardData.auditCount("DEMAND_DISSENT_ADDED", a));
    }

    @Test
    void dissentRefusals() {
        long proposed = demand("A");
        long pinned = demand("B");
        pin(moderator, pinned, null);
        dissent(expert, proposed, "Sondervotum").statusCode(409).contentType(startsWith(PROBLEM));
        dissent(expert, pinned, "").statusCode(422).body("field", equalTo("text"));
        dissent(expert, pinned, "x".repeat(1001)).statusCode(422).body("field", equalTo("text"));
        dissent(expert, pinned, "Steuerzeichen \u0000").statusCode(422).body("field", equalTo("text"));
        dissent(expert, Long.MAX_VALUE, "Sondervotum").statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("text", "anonym")).post("/api/demands/" + pinned
                + "/dissents").then().statusCode(401);
        expert.as().header("Accept-Language", "en").body(Map.of("text", "Sondervotum"))
                .post("/api/demands/" + proposed + "/dissents").then().statusCode(409)
                .body("detail", equalTo("A dissent note can only be added to a joint demand."));
        dissent(expert, pinned, "Zeile eins\nZeile zwei").statusCode(201);
        dissent(expert, pinned, "x".repeat(1000)).statusCode(201);
        assertEquals(2, BoardData.auditCount("DEMAND_DISSENT_ADDED", pinned));
    }

    // --- helpers ---

    private String discussion() {
        String made = BoardData.discussion();
        discussions.add(made);
        return made;
    }

    private long demand(String title) {
        return BoardData.demand(slug, expert, title);
    }

    private long discussionId() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.thesenforum.discussion.Discussion.findBySlug(slug).orElseThrow().id);
    }

    private static String pinPath(long id) {
        return "/api/demands/" + id + "/pin";
    }

    private String pinnedPath() {
        return "/api/discussions/" + slug + "/pinned";
    }

    private static ValidatableResponse pin(User user, long id, Integer rank) {
        Map<String, Object> body = rank == null ? Map.of() : Map.of("rank", rank);
        return user.as().body(body).put(pinPath(id)).then();
    }

    private ValidatableResponse reorder(User user, List<Long> order, long revision) {
        return user.as().body(Map.of("order", order, "revision", revision)).put(pinnedPath()).then();
    }

    private static ValidatableResponse merge(User user, long id, long into) {
        return user.as().body(Map.of("into", into)).post("/api/demands/" + id + "/merge").then();
    }

    private static ValidatableResponse reject(User user, long id, String reason) {
        return user.as().body(Map.of("reason", reason)).post("/api/demands/" + id + "/reject").then();
    }

    private static ValidatableResponse dissent(User user, long id, String text) {
        return user.as().body(Map.of("text", text)).post("/api/demands/" + id + "/dissents").then();
    }

    private void assertOrder(long... ids) {
        List<Long> expected = java.util.Arrays.stream(ids).boxed().toList();
        List<Long> actual = given().get(pinnedPath()).then().statusCode(200).extract().jsonPath()
                .getList("order", Long.class);
        assertEquals(expected, actual);
    }

    private long revision() {
        return given().get(pinnedPath()).then().statusCode(200).extract().jsonPath().getLong("revision");
    }
}
