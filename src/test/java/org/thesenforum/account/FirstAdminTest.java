package org.thesenforum.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.junit.jupiter.api.Test;

/** The admin created at the first start is stored like every other account: normalised, with its skeletons. */
@QuarkusTest
@TestProfile(FirstAdminTest.UntidyAdminAddress.class)
class FirstAdminTest {

    private static final String ADDRESS = "admin@forum.example";

    /** An admin address as someone might paste it: fullwidth letter, zero-width space, capitals, trailing dot. */
    public static class UntidyAdminAddress implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.admin.email", "\u200B\uFF21dmin@Forum.Example.");
        }
    }

    @Test
    void theFirstAdminIsStoredWithTheNormalisedAddressAndSkeletons() {
        given().auth().preemptive().basic(ADDRESS, "admin-test-password").get("/api/me").then().statusCode(200)
                .body("email", equalTo(ADDRESS)).body("role", equalTo("ADMIN"))
                .body("displayName", equalTo("Administration"));
        QuarkusTransaction.requiringNew().run(() -> {
            Account admin = Account.findByEmail(ADDRESS).orElseThrow();
            assertEquals(ADDRESS, admin.email);
            assertEquals(Lookalikes.emailSkeleton(ADDRESS), admin.emailSkeleton);
            assertEquals(Lookalikes.nameSkeleton("Administration"), admin.displayNameSkeleton);
            assertEquals(1, Account.count("role", Role.ADMIN));
        });
    }
}
