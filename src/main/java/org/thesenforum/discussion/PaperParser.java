package org.thesenforum.discussion;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the Markdown of a discussion paper, exactly as received, into a {@link ParsedPaper}.
 *
 * <p>The paper is parsed with CommonMark, the grammar the pages render it with, keeping the source span of every
 * block and inline so that texts are taken from the source as written and refusals name the line. The steps:
 * <ol>
 *   <li>{@link PaperSource}: at most {@link #MAX_CHARS} characters; BOM, CRLF/CR line endings and lines of only
 *       (non-breaking) spaces are normalised, line numbers stay those of the upload;</li>
 *   <li>{@link PaperOutline}: invitation, title ({@code #}), optional subtitle ({@code ##}), introduction, theses
 *       heading ("These") and optional approaches heading ("Ansätze") among the top-level blocks;</li>
 *   <li>{@link ThesesReader} and {@link ApproachesReader}: the numbered theses and the bold-titled approaches;</li>
 *   <li>{@link BlockText}: the Markdown of each block, hard line breaks as {@code "\n"};
 *       {@link Prose}: paragraphs joined, in running text healed where a blank line split a sentence;
 *       {@link ThesisTitles}: short titles from the first sentence;</li>
 *   <li>here: the slug of the title, the date written {@code Stand d.M.yyyy} in the subtitle, and the invitation's
 *       bullets that end with a question mark as guiding questions.</li>
 * </ol>
 * Heading texts are plain text, without Markdown. The invitation is not healed, since it holds signatures, dates
 * and addresses without punctuation.
 *
 * <p>Instances hold no state; {@link #parse(String)} is pure and safe to call from several threads.
 */
public final class PaperParser {

    /** The largest input accepted, in characters. */
    public static final int MAX_CHARS = 200_000;

    /** The longest derived thesis title, in characters, including the trailing ellipsis. */
    static final int MAX_TITLE_CHARS = ThesisTitles.MAX_CHARS;

    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern STAND_DATE =
            Pattern.compile("\\bStand\\b\\s*:?\\s*(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b");

    /**
     * Parses a paper.
     *
     * @param markdown the paper as received, at most {@link #MAX_CHARS} characters
     * @return the structured paper
     * @throws PaperFormatException if the paper does not have the expected structure
     */
    public ParsedPaper parse(String markdown) throws PaperFormatException {
        PaperSource source = PaperSource.of(markdown);
        PaperOutline outline = PaperOutline.of((Document) MARKDOWN.parse(source.text()), source);
        BlockText text = new BlockText(source);
        Heading titleHeading = outline.titleHeading();
        String title = BlockText.heading(titleHeading);
        Heading subtitleHeading = outline.subtitleHeading();
        String subtitle = subtitleHeading == null ? null : BlockText.heading(subtitleHeading);
        List<ParsedTopic> theses = new ThesesReader(text).read(outline.thesesHeading(), outline.theses());
        ApproachesReader.Section approaches =
                new ApproachesReader(text).read(outline.approachesHeading(), outline.approaches());
        return new ParsedPaper(slug(title, titleHeading), title, subtitle, paperDate(subtitle, subtitleHeading),
                Prose.healed(text.chunks(outline.introduction())), Prose.paragraphs(text.chunks(outline.invitation())),
                guidingQuestions(text, outline.invitation()), BlockText.heading(outline.thesesHeading()), theses,
                approaches.heading(), approaches.introduction(), approaches.topics(),
                InvitationReader.read(outline.invitation()));
    }

    /** Derives a thesis title from the first sentence of its text; see {@link ThesisTitles}. */
    static String shortTitle(String body) {
        return ThesisTitles.shortTitle(body);
    }

    /** The items of the invitation's bullet lists, at any depth, whose text ends with a question mark. */
    private static List<String> guidingQuestions(BlockText text, List<Node> invitation) {
        List<String> questions = new ArrayList<>();
        AbstractVisitor finder = new AbstractVisitor() {
            @Override
            public void visit(BulletList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item.getFirstChild() instanceof Paragraph paragraph) {
                        String question = text.paragraph(paragraph, 0);
                        if (question.endsWith("?")) {
                            questions.add(question);
                        }
                    }
                    visitChildren(item);
                }
            }
        };
        for (Node block : invitation) {
            block.accept(finder);
        }
        return questions;
    }

    private static LocalDate paperDate(String subtitle, Heading subtitleHeading) throws PaperFormatException {
        Matcher date = subtitle == null ? null : STAND_DATE.matcher(subtitle);
        if (date == null || !date.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1)));
        } catch (DateTimeException e) {
            throw new PaperFormatException(BlockText.line(subtitleHeading), "date_impossible", date.group());
        }
    }

    /** {@code "Größe & Übermut"} → {@code "groesse-uebermut"}: lowercase ASCII letters and digits joined by "-". */
    private static String slug(String title, Heading titleHeading) throws PaperFormatException {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        slug = Normalizer.normalize(slug, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        slug = slug.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new PaperFormatException(BlockText.line(titleHeading), "title_without_letters", title);
        }
        return slug;
    }
}
