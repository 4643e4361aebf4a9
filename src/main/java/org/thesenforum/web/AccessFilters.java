package org.thesenforum.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.quarkus.arc.All;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request guards in front of every page and API call: members-only reading when configured, and an Origin check
 * that refuses cross-site writes, to the JSON API and to forms alike (forms carry signed CSRF tokens as well).
 */
public class AccessFilters {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Reachable without an account even when reading is for members only; the login page has the language switch. */
    private static final Set<String> OPEN_PATHS = Set.of("/login", "/register", "/api/accounts", "/language");

    @Inject
    ForumConfig config;
    @Inject
    CurrentIdentityAssociation identity;
    /** What features open to people without an account (see {@link OpenPaths}). */
    @Inject
    @All
    List<OpenPaths> openPaths;

    /**
     * Every write must come from this site: a foreign {@code Origin} is refused, and for forms, whose browsers may
     * leave Origin out, so is a foreign {@code Referer} when Origin is absent. Scripts send neither and pass.
     */
    @ServerRequestFilter
    public void sameOriginForWrites(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String host = request.getHeaderString("Host");
        String origin = request.getHeaderString("Origin");
        // Without Origin, a form's browser still names the page it came from; API scripts send neither.
        String site = origin != null ? origin : request.getHeaderString("Referer");
        boolean allowed = origin == null && ApiPaths.isApi(request.getUriInfo().getPath())
                || sameOrigin(site, host) || sameOrigin(site, publicHost(config));
        if (!allowed) {
            throw ProblemException.forbidden(Text.of(Messages.class, Messages::problem_cross_site));
        }
    }

    @ServerRequestFilter
    public Uni<Response> readAccess(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (config.readAccess() == ForumConfig.ReadAccess.PUBLIC || OPEN_PATHS.contains(path)
                || openPaths.stream().anyMatch(o -> o.isOpen(request.getMethod(), path))) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().onItem().transform(id -> id.isAnonymous() ? membersOnly(request) : null);
    }

    private static Response membersOnly(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (ApiPaths.isApi(path)) {
            String detail = Text.of(Messages.class, Messages::problem_members_only).in(Languages.of(request));
            return BasicChallenge.add(Response.status(401).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized", detail, null)), request).build();
        }
        return Response.seeOther(LoginRedirect.login(request.getMethod(), request.getUriInfo().getRequestUri(),
                request.getHeaderString("Referer"), request.getHeaderString("Host"))).build();
    }

    /**
     * The host and port of {@code forum.base-url}: behind a proxy that does not pass the browser's Host on, the
     * address people use differs from the Host the forum sees, and writes from it are still this site's.
     */
    public static String publicHost(ForumConfig config) {
        try {
            return BaseUrls.configured(config).map(url -> URI.create(url).getRawAuthority()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether an Origin or Referer (absent for non-browser clients) names this host. */
    public static boolean sameOrigin(String originOrReferer, String host) {
        return originOrReferer == null || LoginRedirect.sameOrigin(originOrReferer, host) != null;
    }
}
