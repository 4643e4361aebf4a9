package org.thesenforum.web;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A text for people, in the language they read: a refusal carries one, and whatever shows it (a problem body, a form
 * page) picks the reader's language. Features build theirs from their own message bundle with {@link #of}, so web/
 * never needs to know a feature's bundle.
 */
@FunctionalInterface
public interface Text {

    /** The text in {@code locale}'s language; in German for a language the forum does not offer. */
    String in(Locale locale);

    /**
     * The message that {@code message} picks from the typed bundle {@code bundle}, in the reader's language, e.g.
     * {@code Text.of(AccountMessages.class, m -> m.problem_password_short(10))}.
     */
    static <B> Text of(Class<B> bundle, Function<B, String> message) {
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(message);
        return locale -> message.apply(Languages.bundle(bundle, locale));
    }

    /** The same wording in every language: only for text that comes from outside the bundles. */
    static Text fixed(String text) {
        Objects.requireNonNull(text);
        return locale -> text;
    }
}
