package org.thesenforum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thesenforum.web.SharedKey;

/** The doorbell's payloads, the comparison of shared keys and the jobs' lock keys. */
class ClusterUnitTest {

    @Test
    void ringsAreSplitIntoPayloadsBelowPostgresLimitAndNoneIsLost() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add("journal " + i + " " + (1_000_000 + i));
        }
        lines.add("notice 7 " + "ä".repeat(1_900));
        List<String> payloads = Doorbell.payloads("abcdef012345", lines);
        assertTrue(payloads.size() > 1);
        List<String> back = new ArrayList<>();
        for (String p : payloads) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= Doorbell.MAX_PAYLOAD, "payload too large");
            String[] parts = p.split("\n");
            assertEquals("abcdef012345", parts[0]);
            back.addAll(List.of(parts).subList(1, parts.length));
        }
        assertEquals(lines, back);
    }

    @Test
    void keysDifferOnlyWhereBothInstancesHaveTheSetting() {
        Map<String, String> mine = Map.of("forum.session.key", "aa", "forum.csrf-key", "bb");
        assertEquals(List.of(), Instances.differing(mine, Map.of("forum.session.key", "aa", "forum.csrf-key", "bb")));
        assertEquals(List.of("forum.session.key"),
                Instances.differing(mine, Map.of("forum.session.key", "cc", "forum.csrf-key", "bb")));
        assertEquals(List.of(), Instances.differing(mine, Map.of()));
        assertEquals(mine, Instances.decode(Instances.encode(mine)));
    }

    @Test
    void fingerprintsTellKeysApartWithoutGivingThemAway() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "0123456789abcdef0123456789abcdeX".getBytes(StandardCharsets.US_ASCII);
        assertEquals(SharedKey.fingerprintOf(key), SharedKey.fingerprintOf(key.clone()));
        assertNotEquals(SharedKey.fingerprintOf(key), SharedKey.fingerprintOf(other));
        assertEquals(16, SharedKey.fingerprintOf(key).length());
    }

    @Test
    void eachJobHasAStableLockKeyOfItsOwn() {
        assertEquals(ClusterJobs.lockKey("journal-prune"), ClusterJobs.lockKey("journal-prune"));
        assertNotEquals(ClusterJobs.lockKey("journal-prune"), ClusterJobs.lockKey("notification-digest"));
        assertEquals(0x7466L, ClusterJobs.lockKey("journal-prune") >>> 32);
    }
}
