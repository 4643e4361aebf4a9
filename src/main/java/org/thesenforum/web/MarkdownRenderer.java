package org.thesenforum.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders user-written comment bodies from a small Markdown subset to a safe HTML fragment.
 *
 * <p>Supported: paragraphs, emphasis, bullet and ordered lists (nested), block quotes, inline code,
 * hard line breaks and links (inline, reference and autolinks). Everything else stays visible as
 * plain text: headings, code blocks and thematic breaks are not recognised as blocks, raw HTML is
 * escaped, and images are reduced to their alt text (never an {@code <img>}).
 *
 * <p>Links survive only with an absolute {@code http}, {@code https} or {@code mailto} URL; any other
 * link (relative, protocol-relative, {@code javascript:}, {@code data:}, ...) is replaced by its text.
 * Every remaining link carries {@code rel="nofollow noopener"} and no {@code target}.
 *
 * <p>The HTML produced by CommonMark is additionally passed through an OWASP allow-list policy as a
 * second line of defence. Instances are immutable and thread-safe.
 *
 * <p>{@link #forPaper()} renders the texts of a discussion paper. Their line breaks are deliberate (the
 * paper parser joins the lines of running text with spaces and keeps a {@code "\n"} only where the paper
 * breaks a line, as in an address block), so that renderer shows every line break inside a paragraph as
 * {@code <br />}. Comments keep CommonMark's soft line breaks.
 *
 * <p>{@link #markdown} applies the same rules for the Markdown exports and writes the result back as Markdown.
 */
@ApplicationScoped
public class MarkdownRenderer {

    /**
     * The version of what {@link #render(String)} makes of a comment. Comments store their rendered HTML with the
     * version that made it; at start-up every comment of another version is rendered again
     * (comment.CommentHtmlBackfill). Raise it with every change to the renderer's output (CONTRIBUTING.md).
     */
    public static final int VERSION = 1;

    /** Value of the {@code rel} attribute on every rendered link. */
    public static final String LINK_REL = "nofollow noopener";

    /** C0 controls except TAB and LF, DEL and C1 controls. CR is normalised before this is applied. */
    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private static final Pattern LINE_ENDINGS = Pattern.compile("\\r\\n?");

    /** Absolute http(s) URL with a non-empty authority that starts with a plain host character. */
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\\\@:\\s][^\\s]*");

    /** mailto URL with a non-empty address part. */
    private static final Pattern MAILTO_URL = Pattern.compile("(?i)mailto:[^\\s/\\\\][^\\s]*");

    /** Only digits, so that {@code <ol start>} cannot carry anything else. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    /** Second-wall check on href values: absolute http(s) or mailto only, nothing relative. */
    private static final Pattern ABSOLUTE_HREF = Pattern.compile("(?is)(https?://[^/\\\\\\s]|mailto:\\S).*");

    /**
     * Allow-list applied to the CommonMark output. The {@code rel} attribute is not taken from the
     * input: the policy sets {@code rel="nofollow noopener"} itself on every link that keeps an
     * href, and drops {@code <a>} elements left without attributes.
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(ABSOLUTE_HREF).onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowElements("span")
            .allowAttributes("class").matching(Pattern.compile(Mentions.CSS_CLASS)).onElements("span")
            .toFactory();

    /** The same for every renderer: only block quotes and lists among the blocks; the rest stays text. */
    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class))
            .build();

    private final HtmlRenderer htmlRenderer;
    /** Resolves {@code @Name} mentions; unset (no mentions) where the renderer is not a bean, as for the paper. */
    @Inject
    Instance<MentionNames> mentionNames;

    public MarkdownRenderer() {
        this(false);
    }

    private MarkdownRenderer(boolean lineBreaks) {
        HtmlRenderer.Builder html = HtmlRenderer.builder();
        if (lineBreaks) {
            html.softbreak("<br />\n");
        }
        this.htmlRenderer = html
                .escapeHtml(true)
                .sanitizeUrls(false)
                .percentEncodeUrls(true)
                .nodeRendererFactory(Mentions.Rendering::new)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.remove("title");
                        attributes.put("rel", LINK_REL);
                    }
                })
                .build();
    }

    /** A renderer for the paper's own texts, which shows each line break inside a paragraph as {@code <br />}. */
    public static MarkdownRenderer forPaper() {
        return new MarkdownRenderer(true);
    }

    /**
     * Renders Markdown to a sanitised HTML fragment.
     *
     * @param markdown user input, may be {@code null}
     * @return HTML safe to embed unescaped in a page; {@code ""} for {@code null} or blank input
     */
    public String render(String markdown) {
        return render(markdown, mentionNames());
    }

    /** Renders with {@code @Name} mentions resolved by {@code names} (none when null). */
    String render(String markdown, MentionNames names) {
        Node document = parse(markdown, names);
        if (document == null) {
            return "";
        }
        String html = htmlRenderer.render(document);
        return POLICY.sanitize(html).strip();
    }

    /**
     * The Markdown source reduced to what {@link #render} keeps, written back as Markdown for the Markdown exports:
     * emphasis, lists, block quotes, inline code and links to absolute {@code http}, {@code https} and {@code mailto}
     * URLs stay; every other link and image keeps only its text, and raw HTML and everything else the renderer does
     * not support are escaped so that they show as text ({@link MarkdownText}). Mentions stay plain {@code @Name}
     * text. Safe to output unescaped in a Markdown template; {@code ""} for null or blank input.
     */
    public static String markdown(String markdown) {
        Node document = parse(markdown, null);
        return document == null ? "" : MarkdownText.write(document);
    }

    /** Cleans the input, parses it and reduces the tree to the supported, safe subset. */
    private static Node parse(String markdown, MentionNames names) {
        if (markdown == null) {
            return null;
        }
        String cleaned = clean(markdown);
        if (cleaned.isBlank()) {
            return null;
        }
        Node document = PARSER.parse(cleaned);
        document.accept(new SafetyVisitor());
        if (names != null && cleaned.indexOf('@') >= 0) {
            Mentions.mark(document, names);
        }
        return document;
    }

    /**
     * The accounts that the text's {@code @Name} mentions name, as they are rendered: none inside code or links.
     * Empty where the renderer resolves no mentions.
     */
    public Set<Long> mentionedAccounts(String markdown) {
        return mentionedAccounts(markdown, mentionNames());
    }

    Set<Long> mentionedAccounts(String markdown, MentionNames names) {
        Node document = parse(markdown, names);
        Set<Long> ids = new LinkedHashSet<>();
        if (document != null) {
            Mentions.collect(document, ids);
        }
        return ids;
    }

    private MentionNames mentionNames() {
        return mentionNames == null || !mentionNames.isResolvable() ? null : mentionNames.get();
    }

    static String clean(String markdown) {
        String normalised = LINE_ENDINGS.matcher(markdown).replaceAll("\n");
        return CONTROL_CHARS.matcher(normalised).replaceAll("");
    }

    /**
     * Returns the link destination if it is an absolute http, https or mailto URL, otherwise
     * {@code null}. The destination is expected as decoded by the parser (entities and backslash
     * escapes already resolved), so obfuscations such as {@code jav&#x61;script:} arrive here as
     * {@code javascript:} and are rejected.
     */
    static String allowedUrl(String destination) {
        if (destination == null) {
            return null;
        }
        String url = destination.strip();
        if (url.isEmpty()) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // Browsers silently drop tabs and newlines inside URLs; never try to repair such input.
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return null;
            }
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            return MAILTO_URL.matcher(url).matches() ? url : null;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return HTTP_URL.matcher(url).matches() ? url : null;
        }
        return null;
    }

    /** Removes images and disallowed links, keeping their text. */
    private static final class SafetyVisitor extends AbstractVisitor {

        @Override
        public void visit(Link link) {
            String url = allowedUrl(link.getDestination());
            if (url == null) {
                visitChildren(link);
                replaceWithChildren(link);
            } else {
                link.setDestination(url);
                link.setTitle(null);
                visitChildren(link);
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
            replaceWithChildren(image);
        }

        private static void replaceWithChildren(Node node) {
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (Node child : children) {
                node.insertBefore(child);
            }
            node.unlink();
        }
    }
}
