package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up warning when mail is sent without the forum's public address. */
class MailSetupTest {

    @Test
    void mailWithoutABaseUrlIsWarnedAbout() {
        String warning = MailSetup.missingBaseUrlWarning(true, false);
        assertNotNull(warning);
        assertTrue(warning.contains("FORUM_BASE_URL"), warning);
        assertNull(MailSetup.missingBaseUrlWarning(true, true));
        assertNull(MailSetup.missingBaseUrlWarning(false, false));
    }
}
