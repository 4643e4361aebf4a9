package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs inside the application, whose message bundles spell the refusals. */
@QuarkusTest
class InputsTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void textIsTrimmedAndLineBreaksAreNormalised() {
        assertEquals("Zeile 1\nZeile 2\n\n\tEingerückt",
                Inputs.requiredText("body", "  \r\nZeile 1\r\nZeile 2\r\r\tEingerückt \n", 100));
    }

    @Test
    void textKeepsTabsAndNewlinesInside() {
        assertEquals("a\tb\nc", Inputs.requiredText("body", "a\tb\nc", 10));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", " ", "\n\n", " \t\r\n ", "\u00A0", "\u2003", "\u200B\uFEFF", " \u00A0\n\u202F" })
    void blankTextIsRefusedNamingTheField(String blank) {
        ProblemException e = assertThrows(ProblemException.class, () -> Inputs.requiredText("body", blank, 100));
        assertEquals(422, e.status());
        assertEquals("body", e.field());
    }

    /** Characters that show nothing on their own: joiners, soft hyphen, marks, fillers, tags, variation selectors. */
    @ParameterizedTest
    @ValueSource(strings = { "\u200D\u200D\u200D", "\u200C", "\u00AD", "\u200E\u200F", "\u061C", "\u180E",
            "\u2800", "\u3164", "\u115F\u1160", "\uFFA0", "\uDB40\uDC41\uDB40\uDC42", "\uFE0F", "\u0301",
            "\u20DD", "\u034F", " \u200D \u00AD " })
    void textThatShowsNothingIsRefusedAsBlank(String invisible) {
        ProblemException e = assertThrows(ProblemException.class, () -> Inputs.requiredText("body", invisible, 100));
        assertEquals(422, e.status());
        assertEquals("body", e.field());
        assertThrows(ProblemException.class, () -> Inputs.requiredLine("title", invisible.strip(), 100));
        assertEquals(null, Inputs.optionalLine("organisation", invisible.strip(), 100));
    }

    @ParameterizedTest
    @ValueSource(strings = { "e\u0301", "\u2764\uFE0F", "Ja\u00ADnein", "\u0627\u200D", "a\u200Db" })
    void marksAndJoinersWithSomethingToShowAreKept(String text) {
        assertEquals(text, Inputs.requiredText("body", text, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "\u0001", "Glocke\u0007", "\u0008", "\u000B", "\u000C", "\u001B[31m",
            "\u001F", "\u007F", "\u0080", "\u0085", "\u009F", "\u202A", "rechts\u202Eslnik", "\u2066", "\u2069",
            "halb \uD83D", "\uDE00 verkehrt", "\uDE00\uD83D" })
    void controlCharactersBidiOverridesAndUnpairedSurrogatesAreRefusedInText(String bad) {
        ProblemException e = assertThrows(ProblemException.class, () -> Inputs.requiredText("body", bad, 100));
        assertEquals(422, e.status());
        assertEquals("body", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Straße", "Привет", "مرحبا", "Zeile\u2028Trenner", EMOJI, "\uD83D\uDC69\u200D\uD83D\uDC67" })
    void ordinaryUnicodeIsAccepted(String text) {
        assertEquals(text, Inputs.requiredText("body", text, 100));
    }

    @Test
    void textAtTheLimitIsAcceptedAndOneMoreIsRefused() {
        assertEquals(10, Inputs.requiredText("body", "x".repeat(10), 10).length());
        ProblemException e = assertThrows(ProblemException.class,
                () -> Inputs.requiredText("body", "x".repeat(11), 10));
        assertEquals("body", e.field());
        assertTrue(e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void lengthIsCountedAfterTrimming() {
        assertEquals("x".repeat(10), Inputs.requiredText("body", "   " + "x".repeat(10) + "\n\n", 10));
    }

    @Test
    void lengthCountsCodePoints() {
        assertEquals(EMOJI.repeat(10), Inputs.requiredText("body", EMOJI.repeat(10), 10));
        assertThrows(ProblemException.class, () -> Inputs.requiredText("body", EMOJI.repeat(11), 10));
    }

    @Test
    void lineIsTrimmedOfAllKindsOfSpace() {
        assertEquals("Dora Neu", Inputs.requiredLine("displayName", "  Dora Neu \u00A0\u200B", 80));
    }

    @Test
    void spacesInsideAreKept() {
        assertEquals("Dora\u00A0Neu", Inputs.requiredLine("displayName", "Dora\u00A0Neu", 80));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Zeile\nZwei", "Zeile\rZwei", "Tab\tTab", "Null\u0000", "Trenner\u2028", "Absatz\u2029",
            "DEL\u007F", "C1\u0085", "Bidi\u202E", "halb \uD83D" })
    void lineBreaksTabsAndControlsAreRefusedInLines(String bad) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Inputs.requiredLine("displayName", bad, 80));
        assertEquals(422, e.status());
        assertEquals("displayName", e.field());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void blankLineIsRefused(String blank) {
        assertEquals("email", assertThrows(ProblemException.class,
                () -> Inputs.requiredLine("email", blank, 80)).field());
    }

    @Test
    void lineOverTheLimitIsRefused() {
        assertEquals("x".repeat(80), Inputs.requiredLine("displayName", "x".repeat(80), 80));
        assertThrows(ProblemException.class, () -> Inputs.requiredLine("displayName", "x".repeat(81), 80));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  ", "\t", "\u00A0" })
    void blankOptionalLineBecomesNull(String blank) {
        assertNull(Inputs.optionalLine("place", blank, 200));
    }

    @Test
    void optionalLineIsTrimmedAndChecked() {
        assertEquals("Kassel", Inputs.optionalLine("place", " Kassel ", 200));
        assertEquals("place", assertThrows(ProblemException.class,
                () -> Inputs.optionalLine("place", "Kas\u0000sel", 200)).field());
        assertEquals("place", assertThrows(ProblemException.class,
                () -> Inputs.optionalLine("place", "x".repeat(201), 200)).field());
    }

    @Test
    void numbersFromQueriesAreReadLeniently() {
        assertEquals(42L, Inputs.number(" 42 "));
        assertEquals(-3L, Inputs.number("-3"));
        assertNull(Inputs.number(null));
        assertNull(Inputs.number("  "));
        assertNull(Inputs.number("4x"));
        assertNull(Inputs.number("99999999999999999999"));
    }

    @Test
    void optionalNumbersOutsideTheirRangeAreRefusedNamingTheField() {
        assertEquals(7L, Inputs.optionalNumber("limit", "7", 1, 10, 5L, Text.fixed("kaputt")));
        assertEquals(5L, Inputs.optionalNumber("limit", "", 1, 10, 5L, Text.fixed("kaputt")));
        assertNull(Inputs.optionalNumber("limit", null, 1, 10, null, Text.fixed("kaputt")));
        for (String bad : new String[] { "0", "11", "zehn", "1.5" }) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> Inputs.optionalNumber("limit", bad, 1, 10, 5L, Text.fixed("„limit“ passt nicht.")));
            assertEquals(422, e.status());
            assertEquals("limit", e.field());
            assertEquals("„limit“ passt nicht.", e.getMessage());
        }
    }
}
