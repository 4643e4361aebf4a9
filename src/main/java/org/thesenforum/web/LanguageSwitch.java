package org.thesenforum.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The "Deutsch / English" links of every page: {@code GET /language?lang=en&next=/topics/7} remembers the choice in
 * the {@value Languages#COOKIE} cookie for a year and returns the reader to the page. A plain link, so it works
 * without JavaScript; it only sets a preference of this browser and changes nothing on the server.
 */
@Path("/language")
public class LanguageSwitch {

    static final Duration REMEMBERED = Duration.ofDays(365);

    private final ForumConfig config;

    LanguageSwitch(ForumConfig config) {
        this.config = config;
    }

    /** 303 to {@code next} (a path on this site, else "/") with the cookie; 400 for a language not offered. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response choose(@RestQuery String lang, @RestQuery String next) {
        Locale locale = Languages.offered(lang).orElseThrow(
                () -> new ProblemException(400, "lang", Text.of(Messages.class, Messages::problem_language)));
        return Response.seeOther(URI.create(LoginRedirect.safeNext(next)))
                .cookie(cookie(locale, config.session().secureCookie())).build();
    }

    /** Like the session cookie: for the whole site, SameSite=Lax, and Secure when the forum is served over HTTPS. */
    static NewCookie cookie(Locale locale, boolean secure) {
        return new NewCookie.Builder(Languages.COOKIE).value(locale.getLanguage()).path("/")
                .maxAge((int) REMEMBERED.toSeconds()).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
