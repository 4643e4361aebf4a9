package org.thesenforum.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Where the parts of a paper begin among the top-level blocks of its syntax tree, from top to bottom: the
 * invitation (everything before the title), the title (the first level-1 heading), an optional subtitle (the first
 * level-2 heading before the theses heading), the introduction, the theses heading (the first level-2 or level-3
 * heading after the title that contains "These") and an optional approaches heading (the first level-2 or level-3
 * heading after it that contains "Ansätze").
 */
final class PaperOutline {

    /** The document's top-level blocks. */
    private final List<Node> blocks;
    /** Indexes into {@link #blocks}; {@code -1} marks an absent optional part. */
    private final int title;
    private final int subtitle;
    private final int theses;
    private final int approaches;

    private PaperOutline(List<Node> blocks, int title, int subtitle, int theses, int approaches) {
        this.blocks = blocks;
        this.title = title;
        this.subtitle = subtitle;
        this.theses = theses;
        this.approaches = approaches;
    }

    /**
     * Finds the parts of a parsed paper.
     *
     * @throws PaperFormatException if the title is missing or empty, or the theses heading is missing; the latter
     *                              names the paper's last line, where the search for it ended
     */
    static PaperOutline of(Document document, PaperSource source) throws PaperFormatException {
        List<Node> blocks = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            blocks.add(block);
        }
        int title = indexOf(blocks, 0, blocks.size(), heading -> heading.getLevel() == 1);
        if (title < 0) {
            throw new PaperFormatException(1, "title_missing");
        }
        if (BlockText.heading((Heading) blocks.get(title)).isEmpty()) {
            throw new PaperFormatException(BlockText.line(blocks.get(title)), "title_empty");
        }
        int theses = indexOf(blocks, title + 1, blocks.size(), heading -> isSection(heading, "These"));
        if (theses < 0) {
            throw new PaperFormatException(source.lastContentLine(), "theses_heading_missing");
        }
        int subtitle = indexOf(blocks, title + 1, theses, heading -> heading.getLevel() == 2);
        int approaches = indexOf(blocks, theses + 1, blocks.size(), heading -> isSection(heading, "Ansätze"));
        return new PaperOutline(List.copyOf(blocks), title, subtitle, theses, approaches);
    }

    Heading titleHeading() {
        return (Heading) blocks.get(title);
    }

    /** The subtitle heading, or {@code null}. */
    Heading subtitleHeading() {
        return subtitle < 0 ? null : (Heading) blocks.get(subtitle);
    }

    Heading thesesHeading() {
        return (Heading) blocks.get(theses);
    }

    /** The approaches heading, or {@code null}. */
    Heading approachesHeading() {
        return approaches < 0 ? null : (Heading) blocks.get(approaches);
    }

    List<Node> invitation() {
        return blocks.subList(0, title);
    }

    /** The blocks between title and theses heading, except the subtitle. */
    List<Node> introduction() {
        List<Node> introduction = new ArrayList<>(blocks.subList(title + 1, theses));
        introduction.remove(subtitleHeading());
        return introduction;
    }

    /** The blocks after the theses heading, up to the approaches heading or the end. */
    List<Node> theses() {
        return blocks.subList(theses + 1, approaches < 0 ? blocks.size() : approaches);
    }

    /** The blocks after the approaches heading; empty without one. */
    List<Node> approaches() {
        return approaches < 0 ? List.of() : blocks.subList(approaches + 1, blocks.size());
    }

    private static boolean isSection(Heading heading, String word) {
        return (heading.getLevel() == 2 || heading.getLevel() == 3) && BlockText.heading(heading).contains(word);
    }

    private static int indexOf(List<Node> blocks, int from, int to, Predicate<Heading> wanted) {
        for (int i = from; i < to; i++) {
            if (blocks.get(i) instanceof Heading heading && wanted.test(heading)) {
                return i;
            }
        }
        return -1;
    }
}
