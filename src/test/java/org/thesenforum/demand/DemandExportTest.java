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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;

/** The demands paper as Markdown, HTML, PDF and CSV: parsed back, in rank order, umlauts intact. */
@QuarkusTest
class DemandExportTest {

    private static final String BASE = "/api/discussions/" + Fixtures.SLUG + "/demands/export";
    private static final String FIRST = "Übergänge für Familien sichern – „Ankommen“ heißt Wohnen";
    private static final String SECOND = "Quartiersfonds für Ankunftsorte öffnen";
    private static final String PROPOSAL = "Sprachcafés in jedem Stadtteil fördern";

    private static long first;

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
}
