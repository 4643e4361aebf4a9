package org.thesenforum.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.web.Languages;

/** The search form on the overview and topic pages, and the result page with its filters and pages. */
@QuarkusTest
class SearchPagesTest {

    private static final String PAGE = "/discussions/" + Fixtures.SLUG + "/suche";

    @Inject
    SearchIndexer indexer;

    @Test
    void theOverviewAndTopicPagesCarryTheSearchForm() {
        String form = "action=\"/discussions/" + Fixtures.SLUG + "/suche\"";
        given().get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(allOf(containsString(form), containsString("role=\"search\"")));
        given().get("/topics/" + Fixtures.thesis(1)).then().statusCode(200).body(containsString(form));
    }

    @Test
    void resultsShowKindAuthorLinkAndMarkedSnippet() {
        long topic = Fixtures.freshTopic();
        User maria = Fixtures.moderator();
        long id = post(maria, topic, "Im Quartier fehlt ein Treffpunkt.");
        indexer.catchUp();
        String name = displayName(maria);
        given().queryParams(Map.of("q", "Quartiere", "thema", topic)).get(PAGE).then().statusCode(200)
                .body(allOf(containsString("1 Treffer für „Quartiere“"), containsString("Beitrag von " + name),
                        containsString("href=\"/topics/" + topic + "#c" + id + "\""),
                        containsString("<mark>Quartier</mark>"), containsString("value=\"Quartiere\""),
                        containsString("<option value=\"" + topic + "\" selected>")));
    }

    @Test
    void hostileTextStaysEscapedOnThePage() {
        long topic = Fixtures.freshTopic();
        post(Fixtures.moderator(), topic, "<script>alert('x')</script> Quartiersarbeit <img src=x onerror=alert(1)>");
        indexer.catchUp();
        given().queryParams(Map.of("q", "Quartiersarbeit", "thema", topic)).get(PAGE).then().statusCode(200)
                .body(allOf(containsString("&lt;script&gt;"), not(containsString("<script>alert")),
                        not(containsString("<img src=x")), containsString("<mark>Quartiersarbeit</mark>")));
        given().queryParams(Map.of("q", "<script>alert(1)</script>")).get(PAGE).then().statusCode(200)
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void withoutWordsThePageIsJustTheForm() {
        given().get(PAGE).then().statusCode(200)
                .body(allOf(containsString("name=\"q\""), not(containsString("search-results-heading"))));
    }

    @Test
    void unsearchableWordsAreRefusedInTheForm() {
        given().queryParam("q", "x".repeat(201)).get(PAGE).then().statusCode(400)
                .body(allOf(containsString("höchstens 200 Zeichen"), containsString("aria-invalid=\"true\"")));
        given().queryParam("q", "Quartier").get("/discussions/gibt-es-nicht/suche").then().statusCode(404);
    }

    @Test
    void unknownFiltersAreIgnored() {
        given().queryParams(Map.of("q", "Quartier", "thema", "999999999", "frage", "x", "autor", "-3", "seite", "x"))
                .get(PAGE).then().statusCode(200).body(containsString("search-results-heading"));
    }

    @Test
    void manyResultsArePaged() {
        long topic = Fixtures.freshTopic();
        User author = Fixtures.moderator();
        for (int i = 0; i < 21; i++) {
            post(author, topic, "Schulsozialarbeit Nummer " + i);
        }
        indexer.catchUp();
        given().queryParams(Map.of("q", "Schulsozialarbeit", "thema", topic)).get(PAGE).then().statusCode(200)
                .body(allOf(containsString("21 Treffer"), containsString("Seite 1 von 2"),
                        containsString("thema=" + topic + "&amp;seite=2")));
        given().queryParams(Map.of("q", "Schulsozialarbeit", "thema", topic, "seite", 2)).get(PAGE).then()
                .statusCode(200).body(allOf(containsString("Seite 2 von 2"), containsString("rel=\"prev\"")));
    }

    @Test
    void thePageSpeaksEnglish() {
        given().cookie(Languages.COOKIE, "en").queryParam("q", "Quartier").get(PAGE).then().statusCode(200)
                .body(allOf(containsString("Search this discussion"), containsString("for “Quartier”")));
        given().cookie(Languages.COOKIE, "en").get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString("Search this discussion"));
    }

    private static long post(User author, long topic, String body) {
        return author.as().body(Map.of("body", body)).post("/api/topics/" + topic + "/comments").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String displayName(User user) {
        return user.as().get("/api/me").then().extract().path("displayName");
    }
}
