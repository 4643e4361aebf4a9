package org.thesenforum.discussion;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the chunks of a section into one text, paragraphs separated by {@code "\n\n"}.
 *
 * <p>The paper has a blank line in the middle of a sentence (thesis 4: "… „No-go-Areas“ oder", blank line,
 * "„Parallelgesellschaft“ zeigen …"). In running text, {@link #healed} therefore joins a paragraph that does not
 * end with sentence punctuation ({@code . ! ? : …}, optionally followed by closing quotes or brackets) to the
 * next one with a single space. Only plain paragraphs are joined, never lists, quotes or lines with breaks.
 */
final class Prose {

    private static final String SENTENCE_END = ".!?:…";

    /** Characters that may follow the end of a sentence: closing quotes, brackets and emphasis markers. */
    static final String CLOSERS = "“”\"'’‘»«)]*_";

    private Prose() {
    }

    /** The chunks as they are, for texts such as the invitation that hold signatures and addresses. */
    static String paragraphs(List<Chunk> chunks) {
        List<String> texts = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (!chunk.text().isEmpty()) {
                texts.add(chunk.text());
            }
        }
        return String.join("\n\n", texts);
    }

    /** The chunks as running text, with paragraphs broken in mid-sentence joined again. */
    static String healed(List<Chunk> chunks) {
        List<StringBuilder> paragraphs = new ArrayList<>();
        Chunk previous = null;
        for (Chunk chunk : chunks) {
            if (chunk.text().isEmpty()) {
                continue;
            }
            if (previous != null && continuesSentence(previous, chunk)) {
                paragraphs.get(paragraphs.size() - 1).append(' ').append(chunk.text());
            } else {
                paragraphs.add(new StringBuilder(chunk.text()));
            }
            previous = chunk;
        }
        return String.join("\n\n", paragraphs);
    }

    /** Whether {@code next} continues the sentence that {@code previous}, the last chunk joined so far, left open. */
    private static boolean continuesSentence(Chunk previous, Chunk next) {
        return previous.prose() && next.prose() && !endsSentence(previous.text());
    }

    private static boolean endsSentence(String paragraph) {
        int end = paragraph.length();
        while (end > 0 && CLOSERS.indexOf(paragraph.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_END.indexOf(paragraph.charAt(end - 1)) >= 0;
    }
}
