package org.thesenforum.web;

import java.net.URI;
import java.util.Optional;

/**
 * The forum's public address for links people take elsewhere (invitations, e-mails, calendar files, QR codes): the
 * configured {@code forum.base-url} when it is set; otherwise, where a request is at hand, the address that request
 * came to, and without one {@link #FALLBACK}.
 */
public final class BaseUrls {

    /** The address of a forum started locally with the default port; used where neither config nor request help. */
    public static final String FALLBACK = "http://localhost:8080";

    private BaseUrls() {
    }

    /** The configured address without a trailing slash, if {@code forum.base-url} is set and not blank. */
    public static Optional<String> configured(ForumConfig config) {
        return config.baseUrl().map(String::strip).filter(s -> !s.isEmpty()).map(BaseUrls::trim);
    }

    /** The configured address, or {@link #FALLBACK}: for links made without a request (mails, background jobs). */
    public static String configuredOrFallback(ForumConfig config) {
        return configured(config).orElse(FALLBACK);
    }

    /**
     * The configured address, or the one of the request: {@code scheme} and {@code authority} as the server saw them
     * (behind a proxy that forwards them, as the proxy reported them).
     */
    public static String forRequest(ForumConfig config, String scheme, String authority) {
        return configured(config).orElseGet(() -> ofRequest(scheme, authority));
    }

    /** {@code scheme://authority} of a request, or {@link #FALLBACK} when the request did not name its host. */
    public static String ofRequest(String scheme, String authority) {
        if (authority == null || authority.isBlank() || !authority.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return FALLBACK;
        }
        return ("https".equalsIgnoreCase(scheme) ? "https" : "http") + "://" + authority.toLowerCase();
    }

    /** Whether two addresses name the same site (scheme, host and port; the path is ignored). */
    public static boolean sameSite(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme())
                    && x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
