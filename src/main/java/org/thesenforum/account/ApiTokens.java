package org.thesenforum.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.SessionEnded;

/**
 * Personal API tokens: made and revoked by the person on "Mein Konto" or through {@code /api/me/tokens}, shown once
 * when made, stored only as their SHA-256. A request with {@code Authorization: Bearer <token>} acts as the account
 * with its current role, without a bcrypt check. Also the tokens' part of the data export and of deleting an account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApiTokens implements PersonalData, AccountErasure {

    /** Tokens one account may hold at a time. */
    public static final int MAX_PER_ACCOUNT = 10;
    /** Longest name of a token, in characters. */
    public static final int MAX_NAME = 60;
    /** What every token starts with, so that it is recognisable in a script or a leaked file. */
    static final String MARK = "tf_";
    /** Characters of a token kept in clear for the list: the mark and five of the secret. */
    private static final int PREFIX = MARK.length() + 5;
    /** Longer Bearer values are no token of ours and are refused without a database read. */
    private static final int MAX_LENGTH = 100;
    /** Last use is written at most this often per token, not once per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never the token itself. */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.prefix, t.createdAt, t.lastUsedAt);
        }
    }

    /** A token just made: the only answer that holds {@code token}, which is shown this once. */
    public record CreatedToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            String token) {
    }

    /** A token that matched: which one, and whose. */
    record Found(long tokenId, long accountId) {
    }

    /** The tokens' part of the export: what they are called and when they were made and used, never a hash. */
    public record ExportedToken(String name, String prefix, Instant createdAt, Instant lastUsedAt) {
    }

    private final AccountClock clock;
    private final Event<SessionEnded> ended;

    ApiTokens(AccountClock clock, Event<SessionEnded> ended) {
        this.clock = clock;
        this.ended = ended;
    }

    /**
     * Makes a token for the account, named {@code name} (one line, at most {@link #MAX_NAME} characters; 422 naming
     * {@code name}); 409 naming {@code name} when the account already holds {@link #MAX_PER_ACCOUNT}.
     */
    @Transactional
    public CreatedToken create(Account actor, String name) {
        String clean = Inputs.requiredLine("name", name, MAX_NAME);
        // Locks the account's row, so that parallel requests cannot pass the limit together.
        Account account = Account.findById(actor.id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.deleted()) {
            throw ProblemException.notFound(ProfileService.text(ProfileMessages::problem_account_deleted));
        }
        if (ApiToken.countOf(account.id) >= MAX_PER_ACCOUNT) {
            throw ProblemException.conflict("name",
                    ProfileService.text(m -> m.problem_token_limit(MAX_PER_ACCOUNT)));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken t = new ApiToken();
        t.account = account;
        t.name = clean;
        t.tokenHash = DeviceSessions.hash(token);
        t.prefix = token.substring(0, PREFIX);
        t.createdAt = clock.now();
        t.persist();
        return new CreatedToken(t.id, t.name, t.prefix, t.createdAt, null, token);
    }

    /** The account's tokens, the newest first, without the tokens themselves. */
    public List<TokenView> list(Account actor) {
        return ApiToken.listOf(actor.id).stream().map(TokenView::of).toList();
    }

    /**
     * Revokes one of the account's own tokens (404 for any other): requests with it are refused from now on, and
     * live connections opened with it close after the commit.
     */
    @Transactional
    public void revoke(Account actor, long id) {
        ApiToken t = ApiToken.findById(id);
        if (t == null || !t.account.id.equals(actor.id)) {
            throw ProblemException.notFound(ProfileService.text(ProfileMessages::problem_token_unknown));
        }
        t.delete();
        ended.fire(new SessionEnded(actor.id, SessionEnded.ofToken(id)));
    }

    /**
     * Revokes every token of the account (a new password, by change or by reset link): each one's live connections
     * close after the commit. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAll(long accountId) {
        for (ApiToken t : ApiToken.listOf(accountId)) {
            t.delete();
            ended.fire(new SessionEnded(accountId, SessionEnded.ofToken(t.id)));
        }
    }

    /**
     * Refuses to make a token for a request that itself signed in with one (403): a leaked token must not be able to
     * mint a replacement that outlives its revocation. Tokens are made in the browser, signed in with the password.
     */
    static void refuseIfByToken(CurrentUser currentUser) {
        if (currentUser.viaApiToken()) {
            throw ProblemException.forbidden(ProfileService.text(ProfileMessages::problem_token_by_token));
        }
    }

    /**
     * The token that {@code token} is, by one indexed read of its hash; notes its last use at most once per
     * {@link #TOUCH_EVERY}. Whether its account may still sign in is the caller's to check.
     */
    @ActivateRequestContext
    Optional<Found> find(String token) {
        if (token == null || !token.startsWith(MARK) || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<Object[]> rows = ApiToken.getEntityManager()
                .createQuery("select t.id, t.account.id, t.lastUsedAt from ApiToken t where t.tokenHash = ?1",
                        Object[].class)
                .setParameter(1, DeviceSessions.hash(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long id = (Long) row[0];
        Instant lastUsed = (Instant) row[2];
        Instant now = clock.now();
        if (lastUsed == null || lastUsed.plus(TOUCH_EVERY).isBefore(now)) {
            QuarkusTransaction.requiringNew().run(() -> ApiToken.update("lastUsedAt = ?1 where id = ?2", now, id));
        }
        return Optional.of(new Found(id, (Long) row[1]));
    }

    @Override
    public String name() {
        return "apiTokens";
    }

    @Override
    public Object of(long accountId) {
        return ApiToken.listOf(accountId).stream()
                .map(t -> new ExportedToken(t.name, t.prefix, t.createdAt, t.lastUsedAt)).toList();
    }

    @Override
    public void erase(long accountId) {
        ApiToken.deleteAllOf(accountId);
    }
}
