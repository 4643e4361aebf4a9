package org.thesenforum.protocol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thesenforum.demand.Demand;
import org.thesenforum.demand.Position;
import org.thesenforum.discussion.TopicKind;
import org.thesenforum.event.FieldsOfWork;
import org.thesenforum.event.Registration;
import org.thesenforum.meeting.AgendaItem;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.web.TemplateExtensions;

/**
 * The workshop protocol as Markdown, print page and PDF: the event with its attendance, the agenda, the topics with
 * their threads, the demands; what it leaves out, escaping, refusals.
 */
@QuarkusTest
class ProtocolResourceTest {

    private static final String TITLE = "Ankommen im Gemeinwesen – Protokolltest";
    private static final String THESIS = "Integration findet im Stadtteil statt";
    private static final String APPROACH = "Gemeinwesenarbeit stärken";
    private static final String COMMENT = "Wir brauchen zuerst **Wohnungen** im Quartier.";
    private static final String REPLY = "Dem stimme ich zu, dazu Sprachkurse vor Ort.";
    private static final String HIDDEN = "Dieser ausgeblendete Beitrag bleibt draußen.";
    private static final String UNDER_HIDDEN = "Antwort unter einem ausgeblendeten Beitrag.";
    private static final String DELETED = "Dieser gelöschte Beitrag bleibt draußen.";
    private static final String HOSTILE = "<script>alert(1)</script> und <img src=x onerror=alert(2)>";
    private static final String RICH = "Was wir brauchen:\n\n- Räume & Zeit\n- [Förderung](https://example.org/a?b=1&c=2)"
            + "\n\n> Zitat einer Kollegin\n\nErste Zeile  \nzweite Zeile mit `Code` und <br> Ende";
    private static final String FIRST = "Übergänge für Familien sichern – „Ankommen“ heißt Wohnen";
    private static final String SECOND = "Quartiersfonds für Ankunftsorte öffnen";
    private static final String PROPOSAL = "Sprachcafés in jedem Stadtteil fördern";
    private static final String MERGED = "Wohnraum für Familien schaffen";
    private static final String REJECTED = "Alles zentral regeln";
    private static final String HOSTILE_DEMAND = "<b>fett</b> & Forderung";
    private static final String OBJECTION = "die Finanzierung für fünf Jahre gesichert ist";
    private static final String DISSENT = "Ich trage den Fonds nicht mit, solange die Kommune nicht beteiligt ist.";
    /** 16 June 2016, 10:30 in Berlin (summer time). */
    private static final Instant MORNING = Instant.parse("2016-06-16T08:30:00Z");

    private static final String ROUND = "Expert/innenrunde";

    @Inject
    FieldsOfWork fields;

