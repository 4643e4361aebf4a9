package org.thesenforum.account;

import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Looks accounts up for authentication and builds the security identity of a request. */
@ApplicationScoped
public class AccountIdentities {

    public static final String ACCOUNT_ID = "accountId";

    private final LoginThrottle throttle;

    AccountIdentities(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Checks a password; empty when wrong, throttled or disabled. */
    @ActivateRequestContext
    public Optional<SecurityIdentity> forPassword(String email, String password, String address) {
        return verifyPassword(email, password, address).map(AccountIdentities::identityOf);
    }

    @ActivateRequestContext
    public Optional<Account> verifyPassword(String email, String password, String address) {
        String key = Account.normaliseEmail(email);
        throttle.checkAllowed(key, address);
        Optional<Account> account = Account.findByEmail(key)
                .filter(a -> BcryptUtil.matches(password, a.passwordHash));
        if (account.isEmpty()) {
            throttle.recordFailure(key, address);
            return Optional.empty();
        }
        throttle.recordSuccess(key);
        return account.filter(a -> a.enabled);
    }

    /** An identity for a session cookie, or an anonymous one when the session has been ended. */
    @ActivateRequestContext
    public SecurityIdentity forSession(SessionCookies.SessionToken token) {
        Account account = Account.findById(token.accountId());
        if (account == null || !account.enabled || account.sessionVersion != token.sessionVersion()) {
            return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        }
        return identityOf(account);
    }

    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email))
                .addRoles(account.role.grantedRoles())
                .addAttribute(ACCOUNT_ID, account.id)
                .build();
    }
}
