package org.thesenforum.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.thesenforum.account.ProfileViews.ProfileView;
import org.thesenforum.account.ProfileViews.SessionView;
import org.thesenforum.account.ProfileViews.Settings;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * What a person does with their own account: notification settings, a new password, their device sessions, deleting
 * the account and exporting their data. Every method acts on the account it is given, which the callers take from the
 * signed-in request, so nobody reaches another person's account here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProfileService {

    /** The name a deleted account keeps in the database; pages show {@link Account#shownName()} instead. */
    static final String DELETED_NAME = "gelöschtes Konto";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final DeviceSessions sessions;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final AccountClock clock;
    private final List<PersonalData> parts;
    private final List<AccountErasure> erasures;
    private final jakarta.enterprise.event.Event<AccountErasures.Deleted> deleted;

    ProfileService(AccountService accounts, LoginThrottle throttle, DeviceSessions sessions, ApiTokens tokens,
            Passwords passwords, AccountClock clock, @All List<PersonalData> parts,
            @All List<AccountErasure> erasures, jakarta.enterprise.event.Event<AccountErasures.Deleted> deleted) {
        this.deleted = deleted;
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
        this.parts = parts;
        this.erasures = erasures;
    }

    /**
     * Changes one's own profile (when {@code profile}: name, organisation and place as given, see
     * {@link AccountService#updateProfile}) and settings, all or nothing.
     */
    @Transactional
    public ProfileView update(Account actor, String displayName, String organisation, String place, boolean profile,
            Settings settings) {
        checkSettings(settings);
        if (profile) {
            accounts.updateProfile(actor, actor.id, displayName, organisation, place);
        }
        return updateSettings(actor, settings);
    }

    /** Changes the notification settings given (a null keeps one); the digest hour is 0..23. */
    @Transactional
    public ProfileView updateSettings(Account actor, Settings settings) {
        checkSettings(settings);
        Account account = live(actor);
        if (settings.emailNotifications() != null) {
            account.emailNotifications = settings.emailNotifications();
        }
        if (settings.digestHour() != null) {
            account.digestHour = settings.digestHour();
        }
        if (settings.showPresence() != null) {
            account.showPresence = settings.showPresence();
        }
        return ProfileView.of(account);
    }

    private static void checkSettings(Settings settings) {
        if (settings.digestHour() != null && (settings.digestHour() < 0 || settings.digestHour() > 23)) {
            throw ProblemException.invalid("digestHour", text(ProfileMessages::problem_digest_hour));
        }
    }

    /**
     * A new password, with the current one (checked and throttled like a login from {@code address}; wrong: 403
     * naming {@code current}) and the registration's rules for the new one (field {@code new}). Every other session of
     * the account ends; {@code keepSession} (this device, null for HTTP Basic) stays signed in. Every API token of the
     * account is revoked. The current password is checked before the change's transaction begins (see
     * {@link #confirms}).
     */
    public void changePassword(Account actor, String current, String next, Long keepSession, String address) {
        Account account = live(actor);
        if (current == null || current.isEmpty()) {
            throw ProblemException.invalid("current", text(ProfileMessages::problem_current_missing));
        }
        AccountChecks.checkPassword("new", next);
        if (!confirms(account, current, address)) {
            throw new ProblemException(403, "current", text(ProfileMessages::problem_current_wrong));
        }
        String hash = passwords.hash(next);
        QuarkusTransaction.joiningExisting().run(() -> {
            Account changed = live(actor);
            changed.passwordHash = hash;
            PasswordReset.closeAllOf(changed.id, clock.now());
            sessions.endAllExcept(changed.id, keepSession);
            // Tokens made with the old password go too: a change is often the answer to a suspected leak.
            tokens.revokeAll(changed.id);
        });
    }

    /** The account's device sessions, the most recently used first; {@code current} marks this device's one. */
    public List<SessionView> sessions(Account actor, Long current) {
        return sessions.listOf(actor.id).stream().map(s -> new SessionView(s.id, s.device, s.createdAt, s.lastSeenAt,
                s.id.equals(current))).toList();
    }

    /** Ends one of the account's own sessions ("abmelden"); 404 for a session that is not one of them. */
    @Transactional
    public void endSession(Account actor, long sessionId) {
        DeviceSession s = DeviceSession.findById(sessionId);
        if (s == null || !s.account.id.equals(actor.id)) {
            throw ProblemException.notFound(text(ProfileMessages::problem_session_unknown));
        }
        sessions.end(sessionId);
    }

    /**
     * Deletes the account after checking its password (throttled like a login; wrong: 403 naming {@code password}):
     * the e-mail becomes an unusable unique value, name, organisation and place are removed, every session and open
     * reset link ends, each feature erases what it holds of the person only ({@link AccountErasure}), and the account
     * can no longer sign in. Comments, demands and notes stay, shown as by
     * "gelöschtes Konto". The last admin cannot delete themself (409). The password is checked before the deletion's
     * transaction begins (see {@link #confirms}).
     */
    public void delete(Account actor, String password, String address) {
        Account confirmed = live(actor);
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", text(ProfileMessages::problem_password_missing));
        }
        if (!confirms(confirmed, password, address)) {
            throw new ProblemException(403, "password", text(ProfileMessages::problem_current_wrong));
        }
        String unusableHash = passwords.hash(randomToken());
        QuarkusTransaction.joiningExisting().run(() -> erase(live(actor), unusableHash));
    }

    private void erase(Account account, String unusableHash) {
        if (account.role == Role.ADMIN) {
            // Locks the admins' rows, so that two admins deleting themselves at once cannot leave none.
            List<Account> admins = Account.find("role = ?1 and deletedAt is null order by id", Role.ADMIN)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            if (admins.stream().noneMatch(a -> !a.id.equals(account.id) && a.enabled)) {
                throw ProblemException.conflict(null, text(ProfileMessages::problem_last_admin));
            }
        }
        account.deletedAt = clock.now();
        account.email = "deleted-" + account.id + "-" + randomToken() + "@deleted.invalid";
        account.emailSkeleton = null;
        account.displayName = DELETED_NAME;
        account.displayNameSkeleton = null;
        account.organisation = null;
        account.place = null;
        account.passwordHash = unusableHash;
        account.enabled = false;
        // A deleted admin must not count as one: FirstAdmin creates a new admin only when there is none.
        account.role = Role.EXPERT;
        account.emailNotifications = EmailNotifications.OFF;
        account.showPresence = false;
        PasswordReset.closeAllOf(account.id, clock.now());
        sessions.endAll(account.id);
        erasures.forEach(e -> e.erase(account.id));
        deleted.fire(new AccountErasures.Deleted(account.id));
    }

    /** Everything the forum holds of the account (GDPR Art. 15 and 20): profile, sessions, and each feature's part. */
    public Map<String, Object> export(Account actor) {
        Account account = live(actor);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", clock.now());
        data.put("profile", ProfileView.of(account));
        data.put("sessions", sessions(account, null));
        parts.stream().sorted(java.util.Comparator.comparing(PersonalData::name))
                .forEach(p -> data.put(p.name(), p.of(account.id)));
        return data;
    }

    /**
     * Whether {@code password} is the account's, checked like a login: the attempt is reserved with the login
     * throttle first (429 when used up), under a key of its own, so that the signed-in request itself (HTTP Basic
     * succeeds on every call) cannot reset the count of wrong confirmations. The callers check before their
     * transaction begins: on a shared database the throttle counts in transactions of its own, and one begun while
     * the caller's held a database connection would need a second one from the pool, which many parallel requests
     * could exhaust; and the bcrypt check holds no connection either.
     */
    private boolean confirms(Account account, String password, String address) {
        if (Passwords.tooLong(password)) {
            return false;
        }
        String key = "confirm:" + account.id;
        throttle.reserve(key, address);
        boolean right = false;
        try {
            right = passwords.matches(password, account.passwordHash);
        } finally {
            if (right) {
                throttle.succeeded(key, address);
            } else {
                throttle.failed(key, address);
            }
        }
        return right;
    }

    private static Account live(Account actor) {
        Objects.requireNonNull(actor);
        Account account = Account.findById(actor.id);
        if (account == null || account.deleted()) {
            throw ProblemException.notFound(text(ProfileMessages::problem_account_deleted));
        }
        return account;
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Text text(Function<ProfileMessages, String> message) {
        return Text.of(ProfileMessages.class, message);
    }
}
