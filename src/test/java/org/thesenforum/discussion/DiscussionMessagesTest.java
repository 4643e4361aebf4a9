package org.thesenforum.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.qute.i18n.Message;

import org.junit.jupiter.api.Test;

class DiscussionMessagesTest {

    @Test
    void germanAndEnglishHaveATextForEveryMessageAndNoOthers() throws IOException {
        Set<String> methods = Arrays.stream(DiscussionMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(methods, new TreeSet<>(load("de").stringPropertyNames()), "disc_de");
        assertEquals(methods, new TreeSet<>(load("en").stringPropertyNames()), "disc_en");
    }

    @Test
    void noTextIsBlank() throws IOException {
        for (String locale : new String[] {"de", "en"}) {
            Properties texts = load(locale);
            texts.stringPropertyNames().forEach(key ->
                    assertTrue(!texts.getProperty(key).isBlank(), key + " is blank in disc_" + locale));
        }
    }

    private static Properties load(String locale) throws IOException {
        String name = "/messages/disc_" + locale + ".properties";
        try (InputStream in = DiscussionMessagesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
