package org.thesenforum.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Folding at 75 octets of UTF-8: long lines of umlauts and emoji, each piece whole and valid on its own. */
class IcsFoldingTest {

    private static final String UMLAUTS = "DESCRIPTION:Grüße aus Lüneburg – Öffnung der Gemeinwesenarbeit für "
            + "Zugewanderte, Ärztinnen, Übersetzerinnen und Ämter; äöüß ÄÖÜ äöüß ÄÖÜ äöüß ÄÖÜ äöüß ÄÖÜ äöüß";
    private static final String EMOJI = "SUMMARY:Fest 🎉🎉🎉 für alle 👋🏽👩‍👩‍👧 – Grüße 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"
            + "😀😀😀😀😀😀😀😀😀😀😀😀😀😀 ende";

    @Test
    void everyLineHasAtMost75OctetsAndEndsOnACharacter() throws CharacterCodingException {
        String folded = IcsFolding.fold("BEGIN:VEVENT\r\n" + UMLAUTS + "\r\n" + EMOJI + "\r\nEND:VEVENT\r\n");
        for (String line : folded.split("\r\n", -1)) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, octets.length + " octets: " + line);
            // A multi-byte character cut in two would not decode.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets));
        }
        assertTrue(folded.endsWith("END:VEVENT\r\n"));
    }

    @Test
    void unfoldingGivesTheLinesBack() {
        String ics = "BEGIN:VEVENT\r\n" + UMLAUTS + "\r\n" + EMOJI + "\r\nEND:VEVENT\r\n";
        String folded = IcsFolding.fold(ics);
        assertTrue(folded.split("\r\n").length > 6, "the long lines were folded");
        assertEquals(ics, folded.replace("\r\n ", ""));
    }

    @Test
    void linesFillUpTo75Octets() {
        String exactly = "X".repeat(75);
        assertEquals(exactly + "\r\n", IcsFolding.fold(exactly + "\r\n"));
        assertEquals(exactly + "\r\n Y\r\n", IcsFolding.fold(exactly + "Y\r\n"));
        // 37 umlauts are 74 octets; the 38th would make 76, so it starts the next line after the space.
        String umlauts = "ü".repeat(38);
        assertEquals("ü".repeat(37) + "\r\n ü", IcsFolding.fold(umlauts));
        // An emoji is 4 octets and two chars in Java; 18 make 72, the 19th goes on.
        String emoji = "😀".repeat(19);
        assertEquals("😀".repeat(18) + "\r\n 😀", IcsFolding.fold(emoji));
    }
}
