package org.thesenforum.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.web.ForumConfig;

/**
 * The search API: German word forms, snippets, filters, hidden and deleted comments, refusals and the role matrix.
 * Every test searches a fresh topic of its own (the shipped discussion is shared by all tests).
 */
@QuarkusTest
class SearchResourceTest {

    private static final String SEARCH = "/api/discussions/" + Fixtures.SLUG + "/search";

    @Inject
    SearchIndexer indexer;
    @Inject
    ForumConfig config;

    @Test
    void germanWordFormsFindCommentsTopicsAndDemands() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.moderator();
        long quarter = post(maria, topic, "Im **Quartier** fehlt ein Treffpunkt für alle.");
        long refugees = post(maria, topic, "Die Flüchtlinge brauchen eine Beratung vor Ort.");
        long demand = propose(maria, topic, "Räume im Quartier", "Jedes Quartier braucht einen offenen Raum.");
        indexer.catchUp();

        search(Map.of("q", "Quartiere", "topicId", topic)).statusCode(200)
                .body("total", equalTo(2))
                .body("hits.id", hasItem((int) quarter))
                .body("hits.id", hasItem((int) demand))
                .body("hits.find { it.kind == 'COMMENT' }.url", equalTo("/topics/" + topic + "#c" + quarter))
                .body("hits.find { it.kind == 'COMMENT' }.topicId", equalTo((int) topic))
                .body("hits.find { it.kind == 'COMMENT' }.author", notNullValue())
                .body("hits.find { it.kind == 'COMMENT' }.createdAt", notNullValue())
                .body("hits.find { it.kind == 'COMMENT' }.title", containsString("Testthema"))
                .body("hits.find { it.kind == 'COMMENT' }.snippet", containsString("<mark>Quartier</mark>"))
                .body("hits.find { it.kind == 'DEMAND' }.url",
                        equalTo("/discussions/" + Fixtures.SLUG + "/demands#d" + demand))
                .body("hits.find { it.kind == 'DEMAND' }.title", equalTo("Räume im Quartier"));
        search(Map.of("q", "Flüchtlingen", "topicId", topic)).statusCode(200)
                .body("total", equalTo(1)).body("hits[0].id", equalTo((int) refugees))
                .body("hits[0].snippet", containsString("<mark>Flüchtlinge</mark>"));
        search(Map.of("q", "Testthemas", "topicId", topic)).statusCode(200)
                .body("hits.find { it.kind == 'TOPIC' }.url", equalTo("/topics/" + topic))
                .body("hits.find { it.kind == 'TOPIC' }.author", nullValue());
        search(Map.of("q", "\"Treffpunkt für alle\"", "topicId", topic)).statusCode(200)
                .body("total", equalTo(1));
        search(Map.of("q", "\"Treffpunkt fehlt\"", "topicId", topic)).statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aPrefixFindsCompoundWords() {
        long topic = Fixtures.freshTopic();
        long id = post(Fixtures.moderator(), topic, "Der Quartiersfonds hat drei Projekte bezahlt.");
        indexer.catchUp();
        search(Map.of("q", "Quartier", "topicId", topic)).statusCode(200)
                .body("total", equalTo(1)).body("hits[0].id", equalTo((int) id));
    }

    @Test
    void snippetsAreEscapedHtml() {
        long topic = Fixtures.freshTopic();
        post(Fixtures.moderator(), topic, "<script>alert('x')</script> Wir & die <b>Quartiersarbeit</b> \"jetzt\"");
        indexer.catchUp();
        String snippet = search(Map.of("q", "Quartiersarbeit", "topicId", topic)).statusCode(200)
                .body("total", equalTo(1)).extract().path("hits[0].snippet");
        assertFalse(snippet.contains("<script"), snippet);
        assertFalse(snippet.contains("<b>"), snippet);
        assertTrue(snippet.contains("&lt;b&gt;"), snippet);
        assertTrue(snippet.contains("&amp;"), snippet);
        assertTrue(snippet.contains("<mark>Quartiersarbeit</mark>"), snippet);
    }

