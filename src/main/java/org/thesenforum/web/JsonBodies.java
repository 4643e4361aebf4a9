package org.thesenforum.web;

import java.time.Duration;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the body of a JSON write to the API on the event loop, before the endpoint runs. RESTEasy Reactive buffers
 * the body only for non-blocking endpoints; every write here is blocking (it runs a transaction), so its worker
 * thread would read the body itself, waiting for the event loop to hand the bytes over. Under live load the event
 * loops are busy writing frames, and a post's worker then sat idle for its body (about 15 ms in one post out of ten
 * in the writes benchmark). With the body read here, RESTEasy reads it from memory.
 *
 * <p>Only a body that declares its length (at most the body limit: the HTTP layer's upload-limit route before this
 * one refuses a larger declared length) and is JSON is read ahead; forms (the CSRF filter reads their fields),
 * chunked bodies and requests that wait for {@code 100 Continue} keep the streaming path. When no piece of the body
 * arrives for {@code quarkus.http.read-timeout} (the read timeout of that path) the connection is closed; so it is
 * when reading fails, since the request cannot be answered any more.
 */
@Singleton
class JsonBodies {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    void route(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration readTimeout) {
        long limit = maxBodySize.asLongValue();
        long deadline = Math.max(1, readTimeout.toMillis());
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(context -> {
            if (!readAhead(context, limit)) {
                context.next();
                return;
            }
            HttpServerRequest request = context.request();
            Buffer body = Buffer.buffer();
            long[] timer = { context.vertx().setTimer(deadline, id -> request.connection().close()) };
            request.handler(chunk -> {
                body.appendBuffer(chunk);
                // like the streaming path's read timeout: the time allowed between two pieces of the body
                context.vertx().cancelTimer(timer[0]);
                timer[0] = context.vertx().setTimer(deadline, id -> request.connection().close());
            });
            request.exceptionHandler(failure -> {
                context.vertx().cancelTimer(timer[0]);
                request.connection().close();
            });
            request.endHandler(end -> {
                context.vertx().cancelTimer(timer[0]);
                context.setBody(body);
                context.next();
            });
            // The HTTP layer pauses a request until a handler takes its body.
            request.resume();
        });
    }

    /** Whether the request is a JSON write to the API whose whole body, of a known and allowed length, is due. */
    static boolean readAhead(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        if (!WRITES.contains(request.method()) || !ApiPaths.isApi(context.normalizedPath())
                || request.getHeader(HttpHeaders.EXPECT) != null || request.isEnded()) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !isJson(type)) {
            return false;
        }
        Long declared = Inputs.number(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        return declared != null && declared > 0 && declared <= limit
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    /** {@code application/json} or a {@code +json} type, parameters aside. */
    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json")
                || type.length() > 5 && type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }
}
