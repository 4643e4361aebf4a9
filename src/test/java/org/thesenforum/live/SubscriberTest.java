package org.thesenforum.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

class SubscriberTest {

    /** A connection that records what is sent; with {@code stalled} no send ever completes, like a dead client. */
    private static final class FakeConnection {
        final List<String> sent = new ArrayList<>();
        final List<Integer> closedWith = new ArrayList<>();
        final WebSocketConnection proxy;

        FakeConnection(boolean stalled) {
            proxy = (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { WebSocketConnection.class }, (p, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            sent.add((String) args[0]);
                            yield stalled ? Uni.createFrom().emitter(e -> { }) : Uni.createFrom().voidItem();
                        }
                        case "close" -> {
                            closedWith.add(((CloseReason) args[0]).getCode());
                            yield Uni.createFrom().voidItem();
                        }
                        case "id" -> "fake";
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static List<LiveFrame> frames(String... texts) {
        return java.util.Arrays.stream(texts).map(LiveFrame::of).toList();
    }

    @Test
    void eventsHeldWhileCatchingUpFollowTheReplayWithoutDuplicates() {
        FakeConnection c = new FakeConnection(false);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 100, Long.MAX_VALUE);
        s.deliver(11, "e11");
        s.deliver(12, "e12");
        s.catchUp(frames("e9", "e10", "e11"), List.of(9L, 10L, 11L), 11);
        s.deliver(12, "e12");
        s.deliver(13, "e13");
        assertEquals(List.of("e9", "e10", "e11", "e12", "e13"), c.sent);
        assertEquals(13, s.lastSeq());
    }

    @Test
    void acknowledgementsStayWithinWhatWasSentAndNeverGoBack() {
        FakeConnection c = new FakeConnection(false);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 100, Long.MAX_VALUE);
        assertEquals(null, s.acknowledged());
        s.resumeFrom(10);
        assertTrue(s.acknowledge(10), "what it resumed from, before the replay");
        assertFalse(s.acknowledge(11), "not sent yet");
        s.catchUp(frames("e11", "e12"), List.of(11L, 12L), 12);
        assertTrue(s.acknowledge(12));
        assertTrue(s.acknowledge(12), "the same again");
        assertFalse(s.acknowledge(11), "backwards");
        assertFalse(s.acknowledge(-1));
        assertFalse(s.acknowledge(13));
        assertEquals(12L, s.acknowledged());
    }

    @Test
    void startingAtASeqSkipsOlderEvents() {
        FakeConnection c = new FakeConnection(false);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 100, Long.MAX_VALUE);
        s.deliver(5, "e5");
        s.deliver(6, "e6");
        s.startAt(5);
        s.deliver(7, "e7");
        assertEquals(List.of("e6", "e7"), c.sent);
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithCloseCode4008() {
        FakeConnection c = new FakeConnection(true);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 10, Long.MAX_VALUE);
        s.startAt(0);
        for (int seq = 1; seq <= 50; seq++) {
            s.deliver(seq, "e" + seq);
        }
        assertEquals(List.of(Subscriber.CLOSE_TOO_SLOW), c.closedWith);
        assertEquals(10, c.sent.size(), "nothing is queued beyond the cap");
    }

