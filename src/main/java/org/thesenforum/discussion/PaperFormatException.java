package org.thesenforum.discussion;

/**
 * Signals that a paper does not have the expected structure; the message names the 1-based line in German.
 *
 * <p>{@link #getMessage()} reads {@code "Zeile <n>: <message>"}, for example
 * {@code "Zeile 42: Die Thesen springen von 2 auf 4."}.
 */
public class PaperFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param line    the 1-based line the problem was found on
     * @param message a German, user-facing description of the problem, without the line prefix
     */
    public PaperFormatException(int line, String message) {
        super("Zeile " + line + ": " + message);
        this.line = line;
    }

    /** Returns the 1-based line the problem was found on. */
    public int line() {
        return line;
    }
}
