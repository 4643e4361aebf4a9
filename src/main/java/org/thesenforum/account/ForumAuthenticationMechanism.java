package org.thesenforum.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.BasicChallenge;

/** Reads credentials from an API token (HTTP Bearer) or HTTP Basic (scripts), or the session cookie (browsers). */
@ApplicationScoped
public class ForumAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionCookies cookies;

    ForumAuthenticationMechanism(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), context, identityProviderManager);
        }
        if (BasicChallenge.isBearer(authorization)) {
            return identityProviderManager.authenticate(new ApiTokenRequest(authorization.substring(7).trim()));
        }
        Cookie cookie = context.request().getCookie(SessionCookies.NAME);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return cookies.read(cookie.getValue())
                    .map(token -> identityProviderManager.authenticate(new SessionTokenRequest(token)))
                    .orElse(Uni.createFrom().nullItem());
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<SecurityIdentity> basic(String encoded, RoutingContext context, IdentityProviderManager manager) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed Basic credentials"));
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed Basic credentials"));
        }
        var request = new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return manager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, BasicChallenge.HEADER,
                BasicChallenge.refused(context.request().getHeader("Authorization"))));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionTokenRequest.class, ApiTokenRequest.class);
    }
}
