package org.thesenforum.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

/**
 * The languages the forum speaks, German (the default) and English, and how a reader's one is chosen: the
 * {@value #COOKIE} cookie set by the language switch, else the browser's {@code Accept-Language}, else German.
 */
public final class Languages {

    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = GERMAN;
    public static final List<Locale> OFFERED = List.of(GERMAN, ENGLISH);
    /** The cookie that remembers the choice made with the language switch. */
    public static final String COOKIE = "tf_lang";
    private static final List<String> TAGS = List.of(GERMAN.getLanguage(), ENGLISH.getLanguage());

    private Languages() {
    }

    /** The offered language with exactly this tag ({@code de} or {@code en}); empty for anything else. */
    public static Optional<Locale> offered(String tag) {
        return tag != null && TAGS.contains(tag) ? Optional.of(Locale.forLanguageTag(tag)) : Optional.empty();
    }

    /**
     * The reader's language: the cookie's when it names an offered language, else the offered language that the
     * {@code Accept-Language} header ranks highest ({@code en-GB} counts as {@code en}), else German. A malformed
     * header counts as none.
     */
    public static Locale resolve(String cookie, String acceptLanguage) {
        Optional<Locale> chosen = offered(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
                if (tag != null) {
                    return Locale.forLanguageTag(tag);
                }
            } catch (IllegalArgumentException malformed) {
                // as if the browser had named no language
            }
        }
        return DEFAULT;
    }

    /** The language of a request's reader, for filters and exception mappers that have the request at hand. */
    public static Locale of(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        return resolve(cookie == null ? null : cookie.getValue(), request.getHeaderString("Accept-Language"));
    }

    /** The typed message bundle {@code bundle} in {@code locale}'s language, German when that one is not offered. */
    public static <B> B bundle(Class<B> bundle, Locale locale) {
        String tag = offered(locale == null ? null : locale.getLanguage()).orElse(DEFAULT).getLanguage();
        return MessageBundles.get(bundle, Localized.Literal.of(tag));
    }
}
