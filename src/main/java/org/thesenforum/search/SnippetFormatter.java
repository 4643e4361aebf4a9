package org.thesenforum.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.thesenforum.search.SearchViews.Segment;

/**
 * Writes the highlighter's passages as HTML: the text escaped ({@code & < > " '}, nothing else, so umlauts stay
 * readable in the JSON), every hit in {@code <mark>}, and "…" where text was left out.
 */
final class SnippetFormatter extends PassageFormatter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final String GAP = " … ";
    private static final Pattern MARKS = Pattern.compile("<mark>(.*?)</mark>", Pattern.DOTALL);

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Passage passage : passages) {
            out.append(passage.getStartOffset() > 0 ? (out.length() == 0 ? "… " : GAP) : "");
            pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (end <= pos) {
                    continue;
                }
                escape(out, content, pos, Math.max(pos, start));
                out.append(OPEN);
                escape(out, content, Math.max(pos, start), end);
                out.append(CLOSE);
                pos = end;
            }
            escape(out, content, pos, Math.max(pos, passage.getEndOffset()));
            pos = passage.getEndOffset();
        }
        if (pos < content.strip().length()) {
            out.append(" …");
        }
        return out.toString().strip();
    }

    /** The pieces of a snippet this formatter wrote, unescaped again. */
    static List<Segment> segments(String snippet) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = MARKS.matcher(snippet);
        int pos = 0;
        while (m.find()) {
            if (m.start() > pos) {
                segments.add(new Segment(unescape(snippet.substring(pos, m.start())), false));
            }
            segments.add(new Segment(unescape(m.group(1)), true));
            pos = m.end();
        }
        if (pos < snippet.length()) {
            segments.add(new Segment(unescape(snippet.substring(pos)), false));
        }
        return segments;
    }

    private static void escape(StringBuilder out, String content, int from, int to) {
        for (int i = from; i < Math.min(to, content.length()); i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
