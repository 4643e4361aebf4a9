package org.thesenforum.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * Writes text into the Markdown exports so that every Markdown viewer shows it as text: plain text escaped
 * ({@link #escape}), and the reduced tree of a Markdown source written back as Markdown with all its text escaped
 * the same way ({@link MarkdownRenderer#markdown}).
 *
 * <p>{@code <} and {@code >} become {@code &lt;} and {@code &gt;} (entities, not backslashes, which not every
 * Markdown dialect honours before {@code <}), so no HTML tag can come out of a text; {@code &} becomes {@code &amp;}
 * only where it would start a character reference, so "Räume & Zeit" stays as it is. The characters that make
 * emphasis, code, links, headings, tables, strike-through or attribute lists ({@code \ ` * _ [ ] { } # | ~}) get a
 * backslash everywhere, and a line that would start a block (a list item or a heading's underline) gets one before
 * that mark ("- Punkt" is written "\- Punkt"). The indentation of a line is left out (of the first line, one space
 * stays). Only the raw file shows the backslashes; a viewer shows the text as typed.
 */
public final class MarkdownText {

    /** Escaped with a backslash wherever they stand. */
    private static final String INLINE_MARKS = "\\`*_[]{}#|~";

    /** Escaped with a backslash as the first character of a line (after its indentation). */
    private static final String BLOCK_MARKS = "-+=";

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile(
            "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");

    private static final Pattern ORDERED_LIST_MARK = Pattern.compile("([0-9]{1,9})[.)](?:[ \t]|$)");

    private static final Pattern LINE_ENDINGS = Pattern.compile("\\r\\n?");

    /** Characters of an allowed link's URL that are percent-encoded, so the URL cannot end the link's brackets. */
    private static final String URL_ENCODED = " \"'<>()\\`{}|^";

    private static final org.commonmark.renderer.markdown.MarkdownRenderer WRITER =
            org.commonmark.renderer.markdown.MarkdownRenderer.builder().nodeRendererFactory(new EscapedText()).build();

    private MarkdownText() {
    }

    /** Plain text (a title, a name, a reason) as Markdown that shows exactly that text; {@code ""} for null. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = LINE_ENDINGS.matcher(text).replaceAll("\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int i = indentation(line);
            // Indentation means nothing in a paragraph and could make a code block; the first line may stand in the
            // middle of a template's line, where one space still separates it.
            appendLine(n == 0 ? out.append(i > 0 ? " " : "") : out.append('\n'), line, i);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String line, int start) {
        int i = start;
        Matcher listMark = ORDERED_LIST_MARK.matcher(line).region(i, line.length());
        if (i < line.length() && BLOCK_MARKS.indexOf(line.charAt(i)) >= 0) {
            out.append('\\');
        } else if (listMark.lookingAt()) {
            out.append(listMark.group(1)).append('\\');
            i = listMark.end(1);
        }
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append(CHARACTER_REFERENCE.matcher(line).region(i, line.length()).lookingAt()
                        ? "&amp;" : "&");
                // "](" also gets one, so that no text looks like a link to those who search the file for one.
                case '(' -> out.append(i > 0 && line.charAt(i - 1) == ']' ? "\\(" : "(");
                default -> out.append(INLINE_MARKS.indexOf(c) >= 0 ? "\\" : "").append(c);
            }
        }
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Writes a parsed and reduced document back as Markdown, its text escaped as {@link #escape} does. */
    static String write(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(encodeUrl(link.getDestination()));
                visitChildren(link);
            }
        });
        return WRITER.render(document).strip();
    }

    private static String encodeUrl(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (URL_ENCODED.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Writes text, and raw HTML as text, escaped; CommonMark's own writer does the rest of the tree. */
    private static final class EscapedText implements MarkdownNodeRendererFactory {

        @Override
        public NodeRenderer create(MarkdownNodeRendererContext context) {
            MarkdownWriter writer = context.getWriter();
            return new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of(Text.class, HtmlInline.class);
                }

                @Override
                public void render(Node node) {
                    String literal = node instanceof Text text ? text.getLiteral() : ((HtmlInline) node).getLiteral();
                    // "!" right before a link would make it an image.
                    boolean bang = literal.endsWith("!") && node.getNext() instanceof Link;
                    String[] lines = (bang ? literal.substring(0, literal.length() - 1) : literal).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            writer.line();
                        }
                        writer.raw(escape(lines[i]));
                    }
                    if (bang) {
                        writer.raw("\\!");
                    }
                }
            };
        }

        @Override
        public Set<Character> getSpecialCharacters() {
            return Set.of();
        }
    }
}
