package org.thesenforum.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.thesenforum.account.AccountViews.AccountView;
import org.thesenforum.account.AccountViews.Registration;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Accounts: registration by invitation, sign-in, sign-out, roles, disabling, and the first admin. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountService {

    public static final int MIN_PASSWORD = Passwords.MIN_LENGTH;
    public static final int MAX_PASSWORD_BYTES = Passwords.MAX_BYTES;

    private final InvitationService invitations;
    private final AccountIdentities identities;
    private final DeviceSessions sessions;
    private final Passwords passwords;
    private final AuditLog audit;
    private final ForumConfig config;

    AccountService(InvitationService invitations, AccountIdentities identities, DeviceSessions sessions,
            Passwords passwords, AuditLog audit, ForumConfig config) {
        this.invitations = invitations;
        this.identities = identities;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public AccountView register(Registration r) {
        if (r == null) {
            throw ProblemException.invalid(null, text(AccountMessages::problem_no_details));
        }
        String code = Inputs.requiredLine("invitationCode", r.invitationCode(), 64);
        String displayName = Inputs.requiredLine("displayName", r.displayName(), 80);
        String email = AccountChecks.checkEmail(r.email());
        String password = AccountChecks.checkPassword(r.password());
        String organisation = Inputs.optionalLine("organisation", r.organisation(), 200);
        String place = Inputs.optionalLine("place", r.place(), 200);
        String emailSkeleton = AccountChecks.checkSkeleton("email", Lookalikes.emailSkeleton(email));
        String nameSkeleton = AccountChecks.checkNameSkeleton(Lookalikes.nameSkeleton(displayName));
        invitations.checkUsable(code);
        if (Account.findByEmail(email).isPresent()) {
            throw AccountChecks.emailTaken();
        }
        if (Account.existsWithEmailSkeleton(emailSkeleton)) {
            throw AccountChecks.emailLookalike();
        }
        if (Account.existsWithDisplayNameSkeleton(nameSkeleton)) {
            throw AccountChecks.nameLookalike();
        }
        invitations.consume(code);
        Account account = create(email, displayName, password, Role.EXPERT);
        account.organisation = organisation;
        account.place = place;
        try {
            // A simultaneous registration (a double submit, or a look-alike sent at the same moment) may have taken
            // the address or a look-alike of it or of the name since the checks above; the unique indexes decide.
            Account.flush();
        } catch (PersistenceException e) {
            throw AccountChecks.conflictOf(e);
        }
        return AccountView.of(account);
    }

    /**
     * Checks e-mail and password for the login form; throws 429 when throttled and 422 for a password over 72 bytes,
     * which no account can have: it is refused exactly as at registration instead of being cut.
     */
    public Optional<Account> login(String email, String password, String address) {
        if (password != null && Passwords.tooLong(password)) {
            throw AccountChecks.tooLongPassword();
        }
        if (email == null || password == null || email.isBlank() || password.isEmpty()) {
            return Optional.empty();
        }
        return identities.verifyPassword(email, password, address);
    }

    /** Starts a session on the device that signed in; the cookie carries its token. */
    public DeviceSessions.Started startSession(Account account, String userAgent) {
        return sessions.start(account, userAgent);
    }

    /** Devices the account is signed in on. */
    public long sessionCount(long accountId) {
        return sessions.countOf(accountId);
    }

    /** Ends this device's session only; other devices stay signed in. */
    public void logout(long sessionId) {
        sessions.end(sessionId);
    }

    /** Ends every session of the account on every device, including copies of their cookies. */
    public void logoutEverywhere(long accountId) {
        sessions.endAll(accountId);
    }

    @Transactional
    public AccountView changeRole(long accountId, Role role, Account admin) {
        if (role == null) {
            throw ProblemException.invalid("role", text(AccountMessages::problem_role_missing));
        }
        Account account = requireAccount(accountId);
        if (account.id.equals(admin.id) && role != Role.ADMIN) {
            throw ProblemException.conflict("role", text(AccountMessages::problem_own_admin_role));
        }
        if (account.role != role) {
            audit.record(admin.id, "ROLE_CHANGED", "account", account.id, account.role + " → " + role);
            account.role = role;
            sessions.endAll(account.id);
        }
        return AccountView.of(account);
    }

    @Transactional
    public AccountView setEnabled(long accountId, boolean enabled, Account admin) {
        Account account = requireAccount(accountId);
        if (account.id.equals(admin.id) && !enabled) {
            throw ProblemException.conflict("enabled", text(AccountMessages::problem_own_account_disabled));
        }
        if (account.enabled != enabled) {
            account.enabled = enabled;
            sessions.endAll(account.id);
            audit.record(admin.id, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", account.id,
                    account.displayName);
        }
        return AccountView.of(account);
    }

    /**
     * Changes the display name, organisation and place of an account: one's own, or anyone's for an admin (then
     * audit-logged). The name is checked as at registration (unique, also against look-alikes); an empty
     * organisation or place clears it.
     */
    @Transactional
    public AccountView updateProfile(Account actor, long accountId, String displayName, String organisation,
            String place) {
        if (actor == null) {
            throw new io.quarkus.security.UnauthorizedException("Anmeldung erforderlich");
        }
        boolean own = actor.id.equals(accountId);
        if (!own && !actor.role.atLeast(Role.ADMIN)) {
            throw ProblemException.forbidden(Text.of(ProfileMessages.class, ProfileMessages::problem_not_own_profile));
        }
        String name = Inputs.requiredLine("displayName", displayName, 80);
        String org = Inputs.optionalLine("organisation", organisation, 200);
        String pl = Inputs.optionalLine("place", place, 200);
        String nameSkeleton = AccountChecks.checkNameSkeleton(Lookalikes.nameSkeleton(name));
        Account account = requireLive(accountId);
        boolean nameChanged = !name.equals(account.displayName);
        if (!nameSkeleton.equals(account.displayNameSkeleton)
                && Account.count("displayNameSkeleton = ?1 and id <> ?2", nameSkeleton, account.id) > 0) {
            throw AccountChecks.nameLookalike();
        }
        boolean changed = nameChanged || !java.util.Objects.equals(org, account.organisation)
                || !java.util.Objects.equals(pl, account.place);
        String before = account.displayName;
        account.displayName = name;
        account.displayNameSkeleton = nameSkeleton;
        account.organisation = org;
        account.place = pl;
        try {
            Account.flush();
        } catch (PersistenceException e) {
            throw AccountChecks.conflictOf(e);
        }
        if (changed && !own) {
            audit.record(actor.id, "PROFILE_CHANGED", "account", account.id,
                    nameChanged ? before + " → " + name : name);
        }
        return AccountView.of(account);
    }

    /** The account unless it is unknown or deleted (404). */
    public Account requireLive(long id) {
        Account account = requireAccount(id);
        if (account.deleted()) {
            throw ProblemException.notFound(Text.of(ProfileMessages.class, ProfileMessages::problem_account_deleted));
        }
        return account;
    }

    public List<AccountView> list() {
        return Account.<Account>list("order by displayName, id").stream().map(AccountView::of).toList();
    }

    public Account requireAccount(long id) {
        Account account = Account.findById(id);
        if (account == null) {
            throw ProblemException.notFound(text(AccountMessages::problem_account_not_found));
        }
        return account;
    }

    /** Creates the first admin when there is none; without a configured password one is generated and logged once. */
    @Transactional
    public void ensureAdmin() {
        if (Account.existsWithRole(Role.ADMIN)) {
            return;
        }
        String email = Account.normaliseEmail(config.admin().email());
        Optional<String> configured = config.admin().password().filter(p -> !p.isBlank());
        String password = configured.orElseGet(AccountService::randomPassword);
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("forum.admin.password must have at least " + MIN_PASSWORD + " characters");
        }
        Optional<Account> existing = Account.findByEmail(email);
        if (existing.isEmpty() && Account.existsWithEmailSkeleton(Lookalikes.emailSkeleton(email))) {
            // Promoting the look-alike would hand the forum to whoever registered it.
            throw new IllegalStateException("forum.admin.email " + email
                    + " looks like the address of an existing account; choose another one");
        }
        Account admin = existing.orElseGet(() -> create(email, freeAdminName(), password, Role.ADMIN));
        admin.role = Role.ADMIN;
        audit.record(null, "ADMIN_CREATED", "account", admin.id, email);
        if (configured.isEmpty() && existing.isEmpty()) {
            Log.warnf("Created the admin account %s with the generated password: %s "
                    + "(shown once; set FORUM_ADMIN_PASSWORD to choose one)", email, password);
        } else {
            Log.infof("Created the admin account %s", email);
        }
    }

    private Account create(String email, String displayName, String password, Role role) {
        Account account = new Account();
        account.email = email;
        account.displayName = displayName;
        account.passwordHash = passwords.hash(password);
        account.role = role;
        account.enabled = true;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        account.persist();
        return account;
    }

    /** "Administration", or with a number when an account already carries a name that looks like it. */
    private static String freeAdminName() {
        String name = "Administration";
        for (int n = 2; Account.existsWithDisplayNameSkeleton(Lookalikes.nameSkeleton(name)); n++) {
            name = "Administration " + n;
        }
        return name;
    }

    private static Text text(Function<AccountMessages, String> message) {
        return Text.of(AccountMessages.class, message);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
