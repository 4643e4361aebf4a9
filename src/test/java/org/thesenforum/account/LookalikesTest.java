package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LookalikesTest {

    private static final String EMAIL = "dora.neu@example.org";
    private static final String NAME = "Administration";

    // --- e-mail addresses: the normal form ---

    @Test
    void fullwidthLettersBecomeAscii() {
        assertEquals(EMAIL, Lookalikes.normaliseEmail("dora.nｅu@ｅxample.org"));
        assertEquals(EMAIL, Lookalikes.normaliseEmail("ｄｏｒａ．ｎｅｕ＠ｅｘａｍｐｌｅ．ｏｒｇ"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dora.\u200Bneu@example.org", "dora.n\u200Ceu@example.org", "dora.ne\u200Du@example.org",
            "do\u2060ra.neu@example.org", "\uFEFFdora.neu@example.org", "dora.neu@exam\u00ADple.org",
            "dora\u180E.neu@example.org", "dora.neu@example\u200B.org\u200B" })
    void invisibleAndFormatCharactersAreRemoved(String typed) {
        assertEquals(EMAIL, Lookalikes.normaliseEmail(typed));
    }

    @Test
    void trailingDotsOfTheDomainAreDropped() {
        assertEquals(EMAIL, Lookalikes.normaliseEmail("dora.neu@example.org."));
        assertEquals(EMAIL, Lookalikes.normaliseEmail("dora.neu@example.org.."));
        assertEquals("dora.@example.org", Lookalikes.normaliseEmail("dora.@example.org"), "only the domain's");
    }

    @Test
    void caseAndSurroundingSpaceAreDropped() {
        assertEquals(EMAIL, Lookalikes.normaliseEmail("  Dora.NEU@Example.Org \u00A0"));
    }

    @Test
    void cyrillicLettersAreKeptInTheNormalForm() {
        assertEquals("dоra.neu@example.org", Lookalikes.normaliseEmail("Dоra.Neu@example.org"));
        assertNotEquals(EMAIL, Lookalikes.normaliseEmail("dоra.neu@example.org"));
    }

    @Test
    void nullStaysNull() {
        assertNull(Lookalikes.normaliseEmail(null));
    }

    // --- e-mail addresses: the skeleton ---

    @ParameterizedTest
    @ValueSource(strings = { "dоra.neu@example.org", "dora.neu@exаmple.org", "DОRA.NEU@EXAMPLE.ORG",
            "dora.nｅu@example.org", "dora.n\u200Beu@example.org", "dora.n\u00ADeu@example.org",
            "dora.neu@example.org.", "Dora.Neu@Example.Org", "d0ra.neu@example.org", "dora.neu@examp1e.org" })
    void lookAlikeAddressesShareTheSkeleton(String lookalike) {
        assertEquals(Lookalikes.emailSkeleton(EMAIL), Lookalikes.emailSkeleton(lookalike));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dora.neu@example.com", "nora.neu@example.org", "dora.new@example.org",
            "doraneu@example.org" })
    void differentAddressesHaveDifferentSkeletons(String other) {
        assertNotEquals(Lookalikes.emailSkeleton(EMAIL), Lookalikes.emailSkeleton(other));
    }

    // --- display names ---

    @ParameterizedTest
    @ValueSource(strings = { "Аdministration", "Administrаtion", "Administrati0n", "ADMINISTRATION", "administration",
            "Ａｄｍｉｎｉｓｔｒａｔｉｏｎ", "Admin\u200Bistration", "Admini\u00ADstration", "\uFEFFAdministration",
            "Adminıstration", "Αdministration", "ΑDMΙΝΙSΤRΑΤΙΟΝ" })
    void lookAlikeNamesShareTheSkeleton(String lookalike) {
        assertEquals(Lookalikes.nameSkeleton(NAME), Lookalikes.nameSkeleton(lookalike));
    }

    @Test
    void runsOfSpaceCountAsOne() {
        String skeleton = Lookalikes.nameSkeleton("Dora Neu");
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora  Neu"));
        assertEquals(skeleton, Lookalikes.nameSkeleton(" Dora\u00A0\u2003Neu "));
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora \u200B Neu"));
        // Drawn as an empty space: Hangul fillers and the Braille blank.
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora\u3164Neu"));
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora\u2800Neu"));
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora\uFFA0Neu"));
        assertEquals(skeleton, Lookalikes.nameSkeleton("Dora\u115F\u1160Neu"));
    }

    @Test
    void lowerCaseLettersThatDifferStayDifferent() {
        assertNotEquals(Lookalikes.nameSkeleton("Ali"), Lookalikes.nameSkeleton("All"));
        assertNotEquals(Lookalikes.nameSkeleton("\u03B5rika"), Lookalikes.nameSkeleton("Erika"));
    }

    @Test
    void greekCapitalsLookLikeLatinOnes() {
        assertEquals(Lookalikes.nameSkeleton("Erika Expertin"), Lookalikes.nameSkeleton("\u0395rika \u0395xpertin"));
        assertEquals(Lookalikes.nameSkeleton("Max Moderator"), Lookalikes.nameSkeleton("\u039Cax Moderator"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Administration Nord", "Moderation", "Adminstration", "Dora Neu" })
    void differentNamesHaveDifferentSkeletons(String other) {
        assertNotEquals(Lookalikes.nameSkeleton(NAME), Lookalikes.nameSkeleton(other));
    }

    @Test
    void aNameOfInvisibleCharactersHasAnEmptySkeleton() {
        assertEquals("", Lookalikes.nameSkeleton("\u00AD\u200B\u2060"));
    }
}
