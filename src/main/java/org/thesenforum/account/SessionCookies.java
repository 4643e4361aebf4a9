package org.thesenforum.account;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.KeyFiles;
import org.thesenforum.web.SharedKey;

/**
 * Issues and reads the encrypted session cookie (AES-GCM over account id, device session token and expiry).
 * The key is configured, or generated once into the data folder so that restarts keep everyone signed in.
 */
@Startup
@ApplicationScoped
public class SessionCookies implements SharedKey {

    public static final String NAME = "tf_session";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final ForumConfig config;

    SessionCookies(ForumConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(loadOrCreateKey(config), "AES");
    }

    @Override
    public String setting() {
        return "forum.session.key";
    }

    @Override
    public boolean generated() {
        return config.session().key().filter(k -> !k.isBlank()).isEmpty();
    }

    @Override
    public String fingerprint() {
        return SharedKey.fingerprintOf(key.getEncoded());
    }

    /** What a valid cookie says: whose it is and the token of its device session. */
    public record SessionToken(long accountId, String token, Instant expiresAt) {
    }

    public NewCookie issue(long accountId, DeviceSessions.Started session) {
        String plain = accountId + ":" + session.token() + ":" + session.expiresAt().getEpochSecond();
        long maxAge = Math.max(0, session.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        return cookie(encrypt(plain), (int) maxAge);
    }

    public NewCookie clear() {
        return cookie("", 0);
    }

    public Optional<SessionToken> read(String value) {
        try {
            String[] parts = decrypt(value).split(":");
            if (parts.length != 3 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            SessionToken token = new SessionToken(Long.parseLong(parts[0]), parts[1],
                    Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return token.expiresAt().isAfter(Instant.now()) ? Optional.of(token) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(config.session().secureCookie()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Session cookie encryption failed", e);
        }
    }

    private String decrypt(String value) throws GeneralSecurityException {
        byte[] in = Base64.getUrlDecoder().decode(value);
        if (in.length <= IV_BYTES + 16) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
        return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] loadOrCreateKey(ForumConfig config) {
        Optional<String> configured = config.session().key().filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return checkedKey(Base64.getDecoder().decode(configured.get().trim()), "forum.session.key");
        }
        Path file = Path.of(config.dataDir(), "session.key");
        return checkedKey(Base64.getDecoder().decode(KeyFiles.loadOrCreate(file, 32)), file.toString());
    }

    private static byte[] checkedKey(byte[] key, String source) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalStateException("The session key from " + source + " must be 16 or 32 bytes, base64");
        }
        return key;
    }
}
