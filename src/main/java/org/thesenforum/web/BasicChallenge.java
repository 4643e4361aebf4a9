package org.thesenforum.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP Basic challenge on a 401 from the API. Scripts get it; a page's own script does not, because browsers
 * answer the challenge with a password dialog even for a background request (and a headless one waits forever).
 */
public final class BasicChallenge {

    public static final String HEADER = "WWW-Authenticate";
    public static final String VALUE = "Basic realm=\"Thesenforum\"";
    /** The challenge on a refused API token (RFC 6750): the token was sent, and it is no (longer a) valid one. */
    public static final String BEARER_INVALID = "Bearer realm=\"Thesenforum\", error=\"invalid_token\"";

    private BasicChallenge() {
    }

    /** Adds the challenge unless the request came from a script in a page (fetch or XHR, not a navigation). */
    public static Response.ResponseBuilder add(Response.ResponseBuilder response, ContainerRequestContext request) {
        return wanted(request.getHeaderString("Sec-Fetch-Mode"), request.getHeaderString("X-Requested-With"))
                ? response.header(HEADER, VALUE) : response;
    }

    /** Whether an {@code Authorization} header value carries a Bearer token. */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The challenge for a request whose credentials were refused: Bearer for a token, Basic otherwise. */
    public static String refused(String authorization) {
        return isBearer(authorization) ? BEARER_INVALID : VALUE;
    }

    static boolean wanted(String fetchMode, String requestedWith) {
        boolean fromPageScript = (fetchMode != null && !fetchMode.equalsIgnoreCase("navigate"))
                || requestedWith != null;
        return !fromPageScript;
    }
}
