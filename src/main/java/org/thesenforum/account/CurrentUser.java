package org.thesenforum.account;

import java.util.Optional;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The account behind the current request, if any. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private Account account;
    private boolean loaded;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Account> account() {
        if (!loaded) {
            if (Context.isOnEventLoopThread()) {
                // Error pages for requests refused before dispatch (403, 404, 415) render on the event loop, where
                // neither the lazy identity nor the database may be used; they show the signed-out navigation.
                return Optional.empty();
            }
            Long id = identity.isAnonymous() ? null : identity.getAttribute(AccountIdentities.ACCOUNT_ID);
            account = id == null ? null : Account.findById(id);
            loaded = true;
        }
        return Optional.ofNullable(account);
    }

    /** The device session of a cookie sign-in; empty for anonymous requests, HTTP Basic and API tokens. */
    public Optional<Long> sessionId() {
        return identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.<Long>getAttribute(org.thesenforum.web.SessionEnded.SESSION_ID))
                        // A token's stand-in session (negative, see SessionEnded.ofToken) is no device of the account.
                        .filter(id -> id > 0);
    }

    /** Whether the request signed in with a personal API token (its stand-in session id is negative). */
    public boolean viaApiToken() {
        if (identity.isAnonymous()) {
            return false;
        }
        Long id = identity.getAttribute(org.thesenforum.web.SessionEnded.SESSION_ID);
        return id != null && id < 0;
    }

    /** The signed-in account; 401 for anonymous requests. */
    public Account require() {
        return account().orElseThrow(() -> new UnauthorizedException("Anmeldung erforderlich"));
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public boolean hasRole(Role role) {
        return account().map(a -> a.role.atLeast(role)).orElse(false);
    }

    public boolean isModerator() {
        return hasRole(Role.MODERATOR);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }
}
