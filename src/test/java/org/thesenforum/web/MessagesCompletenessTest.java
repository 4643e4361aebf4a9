package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.qute.i18n.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thesenforum.account.AccountMessages;
import org.thesenforum.account.ProfileMessages;
import org.thesenforum.admin.AdminMessages;
import org.thesenforum.audit.AuditMessages;
import org.thesenforum.beamer.BeamerMessages;
import org.thesenforum.comment.CommentMessages;
import org.thesenforum.comment.ThreadMessages;
import org.thesenforum.comment.ComposeMessages;
import org.thesenforum.demand.BoardMessages;
import org.thesenforum.demand.DemandMessages;
import org.thesenforum.demand.DemandPageMessages;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.PaperMessages;
import org.thesenforum.event.EventMessages;
import org.thesenforum.meeting.MeetingMessages;
import org.thesenforum.moderation.ModerationMessages;
import org.thesenforum.notification.NotificationMessages;
import org.thesenforum.protocol.ProtocolMessages;
import org.thesenforum.search.SearchMessages;

/** Every text exists in German and in English, in every message bundle of the forum. */
class MessagesCompletenessTest {

    /** Each typed bundle and the name of its files, {@code messages/<name>_de.properties} and {@code _en}. */
    private static final Map<String, Class<?>> BUNDLES = Map.ofEntries(
            Map.entry("msg", Messages.class),
            Map.entry("acct", AccountMessages.class),
            Map.entry("prof", ProfileMessages.class),
            Map.entry("cmt", CommentMessages.class),
            Map.entry("thr", ThreadMessages.class),
            Map.entry("mod", ModerationMessages.class),
            Map.entry("ntf", NotificationMessages.class),
            Map.entry("dem", DemandMessages.class),
            Map.entry("dpage", DemandPageMessages.class),
            Map.entry("disc", DiscussionMessages.class),
            Map.entry("paper", PaperMessages.class),
            Map.entry("board", BoardMessages.class),
            Map.entry("evt", EventMessages.class),
            Map.entry("mtg", MeetingMessages.class),
            Map.entry("beamer", BeamerMessages.class),
            Map.entry("proto", ProtocolMessages.class),
            Map.entry("srch", SearchMessages.class),
            Map.entry("adm", AdminMessages.class),
            Map.entry("audit", AuditMessages.class),
            Map.entry("compose", ComposeMessages.class));

    /** Every bundle of {@link #BUNDLES}: a new bundle is checked as soon as it is registered there. */
    static Stream<String> bundleNames() {
        return BUNDLES.keySet().stream().sorted();
    }

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
    void noTextIsBlank() throws IOException {
        for (String locale : List.of("de", "en")) {
            Properties texts = load(locale);
            texts.stringPropertyNames().forEach(key ->
                    assertTrue(!texts.getProperty(key).isBlank(), key + " is blank in msg_" + locale));
        }
    }

    @ParameterizedTest
    @MethodSource("bundleNames")
    void eachBundleHasExactlyItsMessagesInGermanAndInEnglish(String bundle) throws IOException {
        Set<String> methods = Arrays.stream(BUNDLES.get(bundle).getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(!methods.isEmpty(), bundle + " declares its texts");
        for (String locale : List.of("de", "en")) {
            Properties texts = load(bundle, locale);
            assertEquals(methods, new TreeSet<>(texts.stringPropertyNames()), bundle + "_" + locale);
            texts.stringPropertyNames().forEach(key ->
                    assertTrue(!texts.getProperty(key).isBlank(), key + " is blank in " + bundle + "_" + locale));
        }
    }

    @Test
    void everyBundleFileBelongsToABundleCheckedHere() throws IOException, URISyntaxException {
        URL folder = MessagesCompletenessTest.class.getResource("/messages");
        assertNotNull(folder, "the message files are on the class path");
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = BUNDLES.keySet().stream()
                .flatMap(b -> Stream.of(b + "_de.properties", b + "_en.properties"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, files, "a new bundle needs both files and an entry in BUNDLES");
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
