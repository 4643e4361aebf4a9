package org.thesenforum.beamer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The projector view, its live fragments and its QR code, read over HTTP as the projector's browser reads them. */
@QuarkusTest
class BeamerPagesTest {

    private String slug;

    @BeforeEach
    void freshDiscussion() {
        slug = BeamerData.discussion();
    }

    @AfterEach
    void dropDiscussion() {
        BeamerData.drop(slug);
    }

    private String page(String language) {
        return given().cookie("tf_lang", language).get("/discussions/" + slug + "/beamer").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
    }

    private static List<String> matches(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theStreamShowsTheNewestVisibleCommentsWithAuthorAndTopic() {
        long topic = BeamerData.topic(slug, "Quartiere stärken");
        User author = Fixtures.expert();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= BeamerBoard.COMMENTS + 1; i++) {
            ids.add(Fixtures.comment(topic, author, "Beitrag " + i, null));
        }
        long hidden = Fixtures.comment(topic, author, "Wird ausgeblendet", null);
        long deleted = Fixtures.comment(topic, author, "Wird gelöscht", null);
        Fixtures.moderator().as().body(Map.of("reason", "Test")).post("/api/comments/" + hidden + "/hide").then()
                .statusCode(200);
        given().auth().preemptive().basic(author.email(), Fixtures.PASSWORD).delete("/api/comments/" + deleted)
                .then().statusCode(204);

        String html = page("de");
        List<String> shown = matches(html, "<li id=\"bc(\\d+)\"");
        List<String> expected = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 1; i--) {
            expected.add(String.valueOf(ids.get(i)));
        }
        assertEquals(expected, shown, "the newest first, the oldest one beyond the limit left out");
        assertFalse(html.contains("Wird ausgeblendet"), "hidden comments disappear");
        assertFalse(html.contains("Wird gelöscht"), "deleted comments disappear");
        assertTrue(html.contains("<strong>Test Expert") && html.contains("These 1: Quartiere stärken"), html);
        assertTrue(page("en").contains("Thesis 1: Quartiere stärken"));
    }

    @Test
    void whatPeopleTypedIsShownInert() {
        long topic = BeamerData.topic(slug, "<img src=x onerror=alert(1)>");
        Fixtures.comment(topic, Fixtures.expert(), "<script>alert(1)</script> **fett**", null);
        String html = page("de");
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("<strong>fett</strong>"), html);
    }

    @Test
    void jointDemandsStandInRankOrderWithTheirIndicatorAndTheProposalsAreCounted() {
        long topic = BeamerData.topic(slug, "Quartiere stärken");
        long raum = BeamerData.propose(slug, topic, "Räume für Begegnung");
        long personal = BeamerData.propose(slug, topic, "Feste Ansprechpersonen");
        BeamerData.propose(slug, topic, "Sprachcafés fördern");
        BeamerData.pin(personal);
        BeamerData.pin(raum);

        String html = page("de");
        assertEquals(List.of(String.valueOf(personal), String.valueOf(raum)),
                matches(html, "<li id=\"bd(\\d+)\""));
        assertEquals(List.of("Nr. 1", "Nr. 2"), matches(html, "<span class=\"beamer-rank\">([^<]+)</span>"));
        assertTrue(html.contains("consensus-open"), html);
        assertTrue(html.contains("offen (zu wenige Stimmen)"), html);
        assertTrue(html.contains("1 Vorschlag in Arbeit"), html);
        assertFalse(html.contains("Sprachcafés fördern"), "proposals are counted, not listed");
        String english = page("en");
        assertTrue(english.contains("No. 1") && english.contains("1 proposal in progress"), english);
        assertTrue(english.contains("<h2 id=\"beamer-demands-heading\">Joint demands</h2>"), english);
    }

    @Test
    void theItemUnderDiscussionShowsItsTextAndTheCountdown() {
        long topic = BeamerData.topic(slug, "Quartiere stärken");
        long demand = BeamerData.propose(slug, topic, "Räume für Begegnung");
        String html = page("de");
        assertTrue(html.contains("class=\"beamer-part is-idle is-empty\""), "no meeting: no agenda shown");

        List<Long> items = BeamerData.agenda(slug, "TOPIC", topic, "DEMAND", demand);
        html = page("de");
        assertTrue(html.contains("Gleich geht es weiter.") && html.contains("is-idle"), html);

        BeamerData.focus(slug, items.get(0));
        html = page("de");
        assertTrue(html.contains("Jetzt im Gespräch · These 1"), html);
        assertTrue(html.contains("<p class=\"beamer-focus-title\" id=\"beamer-focus-title\">Quartiere stärken</p>"), html);
        assertTrue(html.contains("Text der These."), "the topic's text: " + html);
        assertTrue(matches(html, "data-meeting-ends-at=\"(\\d{4}-[^\"]+Z)\"").size() == 1, "the countdown's end is set");
        assertTrue(matches(html, "<span id=\"beamer-countdown\"[^>]*>(\\d+:\\d\\d)</span>").size() == 1, html);
        assertTrue(page("en").contains("Now under discussion · Thesis 1"));

        BeamerData.focus(slug, items.get(1));
        String agenda = given().get("/discussions/" + slug + "/beamer/punkt").then().statusCode(200).extract()
                .asString().strip();
        assertTrue(agenda.startsWith("<div id=\"beamer-agenda\""), agenda);
        assertTrue(agenda.contains("Räume für Begegnung") && agenda.contains("Wortlaut von Räume für Begegnung"),
                "the demand's wording: " + agenda);

        BeamerData.focus(slug, null);
        assertTrue(given().get("/discussions/" + slug + "/beamer/punkt").asString().contains("Gleich geht es weiter."));
    }

    @Test
    void aLongListOfJointDemandsShowsTheFirstAndCountsTheRest() {
        long topic = BeamerData.topic(slug, "Quartiere stärken");
        for (int i = 1; i <= BeamerBoard.PINNED + 2; i++) {
            BeamerData.pin(BeamerData.propose(slug, topic, "Forderung " + i));
        }
        String html = page("de");
        assertEquals(BeamerBoard.PINNED, matches(html, "<li id=\"bd(\\d+)\"").size());
        assertTrue(html.contains("Forderung " + BeamerBoard.PINNED + "<") && !html.contains("Forderung "
                + (BeamerBoard.PINNED + 1) + "<"), html);
        assertTrue(html.contains("… und 2 weitere gemeinsame Forderungen"), html);
        assertTrue(page("en").contains("… and 2 more joint demands"));
    }

    @Test
    void anEmptyDiscussionSaysSoAndTheViewHasNoControls() {
        String html = page("de");
        assertTrue(html.contains("Noch keine Beiträge.") && html.contains("Noch keine gemeinsame Forderung.")
                && html.contains("Noch keine Vorschläge"), html);
        assertFalse(html.contains("<form"), "no forms");
        assertFalse(html.contains("<nav"), "no navigation");
        assertFalse(html.contains("site-footer"), "no footer");
        assertFalse(html.contains("live-announce"), "no switches");
        assertTrue(html.contains("<script type=\"module\" src=\"/js/beamer.js\"></script>"), html);
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find(), "no inline script");
        assertFalse(html.contains("style="), "no inline style");
        assertTrue(html.contains("data-live-slug=\"" + slug + "\""), html);
        assertTrue(html.contains("<img class=\"beamer-qr\" src=\"/discussions/" + slug + "/beamer/qr.svg\""), html);
        assertTrue(html.contains("localhost:8080/discussions/" + slug + "/mitmachen"), "the join address is spelt out");
    }

    @Test
    void theFragmentsAreThePartsOfThePage() {
        long topic = BeamerData.topic(slug, "Quartiere stärken");
        long comment = Fixtures.comment(topic, Fixtures.expert(), "Ein neuer Beitrag", null);
        long demand = BeamerData.propose(slug, topic, "Räume für Begegnung");
        BeamerData.pin(demand);
        String page = page("de");

        String comments = given().get("/discussions/" + slug + "/beamer/kommentare").then().statusCode(200)
                .extract().asString().strip();
        assertTrue(comments.startsWith("<div id=\"beamer-comments\""), comments);
        assertTrue(comments.contains("id=\"bc" + comment + "\"") && !comments.contains("<html"), comments);
        assertTrue(page.contains(comments), "the same markup as on the page");

        String demands = given().get("/discussions/" + slug + "/beamer/forderungen").then().statusCode(200)
                .extract().asString().strip();
        assertTrue(demands.startsWith("<div id=\"beamer-demands\""), demands);
        assertTrue(demands.contains("id=\"bd" + demand + "\"") && !demands.contains("beamer-comments"), demands);
        assertTrue(page.contains(demands), "the same markup as on the page");
    }

    @Test
    void unknownDiscussionsAndPartsAre404InTheReadersLanguage() {
        for (String path : List.of("/discussions/gibt-es-nicht/beamer", "/discussions/gibt-es-nicht/beamer/kommentare",
                "/discussions/gibt-es-nicht/beamer/qr.svg")) {
            given().get(path).then().statusCode(404).body(containsString("Die Diskussion wurde nicht gefunden."));
            given().cookie("tf_lang", "en").get(path).then().statusCode(404)
                    .body(containsString("The discussion was not found."));
        }
        given().get("/discussions/" + slug + "/beamer/etwas").then().statusCode(404)
                .body(containsString("Diesen Teil der Beamer-Ansicht gibt es nicht."));
        given().cookie("tf_lang", "en").get("/discussions/" + slug + "/beamer/etwas").then().statusCode(404)
                .body(containsString("This part of the projector view does not exist."));
    }

    @Test
    void theQrCodeIsACacheableSvgThatLeadsToTheJoinPage() throws Exception {
        Response response = given().get("/discussions/" + slug + "/beamer/qr.svg");
        response.then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("Cache-Control", containsString("max-age=86400"))
                .header("Cache-Control", not(containsString("private")));
        String svg = response.asString();
        String tag = response.header("ETag");
        assertTrue(tag != null && !tag.isBlank());
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.length() < 8_000, "one compact path, not a rectangle per module: " + svg.length());

        String join = "http://localhost:8080/discussions/" + slug + "/mitmachen";
        assertEquals(join, decode(svg));
        given().header("If-None-Match", tag).get("/discussions/" + slug + "/beamer/qr.svg").then().statusCode(304)
                .header("ETag", equalTo(tag));
    }

    @Test
    void theQrPathDrawsExactlyTheMatrix() {
        BitMatrix matrix = QrSvg.matrix("https://forum.example.org/discussions/x/mitmachen");
        BitMatrix drawn = matrixOf(QrSvg.svg("https://forum.example.org/discussions/x/mitmachen", "t"));
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertEquals(matrix.get(x, y), drawn.get(x + QrSvg.QUIET_ZONE, y + QrSvg.QUIET_ZONE), x + "," + y);
            }
        }
    }

    @Test
    void onlyModeratorsGetTheLinkOnTheOverview() {
        String link = "href=\"/discussions/" + Fixtures.SLUG + "/beamer\"";
        given().get("/discussions/" + Fixtures.SLUG).then().statusCode(200).body(not(containsString(link)));
        Fixtures.expert().as().get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(not(containsString(link)));
        Fixtures.moderator().as().get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString(link)).body(containsString("Beamer-Ansicht öffnen"));
        Fixtures.admin().as().cookie("tf_lang", "en").get("/discussions/" + Fixtures.SLUG).then().statusCode(200)
                .body(containsString(link)).body(containsString("Open the projector view"));
    }

    /** The modules the SVG path draws, back as a matrix with the quiet zone. */
    static BitMatrix matrixOf(String svg) {
        int size = Integer.parseInt(matches(svg, "viewBox=\"0 0 (\\d+) ").get(0));
        BitMatrix matrix = new BitMatrix(size);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(matches(svg, " d=\"([^\"]+)\"").get(0));
        int consumed = 0;
        while (run.find()) {
            assertEquals(consumed, run.start(), "the path holds only runs");
            consumed = run.end();
            assertEquals(run.group(3), run.group(4));
            matrix.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)),
                    Integer.parseInt(run.group(3)), 1);
        }
        return matrix;
    }

    /** Renders the SVG's modules to pixels, as a camera would see the screen, and reads the code with ZXing. */
    static String decode(String svg) throws Exception {
        BitMatrix modules = matrixOf(svg);
        int scale = 6;
        int side = modules.getWidth() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = modules.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
