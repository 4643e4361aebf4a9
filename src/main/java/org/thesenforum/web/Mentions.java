package org.thesenforum.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * {@code @Name} mentions in a parsed comment: text nodes outside links (inline code is no text node) are searched
 * for an {@code @} at the start of a word followed by a known display name; the longest known name wins, since one
 * name may begin another ("Anna" and "Anna Berg"). A mention becomes a node rendered as
 * {@code <span class="mention">@Name</span>} with the text as typed, escaped; an unknown name stays plain text.
 */
final class Mentions {

    static final String CSS_CLASS = "mention";
    /** The longest display name an account may have. */
    static final int MAX_NAME = 80;
    /** At most this many {@code @} of a text are looked up: a text naming more people names nobody further. */
    static final int MAX_MENTIONS = 50;
    /** At most this many candidate names of a text are looked up, however the words fall. */
    static final int MAX_CANDIDATES = 1_000;

    private Mentions() {
    }

    /** A mention of one account, with the text as written after the {@code @}. */
    static final class Mention extends CustomNode {

        final long accountId;
        final String written;

        Mention(long accountId, String written) {
            this.accountId = accountId;
            this.written = written;
        }
    }

    /** Replaces each {@code @Name} of a known person in the document by a {@link Mention}. */
    static void mark(Node document, MentionNames names) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }

            @Override
            public void visit(Link link) {
                // Text inside a link stays as it is.
            }
        });
        Set<String> candidates = new LinkedHashSet<>();
        int[] budget = {MAX_MENTIONS};
        for (Text t : texts) {
            if (budget[0] <= 0 || candidates.size() >= MAX_CANDIDATES) {
                break;
            }
            for (String c : candidates(t.getLiteral(), budget)) {
                if (candidates.size() >= MAX_CANDIDATES) {
                    break;
                }
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, MentionNames.Person> known = names.resolve(candidates);
        if (!known.isEmpty()) {
            texts.forEach(t -> split(t, known));
        }
    }

    /** The accounts of the mentions already marked in a document. */
    static void collect(Node document, Set<Long> ids) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof Mention m) {
                    ids.add(m.accountId);
                }
                visitChildren(node);
            }
        });
    }

    /**
     * Every text that might be a name after an {@code @} at a word start: each prefix ending at a word end, for at
     * most the first {@link #MAX_MENTIONS} such {@code @}.
     */
    static List<String> candidates(String literal) {
        return candidates(literal, new int[] {MAX_MENTIONS});
    }

    /** As {@link #candidates(String)}, counting the {@code @} looked at down from {@code budget[0]}. */
    private static List<String> candidates(String literal, int[] budget) {
        List<String> found = new ArrayList<>();
        for (int at = literal.indexOf('@'); at >= 0 && budget[0] > 0; at = literal.indexOf('@', at + 1)) {
            if (at > 0 && Character.isLetterOrDigit(literal.charAt(at - 1))) {
                continue;
            }
            budget[0]--;
            int limit = Math.min(literal.length(), at + 1 + MAX_NAME);
            for (int end = at + 2; end <= limit; end++) {
                if (endsWord(literal, end)) {
                    found.add(literal.substring(at + 1, end));
                }
            }
        }
        return found;
    }

    private static boolean endsWord(String s, int end) {
        char last = s.charAt(end - 1);
        if (Character.isWhitespace(last) || last == '@') {
            return false;
        }
        return end == s.length() || !Character.isLetterOrDigit(s.charAt(end))
                || !Character.isLetterOrDigit(last);
    }

    private static void split(Text text, Map<String, MentionNames.Person> known) {
        String literal = text.getLiteral();
        List<Node> parts = new ArrayList<>();
        int done = 0;
        for (int at = literal.indexOf('@'); at >= 0; at = literal.indexOf('@', at + 1)) {
            if (at < done || (at > 0 && Character.isLetterOrDigit(literal.charAt(at - 1)))) {
                continue;
            }
            String name = longestKnown(literal, at, known);
            if (name != null) {
                if (at > done) {
                    parts.add(new Text(literal.substring(done, at)));
                }
                parts.add(new Mention(known.get(name).accountId(), name));
                done = at + 1 + name.length();
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        if (done < literal.length()) {
            parts.add(new Text(literal.substring(done)));
        }
        parts.forEach(text::insertBefore);
        text.unlink();
    }

    private static String longestKnown(String literal, int at, Map<String, MentionNames.Person> known) {
        int limit = Math.min(literal.length(), at + 1 + MAX_NAME);
        for (int end = limit; end >= at + 2; end--) {
            String candidate = literal.substring(at + 1, end);
            if (endsWord(literal, end) && known.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Writes a {@link Mention} as an escaped span. */
    static final class Rendering implements NodeRenderer {

        private final HtmlWriter html;

        Rendering(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mention.class);
        }

        @Override
        public void render(Node node) {
            Mention m = (Mention) node;
            html.tag("span", Map.of("class", CSS_CLASS));
            html.text("@" + m.written);
            html.tag("/span");
        }
    }
}
