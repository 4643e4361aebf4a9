package org.thesenforum.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a problem body to API error responses that framework filters answer without one, such as the CSRF
 * filter's 400 for a form-encoded post without a token, or the HTTP layer's 413 for an oversized body.
 */
public class ErrorBodyFilter {

    @ServerResponseFilter
    public void addProblemBody(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || !ApiPaths.isApi(request.getUriInfo().getPath())) {
            return;
        }
        Text detail = Text.of(Messages.class,
                status == 400 ? Messages::problem_form_or_json : Messages::problem_refused);
        response.setEntity(Problem.of(status, status == 400 ? "Bad Request" : "Error",
                detail.in(Languages.of(request)), null), null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    /**
     * The HTTP layer refuses a declared Content-Length over the limit with an empty 413 before any REST filter runs;
     * this route runs just before it and answers with a problem body (API) or the sentence as plain text (pages)
     * instead, in the reader's language.
     */
    @Singleton
    static class OversizedBodies {

        void route(@Observes Router router, ObjectMapper json,
                @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize)
                throws JsonProcessingException {
            long limit = maxBodySize.asLongValue();
            Text detail = Text.of(Messages.class, m -> m.problem_too_large(limit / 1024));
            Map<Locale, byte[]> bodies = new HashMap<>();
            Map<Locale, byte[]> texts = new HashMap<>();
            for (Locale locale : Languages.OFFERED) {
                bodies.put(locale,
                        json.writeValueAsBytes(Problem.of(413, "Content Too Large", detail.in(locale), null)));
                texts.put(locale, detail.in(locale).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
                String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                if (length == null || !exceeds(length, limit)) {
                    context.next();
                    return;
                }
                // Pages get the same sentence as a chunked body over the limit does (RequestGuard): plain text.
                boolean api = ApiPaths.isApi(context.normalizedPath());
                Cookie chosen = context.request().getCookie(Languages.COOKIE);
                Locale reader = Languages.resolve(chosen == null ? null : chosen.getValue(),
                        context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                byte[] body = (api ? bodies : texts).get(reader);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, api ? Problem.MEDIA_TYPE : "text/plain; charset=UTF-8")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(v -> context.request().connection().close())
                        .end(Buffer.buffer(body));
            });
        }

        private static boolean exceeds(String contentLength, long limit) {
            Long declared = Inputs.number(contentLength);
            return declared != null && declared > limit;
        }
    }
}
