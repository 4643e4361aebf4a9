package org.thesenforum.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperParserTest {

    private static final String RESOURCE = "/paper/einladung-und-diskussionsgrundlage.md";
    private static final String TITLE_LINE = "# Ankommen im Gemeinwesen";
    private static final String THESES_HEADING = "### Fünf Thesen zur Erfahrung mit Integration";

    private static String original;
    private static ParsedPaper paper;

    private final PaperParser parser = new PaperParser();

    @BeforeAll
    static void parseRealPaper() throws IOException, PaperFormatException {
        try (InputStream in = PaperParserTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "resource " + RESOURCE + " is missing");
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        paper = new PaperParser().parse(original);
    }

    // ---------------------------------------------------------------- the real paper

    @Test
    void readsTitleSlugSubtitleAndDate() {
        assertEquals("Ankommen im Gemeinwesen", paper.title());
        assertEquals("ankommen-im-gemeinwesen", paper.slug());
        assertEquals("Diskussionsgrundlage für die Veranstaltung „Ankunftsorte“- Stand 15.4.2016", paper.subtitle());
        assertEquals(LocalDate.of(2016, 4, 15), paper.paperDate());
    }

    @Test
    void readsIntroductionAsTwoParagraphs() {
        List<String> paragraphs = paragraphs(paper.introduction());
        assertEquals(2, paragraphs.size());
        assertTrue(paragraphs.get(0).startsWith("Unabhängig von Obergrenzen, Verteilungsschlüsseln"));
        assertTrue(paragraphs.get(0).endsWith("die zu uns kommen und hier bleiben werden."));
        assertTrue(paragraphs.get(1).startsWith("Damit steht die Gesellschaft vor einer enormen Aufgabe."));
        assertTrue(paragraphs.get(1).endsWith("wir haben 50 Jahre Erfahrung."));
    }

    @Test
    void readsFiveThesesNumberedOneToFive() {
        List<ParsedTopic> theses = paper.theses();
        assertEquals(5, theses.size());
        for (int i = 0; i < theses.size(); i++) {
            assertEquals(TopicKind.THESIS, theses.get(i).kind());
            assertEquals(i + 1, theses.get(i).number());
        }
        assertEquals("Fünf Thesen zur Erfahrung mit Integration", paper.thesesHeading());
    }

    @Test
    void keepsFirstAndLastWordsOfEveryThesis() {
        assertBody(paper.theses().get(0), "Integration geschieht nicht irgendwo", "scheitert sie insgesamt.");
        assertBody(paper.theses().get(1), "Geflüchtete und Zuwanderer leben",
                "eine gesamtgesellschaftliche Aufgabe übernehmen.");
        assertBody(paper.theses().get(2), "Integrationsbemühungen ohne den Blick",
                "in der veränderten Situation „anzukommen“.");
        assertBody(paper.theses().get(3), "Die Probleme mit der Integration von Zuwanderern",
                "mit vergleichbaren Strukturen und Problemlagen entstehen.");
        assertBody(paper.theses().get(4), "Die Erfahrung der letzten Jahrzehnte zeigt aber auch:",
                "zu stärken und weiter auszubauen.");
    }

    @Test
    void keepsFollowingParagraphsInsideTheirThesis() {
        for (ParsedTopic thesis : paper.theses()) {
            assertEquals(2, paragraphs(thesis.body()).size(), "paragraphs of thesis " + thesis.number());
        }
        assertEquals("Integration geschieht nicht irgendwo in unserer Gesellschaft, sondern dort, wo die Menschen "
                + "ihren Alltag leben. Das ist neben Schule/Arbeit der Ort, wo Menschen wohnen, der Ort, wo sie mit "
                + "ihren Nachbarn reden, Freundschaft schließen oder sich streiten. Integration beginnt im Sozialraum "
                + "des Quartiers oder der Gemeinde, im Gemeinwesen vor Ort.\n\n"
                + "Scheitert sie dort, scheitert sie insgesamt.", paper.theses().get(0).body());
    }

    @Test
    void healsTheSentenceBrokenByABlankLineInThesisFour() {
        String body = paper.theses().get(3).body();
        assertTrue(body.contains("„No-go-Areas“ oder „Parallelgesellschaft“ zeigen, dass diese Probleme"), body);
        List<String> paragraphs = paragraphs(body);
        assertEquals(2, paragraphs.size());
        assertTrue(paragraphs.get(0).endsWith("erschwert sich die Situation in den vorhandenen Gebieten."));
        assertEquals("Es ist absehbar, dass neue Gebiete mit vergleichbaren Strukturen und Problemlagen entstehen.",
                paragraphs.get(1));
    }

    @Test
    void derivesThesisTitlesFromTheFirstSentence() {
        assertEquals("Integration geschieht nicht irgendwo in unserer Gesellschaft, sondern dort, wo die Menschen "
                + "ihren Alltag leben", paper.theses().get(0).title());
        assertEquals("Die Probleme mit der Integration von Zuwanderern waren immer schon groß",
                paper.theses().get(3).title());
        for (ParsedTopic thesis : paper.theses()) {
            assertTrue(thesis.title().length() <= PaperParser.MAX_TITLE_CHARS, thesis.title());
            assertFalse(thesis.title().isBlank());
        }
    }

    @Test
    void shortensLongFirstSentencesAtAWordBoundary() {
        String title = paper.theses().get(1).title();
        assertTrue(title.startsWith("Geflüchtete und Zuwanderer leben nicht irgendwo in unserer Gesellschaft"), title);
        assertTrue(title.endsWith("…"), title);
        String withoutEllipsis = title.substring(0, title.length() - 1);
        assertTrue(paper.theses().get(1).body().startsWith(withoutEllipsis + " "), title);
    }

    @Test
    void doesNotCutTitlesAtAbbreviationsOrOrdinals() {
        assertEquals("Am 16. Juni treffen wir uns z.T. in Hannover", PaperParser.shortTitle(
                "Am 16. Juni treffen wir uns z.T. in Hannover. Danach in Lüneburg."));
    }

    @Test
    void readsThreeApproachesWithTheirBoldTitles() {
        List<ParsedTopic> approaches = paper.approaches();
        assertEquals(3, approaches.size());
        assertEquals(List.of("Gemeinwesenarbeit (GWA)", "Sozialraumorientierung", "Soziale Stadt"),
                approaches.stream().map(ParsedTopic::title).toList());
        for (int i = 0; i < approaches.size(); i++) {
            assertEquals(TopicKind.APPROACH, approaches.get(i).kind());
            assertEquals(i + 1, approaches.get(i).number());
        }
        assertBody(approaches.get(0), "Anders als andere Bereiche der Sozialen Arbeit",
                "die soziale Teilhabe Aller am Gemeinwesen zu ermöglichen.");
        assertBody(approaches.get(1), "Die Sozialraumorientierung ist ein Handlungskonzept",
                "der kommunalen Verwaltung im jeweiligen Sozialraum.");
        assertBody(approaches.get(2), "Grundlegend für das Programm Soziale Stadt",
                "einen hohen Anteil an Gemeinwesenarbeit.");
    }

    @Test
    void attachesParagraphsAfterTheListToTheLastApproach() {
        List<String> paragraphs = paragraphs(paper.approaches().get(2).body());
        assertEquals(2, paragraphs.size());
        assertTrue(paragraphs.get(1).startsWith(
                "Ein zentraler Bestandteil ist die Etablierung eines Quartiersmanagements (QM). Das QM beinhaltet"));
        assertEquals(1, paragraphs(paper.approaches().get(0).body()).size());
        assertEquals(1, paragraphs(paper.approaches().get(1).body()).size());
    }

    @Test
    void readsApproachesHeadingWithoutBoldMarkersAndItsIntroduction() {
        assertEquals("Drei Ansätze zur Integration in den Sozialraum", paper.approachesHeading());
        assertEquals("Aus den Erfahrungen lassen sich diese drei hauptsächlichen Ansätze herauslesen.",
                paper.approachesIntroduction());
    }

    @Test
    void readsTheFourGuidingQuestionsInOrder() {
        assertEquals(List.of("Was ist die Situation vor Ort?", "Was benötigen die Stadtteile und Quartiere?",
                "Was benötigt/en ihr/ Sie?", "Was sind unsere gemeinsamen Forderungen?"), paper.guidingQuestions());
    }

    @Test
    void normalisesTheInvitationAndKeepsItsMarkdown() {
        String invitation = paper.invitation();
        assertTrue(invitation.startsWith("Liebe Kolleg/innen aus der Gemeinwesenarbeit"), invitation);
        assertTrue(invitation.endsWith("Wegbeschreibung vom Hauptbahnhof zur Stiftstraße 15:"), invitation);
        List<String> paragraphs = paragraphs(invitation);
        assertTrue(paragraphs.contains("**Expert/innenrunde**\n**Donnerstag, 16. Juni 2016, 10.30 – ca. 16.00 Uhr**\n"
                + "**Geschäftsstelle der LAG**\n**Stiftstr. 15**\n**30159 Hannover**"), invitation);
        assertTrue(paragraphs.contains("- Was ist die Situation vor Ort?\n- Was benötigen die Stadtteile und "
                + "Quartiere?\n- Was benötigt/en ihr/ Sie?\n- Was sind unsere gemeinsamen Forderungen?"), invitation);
        assertTrue(paragraphs.contains("per E-Mail unter: "
                + "[geschaeftsstelle@lag-nds.de](mailto:geschaeftsstelle@lag-nds.de)"), invitation);
        assertTrue(paragraphs.contains("Markus Kissling und Johanna Klatt"), invitation);
        assertEquals(13, paragraphs.size());
        for (String paragraph : paragraphs) {
            assertEquals(paragraph.strip(), paragraph);
            assertFalse(paragraph.contains(" \n"), paragraph);
        }
    }

    @Test
    void givesTheSameResultForWindowsLineEndings() throws PaperFormatException {
        assertEquals(paper, parser.parse(original.replace("\n", "\r\n")));
    }

    @Test
    void ignoresAByteOrderMark() throws PaperFormatException {
        assertEquals(paper, parser.parse("\uFEFF" + original));
    }

    @Test
    void treatsLinesWithOnlyNonBreakingSpacesAsBlank() throws PaperFormatException {
        String variant = original.replace("\n \n", "\n\u00A0\n")
                .replace(" oder\n\n„Parallelgesellschaft“", " oder\n\u00A0 \u00A0\n„Parallelgesellschaft“");
        assertEquals(paper, parser.parse(variant));
    }

    // ---------------------------------------------------------------- refusals on the real paper

    @Test
    void refusesAPaperWithoutThesesHeadingNamingTheLastLine() {
        String variant = replace(original, THESES_HEADING, "### Fünf Punkte zur Erfahrung mit Integration");
        PaperFormatException e = assertRefused(variant, lineCount(original));
        assertTrue(e.getMessage().contains("„Thesen“ fehlt"), e.getMessage());
    }

    @Test
    void refusesSkippedThesisNumbers() {
        String variant = replace(original, "\n3. Integrationsbemühungen", "\n4. Integrationsbemühungen");
        PaperFormatException e = assertRefused(variant, lineOf(original, "3. Integrationsbemühungen"));
        assertEquals("Zeile 57: Die Thesen springen von 2 auf 4.", e.getMessage());
    }

    @Test
    void refusesRepeatedThesisNumbers() {
        String variant = replace(original, "\n3. Integrationsbemühungen", "\n2. Integrationsbemühungen");
        PaperFormatException e = assertRefused(variant, lineOf(original, "3. Integrationsbemühungen"));
        assertTrue(e.getMessage().contains("doppelt"), e.getMessage());
    }

    @Test
    void refusesThesesThatDoNotStartAtOne() {
        String variant = replace(original, "\n1. Integration geschieht", "\n2. Integration geschieht");
        PaperFormatException e = assertRefused(variant, lineOf(original, "1. Integration geschieht"));
        assertTrue(e.getMessage().contains("beginnen mit 2 statt mit 1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "# ", "#   ", "# ****"})
    void refusesAnEmptyTitle(String emptyTitle) {
        String variant = replace(original, TITLE_LINE, emptyTitle);
        assertRefused(variant, lineOf(original, TITLE_LINE));
    }

    @Test
    void refusesAPaperWithoutTitleNamingLineOne() {
        String variant = replace(original, TITLE_LINE, "Ankommen im Gemeinwesen");
        PaperFormatException e = assertRefused(variant, 1);
        assertTrue(e.getMessage().contains("Titel fehlt"), e.getMessage());
    }

    @Test
    void refusesAnApproachWithAnEmptyBoldTitle() {
        String variant = replace(original, "- **Sozialraumorientierung**", "- ****");
        assertRefused(variant, lineOf(original, "- **Sozialraumorientierung**"));
    }

    @Test
    void refusesAnApproachWithoutText() {
        int bullet = lineOf(original, "- **Sozialraumorientierung**");
        String textLine = original.split("\n", -1)[bullet];
        String variant = replace(original, textLine + "\n", "");
        PaperFormatException e = assertRefused(variant, bullet);
        assertTrue(e.getMessage().contains("„Sozialraumorientierung“ fehlt der Text"), e.getMessage());
    }

    @Test
    void refusesAnApproachBulletWithoutBoldTitle() {
        String variant = replace(original, "- **Soziale Stadt**", "- Soziale Stadt");
        assertRefused(variant, lineOf(original, "- **Soziale Stadt**"));
    }

    @Test
    void refusesAnUnexpectedHeadingAfterTheTheses() {
        String variant = replace(original, "\n5. Die Erfahrung", "\n## Zwischentitel\n5. Die Erfahrung");
        PaperFormatException e = assertRefused(variant, lineOf(original, "5. Die Erfahrung"));
        assertTrue(e.getMessage().contains("Zwischentitel"), e.getMessage());
    }

    @Test
    void refusesTooLargeInputOnLineOne() {
        String variant = original + "\n\n" + "x".repeat(PaperParser.MAX_CHARS);
        PaperFormatException e = assertRefused(variant, 1);
        assertTrue(e.getMessage().contains("zu groß"), e.getMessage());
    }

    // ---------------------------------------------------------------- small papers

    @Test
    void refusesAThesisWithoutText() {
        assertRefused("# Titel\n\n## Thesen\n\n1. Eins.\n\n2.\n\n3. Drei.\n", 7);
    }

    @Test
    void refusesAThesesHeadingWithoutTheses() {
        PaperFormatException e = assertRefused("# Titel\n\n## Thesen\n\n", 3);
        assertTrue(e.getMessage().contains("keine These"), e.getMessage());
    }

    @Test
    void refusesTextBeforeTheFirstThesis() {
        assertRefused("# Titel\n\n## Thesen\n\nEinleitung.\n\n1. Eins.\n", 5);
    }

    @Test
    void refusesAnApproachesHeadingWithoutApproaches() {
        assertRefused("# Titel\n\n## Thesen\n\n1. Eins.\n\n## Drei Ansätze\n\nNur Text.\n", 7);
    }

    @Test
    void refusesAnImpossibleDateInTheSubtitle() {
        assertRefused("# Titel\n\n## Entwurf - Stand 31.2.2016\n\n## Thesen\n\n1. Eins.\n", 3);
    }

    @Test
    void acceptsAMinimalPaperWithoutOptionalParts() throws PaperFormatException {
        ParsedPaper minimal = parser.parse("# Größe & Übermut – Ärger!\n\n## Thesen\n\n1. Eins.\n");
        assertEquals("groesse-uebermut-aerger", minimal.slug());
        assertNull(minimal.subtitle());
        assertNull(minimal.paperDate());
        assertEquals("", minimal.introduction());
        assertEquals("", minimal.invitation());
        assertEquals(List.of(), minimal.guidingQuestions());
        assertNull(minimal.approachesHeading());
        assertEquals("", minimal.approachesIntroduction());
        assertEquals(List.of(), minimal.approaches());
        assertEquals(List.of(new ParsedTopic(TopicKind.THESIS, 1, "Eins", "Eins.")), minimal.theses());
    }

    @Test
    void keepsHardBreaksAndJoinsSoftBreaksInsideAParagraph() throws PaperFormatException {
        ParsedPaper small = parser.parse("# T\n\n## Thesen\n\n1. Erste Zeile\nzweite Zeile.  \nDritte Zeile.\n"
                + "   eingerückt.\n");
        assertEquals("Erste Zeile zweite Zeile.\nDritte Zeile. eingerückt.", small.theses().get(0).body());
    }

    // ---------------------------------------------------------------- line breaks and the Markdown tree

    @Test
    void keepsTheAddressBlockOfTheInvitationAsSeparateLines() {
        List<String> lines = List.of(paragraphs(paper.invitation()).get(3).split("\n"));
        assertEquals(List.of("**Expert/innenrunde**", "**Donnerstag, 16. Juni 2016, 10.30 – ca. 16.00 Uhr**",
                "**Geschäftsstelle der LAG**", "**Stiftstr. 15**", "**30159 Hannover**"), lines);
    }

    @Test
    void turnsBackslashHardBreaksIntoLineBreaks() throws PaperFormatException {
        ParsedPaper small = parser.parse("Geschäftsstelle der LAG\\\nStiftstr. 15\\\n30159 Hannover\n\n"
                + "# T\n\n## Thesen\n\n1. Eins.\n");
        assertEquals("Geschäftsstelle der LAG\nStiftstr. 15\n30159 Hannover", small.invitation());
    }

    @Test
    void keepsAnEscapedBackslashAtTheEndOfALineAsText() throws PaperFormatException {
        ParsedPaper small = parser.parse("# T\n\n## Thesen\n\n1. Pfad C:\\\\\nund weiter.\n");
        assertEquals("Pfad C:\\\\ und weiter.", small.theses().get(0).body());
    }

    @Test
    void namesTheLinesOfTheUploadWithWindowsLineEndingsAndAByteOrderMark() {
        String variant = "\uFEFF" + replace(original, "\n3. Integrationsbemühungen", "\n4. Integrationsbemühungen")
                .replace("\n", "\r\n");
        PaperFormatException e = assertRefused(variant, lineOf(original, "3. Integrationsbemühungen"));
        assertEquals("Zeile 57: Die Thesen springen von 2 auf 4.", e.getMessage());
    }

    @Test
    void readsThesisNumbersAsWrittenInsideOneList() {
        PaperFormatException e = assertRefused("# T\n\n## Thesen\n\n1. Eins.\n2. Zwei.\n4. Vier.\n", 7);
        assertEquals("theses_skip", e.key());
        assertEquals(List.of(2, 4), e.args());
    }

    @Test
    void readsApproachTitlesFollowedByABackslashBreakOrTextOnTheSameLine() throws PaperFormatException {
        ParsedPaper small = parser.parse("# T\n\n## Thesen\n\n1. Eins.\n\n## Ansätze\n\n"
                + "- **Erster Ansatz**\\\nText des ersten.\n"
                + "- **Zweiter Ansatz** beginnt hier,  \nbricht die Zeile\nund endet hier.\n");
        assertEquals(List.of(new ParsedTopic(TopicKind.APPROACH, 1, "Erster Ansatz", "Text des ersten."),
                new ParsedTopic(TopicKind.APPROACH, 2, "Zweiter Ansatz",
                        "beginnt hier,\nbricht die Zeile und endet hier.")), small.approaches());
    }

    @Test
    void doesNotHealAParagraphWithLineBreaks() throws PaperFormatException {
        ParsedPaper small = parser.parse("# T\n\nErste Zeile  \nzweite Zeile ohne Punkt\n\nnächster Absatz.\n\n"
                + "## Thesen\n\n1. Eins.\n");
        assertEquals("Erste Zeile\nzweite Zeile ohne Punkt\n\nnächster Absatz.", small.introduction());
    }

    @Test
    void keepsNestedListsAndQuotesInTheirMarkdown() throws PaperFormatException {
        ParsedPaper small = parser.parse("Fragen:\n\n- Erstens?\n  - Genauer:\n    wie?\n- Zweitens\n\n"
                + "> Ein Zitat\n> über zwei Zeilen.\n\n# T\n\n## Thesen\n\n1. Eins.\n");
        assertEquals("Fragen:\n\n- Erstens?\n  - Genauer: wie?\n- Zweitens\n\n> Ein Zitat über zwei Zeilen.",
                small.invitation());
        assertEquals(List.of("Erstens?", "Genauer: wie?"), small.guidingQuestions());
    }

    @Test
    void readsHeadingsAsPlainText() throws PaperFormatException {
        ParsedPaper small = parser.parse("# **Größe** & `Maß`\n\n## Entwurf – *Stand* 1.2.2016\n\n"
                + "### **Thesen**\n\n1. Eins.\n");
        assertEquals("Größe & Maß", small.title());
        assertEquals("groesse-mass", small.slug());
        assertEquals("Entwurf – Stand 1.2.2016", small.subtitle());
        assertEquals(LocalDate.of(2016, 2, 1), small.paperDate());
        assertEquals("Thesen", small.thesesHeading());
    }

    @Test
    void keepsTextBetweenTitleAndSubtitleInTheIntroduction() throws PaperFormatException {
        ParsedPaper small = parser.parse("# T\n\nVorweg.\n\n## Untertitel\n\nDanach.\n\n## Thesen\n\n1. Eins.\n");
        assertEquals("Untertitel", small.subtitle());
        assertEquals("Vorweg.\n\nDanach.", small.introduction());
    }

    @Test
    void refusesAnApproachWhoseBoldTitleIsEmptyWithTheEmptyTitleMessage() {
        int bullet = lineOf(original, "- **Sozialraumorientierung**");
        PaperFormatException e = assertRefused(replace(original, "- **Sozialraumorientierung**", "- ****"), bullet);
        assertEquals("Zeile " + bullet + ": Der Ansatz 2 hat keinen Titel.", e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private PaperFormatException assertRefused(String markdown, int expectedLine) {
        PaperFormatException e = assertThrows(PaperFormatException.class, () -> parser.parse(markdown));
        assertEquals(expectedLine, e.line());
        assertTrue(e.getMessage().startsWith("Zeile " + expectedLine + ": "), e.getMessage());
        return e;
    }

    private static void assertBody(ParsedTopic topic, String firstWords, String lastWords) {
        assertTrue(topic.body().startsWith(firstWords), topic.body());
        assertTrue(topic.body().endsWith(lastWords), topic.body());
    }

    private static List<String> paragraphs(String text) {
        return List.of(text.split("\n\n", -1));
    }

    private static String replace(String text, String target, String replacement) {
        assertTrue(text.contains(target), "the paper no longer contains " + target);
        return text.replace(target, replacement);
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + needle);
    }

    private static int lineCount(String text) {
        return text.split("\n", -1).length;
    }
}
