package org.thesenforum.discussion;

import java.util.Locale;
import java.util.Objects;

import org.commonmark.node.SourceSpan;

/**
 * The paper's text as the Markdown parser reads it: without a byte order mark, with {@code "\n"} line endings,
 * and with lines that hold only whitespace or non-breaking spaces emptied, so that CommonMark, for which a
 * non-breaking space is text, sees them as the blank lines they look like. Line numbers stay those of the upload.
 */
final class PaperSource {

    private final String text;
    private final int lastContentLine;

    private PaperSource(String text, int lastContentLine) {
        this.text = text;
        this.lastContentLine = lastContentLine;
    }

    /**
     * Prepares a paper as received.
     *
     * @throws PaperFormatException on line 1 if the paper has more than {@link PaperParser#MAX_CHARS} characters
     */
    static PaperSource of(String markdown) throws PaperFormatException {
        Objects.requireNonNull(markdown, "markdown");
        if (markdown.length() > PaperParser.MAX_CHARS) {
            throw new PaperFormatException(1, "too_large", grouped(markdown.length()), grouped(PaperParser.MAX_CHARS));
        }
        String withoutBom = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        String[] lines = withoutBom.split("\r\n|\r|\n", -1);
        int lastContentLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (Whitespace.isBlank(lines[i])) {
                lines[i] = "";
            } else {
                lastContentLine = i + 1;
            }
        }
        return new PaperSource(String.join("\n", lines), lastContentLine);
    }

    /** The prepared text, which is what the Markdown parser reads. */
    String text() {
        return text;
    }

    /** The text a source span of the parsed tree covers. */
    String slice(SourceSpan span) {
        return text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
    }

    /** The text from {@code from} (an input index, clipped to the span) to the end of the span. */
    String slice(SourceSpan span, int from) {
        int end = span.getInputIndex() + span.getLength();
        return text.substring(Math.min(Math.max(span.getInputIndex(), from), end), end);
    }

    /** The 1-based number of the last line that is not blank, or 1 for a blank paper. */
    int lastContentLine() {
        return lastContentLine;
    }

    /** {@code 200 020}: digits grouped by non-breaking spaces, which reads right in German and in English. */
    private static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', '\u00A0');
    }
}
