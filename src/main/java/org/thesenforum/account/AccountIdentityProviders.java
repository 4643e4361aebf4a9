package org.thesenforum.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Basic credentials, API tokens and session cookies into identities, looking the account up on a worker thread. */
final class AccountIdentityProviders {

    private AccountIdentityProviders() {
    }

    /** Checks e-mail and password (HTTP Basic), subject to the failed-login limits. */
    @ApplicationScoped
    static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        private final AccountIdentities identities;

        Password(AccountIdentities identities) {
            this.identities = identities;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            String address = routing == null ? "unknown" : String.valueOf(routing.request().remoteAddress().hostAddress());
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> identities.forPassword(request.getUsername(), password, address)
                    .orElseThrow(() -> new AuthenticationFailedException("Invalid credentials")));
        }
    }

    /** Accepts a session cookie only while the account is enabled and its session version still matches. */
    @ApplicationScoped
    static class Session implements IdentityProvider<SessionTokenRequest> {

        private final AccountIdentities identities;

        Session(AccountIdentities identities) {
            this.identities = identities;
        }

        @Override
        public Class<SessionTokenRequest> getRequestType() {
            return SessionTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> identities.forSession(request.token()));
        }
    }

    /** Accepts a personal API token while it exists and its account is enabled. */
    @ApplicationScoped
    static class Token implements IdentityProvider<ApiTokenRequest> {

        private final AccountIdentities identities;

        Token(AccountIdentities identities) {
            this.identities = identities;
        }

        @Override
        public Class<ApiTokenRequest> getRequestType() {
            return ApiTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> identities.forToken(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("Invalid token")));
        }
    }
}