    private static String slug;
    private static String bare;
    private static String base;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void protocol() {
        slug = ProtocolData.discussion(TITLE);
        base = "/api/discussions/" + slug + "/protocol";
        User a = Fixtures.expert();
        User b = Fixtures.expert();
        alice = ProtocolData.displayName(a);
        bob = ProtocolData.displayName(b);
        long thesis = ProtocolData.topic(slug, TopicKind.THESIS, THESIS, "Die *Integration* gelingt vor Ort.");
        long approach = ProtocolData.topic(slug, TopicKind.APPROACH, APPROACH, "Text des Ansatzes.");
        long comment = ProtocolData.comment(thesis, a, COMMENT, null, MORNING);
        ProtocolData.comment(thesis, b, REPLY, comment, MORNING.plusSeconds(900));
        long hidden = ProtocolData.comment(thesis, b, HIDDEN, null, MORNING.plusSeconds(1800));
        ProtocolData.hide(hidden);
        ProtocolData.comment(thesis, a, UNDER_HIDDEN, hidden, MORNING.plusSeconds(2100));
        ProtocolData.delete(ProtocolData.comment(thesis, a, DELETED, null, MORNING.plusSeconds(2400)));
        ProtocolData.comment(approach, a, HOSTILE, null, MORNING.plusSeconds(2700));
        ProtocolData.comment(approach, b, RICH, null, MORNING.plusSeconds(3000));

        long first = ProtocolData.demand(slug, thesis, a, FIRST, Demand.Status.PINNED);
        long second = ProtocolData.demand(slug, approach, b, SECOND, Demand.Status.PINNED);
        long proposal = ProtocolData.demand(slug, thesis, a, PROPOSAL, Demand.Status.PROPOSED);
        ProtocolData.position(proposal, b, Position.Stance.DISAGREE, OBJECTION);
        ProtocolData.dissent(second, a, DISSENT);
        ProtocolData.merge(ProtocolData.demand(slug, thesis, b, MERGED, Demand.Status.PROPOSED), first);
        ProtocolData.reject(ProtocolData.demand(slug, thesis, b, REJECTED, Demand.Status.PROPOSED),
                "widerspricht dem Stadtteilbezug");
        ProtocolData.demand(slug, approach, b, HOSTILE_DEMAND, Demand.Status.PROPOSED);

        long round = ProtocolData.event(slug, ROUND, LocalDate.of(2016, 6, 16), MORNING,
                MORNING.plusSeconds(5 * 3600 + 1800));
        ProtocolData.event(slug, "Ankunftsorte – Ankommen im Gemeinwesen", LocalDate.of(2016, 8, 16), null, null);
        ProtocolData.registration(round, Registration.Status.CONFIRMED, "praxis", true);
        ProtocolData.registration(round, Registration.Status.CONFIRMED, "praxis", true);
        ProtocolData.registration(round, Registration.Status.CONFIRMED, "praxis", false);
        ProtocolData.registration(round, Registration.Status.CONFIRMED, "verwaltung", true);
        ProtocolData.registration(round, Registration.Status.CONFIRMED, null, true);
        ProtocolData.registration(round, Registration.Status.WAITLISTED, "wissenschaft", false);
        ProtocolData.registration(round, Registration.Status.CANCELLED, "praxis", false);
        long meeting = ProtocolData.meeting(slug, MORNING.plusSeconds(300), MORNING.plusSeconds(5 * 3600));
        ProtocolData.agendaItem(meeting, AgendaItem.Kind.TOPIC, thesis, null, MORNING, 30, MORNING.plusSeconds(300),
                MORNING.plusSeconds(3000));
        ProtocolData.agendaItem(meeting, AgendaItem.Kind.FREE, null, "Mittagspause", MORNING.plusSeconds(5400), 45,
                MORNING.plusSeconds(5700), MORNING.plusSeconds(8400));
        ProtocolData.agendaItem(meeting, AgendaItem.Kind.TOPIC, approach, null, MORNING.plusSeconds(9000), 30, null,
                null);

        bare = ProtocolData.discussion("Ohne Veranstaltung");
        ProtocolData.topic(bare, TopicKind.THESIS, "Eine These ohne Beiträge", "Text.");
    }

    @AfterAll
    static void drop() {
        ProtocolData.drop(slug);
        ProtocolData.drop(bare);
    }

