package org.thesenforum.account;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.thesenforum.web.Revocations;
import org.thesenforum.web.SessionEnded;

/** Looks accounts up for authentication and builds the security identity of a request. */
@ApplicationScoped
public class AccountIdentities {

    public static final String ACCOUNT_ID = SessionEnded.ACCOUNT_ID;

    private final LoginThrottle throttle;
    private final Passwords passwords;
    private final DeviceSessions sessions;
    private final Revocations revocations;
    private final ApiTokens tokens;

    AccountIdentities(LoginThrottle throttle, Passwords passwords, DeviceSessions sessions, Revocations revocations,
            ApiTokens tokens) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.sessions = sessions;
        this.revocations = revocations;
    }

    /** Checks a password (HTTP Basic); empty when wrong, too long, throttled or disabled. */
    @ActivateRequestContext
    public Optional<SecurityIdentity> forPassword(String email, String password, String address) {
        Long id = Account.idByEmail(email);
        // Read before the account is loaded: a revocation that commits after this point moves the mark.
        long mark = id == null ? 0 : revocations.mark(id);
        return verifyPassword(email, password, address).map(a -> identityOf(a, null, mark));
    }

    /**
     * Checks e-mail and password. The attempt is reserved with the throttle before the password is checked, so no
     * more guesses are checked than the limits allow however many arrive at once; an unknown e-mail runs the same
     * bcrypt check against a dummy hash. Passwords over 72 bytes are refused unchecked, for every address alike.
     */
    @ActivateRequestContext
    public Optional<Account> verifyPassword(String email, String password, String address) {
        if (email == null || password == null || password.isEmpty() || Passwords.tooLong(password)) {
            return Optional.empty();
        }
        String key = Account.normaliseEmail(email);
        throttle.reserve(key, address);
        Optional<Account> account = Optional.empty();
        boolean right = false;
        try {
            account = Account.findByEmail(key);
            right = passwords.matches(password, account.map(a -> a.passwordHash).orElse(null));
        } finally {
            // Every reserved attempt ends: a right password gives its slot back, anything else counts as a failure.
            if (right) {
                throttle.succeeded(key, address);
            } else {
                throttle.failed(key, address);
            }
        }
        return right ? account.filter(a -> a.enabled) : Optional.empty();
    }

    /**
     * An identity for a personal API token (HTTP Bearer) with the account's current role; empty when the token is
     * unknown or revoked, or the account disabled or deleted. One indexed read of the token's hash, no bcrypt.
     */
    @ActivateRequestContext
    public Optional<SecurityIdentity> forToken(String token) {
        return tokens.find(token).flatMap(found -> {
            // Read before the account is loaded: a role change or disabling that commits after this moves the mark.
            long mark = revocations.mark(found.accountId());
            Account account = Account.findById(found.accountId());
            if (account == null || !account.enabled || account.deleted()) {
                return Optional.empty();
            }
            return Optional.of(identityOf(account, SessionEnded.ofToken(found.tokenId()), mark));
        });
    }

    /** An identity for a session cookie, or an anonymous one when its device session has ended. */
    @ActivateRequestContext
    public SecurityIdentity forSession(SessionCookies.SessionToken token) {
        long mark = revocations.mark(token.accountId());
        return sessions.find(token.token())
                .filter(s -> s.account().id == token.accountId())
                .map(s -> withExpiry(identityOf(s.account(), s.id(), mark), s.expiresAt()))
                .orElseGet(() -> QuarkusSecurityIdentity.builder().setAnonymous(true).build());
    }

    private static SecurityIdentity withExpiry(SecurityIdentity identity, java.time.Instant expiresAt) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(SessionEnded.EXPIRES_AT, expiresAt.toEpochMilli())
                .build();
    }

    static SecurityIdentity identityOf(Account account, Long sessionId, long mark) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email))
                .addRoles(account.role.grantedRoles())
                .addAttribute(SessionEnded.ACCOUNT_ID, account.id)
                .addAttribute(SessionEnded.MARK, mark);
        if (sessionId != null) {
            builder.addAttribute(SessionEnded.SESSION_ID, sessionId);
        }
        return builder.build();
    }
}