    @Test
    void aClientWithTooManyBytesQueuedIsDroppedBeforeTheFrameCapIsReached() {
        FakeConnection c = new FakeConnection(true);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 1000, 10_000);
        s.startAt(0);
        String frame = "x".repeat(3000);
        for (int seq = 1; seq <= 10; seq++) {
            s.deliver(seq, frame);
        }
        assertEquals(List.of(Subscriber.CLOSE_TOO_SLOW), c.closedWith);
        assertEquals(3, c.sent.size(), "three frames fit into 10,000 bytes, the fourth does not");
    }

    @Test
    void aClientThatFallsTooFarBehindWhileCatchingUpIsDroppedToo() {
        FakeConnection c = new FakeConnection(false);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, false, null, null, 5, Long.MAX_VALUE);
        for (int seq = 1; seq <= 6; seq++) {
            s.deliver(seq, "e" + seq);
        }
        assertEquals(List.of(Subscriber.CLOSE_TOO_SLOW), c.closedWith);
        assertTrue(c.sent.isEmpty());
    }

    /** The forum's live settings as the hub reads them: 1000 frames, 2 MB. */
    private static org.thesenforum.web.ForumConfig config() {
        Object live = Proxy.newProxyInstance(SubscriberTest.class.getClassLoader(),
                new Class<?>[] { org.thesenforum.web.ForumConfig.Live.class }, (p, method, args) -> switch (method.getName()) {
                    case "maxQueue" -> 1000;
                    case "maxQueueBytes" -> new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(2 << 20));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (org.thesenforum.web.ForumConfig) Proxy.newProxyInstance(SubscriberTest.class.getClassLoader(),
                new Class<?>[] { org.thesenforum.web.ForumConfig.class }, (p, method, args) -> {
                    if (method.getName().equals("live")) {
                        return live;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSocketWhoseSessionsEndedDuringItsHandshakeIsClosedWhenItJoins() {
        org.thesenforum.web.Revocations revocations = new org.thesenforum.web.Revocations();
        LiveHub hub = new LiveHub(new com.fasterxml.jackson.databind.ObjectMapper(), config(), revocations);
        long mark = revocations.mark(7);
        // The identity was checked (mark read), then every session of account 7 ended before the socket joined.
        revocations.record(new org.thesenforum.web.SessionEnded(7, null));
        FakeConnection late = new FakeConnection(false);
        Subscriber s = hub.join(late.proxy, null, null, 1, true, new Subscriber.Owner(7, 70L, mark, null), null);
        assertTrue(s.ended());
        assertEquals(List.of(Subscriber.CLOSE_SESSION_ENDED), late.closedWith);
        s.startAt(0);
        s.deliver(1, "{\"seq\":1}");
        assertTrue(late.sent.isEmpty(), "nothing is written to a socket whose session ended");

        FakeConnection other = new FakeConnection(false);
        Subscriber someoneElse = hub.join(other.proxy, null, null, 1, false, new Subscriber.Owner(8, 80L, 0, null),
                null);
        assertFalse(someoneElse.ended());
    }

    @Test
    void aDeviceSessionEndedDuringTheHandshakeClosesOnlyItsOwnSocket() {
        org.thesenforum.web.Revocations revocations = new org.thesenforum.web.Revocations();
        LiveHub hub = new LiveHub(new com.fasterxml.jackson.databind.ObjectMapper(), config(), revocations);
        revocations.record(new org.thesenforum.web.SessionEnded(7, 71L));
        FakeConnection phone = new FakeConnection(false);
        FakeConnection office = new FakeConnection(false);
        assertFalse(hub.join(phone.proxy, null, null, 1, false, new Subscriber.Owner(7, 70L, 0, null), null).ended());
        assertTrue(hub.join(office.proxy, null, null, 1, false, new Subscriber.Owner(7, 71L, 0, null), null).ended());
        assertEquals(List.of(Subscriber.CLOSE_SESSION_ENDED), office.closedWith);
        assertTrue(phone.closedWith.isEmpty());
    }

    @Test
    void aSilencedSocketWritesNothingAndClosesOnceWith4401() {
        FakeConnection c = new FakeConnection(false);
        Subscriber s = new Subscriber(c.proxy, null, null, 1, true, new Subscriber.Owner(7, 70L, 0, null), null, 100,
                Long.MAX_VALUE);
        s.startAt(0);
        s.deliver(1, "{\"seq\":1}");
        s.silence();
        s.deliver(2, "{\"seq\":2}");
        s.sendEphemeral("{\"type\":\"heartbeat\"}");
        s.endSession();
        s.endSession();
        assertEquals(List.of("{\"seq\":1}"), c.sent);
        assertEquals(List.of(Subscriber.CLOSE_SESSION_ENDED), c.closedWith);
        assertTrue(s.belongsTo(7, null));
        assertTrue(s.belongsTo(7, 70L));
        assertFalse(s.belongsTo(7, 71L));
        assertFalse(s.belongsTo(8, null));
    }

    @Test
    void aSessionPastItsExpiryIsExpired() {
        Subscriber.Owner owner = new Subscriber.Owner(7, 70L, 0, 1_000L);
        assertFalse(owner.expired(999));
        assertTrue(owner.expired(1_000));
        assertFalse(new Subscriber.Owner(7, null, 0, null).expired(Long.MAX_VALUE), "HTTP Basic has no expiry");
    }
}
