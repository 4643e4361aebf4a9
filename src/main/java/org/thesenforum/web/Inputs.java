package org.thesenforum.web;

import java.util.regex.Pattern;

/** Cleans and checks text typed by people; every refusal names the field. */
public final class Inputs {

    /** C0 controls other than tab and newline, DEL, C1 controls and bidirectional overrides. */
    private static final Pattern FORBIDDEN_IN_TEXT = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x80-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern FORBIDDEN_IN_LINE = Pattern.compile("[\\x00-\\x1F\\x7F\\x80-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private Inputs() {
    }

    /** Multi-line text such as a comment body: line breaks allowed, trimmed, not blank. */
    public static String requiredText(String field, String value, int maxLength) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n');
        if (FORBIDDEN_IN_TEXT.matcher(text).find()) {
            throw ProblemException.invalid(field, "Der Text enthält unzulässige Steuerzeichen.");
        }
        return checkLength(field, text.strip(), maxLength);
    }

    /** A single line such as a name: no control characters, trimmed, not blank. */
    public static String requiredLine(String field, String value, int maxLength) {
        String line = value == null ? "" : value;
        if (FORBIDDEN_IN_LINE.matcher(line).find()) {
            throw ProblemException.invalid(field, "Das Feld enthält unzulässige Steuerzeichen.");
        }
        return checkLength(field, line.strip(), maxLength);
    }

    /** An optional single line: blank becomes null. */
    public static String optionalLine(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requiredLine(field, value, maxLength);
    }

    private static String checkLength(String field, String text, int maxLength) {
        if (text.isEmpty()) {
            throw ProblemException.invalid(field, "Das Feld darf nicht leer sein.");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ProblemException.invalid(field, "Höchstens " + maxLength + " Zeichen sind erlaubt.");
        }
        return text;
    }
}
