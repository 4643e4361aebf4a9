package org.thesenforum.event;

/**
 * Folds the content lines of an iCalendar file at 75 octets of UTF-8 (RFC 5545, section 3.1), never inside a
 * character: a continuation line starts with one space, which counts towards its 75.
 */
final class IcsFolding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsFolding() {
    }

    /** {@code ics} with its lines (ended by CRLF) folded where they are longer than {@link #MAX_OCTETS}. */
    static String fold(String ics) {
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 16);
        int start = 0;
        while (start < ics.length()) {
            int end = ics.indexOf(CRLF, start);
            int lineEnd = end < 0 ? ics.length() : end;
            foldLine(ics, start, lineEnd, out);
            if (end >= 0) {
                out.append(CRLF);
            }
            start = end < 0 ? lineEnd : end + CRLF.length();
        }
        return out.toString();
    }

    private static void foldLine(String text, int from, int to, StringBuilder out) {
        int octets = 0;
        int i = from;
        while (i < to) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    /** A lone surrogate counts 3, more than the '?' UTF-8 writes for it. */
    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
