package org.thesenforum.discussion;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives a thesis title from the first sentence of its text: Markdown emphasis and link targets are removed, a
 * final full stop is dropped, and a sentence longer than {@link #MAX_CHARS} is cut at a word boundary and ends
 * with "…". A full stop after an ordinal ("16.") or an abbreviation ("z.T.", "bzw.") does not end the sentence.
 */
final class ThesisTitles {

    /** The longest title, in characters, including the trailing ellipsis. */
    static final int MAX_CHARS = 120;

    /** An inline link; text and target hold no brackets, so that runs of "[" or "(" are matched in linear time. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)]\\([^()]*\\)");
    private static final Set<String> ABBREVIATIONS = Set.of("bzw", "ca", "usw", "etc", "vgl", "nr", "str", "dr",
            "prof", "ggf", "evtl", "inkl", "bspw", "sog", "hrsg", "abs", "jh");

    private ThesisTitles() {
    }

    static String shortTitle(String body) {
        String first = body.split("\n\n", 2)[0].replace('\n', ' ');
        String plain = Whitespace.trim(LINK.matcher(first).replaceAll("$1").replace("**", ""));
        String sentence = Whitespace.trim(plain.substring(0, sentenceEnd(plain)));
        if (sentence.endsWith(".") && !sentence.endsWith("..")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        if (sentence.length() <= MAX_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_CHARS - 1);
        String head = sentence.substring(0, cut > 0 ? cut : MAX_CHARS - 1);
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && Prose.CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end == text.length()) {
                return end;
            }
            if (Character.isWhitespace(text.charAt(end)) && startsSentence(text, end)
                    && (c != '.' || !isAbbreviation(text, i))) {
                return end;
            }
        }
        return text.length();
    }

    private static boolean startsSentence(String text, int from) {
        int next = from;
        while (next < text.length() && Whitespace.isSpace(text.charAt(next))) {
            next++;
        }
        if (next == text.length()) {
            return true;
        }
        char first = text.charAt(next);
        return Character.isUpperCase(first) || Character.isDigit(first) || "„\"»«‚'(".indexOf(first) >= 0;
    }

    /** Whether the full stop at {@code dot} ends an ordinal ("16.") or an abbreviation ("z.T.", "bzw."). */
    private static boolean isAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, dot).replaceAll("^[^\\p{L}\\p{N}]+", "");
        return word.length() <= 1 || word.indexOf('.') >= 0 || word.chars().allMatch(Character::isDigit)
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
