package org.thesenforum.demand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-level difference between two wordings: the longest common subsequence of their words, reported as runs of
 * words that stayed, were added or were removed. Words are separated by whitespace; a run joins its words with one
 * space.
 */
public final class WordDiff {

    /** What happened to a run of words. */
    public enum Op { SAME, ADDED, REMOVED }

    /** A run of words with the same fate; serialised as {@code {"op": "same"|"added"|"removed", "text"}}. */
    public record Token(String op, String text) {
    }

    private WordDiff() {
    }

    /** The runs that turn {@code before} into {@code after}; {@code before} may be null (everything was added). */
    public static List<Token> of(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(tokens, Op.SAME, a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(tokens, Op.REMOVED, a[i]);
                i++;
            } else {
                add(tokens, Op.ADDED, b[j]);
                j++;
            }
        }
        return tokens;
    }

    private static void add(List<Token> tokens, Op op, String word) {
        String name = op.name().toLowerCase();
        int last = tokens.size() - 1;
        if (last >= 0 && tokens.get(last).op().equals(name)) {
            tokens.set(last, new Token(name, tokens.get(last).text() + " " + word));
        } else {
            tokens.add(new Token(name, word));
        }
    }

    private static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(text.strip().split("\\s+")).toArray(String[]::new);
    }
}
