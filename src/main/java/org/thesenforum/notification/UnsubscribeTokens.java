package org.thesenforum.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.KeyFiles;
import org.thesenforum.web.SharedKey;

/**
 * Signed tokens of the unsubscribe link in every notification mail: the account id and an HMAC-SHA256 of it under
 * a key kept in the data folder ({@code notifications.key}), so the link works without signing in and cannot be
 * made for another account.
 */
@ApplicationScoped
class UnsubscribeTokens implements SharedKey {

    private final SecretKeySpec key;
    private final boolean generated;

    UnsubscribeTokens(ForumConfig config) {
        String configured = config.notificationsKey().map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        byte[] secret = Base64.getDecoder().decode(configured != null ? configured
                : KeyFiles.loadOrCreate(Path.of(config.dataDir(), "notifications.key"), 32));
        if (secret.length < 32) {
            throw new IllegalStateException("The notifications key must be at least 32 bytes, base64 "
                    + "(FORUM_NOTIFICATIONS_KEY or data-dir/notifications.key)");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.generated = configured == null;
    }

    @Override
    public String setting() {
        return "forum.notifications-key";
    }

    @Override
    public boolean generated() {
        return generated;
    }

    @Override
    public String fingerprint() {
        return SharedKey.fingerprintOf(key.getEncoded());
    }

    String tokenFor(long accountId) {
        return accountId + "." + mac(accountId);
    }

    /** The account a token was made for; empty when it is malformed or its signature does not match. */
    OptionalLong accountOf(String token) {
        if (token == null || token.length() > 200) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] expected = mac(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String mac(long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sum = mac.doFinal(("unsubscribe:" + accountId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
