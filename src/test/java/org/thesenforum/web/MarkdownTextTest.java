package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain text in the Markdown exports, read back by a viewer that allows raw HTML (CommonMark without any escaping or
 * URL check, as wikis and Nextcloud allow): it shows the text, never a tag, a link or formatting.
 */
class MarkdownTextTest {

    private static final Parser VIEWER_PARSER = Parser.builder().build();
    private static final HtmlRenderer VIEWER = HtmlRenderer.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "\"><svg onload=alert(1)> <script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">a</a>", "[x](javascript:alert(1))", "<javascript:alert(1)>",
            "![x](https://xss.example/x.png)", "<!-- Kommentar -->", "&lt;script&gt; &#60;b&#62; &amp;",
            "*fett* **stark** _schräg_ `Code` ~~weg~~", "Titel {: onclick=\"alert(1)\" }", "a | b | c",
            "Forderung #3 ###", "\\*kein Stern\\*", "Wow![x](https://e.org)" })
    void aViewerShowsPlainTextAsTyped(String text) {
        assertEquals("<p>" + html(text) + "</p>\n", view(MarkdownText.escape(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "- Punkt", "+ Punkt", "* Punkt", "1. Punkt", "2) Punkt", "# Titel", "> Zitat", "===",
            "---", "  - eingerückt", "\t# Tab" })
    void aLineThatWouldStartABlockStaysAParagraph(String text) {
        assertEquals("<p>" + html(text.strip()) + "</p>\n", view(MarkdownText.escape(text)));
    }

    @Test
    void everyLineOfAMultiLineTextIsEscaped() {
        String text = "Erste Zeile\n- kein Punkt\r\n# kein Titel\r> kein Zitat";
        assertEquals("<p>Erste Zeile\n- kein Punkt\n# kein Titel\n&gt; kein Zitat</p>\n",
                view(MarkdownText.escape(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Räume & Zeit", "Übergänge für Familien sichern – „Ankommen“ heißt Wohnen",
            "16.06.2016, 10:30–16:00 Uhr", "Kosten - Nutzen", "E-Mail: a@example.org", "These 2: Titel",
            "Stiftstr. 15, 30159 Hannover", "3 Unterstützungen · 2 dafür", "Ja!", "https://example.org/a?b=1" })
    void ordinaryTextStaysAsItIs(String text) {
        assertEquals(text, MarkdownText.escape(text));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", MarkdownText.escape(null));
    }

    @Test
    void randomlyCombinedFragmentsAlwaysShowAsTheirText() {
        List<String> fragments = new ArrayList<>(List.of("*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "\"", "'",
                "=", "!", "\\", "- ", "+ ", "1. ", "2) ", "> ", "&", "&#", "&amp;", "&lt;", ";", "x", "javascript:",
                "https://", "mailto:", "onclick=", " ", "\t", "#", "```", "|", "~", "{", "}", "<script>", "<a href=",
                "</a>", "<!--", "-->", "ä", "@Name", ":"));
        Random random = new Random(20260412L);
        for (int round = 0; round < 3000; round++) {
            String text = RandomText.of(random, fragments, 10).strip();
            if (text.isEmpty()) {
                continue;
            }
            String markdown = MarkdownText.escape(text);
            String shown = view(markdown);
            if (!shown.equals("<p>" + html(text) + "</p>\n")) {
                fail("Text " + text + " written as " + markdown + " shows as " + shown);
            }
            assertFalse(markdown.contains("<"), markdown);
        }
    }

    private static String view(String markdown) {
        return VIEWER.render(VIEWER_PARSER.parse(markdown));
    }

    /** Text as CommonMark's HTML renderer escapes it. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
