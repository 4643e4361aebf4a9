package org.thesenforum.web;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret key that every instance of one forum must share: what one instance signs or encrypts with it (a session
 * cookie, a form token, an unsubscribe link), any other instance must accept. Instances on one database compare the
 * keys' fingerprints when they start (package cluster); a key generated into an instance's own data folder differs
 * from every other instance's.
 */
public interface SharedKey {

    /** The setting that gives the key, such as {@code forum.session.key}. */
    String setting();

    /** Whether the key was generated into the data folder rather than given by {@link #setting()}. */
    boolean generated();

    /** A short digest of the key that says nothing about it: equal keys, equal fingerprints. */
    String fingerprint();

    /** The first 8 bytes of an HMAC-SHA256 keyed with {@code secret} over a fixed text, in hex. */
    static String fingerprintOf(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal("thesenforum shared key fingerprint".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
