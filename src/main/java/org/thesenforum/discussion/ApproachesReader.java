package org.thesenforum.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;

/**
 * Reads the approaches: introductory paragraphs, then bullets that begin with a bold title ({@code - **Title**}),
 * usually followed by a hard line break and the text. Every block up to the next bullet or the end belongs to the
 * current approach; its paragraphs are joined as running text ({@link Prose#healed}). A heading after the
 * approaches heading is refused, so that no text is dropped silently.
 */
final class ApproachesReader {

    /** A bullet that starts with bold markers around nothing, which CommonMark reads as a thematic break. */
    private static final Pattern EMPTY_BOLD = Pattern.compile("\\*\\*[\\s\\u00A0]*\\*\\*");

    private final BlockText text;

    ApproachesReader(BlockText text) {
        this.text = text;
    }

    /** The approaches section; heading {@code null} and nothing else when the paper has none. */
    record Section(String heading, String introduction, List<ParsedTopic> topics) {

        static final Section NONE = new Section(null, "", List.of());
    }

    /** An approach being collected: the line, number and title of its bullet and its chunks. */
    private record Draft(int line, int number, String title, List<Chunk> chunks) {
    }

    Section read(Heading heading, List<Node> blocks) throws PaperFormatException {
        if (heading == null) {
            return Section.NONE;
        }
        List<Chunk> introduction = new ArrayList<>();
        List<ParsedTopic> approaches = new ArrayList<>();
        Draft current = null;
        for (Node block : blocks) {
            if (block instanceof Heading unexpected) {
                throw new PaperFormatException(BlockText.line(block), "heading_after_approaches",
                        BlockText.heading(unexpected));
            }
            if (block instanceof BulletList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    add(approaches, current);
                    current = start((ListItem) item, approaches.size() + 1);
                }
            } else {
                (current == null ? introduction : current.chunks()).add(text.chunk(block));
            }
        }
        add(approaches, current);
        String title = BlockText.heading(heading);
        if (approaches.isEmpty()) {
            throw new PaperFormatException(BlockText.line(heading), "approaches_missing", title);
        }
        return new Section(title, Prose.healed(introduction), approaches);
    }

    private Draft start(ListItem item, int number) throws PaperFormatException {
        int line = BlockText.line(item);
        if (!(item.getFirstChild() instanceof Paragraph paragraph
                && paragraph.getFirstChild() instanceof StrongEmphasis bold)) {
            if (EMPTY_BOLD.matcher(text.afterMarker(item)).lookingAt()) {
                throw new PaperFormatException(line, "approach_title_empty", number);
            }
            throw new PaperFormatException(line, "approach_without_bold_title");
        }
        String title = Whitespace.trim(BlockText.plain(bold));
        if (title.isEmpty()) {
            throw new PaperFormatException(line, "approach_title_empty", number);
        }
        List<SourceSpan> boldSpans = bold.getSourceSpans();
        SourceSpan end = boldSpans.get(boldSpans.size() - 1);
        List<Chunk> chunks = new ArrayList<>();
        String rest = text.paragraph(paragraph, end.getInputIndex() + end.getLength());
        chunks.add(new Chunk(rest, rest.indexOf('\n') < 0));
        for (Node child = paragraph.getNext(); child != null; child = child.getNext()) {
            chunks.add(text.chunk(child));
        }
        return new Draft(line, number, title, chunks);
    }

    private static void add(List<ParsedTopic> approaches, Draft draft) throws PaperFormatException {
        if (draft == null) {
            return;
        }
        String body = Prose.healed(draft.chunks());
        if (body.isEmpty()) {
            throw new PaperFormatException(draft.line(), "approach_empty", draft.title());
        }
        approaches.add(new ParsedTopic(TopicKind.APPROACH, draft.number(), draft.title(), body));
    }
}
