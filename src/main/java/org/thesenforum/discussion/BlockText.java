package org.thesenforum.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Reads the Markdown of the paper's blocks back from the source, through the source spans of the syntax tree.
 *
 * <p>The text is the author's Markdown ({@code **bold**}, links) rather than a re-rendering of the tree. Lines are
 * trimmed; inside a paragraph they are joined by a space, except after a hard line break (two trailing spaces or
 * a trailing backslash), where a {@code "\n"} stands instead of the marker. Lists keep their markers, one item per
 * line ({@code "\n\n"} between the items of a loose list) and nested items indented, quotes their {@code >};
 * other blocks (headings that are not part of the paper's structure, code, HTML, thematic breaks) keep their
 * lines as written, trimmed.
 */
final class BlockText {

    /** A list marker at the start of a list item's first line; group 1 is the number of an ordered item. */
    private static final Pattern MARKER = Pattern.compile("^[ \\t]*(?:[-+*]|(\\d{1,9})[.)])");

    private final PaperSource source;

    BlockText(PaperSource source) {
        this.source = source;
    }

    /** The 1-based line a node starts on. */
    static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /** The visible text of a node's inlines, without Markdown: line breaks become spaces. */
    static String plain(Node root) {
        StringBuilder text = new StringBuilder();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                text.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    /** A heading's visible text, trimmed, without bold markers that made nothing bold ({@code # ****}). */
    static String heading(Heading heading) {
        return Whitespace.trim(plain(heading).replace("**", ""));
    }

    /** The chunks of several blocks, in order. */
    List<Chunk> chunks(Iterable<? extends Node> blocks) {
        List<Chunk> chunks = new ArrayList<>();
        for (Node block : blocks) {
            chunks.add(chunk(block));
        }
        return chunks;
    }

    /** The chunks of a node's child blocks, in order. */
    List<Chunk> childChunks(Node parent) {
        List<Chunk> chunks = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            chunks.add(chunk(child));
        }
        return chunks;
    }

    /** The Markdown of one block. */
    Chunk chunk(Node block) {
        if (block instanceof Paragraph paragraph) {
            String text = paragraph(paragraph, 0);
            return new Chunk(text, text.indexOf('\n') < 0);
        }
        if (block instanceof ListBlock list) {
            return new Chunk(list(list), false);
        }
        if (block instanceof BlockQuote quote) {
            return new Chunk(quote(quote), false);
        }
        return new Chunk(lines(block), false);
    }

    /**
     * A paragraph's Markdown from the input index {@code from} on: what lies before it (such as an approach's bold
     * title) is left out.
     */
    String paragraph(Paragraph paragraph, int from) {
        Map<Integer, Boolean> hardBreaks = hardBreaks(paragraph);
        StringBuilder text = new StringBuilder();
        boolean breakBefore = false;
        for (SourceSpan span : paragraph.getSourceSpans()) {
            Boolean backslash = hardBreaks.get(span.getLineIndex());
            String part = Whitespace.trim(source.slice(span, from));
            if (Boolean.TRUE.equals(backslash) && part.endsWith("\\")) {
                part = Whitespace.trim(part.substring(0, part.length() - 1));
            }
            if (!part.isEmpty()) {
                if (text.length() > 0) {
                    text.append(breakBefore ? '\n' : ' ');
                }
                text.append(part);
            }
            breakBefore = backslash != null;
        }
        return text.toString();
    }

    /** The number of an ordered list item as written (CommonMark counts on from the list's first number). */
    int itemNumber(ListItem item) {
        Matcher marker = MARKER.matcher(firstLine(item));
        return marker.lookingAt() && marker.group(1) != null ? Integer.parseInt(marker.group(1)) : 0;
    }

    /** The first line of a list item after its marker, trimmed. */
    String afterMarker(ListItem item) {
        String line = firstLine(item);
        Matcher marker = MARKER.matcher(line);
        return Whitespace.trim(marker.lookingAt() ? line.substring(marker.end()) : line);
    }

    // ---------------------------------------------------------------- blocks other than paragraphs

    private String list(ListBlock list) {
        String separator = list.isTight() ? "\n" : "\n\n";
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Matcher marker = MARKER.matcher(firstLine(item));
            String prefix = marker.lookingAt() ? Whitespace.trim(marker.group()) : "-";
            String content = join(childChunks(item), separator);
            items.add(content.isEmpty() ? prefix
                    : prefix + " " + content.replace("\n", "\n" + " ".repeat(prefix.length() + 1)));
        }
        return String.join(separator, items).replaceAll("(?m)[ ]+$", "");
    }

    private String quote(BlockQuote quote) {
        return ("> " + join(childChunks(quote), "\n\n").replace("\n", "\n> ")).replaceAll("(?m)[ ]+$", "");
    }

    /** The block's lines as written, trimmed, without blank ones. */
    private String lines(Node block) {
        List<String> lines = new ArrayList<>();
        for (SourceSpan span : block.getSourceSpans()) {
            String line = Whitespace.trim(source.slice(span));
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    private String firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? "" : source.slice(spans.get(0));
    }

    private static String join(List<Chunk> chunks, String separator) {
        List<String> texts = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (!chunk.text().isEmpty()) {
                texts.add(chunk.text());
            }
        }
        return String.join(separator, texts);
    }

    // ---------------------------------------------------------------- hard line breaks

    /**
     * The 0-based lines of a paragraph that end in a hard line break, each mapped to whether the break is a
     * backslash. A backslash break carries its own source span; a break made of trailing spaces has none, so it
     * belongs to the line of the inline before it.
     */
    private static Map<Integer, Boolean> hardBreaks(Paragraph paragraph) {
        Map<Integer, Boolean> lines = new HashMap<>();
        collectHardBreaks(paragraph, line(paragraph) - 1, lines);
        return lines;
    }

    private static int collectHardBreaks(Node parent, int line, Map<Integer, Boolean> lines) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (!spans.isEmpty()) {
                line = spans.get(0).getLineIndex();
            }
            if (node instanceof HardLineBreak) {
                lines.put(line, !spans.isEmpty());
            }
            line = collectHardBreaks(node, line, lines);
            if (!spans.isEmpty()) {
                line = spans.get(spans.size() - 1).getLineIndex();
            }
        }
        return line;
    }
}
