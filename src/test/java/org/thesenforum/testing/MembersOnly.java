package org.thesenforum.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The forum with {@code forum.read-access=members}: one profile for every test of it, so the app starts once. */
public class MembersOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("forum.read-access", "members");
    }
}
