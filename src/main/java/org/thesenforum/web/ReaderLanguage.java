package org.thesenforum.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

/**
 * The language of the person the current request is for (see {@link Languages#resolve}), and the links of the
 * language switch for templates ({@code inject:language}). Every template rendered while a request is served gets
 * this language as its locale, so message bundles and {@code <html lang>} follow it on every page.
 */
@Named("language")
@RequestScoped
public class ReaderLanguage {

    private final CurrentVertxRequest current;
    private Locale locale;

    ReaderLanguage(CurrentVertxRequest current) {
        this.current = current;
    }

    public Locale locale() {
        if (locale == null) {
            HttpServerRequest request = request();
            Cookie cookie = request == null ? null : request.getCookie(Languages.COOKIE);
            locale = Languages.resolve(cookie == null ? null : cookie.getValue(),
                    request == null ? null : request.getHeader("Accept-Language"));
        }
        return locale;
    }

    /** Whether the page is shown in the language with this tag ({@code de} or {@code en}). */
    public boolean is(String tag) {
        return locale().getLanguage().equals(tag);
    }

    /** The switch to the language {@code tag}, which returns to this page (for a refused form, to its page). */
    public String switchTo(String tag) {
        return "/language?lang=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(returnPath(), StandardCharsets.UTF_8);
    }

    private String returnPath() {
        HttpServerRequest request = request();
        if (request == null) {
            return "/";
        }
        try {
            return LoginRedirect.next(request.method().name(), URI.create(request.uri()),
                    request.getHeader("Referer"), request.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private HttpServerRequest request() {
        RoutingContext routing = current.getCurrent();
        return routing == null ? null : routing.request();
    }

    /**
     * Gives every template instance created while a request is served the reader's locale; one that sets its own
     * (such as the live fragments, rendered once for all readers) overrides it afterwards.
     */
    static void localizeTemplates(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            ArcContainer container = Arc.container();
            if (container != null && container.requestContext().isActive()) {
                instance.setLocale(container.instance(ReaderLanguage.class).get().locale());
            }
        });
    }
}
