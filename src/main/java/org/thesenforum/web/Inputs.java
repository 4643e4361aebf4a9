package org.thesenforum.web;

import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/** Cleans and checks text typed by people; every refusal names the field. */
public final class Inputs {

    /**
     * C0 controls other than tab and newline, DEL, C1 controls, bidirectional overrides and unpaired surrogates
     * (which no database encoding can store).
     */
    private static final Pattern FORBIDDEN_IN_TEXT = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x80-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]");
    private static final Pattern FORBIDDEN_IN_LINE = Pattern.compile("[\\x00-\\x1F\\x7F\\x80-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]");

    private Inputs() {
    }

    /** Multi-line text such as a comment body: line breaks allowed, trimmed, not blank. */
    public static String requiredText(String field, String value, int maxLength) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n');
        if (FORBIDDEN_IN_TEXT.matcher(text).find()) {
            throw ProblemException.invalid(field, Text.of(Messages.class, Messages::problem_text_controls));
        }
        return checkLength(field, trim(text), maxLength);
    }

    /** A single line such as a name: no control characters, trimmed, not blank. */
    public static String requiredLine(String field, String value, int maxLength) {
        String line = value == null ? "" : value;
        if (FORBIDDEN_IN_LINE.matcher(line).find()) {
            throw ProblemException.invalid(field, Text.of(Messages.class, Messages::problem_line_controls));
        }
        return checkLength(field, trim(line), maxLength);
    }

    /** An optional single line: blank becomes null. */
    public static String optionalLine(String field, String value, int maxLength) {
        if (value == null || invisible(trim(value))) {
            return null;
        }
        return requiredLine(field, value, maxLength);
    }

    /** A whole number from a query or form value; null when it is blank or no number (lenient filters). */
    public static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An optional whole number within {@code min..max}: {@code fallback} when blank, 422 naming the field with
     * {@code refusal} when it is no number or out of range.
     */
    public static Long optionalNumber(String field, String value, long min, long max, Long fallback,
            Text refusal) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Long n = number(value);
        if (n == null || n < min || n > max) {
            throw ProblemException.invalid(field, refusal);
        }
        return n;
    }

    /** Strips whitespace at both ends, including no-break and zero-width spaces that show as nothing. */
    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    /**
     * Whether a text shows nothing: every character in it is a space, a format or other default-ignorable character
     * (zero-width joiners, soft hyphens, direction marks, tag characters, Hangul fillers), a combining mark or
     * variation selector with nothing to attach to, or the Braille blank.
     */
    public static boolean invisible(String text) {
        return text.codePoints().allMatch(Inputs::showsNothing);
    }

    private static boolean showsNothing(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x2800
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private static String checkLength(String field, String text, int maxLength) {
        if (invisible(text)) {
            throw ProblemException.invalid(field, Text.of(Messages.class, Messages::problem_blank));
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ProblemException.invalid(field, Text.of(Messages.class, m -> m.problem_too_long(maxLength)));
        }
        return text;
    }
}
