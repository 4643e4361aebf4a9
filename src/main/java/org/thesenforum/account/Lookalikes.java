package org.thesenforum.account;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Normal forms and confusable skeletons (Unicode TR 39) of e-mail addresses and display names, so that an account
 * cannot imitate another with Cyrillic or fullwidth letters, invisible characters or a trailing dot.
 */
final class Lookalikes {

    /** Longest skeleton stored: index entries stay below PostgreSQL's limit even at 4 bytes a character. */
    static final int MAX_SKELETON = 600;
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private Lookalikes() {
    }

    /**
     * The form in which addresses are stored and compared: without invisible and format characters, NFKC, lower
     * case, trimmed, and without trailing dots of the domain ({@code example.org.} names the same host).
     */
    static String normaliseEmail(String email) {
        if (email == null) {
            return null;
        }
        String normal = NFKC.normalize(stripInvisible(email)).toLowerCase(Locale.ROOT).strip();
        int end = normal.length();
        while (end > 0 && normal.charAt(end - 1) == '.' && normal.lastIndexOf('@', end - 1) >= 0) {
            end--;
        }
        return normal.substring(0, end);
    }

    /** The skeleton of an address; addresses with the same skeleton look alike. */
    static String emailSkeleton(String email) {
        return skeleton(normaliseEmail(email));
    }

    /**
     * The skeleton of a display name, ignoring case, invisible characters and runs of spaces. Characters that show as
     * an empty space (Hangul fillers, the Braille blank) count as spaces, and capitals of other scripts that look like
     * a Latin capital count as that capital (a Greek capital Epsilon looks like E, but its lower case does not look
     * like e, so case folding alone would miss it).
     */
    static String nameSkeleton(String name) {
        String shown = SPACES.matcher(stripInvisible(blanksAsSpaces(name))).replaceAll(" ").strip();
        return skeleton(latinCapitals(shown));
    }

    /** Each Latin capital by its skeleton ({@code I} has the skeleton {@code l}). */
    private static final Map<String, Integer> LATIN_CAPITALS = latinCapitalsBySkeleton();

    private static Map<String, Integer> latinCapitalsBySkeleton() {
        Map<String, Integer> capitals = new HashMap<>();
        for (int cp = 'A'; cp <= 'Z'; cp++) {
            capitals.putIfAbsent(SPOOF.getSkeleton(Character.toString(cp)), cp);
        }
        return Map.copyOf(capitals);
    }

    /** Replaces capitals of other scripts by the Latin capital they look like. */
    private static String latinCapitals(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        text.codePoints().map(cp -> {
            if (!UCharacter.isUUppercase(cp) || UScript.getScript(cp) == UScript.LATIN) {
                return cp;
            }
            return LATIN_CAPITALS.getOrDefault(SPOOF.getSkeleton(Character.toString(cp)), cp);
        }).forEach(latin::appendCodePoint);
        return latin.toString();
    }

    /** Letters and symbols that are drawn as an empty space (U+115F, U+1160, U+3164, U+FFA0, U+2800). */
    private static String blanksAsSpaces(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().map(cp -> switch (cp) {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800 -> ' ';
            default -> cp;
        }).forEach(shown::appendCodePoint);
        return shown.toString();
    }

    /**
     * TR 39 skeleton of the case-folded text, taken twice: a skeleton may contain capitals (the digit 0 becomes
     * the letter O), which the second fold and skeleton bring to the form a lower-case original has.
     */
    private static String skeleton(String text) {
        String once = SPOOF.getSkeleton(NFKC_CASEFOLD.normalize(text));
        return SPOOF.getSkeleton(NFKC_CASEFOLD.normalize(once));
    }

    /** Removes format characters (zero-width spaces and joiners, soft hyphen, BOM, …) and other invisible ones. */
    private static String stripInvisible(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isInvisible(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isInvisible(int cp) {
        return UCharacter.getType(cp) == UCharacterCategory.FORMAT
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }
}
