package org.thesenforum.discussion;

/** Whitespace as the paper uses it: besides ordinary blanks, non-breaking and other Unicode spaces. */
final class Whitespace {

    private Whitespace() {
    }

    /** Strips whitespace including non-breaking spaces from both ends. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether the text holds nothing but whitespace, including non-breaking spaces. */
    static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /** Whether the character is whitespace or a (non-breaking) space. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
