package org.thesenforum.admin;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.qute.TemplateInstance;

import org.thesenforum.web.BaseUrls;
import org.thesenforum.web.ForumConfig;

/** Small helpers the admin pages share: the address the admin is using, and HTML responses with a status. */
final class AdminRequests {

    private AdminRequests() {
    }

    /**
     * {@code scheme://host:port} the admin's browser used, as the server saw it (behind a proxy with address
     * forwarding switched on, as the proxy reported it).
     */
    static String addressInUse(HttpServerRequest request) {
        if (request == null) {
            return BaseUrls.FALLBACK;
        }
        HostAndPort authority = request.authority();
        String host = authority == null ? request.getHeader("Host")
                : authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
        return BaseUrls.ofRequest(request.scheme(), host);
    }

    /** The start of links for people elsewhere: the configured address, or the one in use. */
    static String base(ForumConfig config, HttpServerRequest request) {
        return BaseUrls.configured(config).orElseGet(() -> addressInUse(request));
    }

    /** The configured address when it is not the one the admin uses, for a warning; null when they agree. */
    static String mismatch(ForumConfig config, HttpServerRequest request) {
        return BaseUrls.configured(config).filter(c -> !BaseUrls.sameSite(c, addressInUse(request))).orElse(null);
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