    @Test
    void theTitlePageNamesTheEventOfTheMeetingsDayAndItsParticipantsByFieldOfWork() {
        String md = given().get(base + "?format=md").then().statusCode(200).extract().asString();
        assertTrue(md.contains("- **Veranstaltung:** " + ROUND + ", 16.06.2016, 10:30–16:00 Uhr\n"), md);
        assertTrue(md.contains("- **Ort:** Geschäftsstelle der LAG, Stiftstr. 15, 30159 Hannover\n"), md);
        assertTrue(md.contains("- **Teilnehmende:** 4 anwesend, 5 angemeldet\n"), md);
        String fields = section(md, "## Teilnehmende nach Arbeitsfeld");
        List<String> rows = fields.lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of("- " + field("praxis") + ": 2 anwesend, 3 angemeldet",
                "- " + field("verwaltung") + ": 1 anwesend, 1 angemeldet", "- ohne Angabe: 1 anwesend, 1 angemeldet"),
                rows, "waiting and cancelled registrations do not count: " + fields);
    }

    @Test
    void theAgendaShowsPlannedAndActualTimesInBerlinTime() {
        String md = given().get(base + "?format=md").then().statusCode(200).extract().asString();
        List<String> rows = section(md, "## Tagesordnung").lines().filter(l -> l.startsWith("- ")).toList();
        assertEquals(List.of("- These 1 — " + THESIS + ": geplant 10:30–11:00, tatsächlich 10:35–11:20",
                "- Mittagspause: geplant 12:00–12:45, tatsächlich 12:05–12:50",
                "- Ansatz 1 — " + APPROACH + ": geplant 13:00–13:30, tatsächlich nicht aufgerufen"), rows, md);
        given().header("Accept-Language", "en").get(base + "?format=md").then().statusCode(200)
                .body(containsString("## Agenda\n\n- Thesis 1 — " + THESIS
                        + ": planned 10:30–11:00, actual 10:35–11:20"))
                .body(containsString("## Participants by field of work"));
    }

    @Test
    void aDiscussionWithoutEventOrMeetingLeavesThoseSectionsOut() {
        String md = given().get("/api/discussions/" + bare + "/protocol?format=md").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"protokoll-" + bare + "-" + today() + ".md\"")
                .extract().asString();
        assertEquals(List.of("These 1: Eine These ohne Beiträge", "Forderungen und Ergebnisse",
                "Gemeinsame Forderungen"), headings(Parser.builder().build().parse(md), 2), md);
        assertFalse(md.contains("Veranstaltung:"), md);
        assertTrue(md.contains("_Keine Beiträge._"), md);
        String html = given().get("/api/discussions/" + bare + "/protocol?format=html").then().statusCode(200)
                .extract().asString();
        assertFalse(html.contains("Tagesordnung"), html);
        assertFalse(html.contains("Arbeitsfeld"), html);
    }

    @Test
    void markdownHasTheTitleTheTopicsInPaperOrderTheOutcomesAndTheJointDemandsLast() {
        String md = given().get(base + "?format=md").then().statusCode(200).contentType(startsWith("text/markdown"))
                .header("Content-Disposition", "attachment; filename=\"protokoll-" + slug + "-2016-06-16.md\"")
                .extract().asString();
        Node doc = Parser.builder().build().parse(md);
        List<String> h1 = headings(doc, 1);
        List<String> h2 = headings(doc, 2);
        List<String> h3 = headings(doc, 3);
        assertEquals(List.of("Protokoll: " + TITLE), h1, md);
        assertEquals(List.of("Teilnehmende nach Arbeitsfeld", "Tagesordnung", "These 1: " + THESIS,
                "Ansatz 1: " + APPROACH, "Forderungen und Ergebnisse", "Gemeinsame Forderungen"), h2, md);
        assertEquals(List.of("Diskussion im Forum", "Diskussion im Forum", PROPOSAL, HOSTILE_DEMAND, MERGED,
                REJECTED, "1. " + FIRST, "2. " + SECOND), h3,
                "open proposals, merged, rejected, then the joint demands by rank: " + md);
        assertTrue(md.contains("Stand 15.04.2016"), md);
        assertTrue(md.contains("Die *Integration* gelingt vor Ort."), "the topic's text as the paper has it: " + md);
    }

    @Test
    void markdownShowsTheVisibleThreadWithRepliesNestedAndCountsWhatItLeavesOut() {
        String md = given().get(base + "?format=md").then().statusCode(200).extract().asString();
        Node doc = Parser.builder().build().parse(md);
        List<String> top = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(BlockQuote quote) {
                (quote.getParent() instanceof BlockQuote ? nested : top).add(text(quote));
                visitChildren(quote);
            }
        });
        assertTrue(top.stream().anyMatch(q -> q.startsWith(alice + " · 16.06.2016, 10:30")
                && q.contains("Wir brauchen zuerst Wohnungen im Quartier.")), "author and Berlin time: " + top);
        assertTrue(nested.stream().anyMatch(q -> q.startsWith(bob + " · 16.06.2016, 10:45") && q.contains(REPLY)),
                "the reply sits inside its parent's quote: " + nested);
        assertTrue(top.stream().anyMatch(q -> q.contains(UNDER_HIDDEN)),
                "a reply to a hidden contribution moves up to its place: " + top);
        assertFalse(md.contains(HIDDEN), md);
        assertFalse(md.contains(DELETED), md);
        assertTrue(md.contains("_1 ausgeblendeter Beitrag und 1 gelöschter Beitrag nicht aufgenommen._"), md);
        assertTrue(md.contains("Wir brauchen zuerst **Wohnungen** im Quartier."), "comments keep their Markdown");
    }

    @Test
    void markdownGivesEachDemandItsResultObjectionsDissentNotesAndOutcome() {
        String md = given().get(base + "?format=md").then().statusCode(200).extract().asString();
        String proposal = section(md, "### " + PROPOSAL);
        assertTrue(proposal.contains("0 Unterstützungen · 0 dafür · 1 dagegen · 0 Enthaltungen"), proposal);
        assertTrue(proposal.contains("„Tragbar, wenn " + OBJECTION + "“ – _" + bob + "_"), proposal);
        assertTrue(proposal.contains("_Ergebnis: offener Vorschlag_"), proposal);
        assertTrue(section(md, "### " + MERGED).contains("_Ergebnis: zusammengeführt in „" + FIRST + "“_"), md);
        assertTrue(section(md, "### " + REJECTED)
                .contains("_Ergebnis: abgelehnt – widerspricht dem Stadtteilbezug_"), md);
        String second = section(md, "### 2. " + SECOND);
        assertTrue(second.contains("**Sondervoten:**"), second);
        assertTrue(second.contains("- " + DISSENT + " – _" + alice + "_"), second);
        assertTrue(second.contains("**Bezug:** Ansatz 1: " + APPROACH), second);
    }

    @Test
    void theReadersLanguageIsTheProtocolsLanguage() {
        given().header("Accept-Language", "en").get(base + "?format=md").then().statusCode(200)
                .body(startsWith("# Minutes: " + TITLE)).body(containsString("## Thesis 1: " + THESIS))
                .body(containsString("## Demands and outcomes")).body(containsString("## Joint demands"))
                .body(containsString("1 hidden contribution and 1 deleted contribution not included."));
    }

    @Test
    void markdownShowsWhatPeopleTypedAsTextAndKeepsTheirMarkdown() {
        String own = ProtocolData.discussion("\"><svg onload=alert(1)> Protokoll");
        try {
            User author = Fixtures.expert();
            long n = System.nanoTime();
            author.as().body(Map.of("displayName", "<svg onload=alert(2)> " + n)).patch("/api/me").then()
                    .statusCode(200);
            long thesis = ProtocolData.topic(own, TopicKind.THESIS, "<script>alert(3)</script> These",
                    "Die *Integration* <img src=x onerror=alert(4)> [z](javascript:alert(5))");
            ProtocolData.comment(thesis, author, "> <a href=\"javascript:alert(1)\">a</a>\n\n[x](javascript:alert(1)) "
                    + "und *betont*, [Quelle](https://example.org/q)\n\n- eins\n- zwei", null, MORNING);
            long demand = ProtocolData.demand(own, thesis, author, "\"><svg onload=alert(1)> <script>alert(1)</script>",
                    Demand.Status.PROPOSED);
            ProtocolData.position(demand, author, Position.Stance.DISAGREE, "<a href=\"javascript:alert(6)\">wenn</a>");
            ProtocolData.reject(ProtocolData.demand(own, thesis, author, "Abgelehnt", Demand.Status.PROPOSED),
                    "<script>alert(7)</script>");
            String md = given().get("/api/discussions/" + own + "/protocol?format=md").then().statusCode(200)
                    .extract().asString();
            for (String live : List.of("<script", "<svg", "<img", "<a ", "](javascript:", "<javascript:")) {
                assertFalse(md.toLowerCase(Locale.ROOT).contains(live), () -> live + " in: " + md);
            }
            assertTrue(md.startsWith("# Protokoll: \"&gt;&lt;svg onload=alert(1)&gt; Protokoll\n"), md);
            assertTrue(md.contains("## These 1: &lt;script&gt;alert(3)&lt;/script&gt; These\n\n"
                    + "Die *Integration* &lt;img src=x onerror=alert(4)&gt; z\n"), "the paper's text: " + md);
            assertTrue(md.contains("> **&lt;svg onload=alert(2)&gt; " + n + "** · 16.06.2016, 10:30\n>\n"
                    + "> > &lt;a href=\"javascript:alert(1)\"&gt;a&lt;/a&gt;\n>\n"
                    + "> x und *betont*, [Quelle](https://example.org/q)\n>\n> - eins\n> - zwei"),
                    "a comment keeps its Markdown and shows its raw HTML as text: " + md);
            assertTrue(md.contains("### \"&gt;&lt;svg onload=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;\n"),
                    "a demand's title: " + md);
            assertTrue(md.contains("„Tragbar, wenn &lt;a href=\"javascript:alert(6)\"&gt;wenn&lt;/a&gt;“"), md);
            assertTrue(md.contains("_Ergebnis: abgelehnt – &lt;script&gt;alert(7)&lt;/script&gt;_"), md);
            String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
            assertFalse(Pattern.compile("<(?!(/?(h[1-3]|p|em|strong|ul|li|blockquote|a)|a href=\"https://example"
                    + "\\.org/q\")>)").matcher(html).find(), "a viewer that allows HTML makes no other tag: " + html);
            String page = given().get("/api/discussions/" + own + "/protocol?format=html").then().statusCode(200)
                    .extract().asString();
            for (String live : List.of("<script", "<svg", "<img", "href=\"javascript:")) {
                assertFalse(page.contains(live), () -> "the print page was already inert; " + live + " in: " + page);
            }
        } finally {
            ProtocolData.drop(own);
        }
    }

    @Test
    void htmlIsAPrintPageWithWhatPeopleTypedEscaped() {
        String html = given().get(base + "?format=html").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Disposition", "inline; filename=\"protokoll-" + slug + "-2016-06-16.html\"")
                .extract().asString();
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;fett&lt;/b&gt; &amp; Forderung"), html);
        assertFalse(html.contains("<b>fett"), html);
        assertTrue(html.contains("<strong>Wohnungen</strong>"), "comments rendered as in the forum: " + html);
        assertTrue(html.contains("<div class=\"post depth-1\">"), "replies are indented: " + html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/css/print.css\" />"), html);
        assertFalse(html.contains("<style"), "the page keeps to the Content-Security-Policy: " + html);
        assertFalse(html.contains(HIDDEN), html);
    }

    @Test
    void pdfCarriesTheProtocolAsText() throws IOException {
        byte[] pdf = given().get(base + "?format=pdf").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"protokoll-" + slug + "-2016-06-16.pdf\"")
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            int thesis = text.indexOf("These 1: " + THESIS);
            int reply = text.indexOf(REPLY);
            int approach = text.indexOf("Ansatz 1: " + APPROACH);
            int outcomes = text.indexOf("Forderungen und Ergebnisse");
            int joint = text.lastIndexOf("Gemeinsame Forderungen");
            assertTrue(text.contains("Protokoll für alle Teilnehmenden Protokoll: " + TITLE), text);
            assertTrue(thesis > 0 && reply > thesis && approach > reply && outcomes > approach && joint > outcomes,
                    text);
            int first = text.indexOf("1. " + FIRST);
            assertTrue(first > joint && text.indexOf("2. " + SECOND) > first,
                    "the joint demands come last, in rank order: " + text);
            assertTrue(text.contains("1 ausgeblendeter Beitrag und 1 gelöschter Beitrag nicht aufgenommen."), text);
            assertTrue(text.contains(DISSENT), text);
            assertTrue(text.contains(bob + " · 16.06.2016, 10:45"), text);
            assertTrue(text.contains("Teilnehmende nach Arbeitsfeld"), text);
            assertTrue(text.contains("Mittagspause 12:00–12:45 12:05–12:50"), text);
            // PDFBox reads a styled inline run (emphasis, code) after the rest of its line, so the code stands apart.
            assertTrue(text.contains("Räume & Zeit Förderung Zitat einer Kollegin Erste Zeile zweite Zeile mit")
                    && text.contains("Code"), "lists, links, quotes and line breaks of a comment reach the PDF: " + text);
            assertFalse(text.contains(HIDDEN), text);
            assertTrue(text.contains("Seite 1 / " + doc.getNumberOfPages()), text);
            assertTrue(doc.getPage(0).getMediaBox().getWidth() > 590 && doc.getPage(0).getMediaBox().getWidth() < 600,
                    "A4 is 595 points wide");
        }
    }

    @Test
    void theEnglishPdfNumbersItsPagesInEnglish() throws IOException {
        byte[] pdf = given().header("Accept-Language", "en").get(base + "?format=pdf").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Page 1 / " + doc.getNumberOfPages()), text);
            assertTrue(text.contains("Minutes: " + TITLE), text);
        }
    }

    @Test
    void anUnknownOrMissingFormatIs400NamingTheField() {
        for (String query : new String[] { "", "?format=docx", "?format=PDF", "?format=", "?format=csv" }) {
            given().get(base + query).then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("format"))
                    .body("detail", equalTo("Bitte ein Format angeben: md, html oder pdf."));
        }
        given().header("Accept-Language", "en").get(base + "?format=doc").then().statusCode(400)
                .body("detail", equalTo("Please give a format: md, html or pdf."));
    }

    @Test
    void anUnknownDiscussionIs404InGerman() {
        given().get("/api/discussions/gibt-es-nicht/protocol?format=pdf").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Die Diskussion wurde nicht gefunden."));
    }

    @Test
    void theOverviewOffersTheProtocolToEveryone() {
        given().get("/discussions/" + slug).then().statusCode(200)
                .body(containsString("Protokoll herunterladen:"))
                .body(containsString("href=\"/api/discussions/" + slug + "/protocol?format=pdf\""))
                .body(containsString("href=\"/api/discussions/" + slug + "/protocol?format=html\""))
                .body(containsString("href=\"/api/discussions/" + slug + "/protocol?format=md\""));
    }

    private String field(String key) {
        return fields.label(key, Locale.GERMAN);
    }

    private static String today() {
        return LocalDate.now(TemplateExtensions.FORUM_ZONE).toString();
    }

    /** From {@code heading} to the next heading of any level. */
    private static String section(String md, String heading) {
        int start = md.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading + " in " + md);
        int end = md.indexOf("\n#", start + heading.length() + 2);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    private static List<String> headings(Node doc, int level) {
        List<String> found = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == level) {
                    found.add(text(heading));
                }
            }
        });
        return found;
    }

    /** The plain text of a node, its paragraphs joined by spaces. */
    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Paragraph paragraph) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                visitChildren(paragraph);
            }
        });
        return out.toString().strip();
    }
}
