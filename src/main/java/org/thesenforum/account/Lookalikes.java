package org.thesenforum.account;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
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

    /** The skeleton of a display name, ignoring case, invisible characters and runs of spaces. */
    static String nameSkeleton(String name) {
        return skeleton(SPACES.matcher(stripInvisible(name)).replaceAll(" ").strip());
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
