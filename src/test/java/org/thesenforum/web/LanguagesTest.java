package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Locale DE = Locale.GERMAN;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void withoutCookieAndAcceptLanguageTheForumSpeaksGerman() {
        assertEquals(DE, Languages.resolve(null, null));
        assertEquals(DE, Languages.resolve("", " "));
    }

    @Test
    void theCookieWinsOverAcceptLanguage() {
        assertEquals(EN, Languages.resolve("en", "de-DE,de;q=0.9"));
        assertEquals(DE, Languages.resolve("de", "en-GB,en;q=0.9"));
    }

    @Test
    void anUnknownCookieValueIsIgnored() {
        assertEquals(EN, Languages.resolve("fr", "en"));
        assertEquals(EN, Languages.resolve("EN-x", "en-US"));
        assertEquals(DE, Languages.resolve("<script>", null));
    }

    @Test
    void acceptLanguageIsReadByWeightAndRegionalVariantsCount() {
        assertEquals(EN, Languages.resolve(null, "en"));
        assertEquals(EN, Languages.resolve(null, "en-GB"));
        assertEquals(DE, Languages.resolve(null, "de-CH"));
        assertEquals(EN, Languages.resolve(null, "fr-FR, fr;q=0.9, en;q=0.8, de;q=0.7"));
        assertEquals(DE, Languages.resolve(null, "en;q=0.3, de;q=0.8"));
        assertEquals(DE, Languages.resolve(null, "en;q=0, de"));
    }

    @Test
    void aLanguageTheForumDoesNotOfferOrAMalformedHeaderMeansGerman() {
        assertEquals(DE, Languages.resolve(null, "fr, it;q=0.5"));
        assertEquals(DE, Languages.resolve(null, "*"));
        assertEquals(DE, Languages.resolve(null, "en;q=zwei"));
        assertEquals(DE, Languages.resolve(null, ";;;"));
    }

    @Test
    void onlyTheExactTagsAreOffered() {
        assertEquals(EN, Languages.offered("en").orElseThrow());
        assertEquals(DE, Languages.offered("de").orElseThrow());
        assertTrue(Languages.offered("fr").isEmpty());
        assertTrue(Languages.offered("en-US").isEmpty());
        assertTrue(Languages.offered(null).isEmpty());
    }
}
