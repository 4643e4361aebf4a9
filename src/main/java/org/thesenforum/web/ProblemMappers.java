package org.thesenforum.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every refusal into {@code application/problem+json} for the API and into an error page (or a redirect to
 * the login) for pages, both in the reader's language. Unexpected errors are logged and answered with a 500 that
 * leaks nothing.
 */
public class ProblemMappers {

    @Inject
    Template error;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, ContainerRequestContext request) {
        Response.ResponseBuilder builder = respond(uri, request, e.status(), title(e.status()), e::message, e.field(),
                e.extensions());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri, ContainerRequestContext request) {
        return malformedJson(e, uri, request);
    }

    /** Wrong types and unknown properties; replaces the built-in mapper, whose body is not a problem. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, ContainerRequestContext request) {
        return malformedJson(e, uri, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, ContainerRequestContext request) {
        return notSignedIn(uri, request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri,
            ContainerRequestContext request) {
        if (isApi(uri)) {
            String authorization = request.getHeaderString("Authorization");
            boolean token = BasicChallenge.isBearer(authorization);
            return respond(uri, request, 401, "Unauthorized",
                    text(token ? Messages::problem_token_failed : Messages::problem_login_failed), null)
                    .header(BasicChallenge.HEADER, BasicChallenge.refused(authorization)).build();
        }
        return notSignedIn(uri, request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ContainerRequestContext request) {
        return respond(uri, request, 403, "Forbidden", text(Messages::problem_forbidden), null).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
        }
        Text detail = switch (status) {
            case 404 -> text(Messages::problem_not_found);
            case 405 -> text(Messages::problem_method);
            case 406 -> text(Messages::problem_not_acceptable);
            case 413 -> text(m -> m.problem_too_large(64));
            case 415 -> text(Messages::problem_media_type);
            case 400 -> text(Messages::problem_bad_request);
            default -> text(status >= 500 ? Messages::problem_internal : Messages::problem_refused);
        };
        Response.ResponseBuilder builder = respond(uri, request, status, title(status), detail, null);
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (k.equalsIgnoreCase("Allow") || k.equalsIgnoreCase("WWW-Authenticate")) {
                v.forEach(value -> builder.header(k, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri, ContainerRequestContext request) {
        if (isFormFieldLimit(e)) {
            return respond(uri, request, 413, title(413), text(m -> m.problem_too_many_fields(formFieldLimit())), null)
                    .build();
        }
        Log.error("Unexpected error", e);
        return respond(uri, request, 500, "Internal Server Error", text(Messages::problem_internal), null).build();
    }

    /** Where the form parser stops: {@code quarkus.http.limits.max-parameters}, 1,000 by default. */
    private static int formFieldLimit() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-parameters", Integer.class).orElse(1000);
    }

    /**
     * The form parser refusing a body with more fields than it takes: a plain {@link RuntimeException} thrown by the
     * parser's {@code FormData}, recognised by where it comes from and by its message.
     */
    static boolean isFormFieldLimit(Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass() == RuntimeException.class && trace.length > 0
                && trace[0].getClassName().equals("org.jboss.resteasy.reactive.server.core.multipart.FormData")
                && e.getMessage() != null && e.getMessage().startsWith("Param limit of");
    }

    private Response malformedJson(JsonProcessingException e, UriInfo uri, ContainerRequestContext request) {
        JsonErrors.Fault fault = JsonErrors.of(e);
        return respond(uri, request, 400, "Bad Request", fault.detail(), fault.field()).build();
    }

    private Response notSignedIn(UriInfo uri, ContainerRequestContext request) {
        if (isApi(uri)) {
            return BasicChallenge.add(respond(uri, request, 401, "Unauthorized", text(Messages::problem_sign_in), null),
                    request).build();
        }
        // A refused form post returns, after the login, to the page the form was on, not to its POST address.
        return Response.seeOther(LoginRedirect.login(request.getMethod(), uri.getRequestUri(),
                request.getHeaderString("Referer"), request.getHeaderString("Host"))).build();
    }

    /** The problem body or error page, with {@code detail} and the page itself in the reader's language. */
    private Response.ResponseBuilder respond(UriInfo uri, ContainerRequestContext request, int status, String title,
            Text detail, String field) {
        return respond(uri, request, status, title, detail, field, Map.of());
    }

    private Response.ResponseBuilder respond(UriInfo uri, ContainerRequestContext request, int status, String title,
            Text detail, String field, Map<String, Object> extensions) {
        Locale locale = Languages.of(request);
        if (isApi(uri)) {
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, title, detail.in(locale), field, extensions));
        }
        String html = error.data("status", status).data("title", title).data("detail", detail.in(locale))
                .setLocale(locale).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html);
    }

    private static Text text(Function<Messages, String> message) {
        return Text.of(Messages.class, message);
    }

    static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return ApiPaths.isApi(path);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
