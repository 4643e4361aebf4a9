package org.thesenforum.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.MailSetup;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * One-time links that set a new password: created for a person who asked by e-mail, or by an admin to hand over.
 * Only the SHA-256 of a token is stored; a link works once, for {@link #VALID}, and setting a password through it
 * ends every session of the account and makes its other open links void.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PasswordResets {

    /** How long a link works. */
    public static final Duration VALID = Duration.ofHours(1);
    /** The path of the page a link opens; the token follows. */
    public static final String PATH = "/password-reset/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final AccountClock clock;
    private final AuditLog audit;
    private final ForumConfig config;
    private final MailSetup mail;
    private final ResetLimiter limiter;
    private final Passwords passwords;
    private final DeviceSessions sessions;
    private final ApiTokens tokens;
    private final Event<ResetMails.ResetMail> due;

    PasswordResets(AccountService accounts, AccountClock clock, AuditLog audit, ForumConfig config, MailSetup mail,
            ResetLimiter limiter, Passwords passwords, DeviceSessions sessions, ApiTokens tokens,
            Event<ResetMails.ResetMail> due) {
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.config = config;
        this.mail = mail;
        this.limiter = limiter;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.due = due;
    }

    /** Whether people can ask for a link by e-mail; without SMTP they ask the organisers. */
    public boolean byMail() {
        return mail.configured();
    }

    /**
     * "Passwort vergessen?": a malformed address is refused (422 naming {@code email}), and so is a request over the
     * limits (429) or without mail configured (503); otherwise the answer is the same whether or not an account has the
     * address, and only when one has it (live and enabled) is a link stored and mailed, in {@code locale}.
     */
    @Transactional
    public void request(String rawEmail, String requester, Locale locale) {
        String email;
        try {
            email = AccountChecks.checkEmail(rawEmail);
        } catch (ProblemException e) {
            throw new ProblemException(400, "email", text(ProfileMessages::problem_reset_email));
        }
        if (!mail.configured()) {
            throw new ProblemException(503, null, text(ProfileMessages::problem_reset_no_mail));
        }
        // Before this transaction's first statement: on a shared database the limiter counts in a transaction of its
        // own, which then needs no second connection from the pool.
        limiter.acquire(email, requester == null ? "unknown" : requester);
        Optional<Account> found = Account.findByEmail(email).filter(a -> a.enabled && !a.deleted());
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        String token = create(account, null);
        due.fire(new ResetMails.ResetMail(account.email, account.displayName, link(org.thesenforum.web.BaseUrls.configuredOrFallback(config), token), locale));
    }

    /** Whether a token opens a link that can still set a password (for the page; the same checks as setting). */
    public void check(String token) {
        requireOpen(token);
    }

    /**
     * Sets a new password through a link (the registration's rules, field {@code password}): the link and every other
     * open link of the account become void, every session of the account ends, and every API token is revoked.
     */
    @Transactional
    public void complete(String token, String password) {
        PasswordReset reset = requireOpen(token);
        AccountChecks.checkPassword("password", password);
        Instant now = clock.now();
        if (PasswordReset.update("usedAt = ?1 where id = ?2 and usedAt is null", now, reset.id) != 1) {
            // Another request used the same link a moment ago.
            throw new ProblemException(410, null, text(ProfileMessages::problem_reset_used));
        }
        Account account = reset.account;
        account.passwordHash = passwords.hash(password);
        PasswordReset.closeAllOf(account.id, now);
        // A reset is the way back after a compromise: whoever had the password may have made tokens with it.
        tokens.revokeAll(account.id);
        sessions.endAll(account.id);
    }

    /**
     * A new one-time link for the account, made by an admin to hand over in person (when the forum sends no e-mail,
     * or the person cannot read it): the absolute address with {@code forum.base-url}. Audit-logged.
     */
    @Transactional
    public String createLinkFor(Account admin, long accountId) {
        return createLinkFor(admin, accountId, org.thesenforum.web.BaseUrls.configuredOrFallback(config));
    }

    /** As {@link #createLinkFor(Account, long)}, with the address the admin reaches the forum by. */
    @Transactional
    public String createLinkFor(Account admin, long accountId, String baseUrl) {
        if (admin == null || !admin.role.atLeast(Role.ADMIN)) {
            throw ProblemException.forbidden(text(ProfileMessages::problem_not_own_profile));
        }
        Account account = accounts.requireLive(accountId);
        String token = create(account, admin.id);
        audit.record(admin.id, "PASSWORD_RESET_LINK", "account", account.id, account.displayName);
        return link(baseUrl, token);
    }

    /** Stores a new link for the account and returns its token. */
    @Transactional(Transactional.TxType.MANDATORY)
    String create(Account account, Long createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        PasswordReset reset = new PasswordReset();
        reset.account = account;
        reset.tokenHash = DeviceSessions.hash(token);
        reset.createdAt = now;
        reset.expiresAt = now.plus(VALID);
        reset.createdBy = createdBy;
        reset.persist();
        return token;
    }

    /** The open link of a token: 404 when unknown, 410 when used or expired. */
    PasswordReset requireOpen(String token) {
        PasswordReset reset = token == null || token.isEmpty() || token.length() > 100 ? null
                : PasswordReset.findByTokenHash(DeviceSessions.hash(token)).orElse(null);
        if (reset == null || reset.account.deleted()) {
            throw ProblemException.notFound(text(ProfileMessages::problem_reset_unknown));
        }
        if (reset.usedAt != null) {
            throw new ProblemException(410, null, text(ProfileMessages::problem_reset_used));
        }
        if (!reset.expiresAt.isAfter(clock.now())) {
            throw new ProblemException(410, null, text(ProfileMessages::problem_reset_expired));
        }
        return reset;
    }

    /** The absolute address of a link. */
    public static String link(String baseUrl, String token) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + PATH + token;
    }

    private static Text text(Function<ProfileMessages, String> message) {
        return Text.of(ProfileMessages.class, message);
    }
}
