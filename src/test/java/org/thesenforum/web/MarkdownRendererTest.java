package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final String REL = "rel=\"nofollow noopener\"";

    /** Any real tag in the output; text never contains a literal '<' because it is always escaped. */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** The only tags the renderer may emit, with double-quoted attribute values. */
    private static final Pattern ALLOWED_TAG = Pattern.compile(
            "</?(p|br|em|strong|code|ul|ol|li|blockquote|a)((?: [a-z]+=\"[^\"<>]*\")*)\\s*/?>");

    private static final Pattern ATTRIBUTE = Pattern.compile(" ([a-z]+)=\"([^\"]*)\"");

    private static final Pattern DANGEROUS_MARKUP = Pattern.compile(
            "(?i)<(script|img|iframe|svg|object|embed|style|form|input)|\\son\\w+\\s*=|javascript:");

    private static final Pattern HREF_VALUE = Pattern.compile("(?i)^(https?://[^/\\\\]|mailto:)");

    private static final List<String> HOSTILE_PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<img src=\"jav&#x09;ascript:alert('XSS');\">",
            "<svg/onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<style>@import 'https://xss.example/x.css';</style>",
            "<form action=javascript:alert(1)><input type=submit></form>",
            "<input onfocus=alert(1) autofocus>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=javascript:alert(1) onclick=alert(2)>click</a>",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](jav&#x61;script:alert(1))",
            "[click](jav&#97;script&#58;alert(1))",
            "[click](java\\script:alert(1))",
            "[click](<java script:alert(1)>)",
            "[click]( javascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html,<script>alert(1)</script>)",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](https://xss.example/x.png)",
            "[x](https://ok.example/\"onmouseover=\"alert(1))",
            "[x](<https://ok.example/\" onmouseover=\"alert(1)>)",
            "[x](https://ok.example/ \"title\" onmouseover=alert(1))",
            "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
            "<<script>script>alert(1)<</script>/script>",
            "`<script>alert(1)</script>`",
            "```\n<script>alert(1)</script>\n```",
            "    <script>alert(1)</script>",
            "> <script>alert(1)</script>",
            "- <img src=x onerror=alert(1)>",
            "<!-- <script>alert(1)</script> -->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "\u0000<script>alert(1)</script>",
            "[x](java\u0000script:alert(1))",
            "<scr\u0000ipt>alert(1)</scr\u0000ipt>");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    // --- supported Markdown -------------------------------------------------------------------

    @Test
    void rendersParagraphs() {
        assertEquals("<p>First</p>\n<p>Second</p>", renderer.render("First\n\nSecond"));
    }

    @Test
    void keepsSoftLineBreakInsideParagraph() {
        assertEquals("<p>one\ntwo</p>", renderer.render("one\ntwo"));
    }

    @Test
    void rendersHardLineBreaks() {
        assertEquals("<p>one<br />\ntwo</p>", renderer.render("one  \ntwo"));
        assertEquals("<p>one<br />\ntwo</p>", renderer.render("one\\\ntwo"));
    }

    @Test
    void paperRendererShowsEveryLineBreakOfAParagraph() {
        MarkdownRenderer paper = MarkdownRenderer.forPaper();
        assertEquals("<p><strong>Geschäftsstelle der LAG</strong><br />\n<strong>Stiftstr. 15</strong><br />\n"
                + "<strong>30159 Hannover</strong></p>",
                paper.render("**Geschäftsstelle der LAG**\n**Stiftstr. 15**\n**30159 Hannover**"));
        assertEquals("<p>one<br />\ntwo</p>", paper.render("one  \ntwo"));
        assertEquals("<p>First</p>\n<p>Second</p>", paper.render("First\n\nSecond"));
        assertEquals("<ul><li>one</li><li>two</li></ul>", paper.render("- one\n- two"));
    }

    @Test
    void paperRendererKeepsTheCommentSafetyRules() {
        MarkdownRenderer paper = MarkdownRenderer.forPaper();
        assertEquals("<p>&lt;script&gt;x&lt;/script&gt;<br />\nclick</p>",
                paper.render("<script>x</script>\n[click](javascript:alert(1))"));
    }

    @Test
    void rendersEmphasisAndStrong() {
        assertEquals("<p>a <em>b</em> c <strong>d</strong> <em>e</em></p>", renderer.render("a *b* c **d** _e_"));
    }

    @Test
    void rendersBulletList() {
        assertEquals("<ul><li>one</li><li>two</li></ul>", renderer.render("- one\n- two"));
    }

    @Test
    void rendersOrderedListWithStartNumber() {
        assertEquals("<ol><li>one</li><li>two</li></ol>", renderer.render("1. one\n2. two"));
        assertEquals("<ol start=\"3\"><li>three</li><li>four</li></ol>", renderer.render("3. three\n4. four"));
    }

    @Test
    void rendersNestedLists() {
        assertEquals("<ul><li>a</li><li>b\n<ol><li>c</li><li>d</li></ol>\n</li></ul>",
                renderer.render("- a\n- b\n  1. c\n  2. d"));
    }

    @Test
    void rendersBlockQuote() {
        assertEquals("<blockquote>\n<p>quoted\ntext</p>\n</blockquote>", renderer.render("> quoted\n> text"));
    }

    @Test
    void rendersInlineCodeEscaped() {
        assertEquals("<p><code>a &lt;b&gt; c</code></p>", renderer.render("`a <b> c`"));
    }

    // --- links ----------------------------------------------------------------------------------

    @Test
    void inlineLinkGetsNofollowNoopenerAndNoTargetOrTitle() {
        String html = renderer.render("[site](https://example.org/path \"A title\")");
        assertEquals("<p><a href=\"https://example.org/path\" " + REL + ">site</a></p>", html);
        assertFalse(html.contains("target"));
        assertFalse(html.contains("title"));
    }

    @Test
    void autolinkBecomesLinkWithRel() {
        assertEquals("<p><a href=\"https://x.de\" " + REL + ">https://x.de</a></p>", renderer.render("<https://x.de>"));
    }

    @Test
    void plainUrlInTextStaysText() {
        assertEquals("<p>see https://x.de</p>", renderer.render("see https://x.de"));
    }

    @Test
    void referenceLinkIsRendered() {
        assertEquals("<p><a href=\"https://r.example\" " + REL + ">ref</a></p>",
                renderer.render("[ref]\n\n[ref]: https://r.example"));
    }

    @Test
    void uppercaseHttpSchemeIsAllowed() {
        assertEquals("<p><a href=\"HTTPS://A.EXAMPLE\" " + REL + ">x</a></p>", renderer.render("[x](HTTPS://A.EXAMPLE)"));
    }

    @Test
    void mailtoLinkIsKept() {
        assertEquals("<p><a href=\"mailto:info&#64;example.org\" " + REL + ">write</a></p>",
                renderer.render("[write](mailto:info@example.org)"));
        assertEquals("<p><a href=\"mailto:info&#64;example.org\" " + REL + ">info&#64;example.org</a></p>",
                renderer.render("<info@example.org>"));
    }

    @Test
    void linkQueryIsEncodedNotBroken() {
        assertEquals("<p><a href=\"https://example.org/a?b&#61;1&amp;c&#61;2\" " + REL + ">q</a></p>",
                renderer.render("[q](https://example.org/a?b=1&c=2)"));
    }

    @Test
    void quoteInLinkDestinationCannotBreakOutOfAttribute() {
        String html = renderer.render("[x](https://ok.example/a\"onclick=\"b)");
        assertEquals("<p><a href=\"https://ok.example/a%22onclick&#61;%22b\" " + REL + ">x</a></p>", html);
    }

    @Test
    void javascriptLinkKeepsTextButLosesLink() {
        assertEquals("<p>click</p>", renderer.render("[click](javascript:alert(1))"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](jav&#x61;script:alert(1))",
            "[click](jav&#97;script&#58;alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](JAVASCRIPT:alert(1))",
            "[click](<java\tscript:alert(1)>)",
            "[click](< javascript:alert(1)>)",
            "[click](data:text/html,<b>x</b>)",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](vbscript:msgbox(1))",
            "[click](file:///etc/passwd)",
            "[click](//evil.example/x)",
            "[click](/relative/path)",
            "[click](relative)",
            "[click](#anchor)",
            "[click](https:evil.example)",
            "[click](https:/evil.example)",
            "[click](https:///evil.example)",
            "[click](https:\\\\evil.example)",
            "[click](mailto:)",
            "[click]()",
            "[click](<https://ok.example/\" onclick=\"alert(1)>)",
            "[click][r]\n\n[r]: javascript:alert(1)",
    })
    void disallowedOrObfuscatedLinkTargetsRenderAsPlainText(String markdown) {
        String html = renderer.render(markdown);
        assertEquals("<p>click</p>", html, markdown);
    }

    @Test
    void autolinkWithJavascriptSchemeIsNotALink() {
        String html = renderer.render("<javascript:alert(1)>");
        assertFalse(html.contains("<a"), html);
        assertEquals("<p>javascript:alert(1)</p>", html);
    }

    @Test
    void rawAnchorWithJavascriptHrefIsEscaped() {
        String html = renderer.render("<a href=\"javascript:alert(1)\">x</a>");
        assertEquals("<p>&lt;a href&#61;&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;</p>", html);
        assertFalse(html.contains("<a"));
    }

    // --- raw HTML and unsupported blocks ---------------------------------------------------

    @Test
    void scriptTagIsEscaped() {
        String html = renderer.render("<script>alert(1)</script>");
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
    }

    @Test
    void scriptBlockBetweenParagraphsIsEscaped() {
        String html = renderer.render("before\n\n<script>\nalert(1)\n</script>\n\nafter");
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void imgWithOnerrorIsEscaped() {
        String html = renderer.render("<img src=x onerror=alert(1)>");
        assertEquals("<p>&lt;img src&#61;x onerror&#61;alert(1)&gt;</p>", html);
    }

    @Test
    void eventHandlerAttributesNeverBecomeRealAttributes() {
        String html = renderer.render("<p onclick=\"alert(1)\">hi</p> <b onmouseover=alert(1)>x</b>");
        assertNoDangerousMarkup(html);
        assertTrue(html.contains("onclick&#61;"), html);
    }

    @Test
    void atxHeadingRendersAsParagraphText() {
        assertEquals("<p># Title</p>", renderer.render("# Title"));
    }

    @Test
    void setextHeadingRendersAsParagraphText() {
        String html = renderer.render("Title\n=====");
        assertFalse(html.contains("<h"), html);
        assertEquals("<p>Title\n&#61;&#61;&#61;&#61;&#61;</p>", html);
    }

    @Test
    void fencedCodeRendersWithoutPre() {
        String html = renderer.render("```java\nint x = 1;\n```");
        assertFalse(html.contains("<pre"), html);
        assertTrue(html.startsWith("<p>"), html);
    }

    @Test
    void indentedCodeRendersAsParagraph() {
        assertEquals("<p>indented</p>", renderer.render("    indented"));
    }

    @Test
    void thematicBreakRendersAsText() {
        assertEquals("<p>***</p>", renderer.render("***"));
        assertEquals("<p>a</p>\n<p>___</p>", renderer.render("a\n\n___"));
    }

    @Test
    void tableSyntaxRendersAsText() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |");
        assertFalse(html.contains("<table"), html);
        assertTrue(html.startsWith("<p>| a | b |"), html);
    }

    @Test
    void imageRendersAsAltTextOnly() {
        assertEquals("<p>a <em>nice</em> picture</p>", renderer.render("![a *nice* picture](https://x.example/i.png)"));
    }

    @Test
    void imageInsideLinkRendersAsLinkedAltText() {
        assertEquals("<p><a href=\"https://x.example\" " + REL + ">logo</a></p>",
                renderer.render("[![logo](https://x.example/logo.png)](https://x.example)"));
    }

    // --- input cleaning -------------------------------------------------------------------------

    @Test
    void controlCharactersAreStrippedAndLineEndingsNormalised() {
        assertEquals("<p>xyz\nw\nq\tt</p>", renderer.render("x\u0000y\u0007z\r\nw\rq\tt\u001b\u007f"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n\t", "\u0000\u0001", " \r\n "})
    void nullOrBlankInputRendersEmpty(String markdown) {
        assertEquals("", renderer.render(markdown));
    }

    // --- a whole comment ------------------------------------------------------------------------

    @Test
    void aMixedCommentKeepsAllItsTextAndOnlyTheSupportedMarkup() {
        String markdown = "# Thesis  *one*\n\nSee [the **paper**](https://x.example) and `code`.  \nNext line\n\n"
                + "- item a\n- item b\n  1. nested\n\n> quoted   text\n\n![alt text](https://x.example/i.png)";
        assertEquals("<p># Thesis  <em>one</em></p>\n"
                + "<p>See <a href=\"https://x.example\" " + REL + ">the <strong>paper</strong></a> and <code>code</code>."
                + "<br />\nNext line</p>\n"
                + "<ul><li>item a</li><li>item b\n<ol><li>nested</li></ol>\n</li></ul>\n"
                + "<blockquote>\n<p>quoted   text</p>\n</blockquote>\n"
                + "<p>alt text</p>", renderer.render(markdown));
    }

    @Test
    void rawHtmlAndEntitiesStayVisibleAsText() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>",
                renderer.render("<script>alert(1)</script> &amp; more"));
    }

    @Test
    void aRefusedLinkKeepsItsTextNextToAnAllowedOne() {
        assertEquals("<p>click <a href=\"https://x.example\" " + REL + ">here</a></p>",
                renderer.render("[click](javascript:alert(1)) [here](https://x.example)"));
    }

    // --- hostile input properties -----------------------------------------------------------

    @Test
    void hostilePayloadsNeverProduceDangerousMarkup() {
        assertTrue(HOSTILE_PAYLOADS.size() >= 30);
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (String payload : HOSTILE_PAYLOADS) {
            checks.add(() -> assertNoDangerousMarkup(renderer.render(payload)));
            checks.add(() -> assertNoDangerousMarkup(renderer.render("Text *before*\n\n" + payload + "\n\n- and **after**")));
            checks.add(() -> assertNoDangerousMarkup(renderer.render("> " + payload)));
            checks.add(() -> assertNoDangerousMarkup(renderer.render("[" + payload + "](https://ok.example)")));
        }
        assertAll(checks);
    }

    @Test
    void randomlyCombinedFragmentsNeverProduceDangerousMarkup() {
        List<String> fragments = new ArrayList<>(HOSTILE_PAYLOADS);
        fragments.addAll(List.of("*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "\"", "'", "=", "!", "\\",
                "\n", "\n\n", "  \n", "- ", "1. ", "> ", "    ", "&", "&#", ";", "x", "javascript:", "https://",
                "mailto:", "onclick=", " ", "\t", "\r", "\u0000", "#", "```"));
        Random random = new Random(20260313L);
        for (int round = 0; round < 2000; round++) {
            String markdown = RandomText.of(random, fragments, 12);
            String html = renderer.render(markdown);
            try {
                assertNoDangerousMarkup(html);
            } catch (AssertionError e) {
                fail("Input " + escapeForMessage(markdown) + " produced " + html, e);
            }
        }
    }

    @Test
    void renderingIsDeterministicAndThreadSafe() throws Exception {
        String markdown = "Hello *world*, see [link](https://x.example) and <script>x</script>\n\n- a\n- b";
        String expected = renderer.render(markdown);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> renderer.render(markdown));
            }
            for (Future<String> result : pool.invokeAll(tasks)) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- Markdown for the exports -----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "Wohnungen *zuerst*, dann **Kurse**; _Träger_ und Ämter",
            "Was wir brauchen:\n\n- Räume & Zeit\n- [Förderung](https://example.org/a?b=1&c=2)\n\n> Zitat\n\n"
                    + "Erste Zeile  \nzweite mit `Code` und <br> Ende",
            "1. eins\n2. zwei\n   - verschachtelt\n\n7) sieben",
            "<https://example.org/x> und [Post](mailto:a@example.org)",
            "# kein Titel\n\n```\nkein Block\n```\n\n---\n\n| a | b |\n|---|---|",
            "Wow![x](https://e.org) und ![Bild](https://e.org/i.png)", "@Name schreibt\nüber zwei Zeilen" })
    void markdownShowsWhatTheForumShows(String markdown) {
        assertEquals(renderer.render(markdown), renderer.render(MarkdownRenderer.markdown(markdown)));
    }

    @Test
    void markdownKeepsFormattingAndAllowedLinks() {
        String markdown = "Wohnungen *zuerst*, dann **Kurse**\n\n- eins\n- [zwei](https://example.org/a)\n\n> Zitat";
        assertEquals(markdown, MarkdownRenderer.markdown(markdown));
    }

    @Test
    void markdownShowsRawHtmlAsTextAndKeepsOnlyTheTextOfRefusedLinks() {
        assertEquals("> &lt;a href=\"javascript:alert(1)\"&gt;a&lt;/a&gt;",
                MarkdownRenderer.markdown("> <a href=\"javascript:alert(1)\">a</a>"));
        assertEquals("x, y und z", MarkdownRenderer.markdown("[x](javascript:alert(1)), [y][r] und "
                + "![z](https://e.org/z.png)\n\n[r]: data:text/html,x"));
        assertEquals("\"&gt;&lt;svg onload=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;",
                MarkdownRenderer.markdown("\"><svg onload=alert(1)> <script>alert(1)</script>"));
    }

    @Test
    void markdownEncodesWhatCouldEndALinksUrl() {
        assertEquals("[x](https://ok.example/%22onmouseover=%22alert%281%29)",
                MarkdownRenderer.markdown("[x](https://ok.example/\"onmouseover=\"alert(1))"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\n\n" })
    void markdownOfNothingIsEmpty(String markdown) {
        assertEquals("", MarkdownRenderer.markdown(markdown));
    }

    @Test
    void hostilePayloadsInMarkdownStayInertInAViewerThatAllowsHtml() {
        Parser viewerParser = Parser.builder().build();
        HtmlRenderer viewer = HtmlRenderer.builder().build();
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (String payload : HOSTILE_PAYLOADS) {
            for (String input : List.of(payload, "Text *before*\n\n" + payload + "\n\n- and **after**",
                    "> " + payload, "[" + payload + "](https://ok.example)")) {
                checks.add(() -> {
                    String markdown = MarkdownRenderer.markdown(input);
                    assertViewedMarkupIsHarmless(viewer.render(viewerParser.parse(markdown)));
                    // Runs of spaces may shrink to one, which a browser shows alike.
                    assertEquals(renderer.render(input).replaceAll("[ \\t]+", " "),
                            renderer.render(markdown).replaceAll("[ \\t]+", " "), "the forum shows the same");
                });
            }
        }
        assertAll(checks);
    }

    @Test
    void randomlyCombinedFragmentsInMarkdownStayInertInAViewerThatAllowsHtml() {
        Parser viewerParser = Parser.builder().build();
        HtmlRenderer viewer = HtmlRenderer.builder().build();
        List<String> fragments = new ArrayList<>(HOSTILE_PAYLOADS);
        fragments.addAll(List.of("*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "\"", "'", "=", "!", "\\",
                "\n", "\n\n", "  \n", "- ", "1. ", "> ", "    ", "&", "&#", ";", "x", "javascript:", "https://",
                "mailto:", "onclick=", " ", "\t", "\r", "#", "```", "|", "~", "{", "}"));
        Random random = new Random(20260412L);
        for (int round = 0; round < 2000; round++) {
            String input = RandomText.of(random, fragments, 12);
            String markdown = MarkdownRenderer.markdown(input);
            String html = viewer.render(viewerParser.parse(markdown));
            try {
                assertViewedMarkupIsHarmless(html);
            } catch (AssertionError e) {
                fail("Input " + escapeForMessage(input) + " became " + markdown + ", shown as " + html, e);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * Checks the markup of a rendered fragment. Every '&lt;' in the output starts a real tag because
     * text is always escaped, so the forbidden-tag part of the pattern applies to the whole output.
     * Event handlers and script URLs are checked inside tags only: escaped text may legitimately
     * show words like "javascript:" or "onclick=" to the reader.
     */
    private static void assertNoDangerousMarkup(String html) {
        assertFalse(Pattern.compile("(?i)<(script|img|iframe|svg|object|embed|style|form|input)").matcher(html).find(),
                () -> "forbidden tag in: " + html);
        assertFalse(Pattern.compile("(?i)href\\s*=\\s*[\"']?\\s*(javascript|vbscript|data):").matcher(html).find(),
                () -> "script href in: " + html);
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertFalse(DANGEROUS_MARKUP.matcher(tag).find(), () -> "dangerous tag " + tag + " in: " + html);
            Matcher allowed = ALLOWED_TAG.matcher(tag);
            assertTrue(allowed.matches(), () -> "unexpected tag " + tag + " in: " + html);
            String element = allowed.group(1);
            Matcher attributes = ATTRIBUTE.matcher(allowed.group(2));
            boolean hasRel = false;
            while (attributes.find()) {
                String name = attributes.group(1);
                String value = attributes.group(2);
                switch (name) {
                    case "href" -> {
                        assertEquals("a", element, tag);
                        assertTrue(HREF_VALUE.matcher(value).find(), () -> "href not allowed: " + tag);
                    }
                    case "rel" -> {
                        assertEquals("a", element, tag);
                        assertEquals("nofollow noopener", value, tag);
                        hasRel = true;
                    }
                    case "start" -> {
                        assertEquals("ol", element, tag);
                        assertTrue(value.matches("\\d+"), tag);
                    }
                    default -> fail("unexpected attribute " + name + " in " + tag);
                }
            }
            if ("a".equals(element) && !tag.startsWith("</")) {
                assertTrue(hasRel, () -> "link without rel: " + tag);
            }
        }
    }

    /**
     * Checks what a viewer that allows HTML makes of exported Markdown: only the tags Markdown itself makes, no
     * attribute but an allowed link's href.
     */
    private static void assertViewedMarkupIsHarmless(String html) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            Matcher link = Pattern.compile("<a href=\"([^\"]*)\">").matcher(tag);
            assertTrue(tag.matches("</?(p|em|strong|code|ul|ol|li|blockquote|a)>|<br />|<ol start=\"\\d+\">")
                    || link.matches() && HREF_VALUE.matcher(link.group(1)).find(),
                    () -> "unexpected tag " + tag + " in: " + html);
        }
    }

    private static String escapeForMessage(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
