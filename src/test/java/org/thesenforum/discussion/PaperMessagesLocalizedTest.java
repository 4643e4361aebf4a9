package org.thesenforum.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

@QuarkusTest
class PaperMessagesLocalizedTest {

    @Inject
    PaperMessages german;

    @Inject
    @Localized("en")
    PaperMessages english;

    @Test
    void everyProblemReadsTheSameFromTheBundleAsFromGetMessageAndHasAnEnglishText() {
        for (Method method : PaperMessages.class.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Message.class) || method.getName().equals("at_line")) {
                continue;
            }
            Object[] args = Arrays.stream(method.getParameterTypes())
                    .map(type -> type == int.class ? (Object) 12 : "Titel <&> „Zitat“").toArray();
            PaperFormatException e = new PaperFormatException(42, method.getName(), args);
            assertEquals(e.getMessage(), e.localized(german), method.getName());
            assertEquals(e.getMessage(), e.message(Locale.GERMAN), method.getName());
            String text = e.message(Locale.ENGLISH);
            assertEquals(text, e.localized(english), method.getName());
            assertTrue(text.startsWith("Line 42: "), text);
            assertNotEquals(e.getMessage().substring("Zeile 42: ".length()), text.substring("Line 42: ".length()),
                    method.getName());
        }
    }

    @Test
    void aRefusedPaperNamesItsLineInTheReadersLanguage() {
        PaperFormatException e = assertThrows(PaperFormatException.class,
                () -> new PaperParser().parse("# Titel\n\n## Thesen\n\n1. Eins.\n\n3. Drei.\n"));
        assertEquals("Zeile 7: Die Thesen springen von 1 auf 3.", e.getMessage());
        assertEquals("Line 7: The theses jump from 1 to 3.", e.message(Locale.forLanguageTag("en-GB")));
        assertEquals("Zeile 7: Die Thesen springen von 1 auf 3.", e.message(Locale.forLanguageTag("fr")));
    }
}
