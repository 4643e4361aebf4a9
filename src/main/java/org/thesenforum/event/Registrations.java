package org.thesenforum.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.thesenforum.account.Account;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;

/** Checks and tokens of registrations: e-mail addresses, and the personal cancel token with its stored hash. */
final class Registrations {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Registrations() {
    }

    /** An e-mail address in the form accounts store it; 422 naming {@code field} when it is none. */
    static String checkEmail(String field, String raw) {
        String email = Account.normaliseEmail(Inputs.requiredLine(field, raw, 254));
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ProblemException.invalid(field, EventService.text(EventMessages::problem_email));
        }
        return email;
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has the shape of one we hand out (so nothing else reaches the database). */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
