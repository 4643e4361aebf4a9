package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.quarkus.qute.i18n.Message;

import org.junit.jupiter.api.Test;

class MessagesCompletenessTest {

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(keys("de"), keys("en"));
    }

    @Test
    void everyMessageMethodHasAGermanAndAnEnglishText() throws IOException {
        Set<String> de = keys("de");
        Set<String> en = keys("en");
        List<String> methods = Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(Method::getName).sorted().toList();
        assertTrue(methods.size() > 10, "Messages declares its texts");
        assertEquals(List.of(), methods.stream().filter(m -> !de.contains(m)).toList(), "missing in msg_de");
        assertEquals(List.of(), methods.stream().filter(m -> !en.contains(m)).toList(), "missing in msg_en");
    }

    @Test
    void everyBundleHasAnEnglishFileWithTheKeysOfItsGermanFile() throws IOException, URISyntaxException {
        Path folder = Path.of(MessagesCompletenessTest.class.getResource("/messages").toURI());
        List<String> bundles;
        try (Stream<Path> files = Files.list(folder)) {
            bundles = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("_de.properties"))
                    .map(name -> name.substring(0, name.length() - "_de.properties".length())).sorted().toList();
        }
        assertTrue(bundles.containsAll(List.of("acct", "msg", "paper")), bundles.toString());
        for (String bundle : bundles) {
            assertEquals(new TreeSet<>(load(bundle, "de").stringPropertyNames()),
                    new TreeSet<>(load(bundle, "en").stringPropertyNames()), bundle);
        }
    }

    @Test
    void noTextIsBlank() throws IOException {
        for (String locale : List.of("de", "en")) {
            Properties texts = load(locale);
            texts.stringPropertyNames().forEach(key ->
                    assertTrue(!texts.getProperty(key).isBlank(), key + " is blank in msg_" + locale));
        }
    }

    private static Set<String> keys(String locale) throws IOException {
        return new TreeSet<>(load(locale).stringPropertyNames());
    }

    private static Properties load(String locale) throws IOException {
        return load("msg", locale);
    }

    private static Properties load(String bundle, String locale) throws IOException {
        String name = "/messages/" + bundle + "_" + locale + ".properties";
        try (InputStream in = MessagesCompletenessTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " exists");
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
