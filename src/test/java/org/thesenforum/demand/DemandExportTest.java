package org.thesenforum.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

/** The demands paper as Markdown, HTML, PDF and CSV: parsed back, in rank order, umlauts intact. */
@QuarkusTest
class DemandExportTest {

    private static final String BASE = "/api/discussions/" + Fixtures.SLUG + "/demands/export";
    private static final String FIRST = "Übergänge für Familien sichern – „Ankommen“ heißt Wohnen";
    private static final String SECOND = "Quartiersfonds für Ankunftsorte öffnen";
    private static final String PROPOSAL = "Sprachcafés in jedem Stadtteil fördern";

    /** Cells a spreadsheet program could run, and what a Markdown viewer that allows HTML could make live. */
    private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";
    private static final String HOSTILE_TITLE = "\"><svg onload=alert(1)> <script>alert(1)</script>";
    private static final String HOSTILE_TEXT = "Wir fordern *ausdrücklich*:\n\n- eine [Quelle](https://example.org/q)\n"
            + "- zwei Punkte\n\n> <a href=\"javascript:alert(1)\">a</a>\n\n"
            + "und [x](javascript:alert(1)) <script>alert(2)</script>";

    /** Any tag but those Markdown makes of the paper and the one allowed link. */
    private static final Pattern ODD_TAG = Pattern.compile(
            "<(?!(/?(h[1-3]|p|em|strong|ul|li|blockquote|a)|a href=\"https://example\\.org/q\")>)");

    private static long first;
    /** A discussion of its own, with demands, objections, dissent notes and names typed to do harm. */
    private static String hostileSlug;
    private static String formulaName;
    private static String markupName;

    @BeforeAll
    static void demands() {
        long topic = Fixtures.thesis(2);
        first = BoardData.onTopic(topic, Fixtures.expert(), FIRST, true);
        BoardData.onTopic(topic, Fixtures.expert(), SECOND, true);
        BoardData.onTopic(topic, Fixtures.expert(), PROPOSAL, false);
        QuarkusTransaction.requiringNew().run(() -> {
            Demand d = Demand.findById(first);
            d.body = "Wohnungen *zuerst*, dann Kurse; Träger und Ämter stimmen sich ab.";
        });
    }

    /** The discussion with what people typed to do harm, made on first use: everything through the API. */
    private static synchronized String hostileSlug() {
        if (hostileSlug != null) {
            return hostileSlug;
        }
        hostileSlug = BoardData.discussion();
        long topic = BoardData.topic(hostileSlug, "=Thema");
        formulaName = FORMULA + " " + System.nanoTime();
        markupName = "<svg onload=alert(3)> " + System.nanoTime();
        User formula = named(formulaName);
        User markup = named(markupName);
        long a = propose(formula, topic, "=1+1", "\t=1+2", "@SUM(1)");
        long b = propose(markup, topic, "+cmd|' /C calc'!A0", "-1+2", "\t -3+4");
        long c = propose(Fixtures.expert(), topic, "@SUM(1)", FORMULA, null);
        propose(Fixtures.expert(), topic, "-", "- Punkt", null);
        long d = propose(Fixtures.expert(), topic, HOSTILE_TITLE, HOSTILE_TEXT, "<img src=x onerror=alert(1)> *Grund*");
        vote(markup, a, FORMULA);
        vote(formula, c, "+1");
        vote(formula, d, "<script>alert(4)</script> [y](javascript:alert(5))");
        Fixtures.moderator().as().body(Map.of()).put("/api/demands/" + b + "/pin").then().statusCode(200);
        Fixtures.moderator().as().body(Map.of()).put("/api/demands/" + d + "/pin").then().statusCode(200);
        dissent(formula, b, "-2+3");
        dissent(markup, d, "<a href=\"javascript:alert(6)\">Einspruch</a>");
        return hostileSlug;
    }

    @AfterAll
    static void dropHostile() {
        if (hostileSlug != null) {
            BoardData.drop(hostileSlug);
        }
    }

