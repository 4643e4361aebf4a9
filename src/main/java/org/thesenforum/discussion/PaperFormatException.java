package org.thesenforum.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Signals that a paper does not have the expected structure: the 1-based line, a message key of
 * {@link PaperMessages} and the key's arguments.
 *
 * <p>{@link #getMessage()} is the German text, {@code "Zeile <n>: <problem>"}, for example
 * {@code "Zeile 42: Die Thesen springen von 2 auf 4."}; {@link #localized(PaperMessages)} and
 * {@link #message(Locale)} give the text in the reader's language.
 */
public class PaperFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String key;
    private final List<Object> args;

    /**
     * @param line the 1-based line the problem was found on
     * @param key  the name of a {@link PaperMessages} method that describes the problem
     * @param args that method's arguments, in order
     * @throws IllegalArgumentException if there is no such method or the arguments do not fit it
     */
    public PaperFormatException(int line, String key, Object... args) {
        super(German.text(line, key, args));
        this.line = line;
        this.key = key;
        this.args = List.of(args);
    }

    /** Returns the 1-based line the problem was found on. */
    public int line() {
        return line;
    }

    /** Returns the message key, the name of a {@link PaperMessages} method. */
    public String key() {
        return key;
    }

    /** Returns the arguments of the message key, in order. */
    public List<Object> args() {
        return args;
    }

    /** The text from the given bundle (whose locale decides the language), with the line. */
    public String localized(PaperMessages messages) {
        Method method = German.method(key);
        try {
            return messages.at_line(line, (String) method.invoke(messages, args.toArray()));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot render the paper message " + key, e);
        }
    }

    /**
     * The text in English for an English locale and in German otherwise, with the line. Needs the running
     * application, which provides the message bundles.
     */
    public String message(Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return localized(english ? MessageBundles.get(PaperMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(PaperMessages.class));
    }

    /** The German texts, filled in without the template engine so that the parser also works outside Quarkus. */
    private static final class German {

        private static final String FILE = "/messages/paper_de.properties";
        private static final Properties TEXTS = load();
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

        static String text(int line, String key, Object... args) {
            return fill("at_line", line, fill(key, args));
        }

        static Method method(String key) {
            return Arrays.stream(PaperMessages.class.getMethods()).filter(m -> m.getName().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No paper message " + key));
        }

        private static String fill(String key, Object... args) {
            Parameter[] parameters = method(key).getParameters();
            if (parameters.length != args.length) {
                throw new IllegalArgumentException("The paper message " + key + " takes " + parameters.length
                        + " arguments, not " + args.length);
            }
            String text = TEXTS.getProperty(key);
            if (text == null) {
                throw new IllegalArgumentException("No German text for the paper message " + key);
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (placeholder.find()) {
                String value = placeholder.group();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getName().equals(placeholder.group(1))) {
                        value = String.valueOf(args[i]);
                    }
                }
                placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(filled);
            return filled.toString();
        }

        private static Properties load() {
            try (InputStream in = PaperFormatException.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + FILE);
                }
                Properties texts = new Properties();
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    texts.load(reader);
                }
                return texts;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
