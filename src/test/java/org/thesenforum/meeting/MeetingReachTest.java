package org.thesenforum.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thesenforum.journal.ConnectionFacts.Connection;
import org.thesenforum.journal.ConnectionFacts.Elsewhere;
import org.thesenforum.meeting.MeetingReach.Reach;
import org.thesenforum.testing.MutableClock;

/** Counting the devices that are up to date and those more than 30 seconds behind, on fixed facts. */
class MeetingReachTest {

    private static final Instant T0 = Instant.parse("2026-06-16T08:30:00Z");

    private static Connection device(Long acknowledged) {
        return new Connection("c" + acknowledged, null, null, acknowledged);
    }

    @Test
    void devicesThatAppliedTheNewestSeqAreCurrent() {
        Reach reach = MeetingReach.count(List.of(device(10L), device(10L), device(9L)), 10,
                Map.of(10L, T0), T0.plusSeconds(5));
        assertEquals(new Reach(3, 2, 1, 0, 10, T0.plusSeconds(5)), reach);
    }

    @Test
    void aDeviceHangsOnceTheFirstChangeItMissedIsOlderThanThirtySeconds() {
        MutableClock clock = new MutableClock(T0);
        // seq 8 came at T0, seq 9 and 10 twenty seconds later.
        Map<Long, Instant> appended = Map.of(8L, T0, 9L, T0.plusSeconds(20), 10L, T0.plusSeconds(20));
        List<Connection> room = List.of(device(10L), device(8L), device(7L));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, MeetingReach.count(room, 10, appended, clock.instant()).lagging());
        clock.advance(Duration.ofSeconds(1));
        // The device at 7 missed seq 8, appended 31 s ago; the one at 8 missed seq 9, 11 s ago.
        Reach reach = MeetingReach.count(room, 10, appended, clock.instant());
        assertEquals(1, reach.lagging());
        assertEquals(2, reach.behind());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(2, MeetingReach.count(room, 10, appended, clock.instant()).lagging());
    }

    @Test
    void aDeviceBehindPrunedEntriesHangsAndOneThatAcknowledgedNothingIsOnlyBehind() {
        Reach reach = MeetingReach.count(List.of(device(2L), device(null)), 10, Map.of(10L, T0), T0);
        assertEquals(new Reach(2, 0, 2, 1, 10, T0), reach);
    }

    @Test
    void noDevicesNoCounts() {
        assertEquals(new Reach(0, 0, 0, 0, 4, T0), MeetingReach.count(List.of(), 4, Map.of(), T0));
    }

    @Test
    void devicesOfOtherInstancesCountByHowManyAcknowledgedWhat() {
        // Here: one device current. Elsewhere: three current, two that acknowledged nothing yet, and four at seq 7,
        // whose first missed change (seq 8) came 40 s ago.
        List<Elsewhere> devices = List.of(new Elsewhere(10L, 1), new Elsewhere(10L, 3), new Elsewhere(null, 2),
                new Elsewhere(7L, 4));
        Reach reach = MeetingReach.countGrouped(devices, 10, Map.of(8L, T0, 9L, T0, 10L, T0), T0.plusSeconds(40));
        assertEquals(new Reach(10, 4, 6, 4, 10, T0.plusSeconds(40)), reach);
    }
}