    @Test
    void markdownListsTheJointDemandsInRankOrderThenTheProposals() {
        String md = given().get(BASE + "?format=md").then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Content-Disposition", "attachment; filename=\"forderungen-" + Fixtures.SLUG + ".md\"")
                .extract().asString();
        int joint = md.indexOf("\n## Gemeinsame Forderungen\n");
        int proposals = md.indexOf("\n## Weitere Vorschläge\n");
        assertTrue(md.startsWith("# Gemeinsame Forderungen: "), md);
        assertTrue(joint > 0 && proposals > joint, md);
        int a = md.indexOf(". " + FIRST);
        int b = md.indexOf(". " + SECOND);
        assertTrue(a > joint && b > a && b < proposals, md);
        assertTrue(md.indexOf("### " + PROPOSAL) > proposals, md);
        assertTrue(md.contains("Wohnungen *zuerst*, dann Kurse"), "the text keeps its Markdown: " + md);
        assertTrue(md.contains("**Bezug:** These 2: "), md);
    }

    @Test
    void csvHasAByteOrderMarkSemicolonsAndOneRowPerDemand() throws IOException {
        byte[] bytes = given().get(BASE + "?format=csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(text)).getRecords();
        Map<String, CSVRecord> byTitle = rows.stream().collect(Collectors.toMap(r -> r.get("Titel"),
                Function.identity(), (x, y) -> x));
        CSVRecord one = byTitle.get(FIRST);
        CSVRecord two = byTitle.get(SECOND);
        assertEquals("Gemeinsame Forderung", one.get("Status"));
        assertTrue(Integer.parseInt(one.get("Rang")) < Integer.parseInt(two.get("Rang")));
        assertEquals("Vorschlag", byTitle.get(PROPOSAL).get("Status"));
        assertEquals("", byTitle.get(PROPOSAL).get("Rang"));
        assertEquals("0", one.get("Unterstützungen"));
        assertEquals("offen (zu wenige Stimmen)", one.get("Einschätzung"));
        assertTrue(rows.indexOf(one) < rows.indexOf(byTitle.get(PROPOSAL)), "joint demands come first");
    }

    @Test
    void pdfCarriesTheTitlesInRankOrderWithTheirUmlauts() throws IOException {
        byte[] pdf = given().get(BASE + "?format=pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            int a = text.indexOf(FIRST);
            int b = text.indexOf(SECOND);
            int proposals = text.indexOf("Weitere Vorschläge");
            assertTrue(a > 0 && b > a && proposals > b, text);
            assertTrue(text.indexOf(PROPOSAL) > proposals, text);
            assertTrue(text.contains("Seite 1 / " + doc.getNumberOfPages()), text);
            assertTrue(doc.getPage(0).getMediaBox().getWidth() > 590 && doc.getPage(0).getMediaBox().getWidth() < 600,
                    "A4 is 595 points wide");
        }
    }

    @Test
    void htmlIsAPrintablePageWithWhatPeopleTypedEscaped() {
        long hostile = BoardData.onTopic(Fixtures.thesis(2), Fixtures.expert(),
                "<script>alert(1)</script> Forderung", false);
        String html = given().get(BASE + "?format=html").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Forderung"), html);
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("id=\"d" + hostile + "\""), html);
        assertTrue(html.contains("<em>zuerst</em>"), "the text is rendered as in the forum: " + html);
    }

    @Test
    void csvShowsEveryCellThatCouldRunAsAFormulaAsText() throws IOException {
        byte[] bytes = given().get("/api/discussions/" + hostileSlug() + "/demands/export?format=csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(text)).getRecords();
        assertEquals(5, rows.size(), text);
        for (CSVRecord row : rows) {
            for (String cell : row.values()) {
                assertFalse(cell.matches("(?s)[\\s\\u00A0]*[=+\\-@].*") || cell.matches("(?s)[\\t\\r\\n].*"),
                        () -> "cell " + cell + " could run as a formula: " + text);
            }
        }
        Map<String, CSVRecord> byTitle = rows.stream().collect(Collectors.toMap(r -> r.get("Titel"),
                Function.identity()));
        CSVRecord a = byTitle.get("'=1+1");
        assertEquals("'=1+2", a.get("Text"), "the tab was trimmed when it was stored, the formula stays text");
        assertEquals("'@SUM(1)", a.get("Begründung"));
        assertEquals("'" + FORMULA + " (" + markupName + ")", a.get("Schwerwiegende Einwände"));
        CSVRecord b = byTitle.get("'+cmd|' /C calc'!A0");
        assertEquals("'-1+2", b.get("Text"));
        assertEquals("'-3+4", b.get("Begründung"));
        assertEquals("'-2+3 (" + formulaName + ")", b.get("Sondervoten"));
        CSVRecord c = byTitle.get("'@SUM(1)");
        assertEquals("'" + FORMULA, c.get("Text"));
        assertEquals("'+1 (" + formulaName + ")", c.get("Schwerwiegende Einwände"));
        assertEquals("'- Punkt", byTitle.get("'-").get("Text"), "a lone dash or a bullet gets the apostrophe too");
        assertEquals("These 1: =Thema", a.get("Bezug"), "text that does not start a formula stays as it is");
    }

    @Test
    void markdownShowsWhatPeopleTypedAsTextAndKeepsTheirMarkdown() {
        for (String language : List.of("de", "en")) {
            String md = given().header("Accept-Language", language)
                    .get("/api/discussions/" + hostileSlug() + "/demands/export?format=md").then().statusCode(200)
                    .extract().asString();
            for (String live : List.of("<script", "<svg", "<img", "<a ", "](javascript:", "<javascript:")) {
                assertFalse(md.toLowerCase(Locale.ROOT).contains(live), () -> live + " in: " + md);
            }
            assertTrue(md.contains("### 2. \"&gt;&lt;svg onload=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;\n"),
                    "the title shows as text: " + md);
            assertTrue(md.contains("Wir fordern *ausdrücklich*:\n\n- eine [Quelle](https://example.org/q)\n"
                    + "- zwei Punkte\n\n> &lt;a href=\"javascript:alert(1)\"&gt;a&lt;/a&gt;\n\nund x &lt;script&gt;"),
                    "formatting and http links stay, raw HTML shows as text, a script link keeps its text: " + md);
            assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt; *Grund*"), "the rationale is Markdown: " + md);
            assertTrue(md.contains("&lt;script&gt;alert(4)&lt;/script&gt; \\[y\\]\\(javascript:alert(5))"),
                    "an objection is plain text: " + md);
            assertTrue(md.contains("_&lt;svg onload=alert(3)&gt; "), "a name is plain text: " + md);
            String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
            assertFalse(ODD_TAG.matcher(html).find(), "a viewer that allows HTML makes no other tag: " + html);
            assertFalse(html.contains("href=\"javascript:"), html);
            assertTrue(html.contains("<em>ausdrücklich</em>") && html.contains("<li>zwei Punkte</li>"), html);
        }
    }

    @Test
    void htmlOfWhatPeopleTypedToDoHarmStaysInert() {
        String html = given().get("/api/discussions/" + hostileSlug() + "/demands/export?format=html").then()
                .statusCode(200).extract().asString();
        for (String live : List.of("<script", "<svg", "<img", "href=\"javascript:")) {
            assertFalse(html.contains(live), () -> live + " in: " + html);
        }
        assertTrue(html.contains("<p>&lt;a href&#61;&#34;javascript:alert(1)&#34;&gt;a&lt;/a&gt;</p>"),
                "raw HTML shows as text: " + html);
        assertTrue(html.contains("<a href=\"https://example.org/q\" rel=\"nofollow noopener\">Quelle</a>"), html);
    }

    @Test
    void theReadersLanguageIsThePapersLanguage() {
        given().header("Accept-Language", "en").get(BASE + "?format=md").then().statusCode(200)
                .body(containsString("## Joint demands")).body(containsString("## Further proposals"))
                .body(containsString("**Refers to:** Thesis 2: "));
    }

    @Test
    void anUnknownOrMissingFormatIsRefusedNamingTheField() {
        for (String query : new String[] { "", "?format=docx", "?format=PDF", "?format=" }) {
            given().get(BASE + query).then().statusCode(422).contentType("application/problem+json")
                    .body("field", equalTo("format"))
                    .body("detail", equalTo("Bitte ein Format angeben: md, html, pdf oder csv."));
        }
        given().header("Accept-Language", "en").get(BASE + "?format=doc").then().statusCode(422)
                .body("detail", equalTo("Please give a format: md, html, pdf or csv."));
    }

    @Test
    void anUnknownDiscussionIs404() {
        given().get("/api/discussions/gibt-es-nicht/demands/export?format=pdf").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static User named(String name) {
        User user = Fixtures.expert();
        user.as().body(Map.of("displayName", name)).patch("/api/me").then().statusCode(200);
        return user;
    }

    private static long propose(User author, long topic, String title, String text, String rationale) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "text", text, "topicIds", List.of(topic)));
        if (rationale != null) {
            body.put("rationale", rationale);
        }
        return author.as().body(body).post("/api/discussions/" + hostileSlug + "/demands").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void vote(User voter, long demand, String objection) {
        voter.as().body(Map.of("position", "DISAGREE", "objection", objection)).put("/api/demands/" + demand + "/vote")
                .then().statusCode(200);
    }

    private static void dissent(User author, long demand, String text) {
        author.as().body(Map.of("text", text)).post("/api/demands/" + demand + "/dissents").then().statusCode(201);
    }
}
