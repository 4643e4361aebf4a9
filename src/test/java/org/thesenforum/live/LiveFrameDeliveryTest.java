package org.thesenforum.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBuf;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

import org.thesenforum.journal.JournalEntry;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Revocations;

/** The encode-once path: one frame per audience and event, handed as the same bytes to all its connections. */
class LiveFrameDeliveryTest {

    /** A Vert.x socket that records the frames written to it. */
    private static final class FakeSocket {
        final List<ByteBuf> frames = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final ServerWebSocket proxy = (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServerWebSocket.class }, (p, method, args) -> switch (method.getName()) {
                    case "writeFrame" -> {
                        WebSocketFrameImpl frame = (WebSocketFrameImpl) args[0];
                        assertEquals(WebSocketFrameType.TEXT, frame.type());
                        assertTrue(frame.isFinal());
                        frames.add(frame.getBinaryData());
                        yield Future.succeededFuture();
                    }
                    case "writeTextMessage" -> {
                        messages.add((String) args[0]);
                        yield Future.succeededFuture();
                    }
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        String text(int i) {
            return frames.get(i).toString(StandardCharsets.UTF_8);
        }
    }

    /** A WebSockets Next connection that must not be used for writing while the Vert.x socket is there. */
    private static WebSocketConnection connection() {
        return (WebSocketConnection) Proxy.newProxyInstance(LiveFrameDeliveryTest.class.getClassLoader(),
                new Class<?>[] { WebSocketConnection.class }, (p, method, args) -> switch (method.getName()) {
                    case "id" -> "fake";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ForumConfig config() {
        Object live = Proxy.newProxyInstance(LiveFrameDeliveryTest.class.getClassLoader(),
                new Class<?>[] { ForumConfig.Live.class }, (p, method, args) -> switch (method.getName()) {
                    case "maxQueue" -> 1000;
                    case "maxQueueBytes" -> new MemorySize(BigInteger.valueOf(2 << 20));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ForumConfig) Proxy.newProxyInstance(LiveFrameDeliveryTest.class.getClassLoader(),
                new Class<?>[] { ForumConfig.class }, (p, method, args) -> {
                    if (method.getName().equals("live")) {
                        return live;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private final LiveHub hub = new LiveHub(new ObjectMapper(), config(), new Revocations());
    private final Frames frames = new Frames(null, hub);

    private FakeSocket join(boolean moderator) {
        FakeSocket socket = new FakeSocket();
        hub.join(connection(), socket.proxy, null, 1, moderator, null, null).startAt(0);
        return socket;
    }

    private static JournalEntry entry(long seq, String data, String html, String moderatorData,
            String moderatorHtml) {
        JournalEntry e = new JournalEntry();
        e.discussionId = 1;
        e.seq = seq;
        e.type = "comment.created";
        e.topicId = 7L;
        e.data = data;
        e.html = html;
        e.moderatorData = moderatorData;
        e.moderatorHtml = moderatorHtml;
        e.target = "thread-7";
        e.swap = "append";
        return e;
    }

    @Test
    void everyConnectionOfAnAudienceGetsTheSameBytesEncodedOnce() {
        List<FakeSocket> readers = List.of(join(false), join(false), join(false));
        Frames.Encoded encoded = frames.encode(entry(1, "{\"id\":5,\"body\":\"„Grün“ – schön\"}",
                "<p>„Grün“ – schön</p>", null, null));
        assertSame(encoded.forReaders(), encoded.forModerators(), "one frame when both audiences see the same");
        hub.deliver(1, 1, encoded.forReaders(), encoded.forModerators());

        byte[] expected = encoded.forReaders().text().getBytes(StandardCharsets.UTF_8);
        for (FakeSocket s : readers) {
            assertEquals(1, s.frames.size());
            byte[] written = new byte[s.frames.get(0).readableBytes()];
            s.frames.get(0).getBytes(s.frames.get(0).readerIndex(), written);
            assertArrayEquals(expected, written, "the frame as UTF-8, byte for byte");
            // A view of the one encoded buffer, not a copy made for this connection.
            assertSame(readers.get(0).frames.get(0).array(), s.frames.get(0).array());
        }
        assertTrue(readers.get(0).text(0).contains("„Grün“ – schön"));
        assertTrue(readers.get(0).messages.isEmpty());
    }

    @Test
    void readersAndModeratorsEachGetTheirOwnVariantOfAHiddenComment() {
        FakeSocket reader = join(false);
        FakeSocket otherReader = join(false);
        FakeSocket moderator = join(true);
        Frames.Encoded encoded = frames.encode(entry(1, "{\"id\":5,\"hidden\":true,\"body\":null}",
                "<article id=\"c5\">ausgeblendet</article>", "{\"id\":5,\"hidden\":true,\"body\":\"Geheimer Text\"}",
                "<article id=\"c5\">Geheimer Text</article>"));
        hub.deliver(1, 1, encoded.forReaders(), encoded.forModerators());

        for (FakeSocket r : List.of(reader, otherReader)) {
            assertEquals(1, r.frames.size());
            assertFalse(r.text(0).contains("Geheimer Text"), "readers never get the hidden text");
            assertTrue(r.text(0).contains("ausgeblendet"));
        }
        assertSame(reader.frames.get(0).array(), otherReader.frames.get(0).array());
        assertEquals(1, moderator.frames.size());
        assertTrue(moderator.text(0).contains("Geheimer Text"));
        assertTrue(moderator.text(0).contains("\"seq\":1"));
    }

    @Test
    void framesAreDeliveredOnceInSeqOrder() {
        FakeSocket reader = join(false);
        for (long seq = 1; seq <= 3; seq++) {
            LiveFrame f = frames.encode(entry(seq, "{\"id\":" + seq + "}", "<p>" + seq + "</p>", null, null))
                    .forReaders();
            hub.deliver(1, seq, f, f);
            hub.deliver(1, seq, f, f);
        }
        assertEquals(3, reader.frames.size(), "a seq delivered twice is written once");
        for (int i = 0; i < 3; i++) {
            assertTrue(reader.text(i).startsWith("{\"seq\":" + (i + 1) + ","), reader.text(i));
        }
    }

    @Test
    void aFrameLongerThanOneWebSocketFrameIsSentAsAMessageThatVertxSplits() {
        FakeSocket reader = join(false);
        String body = "x".repeat(Subscriber.MAX_SINGLE_FRAME);
        LiveFrame big = frames.encode(entry(1, "{\"id\":1}", "<p>" + body + "</p>", null, null)).forReaders();
        hub.deliver(1, 1, big, big);
        assertTrue(reader.frames.isEmpty());
        assertEquals(List.of(big.text()), reader.messages);
    }
}