    @Test
    void hiddenCommentsLeaveResultsSnippetsAndTotalsAndComeBackWhenShown() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        User moderator = Fixtures.moderator();
        long visible = post(moderator, topic, "Stadtteilkonferenz im Quartier, gut besucht.");
        long hidden = post(moderator, topic, "Stadtteilkonferenz mit geheimem Beleidigungswort.");
        indexer.catchUp();
        search(Map.of("q", "Stadtteilkonferenz", "topicId", topic)).body("total", equalTo(2));

        moderator.as().body(Map.of("reason", "Beleidigung")).post("/api/comments/" + hidden + "/hide")
                .then().statusCode(200);
        // Right after the hide, before any catch-up: the database check already leaves it out.
        for (User reader : new User[] {author, moderator}) {
            reader.as().queryParams(Map.of("q", "Stadtteilkonferenz", "topicId", topic)).get(SEARCH).then()
                    .statusCode(200).body("total", equalTo(1)).body("hits.id", not(hasItem((int) hidden)));
        }
        indexer.catchUp();
        search(Map.of("q", "Stadtteilkonferenz", "topicId", topic)).body("total", equalTo(1))
                .body("hits.id", equalTo(List.of((int) visible)));
        search(Map.of("q", "Beleidigungswort", "topicId", topic)).body("total", equalTo(0))
                .body("hits", empty());
        search(Map.of("q", "Stadtteilkonferenz")).body("hits.id", not(hasItem((int) hidden)))
                .body("hits.snippet", everyItem(not(containsString("Beleidigungswort"))));

