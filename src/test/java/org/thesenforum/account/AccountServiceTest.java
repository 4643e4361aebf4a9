package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.thesenforum.web.ProblemException;

/**
 * How a registration that lost at a unique index is refused (the race itself is in AccountResourceTest). Runs inside
 * the application, whose message bundles spell the refusals.
 */
@QuarkusTest
class AccountServiceTest {

    @Test
    void lostToALookAlikeNameIsRefusedAtTheDisplayName() {
        ProblemException e = AccountChecks.conflictOf(violation("ux_accounts_display_name_skeleton"));
        assertEquals(409, e.status());
        assertEquals("displayName", e.field());
        assertEquals("Dieser Name ähnelt zu sehr dem Namen eines bestehenden Kontos. Bitte einen anderen wählen, "
                + "zum Beispiel mit einem Zusatz wie dem Ort.", e.getMessage());
    }

    @Test
    void lostToALookAlikeAddressIsRefusedAtTheEmail() {
        // H2 names the index inside its message, upper case.
        ProblemException e = AccountChecks.conflictOf(
                violation("PUBLIC.UX_ACCOUNTS_EMAIL_SKELETON_INDEX_B ON PUBLIC.ACCOUNTS(EMAIL_SKELETON)"));
        assertEquals(409, e.status());
        assertEquals("email", e.field());
        assertEquals("Diese E-Mail-Adresse ähnelt zu sehr einer bereits registrierten Adresse. "
                + "Bitte eine andere verwenden.", e.getMessage());
    }

    @Test
    void lostToTheSameAddressSaysSo() {
        ProblemException e = AccountChecks.conflictOf(violation("uk_accounts_email"));
        assertEquals("email", e.field());
        assertEquals("Für diese E-Mail-Adresse gibt es schon ein Konto.", e.getMessage());
    }

    @Test
    void otherDatabaseErrorsAreNotDisguisedAsConflicts() {
        PersistenceException other = new PersistenceException("connection lost");
        assertSame(other, assertThrows(PersistenceException.class, () -> AccountChecks.conflictOf(other)));
    }

    private static PersistenceException violation(String constraint) {
        return new PersistenceException(new ConstraintViolationException("could not execute statement",
                new SQLException("unique violation", "23505"), constraint));
    }
}
