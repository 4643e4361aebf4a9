package org.thesenforum.discussion;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

/**
 * Reads the theses: the items of the numbered lists under the theses heading, numbered 1, 2, … as written.
 *
 * <p>In the paper, a thesis's further paragraphs are not indented, so CommonMark ends the list after each item and
 * starts a new one with the next number. Every block up to the next item therefore belongs to the current thesis;
 * its paragraphs are joined as running text ({@link Prose#healed}). A heading among the theses is refused, so
 * that no text is dropped silently.
 */
final class ThesesReader {

    private final BlockText text;

    ThesesReader(BlockText text) {
        this.text = text;
    }

    /** A thesis being collected: the line and number of its item and its chunks. */
    private record Draft(int line, int number, List<Chunk> chunks) {
    }

    List<ParsedTopic> read(Heading heading, List<Node> blocks) throws PaperFormatException {
        List<ParsedTopic> theses = new ArrayList<>();
        Draft current = null;
        for (Node block : blocks) {
            if (block instanceof Heading unexpected) {
                throw new PaperFormatException(BlockText.line(block), "heading_among_theses",
                        BlockText.heading(unexpected));
            }
            if (block instanceof OrderedList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    add(theses, current);
                    current = start((ListItem) item, theses.size() + 1);
                }
            } else if (current != null) {
                current.chunks().add(text.chunk(block));
            } else {
                throw new PaperFormatException(BlockText.line(block), "text_before_first_thesis");
            }
        }
        add(theses, current);
        if (theses.isEmpty()) {
            throw new PaperFormatException(BlockText.line(heading), "theses_missing", BlockText.heading(heading));
        }
        return theses;
    }

    private Draft start(ListItem item, int expected) throws PaperFormatException {
        int line = BlockText.line(item);
        int number = text.itemNumber(item);
        if (expected == 1 && number != 1) {
            throw new PaperFormatException(line, "theses_start", number);
        } else if (number < expected) {
            throw new PaperFormatException(line, "thesis_repeated", number);
        } else if (number > expected) {
            throw new PaperFormatException(line, "theses_skip", expected - 1, number);
        }
        return new Draft(line, number, text.childChunks(item));
    }

    private static void add(List<ParsedTopic> theses, Draft draft) throws PaperFormatException {
        if (draft == null) {
            return;
        }
        String body = Prose.healed(draft.chunks());
        if (body.isEmpty()) {
            throw new PaperFormatException(draft.line(), "thesis_empty", draft.number());
        }
        theses.add(new ParsedTopic(TopicKind.THESIS, draft.number(), ThesisTitles.shortTitle(body), body));
    }
}