        moderator.as().post("/api/comments/" + hidden + "/unhide").then().statusCode(200);
        indexer.catchUp();
        search(Map.of("q", "Beleidigungswort", "topicId", topic)).body("total", equalTo(1))
                .body("hits[0].id", equalTo((int) hidden));
    }

    @Test
    void deletedCommentsAreGone() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long id = post(author, topic, "Nachbarschaftshilfe klappt gut.");
        indexer.catchUp();
        search(Map.of("q", "Nachbarschaftshilfe", "topicId", topic)).body("total", equalTo(1));
        author.as().delete("/api/comments/" + id).then().statusCode(204);
        search(Map.of("q", "Nachbarschaftshilfe", "topicId", topic)).body("total", equalTo(0));
        indexer.catchUp();
        search(Map.of("q", "Nachbarschaftshilfe", "topicId", topic)).body("total", equalTo(0));
    }

    @Test
    void editedCommentsAreFoundByTheirNewWords() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.expert();
        long id = post(author, topic, "Erst war vom Sportverein die Rede.");
        indexer.catchUp();
        author.as().body(Map.of("body", "Jetzt geht es um die Jugendwerkstatt.")).patch("/api/comments/" + id)
                .then().statusCode(200);
        indexer.catchUp();
        search(Map.of("q", "Sportverein", "topicId", topic)).body("total", equalTo(0));
        search(Map.of("q", "Jugendwerkstatt", "topicId", topic)).body("total", equalTo(1));
    }

    @Test
    void filtersByTopicAuthorAndGuidingQuestion() {
        long topic = Fixtures.freshTopic();
        long other = Fixtures.freshTopic();
        User maria = Fixtures.moderator();
        User jan = Fixtures.moderator();
        long question = Fixtures.question(2);
        long byMaria = post(maria, topic, "Ehrenamtliche Lotsen begleiten.");
        long byJan = postAbout(jan, topic, question, "Ehrenamtliche Lotsen brauchen Schulung.");
        long elsewhere = post(maria, other, "Ehrenamtliche Lotsen anderswo.");
        indexer.catchUp();

        search(Map.of("q", "Lotsen", "topicId", topic)).body("total", equalTo(2));
        search(Map.of("q", "Lotsen", "topicId", other)).body("hits.id", equalTo(List.of((int) elsewhere)));
        search(Map.of("q", "Lotsen", "authorId", maria.id())).body("total", equalTo(2))
                .body("hits.id", not(hasItem((int) byJan)));
        search(Map.of("q", "Lotsen", "authorId", jan.id())).body("hits.id", equalTo(List.of((int) byJan)));
        search(Map.of("q", "Lotsen", "topicId", topic, "questionId", question))
                .body("hits.id", equalTo(List.of((int) byJan)));
        search(Map.of("q", "Lotsen", "topicId", topic, "authorId", Fixtures.expert().id()))
                .body("total", equalTo(0));
        assertTrue(byMaria > 0);
    }

    @Test
    void aDeletedAccountIsShownByItsLabelAndCannotBeFilteredBy() {
        long topic = Fixtures.freshTopic();
        User gone = Fixtures.expert();
        long byGone = post(gone, topic, "Die Nachbarschaftshilfe organisiert Einkaufsfahrten.");
        indexer.catchUp();
        assertTrue(authorOptions().contains("value=\"" + gone.id() + "\""));
        gone.as().body(Map.of("password", Fixtures.PASSWORD)).delete("/api/me").then().statusCode(204);
        indexer.catchUp();

        search(Map.of("q", "Einkaufsfahrten", "topicId", topic)).body("hits.id", equalTo(List.of((int) byGone)))
                .body("hits[0].author", equalTo("gelöschtes Konto"));
        given().header("Accept-Language", "en").queryParams(Map.of("q", "Einkaufsfahrten", "topicId", topic))
                .get(SEARCH).then().statusCode(200).body("hits[0].author", equalTo("deleted account"));
        search(Map.of("q", "Einkaufsfahrten", "authorId", gone.id())).statusCode(200).body("total", equalTo(0))
                .body("hits", empty());
        assertFalse(authorOptions().contains("value=\"" + gone.id() + "\""));
    }

    /** The author choices of the search page's filter. */
    private static String authorOptions() {
        String page = given().get("/discussions/" + Fixtures.SLUG + "/suche").then().statusCode(200).extract().asString();
        int start = page.indexOf("id=\"search-author\"");
        assertTrue(start > 0, page);
        return page.substring(start, page.indexOf("</select>", start));
    }

    @Test
    void resultsArePaged() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.moderator();
        for (int i = 0; i < 23; i++) {
            post(author, topic, "Mietpreisbremse Nummer " + i);
        }
        indexer.catchUp();
        search(Map.of("q", "Mietpreisbremse", "topicId", topic)).body("total", equalTo(23)).body("hits", hasSize(20))
                .body("page", equalTo(1)).body("pageSize", equalTo(20));
        search(Map.of("q", "Mietpreisbremse", "topicId", topic, "page", 2)).body("total", equalTo(23))
                .body("hits", hasSize(3)).body("page", equalTo(2));
    }

    @Test
    void userTextIsNotQuerySyntax() {
        long topic = Fixtures.freshTopic();
        post(Fixtures.moderator(), topic, "Quartier AND Markt (Wochenmarkt) title:x");
        indexer.catchUp();
        for (String q : List.of("Quartier AND (", "title:x*", "*", "?", "\"", "\\", "Markt~2", "+-!^[]{}", "die")) {
            search(Map.of("q", q, "topicId", topic)).statusCode(200).body("total", notNullValue());
        }
        search(Map.of("q", "(Wochenmarkt)", "topicId", topic)).body("total", equalTo(1));
        search(Map.of("q", "die der das", "topicId", topic)).body("total", equalTo(0));
    }

    @Test
    void badQueriesAre400NamingTheField() {
        given().get(SEARCH).then().statusCode(400).body("field", equalTo("q")).body("status", equalTo(400));
        search(Map.of("q", "   ")).statusCode(400).body("field", equalTo("q"))
                .body("detail", containsString("Suchbegriff"));
        search(Map.of("q", "a".repeat(201))).statusCode(400).body("field", equalTo("q"));
        search(Map.of("q", "a".repeat(200))).statusCode(200);
        search(Map.of("q", "Quartier\u0007")).statusCode(400).body("field", equalTo("q"));
        search(Map.of("q", "Quartier\u202E")).statusCode(400).body("field", equalTo("q"));
        search(Map.of("q", "Quartier", "topicId", "drei")).statusCode(400).body("field", equalTo("topicId"));
        search(Map.of("q", "Quartier", "authorId", "x")).statusCode(400).body("field", equalTo("authorId"));
        search(Map.of("q", "Quartier", "questionId", "-1")).statusCode(400).body("field", equalTo("questionId"));
        search(Map.of("q", "Quartier", "page", "0")).statusCode(400).body("field", equalTo("page"));
        search(Map.of("q", "Quartier", "page", "51")).statusCode(400).body("field", equalTo("page"));
        given().queryParam("q", " ").header("Accept-Language", "en").get(SEARCH).then().statusCode(400)
                .body("detail", containsString("search term"));
    }

    @Test
    void unknownDiscussionsTopicsAndQuestionsAre404() {
        given().queryParam("q", "Quartier").get("/api/discussions/gibt-es-nicht/search").then().statusCode(404);
        search(Map.of("q", "Quartier", "topicId", 999_999_999)).statusCode(404).body("field", equalTo("topicId"));
        search(Map.of("q", "Quartier", "questionId", 999_999_999)).statusCode(404)
                .body("field", equalTo("questionId"));
        // An author who never wrote here simply finds nothing.
        search(Map.of("q", "Quartier", "authorId", 999_999_999)).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void everyRoleMaySearchAndNobodyFindsHiddenComments() {
        long topic = Fixtures.freshTopic();
        User moderator = Fixtures.moderator();
        long hidden = post(moderator, topic, "Bürgerhaus bleibt geschlossen, sagt der Hausmeister.");
        moderator.as().body(Map.of("reason", "Privat")).post("/api/comments/" + hidden + "/hide").then()
                .statusCode(200);
        long shown = post(moderator, topic, "Bürgerhaus öffnet am Sonntag.");
        indexer.catchUp();
        Map<String, Object> params = Map.of("q", "Bürgerhaus", "topicId", topic);
        for (RequestSpecification reader : List.of(given(), Fixtures.expert().as(), moderator.as(),
                Fixtures.admin().as())) {
            reader.queryParams(params).get(SEARCH).then().statusCode(200).body("total", equalTo(1))
                    .body("hits.id", equalTo(List.of((int) shown)));
        }
    }

    @Test
    void aDeletedIndexFolderIsRebuiltFromTheDatabase() throws IOException {
        long topic = Fixtures.freshTopic();
        long id = post(Fixtures.moderator(), topic, "Familienzentrum sucht Ehrenamtliche.");
        indexer.catchUp();
        Path folder = Path.of(config.dataDir()).resolve(SearchIndexer.FOLDER);
        indexer.rebuild();
        assertTrue(Files.isDirectory(folder));
        search(Map.of("q", "Familienzentren", "topicId", topic)).body("hits.id", equalTo(List.of((int) id)));
        try (Stream<Path> files = Files.walk(folder)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("segments")));
        }
    }

    @Test
    void aJournalPrunedPastTheIndexRebuildsTheDiscussion() {
        long topic = Fixtures.freshTopic();
        post(Fixtures.moderator(), topic, "Vorher geschrieben: Sprachcafé.");
        indexer.catchUp();
        // Stored without a journal entry: only a rebuild from the database can find it.
        long unlogged = Fixtures.comment(topic, Fixtures.expert(), "Ohne Eintrag im Log: Sprachcafé am Montag.", null);
        search(Map.of("q", "Sprachcafé", "topicId", topic)).body("total", equalTo(1));
        Fixtures.pruneJournalBefore(Instant.now().plusSeconds(1));
        // As if this instance had been down while the log was pruned: the index stands before the pruned entries.
        SearchIndex index = indexer.index().orElseThrow();
        long discussion = discussionId();
        SearchIndex.State state = index.states().get(discussion);
        index.apply(discussion, List.of(), List.of(), new SearchIndex.State(state.seq() - 1, state.stamp()));
        indexer.catchUp();
        search(Map.of("q", "Sprachcafé", "topicId", topic)).body("total", equalTo(2))
                .body("hits.id", hasItem((int) unlogged));
    }

    private static ValidatableResponse search(Map<String, ?> params) {
        return given().queryParams(new HashMap<>(params)).get(SEARCH).then();
    }

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long postAbout(User author, long topic, long question, String body) {
        return author.as().body(Map.of("body", body, "questionId", question)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long propose(User author, long topic, String title, String text) {
        return author.as().body(Map.of("title", title, "text", text, "topicIds", List.of(topic)))
                .post("/api/discussions/" + Fixtures.SLUG + "/demands").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long discussionId() {
        return QuarkusTransaction.requiringNew().call(() -> Discussion.findBySlug(Fixtures.SLUG).orElseThrow().id);
    }
}
