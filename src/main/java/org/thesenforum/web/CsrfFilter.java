package org.thesenforum.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Double-submit CSRF check for every HTML form: a form post must carry, in its {@code csrf-token} field, the
 * signed token of its {@code csrf-token} cookie. A write to a page that is no form is refused the same way. JSON
 * writes to the API are not forms; they are guarded by their content type and the Origin check in
 * {@link AccessFilters}.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfTokens tokens;
    @Inject
    CsrfToken current;
    @Inject
    ForumConfig config;

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(CsrfTokens.NAME);
        String cookieToken = cookie != null && tokens.valid(cookie.getValue()) ? cookie.getValue() : null;
        if (cookieToken != null) {
            current.fromCookie(cookieToken);
        }
        if (SAFE_METHODS.contains(request.getMethod())) {
            if (!ApiPaths.isApi(routing.normalizedPath())) {
                // Pages are rendered after the response filters have run: make the token now, so its cookie is set.
                current.getToken();
            }
            return;
        }
        if (!isForm(request.getMediaType())) {
            if (ApiPaths.isApi(routing.normalizedPath())) {
                return;
            }
            // A page takes only forms: any other write to it (a cross-site text/plain post, say) carries no token.
            throw new ProblemException(400, CsrfTokens.NAME, Text.of(Messages.class, Messages::problem_csrf));
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object field = context.getFormParameter(CsrfTokens.NAME, true, false);
        if (cookieToken == null || !(field instanceof String sent)
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                        cookieToken.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(400, CsrfTokens.NAME, Text.of(Messages.class, Messages::problem_csrf));
        }
    }

    @ServerResponseFilter
    public void setCookie(ContainerResponseContext response, RoutingContext routing) {
        if (current.fresh()) {
            routing.response().addCookie(Cookie.cookie(CsrfTokens.NAME, current.getToken()).setPath("/")
                    .setHttpOnly(true).setSecure(config.session().secureCookie()).setSameSite(CookieSameSite.LAX)
                    .setMaxAge(config.session().maxAge().toSeconds()));
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }
}
