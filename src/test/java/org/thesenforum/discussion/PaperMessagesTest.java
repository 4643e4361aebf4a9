package org.thesenforum.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.qute.i18n.Message;

import org.junit.jupiter.api.Test;

class PaperMessagesTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\{([^}]*)}");

    @Test
    void germanAndEnglishHaveATextForEveryMessageAndNoOthers() throws IOException {
        Set<String> methods = messageMethods().stream().map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(methods.contains("theses_skip"), "PaperMessages declares its texts");
        assertEquals(methods, new TreeSet<>(load("de").stringPropertyNames()), "paper_de");
        assertEquals(methods, new TreeSet<>(load("en").stringPropertyNames()), "paper_en");
    }

    @Test
    void textsUseOnlyPlaceholdersOfTheirParameters() throws IOException {
        for (String locale : List.of("de", "en")) {
            Properties texts = load(locale);
            for (Method method : messageMethods()) {
                Set<String> parameters = Arrays.stream(method.getParameters()).map(Parameter::getName)
                        .collect(Collectors.toSet());
                String text = texts.getProperty(method.getName());
                assertFalse(text.isBlank(), method.getName() + " is blank in paper_" + locale);
                Matcher expression = EXPRESSION.matcher(text);
                while (expression.find()) {
                    assertTrue(parameters.contains(expression.group(1)),
                            method.getName() + " in paper_" + locale + " uses " + expression.group());
                }
            }
        }
    }

    @Test
    void theMessageIsTheGermanTextWithTheLine() {
        PaperFormatException e = new PaperFormatException(57, "theses_skip", 2, 4);
        assertEquals("Zeile 57: Die Thesen springen von 2 auf 4.", e.getMessage());
        assertEquals(57, e.line());
        assertEquals("theses_skip", e.key());
        assertEquals(List.of(2, 4), e.args());
    }

    @Test
    void argumentsAreInsertedLiterally() {
        PaperFormatException e = new PaperFormatException(3, "approach_empty", "{title} $1 \\ „x“");
        assertEquals("Zeile 3: Zum Ansatz „{title} $1 \\ „x““ fehlt der Text.", e.getMessage());
    }

    @Test
    void refusesUnknownKeysAndWrongArgumentCounts() {
        assertThrows(IllegalArgumentException.class, () -> new PaperFormatException(1, "no_such_problem"));
        assertThrows(IllegalArgumentException.class, () -> new PaperFormatException(1, "theses_skip", 2));
    }

    private static List<Method> messageMethods() {
        return Arrays.stream(PaperMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).toList();
    }

    private static Properties load(String locale) throws IOException {
        String name = "/messages/paper_" + locale + ".properties";
        try (InputStream in = PaperMessagesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
