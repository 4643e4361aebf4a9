package org.thesenforum.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes and checks CSRF tokens that carry their own signature: a random part and its HMAC-SHA256 under a key that
 * is configured ({@code FORUM_CSRF_KEY}) or generated once into {@code data-dir/csrf.key}. Another site can toss a
 * cookie and post the same value, but it cannot make a value whose signature checks out. A token stays the same
 * for as long as its cookie lives, so every open page and every fragment pushed live carries a valid one.
 */
@ApplicationScoped
public class CsrfTokens implements SharedKey {

    public static final String NAME = "csrf-token";
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final boolean generated;

    CsrfTokens(ForumConfig config) {
        String configured = config.csrfKey().map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        String secret = configured != null ? configured
                : KeyFiles.loadOrCreate(Path.of(config.dataDir(), "csrf.key"), 32);
        if (secret.length() < 32) {
            throw new IllegalStateException("The CSRF key must have at least 32 characters (FORUM_CSRF_KEY or "
                    + "data-dir/csrf.key)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.generated = configured == null;
    }

    @Override
    public String setting() {
        return "forum.csrf-key";
    }

    @Override
    public boolean generated() {
        return generated;
    }

    @Override
    public String fingerprint() {
        return SharedKey.fingerprintOf(key.getEncoded());
    }

    /** A new token: random part, a dot, and its signature. */
    public String create() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String part = ENCODER.encodeToString(random);
        return part + "." + ENCODER.encodeToString(mac(part));
    }

    /** Whether the token was made by this forum (with its key). */
    public boolean valid(String token) {
        if (token == null || token.length() > 100) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(token.substring(0, dot)));
    }

    private byte[] mac(String part) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(part.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
