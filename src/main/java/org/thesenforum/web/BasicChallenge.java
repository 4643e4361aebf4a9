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

    private BasicChallenge() {
    }

    /** Adds the challenge unless the request came from a script in a page (fetch or XHR, not a navigation). */
    public static Response.ResponseBuilder add(Response.ResponseBuilder response, ContainerRequestContext request) {
        return wanted(request.getHeaderString("Sec-Fetch-Mode"), request.getHeaderString("X-Requested-With"))
                ? response.header(HEADER, VALUE) : response;
    }

    static boolean wanted(String fetchMode, String requestedWith) {
        boolean fromPageScript = (fetchMode != null && !fetchMode.equalsIgnoreCase("navigate"))
                || requestedWith != null;
        return !fromPageScript;
    }
}
