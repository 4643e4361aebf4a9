package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;

@QuarkusTest
class SkeletonBackfillTest {

    @Inject
    SkeletonBackfill backfill;

    @Test
    void fillsAccountsStoredBeforeLookAlikesWereRefusedAndLogsCollisions() {
        String suffix = String.valueOf(System.nanoTime());
        User untidy = Fixtures.expert();
        User original = Fixtures.expert();
        User imitation = Fixtures.expert();
        // As stored by earlier versions: an address only trimmed and lower-cased, and no skeletons.
        String untidyEmail = "alt.konto\u200B" + suffix + "@example.org.";
        asStoredBefore(untidy, untidyEmail, "Altes Konto " + suffix);
        asStoredBefore(original, "stadtteil" + suffix + "@example.org", "Stadtteilbüro " + suffix);
        asStoredBefore(imitation, "st\u0430dtteil" + suffix + "@example.org", "Stadtteilbür\u043E " + suffix);

        assertEquals(1, backfill.fill(), "the imitation is left for an admin to look at");

        Account tidied = load(untidy);
        assertEquals("alt.konto" + suffix + "@example.org", tidied.email);
        assertEquals(Lookalikes.emailSkeleton(tidied.email), tidied.emailSkeleton);
        assertEquals(Lookalikes.nameSkeleton("Altes Konto " + suffix), tidied.displayNameSkeleton);
        Account first = load(original);
        assertNotNull(first.emailSkeleton);
        assertNotNull(first.displayNameSkeleton);
        Account second = load(imitation);
        assertNull(second.emailSkeleton);
        assertNull(second.displayNameSkeleton);
        assertEquals("st\u0430dtteil" + suffix + "@example.org", second.email);

        assertEquals(1, backfill.fill(), "a second run changes nothing");
        assertEquals(tidied.emailSkeleton, load(untidy).emailSkeleton);
        assertNull(load(imitation).emailSkeleton);

        // Leave no half-filled row behind for other tests.
        QuarkusTransaction.requiringNew().run(() -> Account.deleteById(imitation.id()));
        assertEquals(0, backfill.fill());
    }

    @Test
    void nameSkeletonsOfAnEarlierRuleAreTakenAnewAndNewLookAlikesAreLogged() {
        String suffix = String.valueOf(System.nanoTime());
        User original = Fixtures.expert();
        User imitation = Fixtures.expert();
        // Stored under the earlier rule, where a Greek capital Epsilon did not count as E: two different skeletons.
        QuarkusTransaction.requiringNew().run(() -> {
            Account.update("displayName = ?1, displayNameSkeleton = ?2 where id = ?3", "Erika Muster " + suffix,
                    "earlier rule a " + suffix, original.id());
            Account.update("displayName = ?1, displayNameSkeleton = ?2 where id = ?3", "\u0395rika Muster " + suffix,
                    "earlier rule b " + suffix, imitation.id());
        });

        assertEquals(1, backfill.fill(), "the imitation is left for an admin to look at");
        assertEquals(Lookalikes.nameSkeleton("Erika Muster " + suffix), load(original).displayNameSkeleton);
        assertNull(load(imitation).displayNameSkeleton);

        QuarkusTransaction.requiringNew().run(() -> Account.deleteById(imitation.id()));
        assertEquals(0, backfill.fill());
        assertEquals(Lookalikes.nameSkeleton("Erika Muster " + suffix), load(original).displayNameSkeleton);
    }

    private static void asStoredBefore(User user, String email, String displayName) {
        QuarkusTransaction.requiringNew().run(() -> Account.update(
                "email = ?1, displayName = ?2, emailSkeleton = null, displayNameSkeleton = null where id = ?3",
                email, displayName, user.id()));
    }

    private static Account load(User user) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findById(user.id()));
    }
}
