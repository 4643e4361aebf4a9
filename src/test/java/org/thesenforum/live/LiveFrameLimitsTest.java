package org.thesenforum.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.LiveClient;
import org.thesenforum.testing.LogCapture;
import org.thesenforum.testing.RawWebSocket;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad frames from anonymous clients: closed with the RFC 6455 code or answered, never an error in the log. */
@QuarkusTest
class LiveFrameLimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anOversizedMessageClosesWith1009AndLogsNoError() {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 3; i++) {
                try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, null, null, null)) {
                    client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
                    await().atMost(Duration.ofSeconds(5)).until(() -> client.closeCode() != null);
                    assertEquals(1009, client.closeCode());
                    assertTrue(client.ofType("pong").isEmpty());
                }
            }
            assertQuiet(log);
        }
    }

    @Test
    void aMessageOverTheLimitInFragmentsClosesWith1009() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base, "/live/" + Fixtures.SLUG)) {
            ws.send(RawWebSocket.TEXT, "a".repeat(3000).getBytes(StandardCharsets.UTF_8), false);
            ws.send(0, "a".repeat(3000).getBytes(StandardCharsets.UTF_8), true);
            assertEquals(1009, ws.awaitCloseCode());
        }
    }

    @Test
    void invalidUtf8ClosesWith1007AndLogsNoError() throws IOException {
        try (LogCapture log = LogCapture.start()) {
            try (RawWebSocket ws = RawWebSocket.connect(base, "/live/" + Fixtures.SLUG)) {
                ws.send(RawWebSocket.TEXT, new byte[] { '{', (byte) 0xC3, 0x28, (byte) 0xFF, '}' }, true);
                assertEquals(1007, ws.awaitCloseCode());
            }
            assertQuiet(log);
        }
    }

    @Test
    void utf8SplitAcrossFragmentsIsUnderstood() throws IOException {
        byte[] ping = "{\"type\":\"ping\",\"note\":\"ä\"}".getBytes(StandardCharsets.UTF_8);
        int middleOfUmlaut = ping.length - 3;
        try (RawWebSocket ws = RawWebSocket.connect(base, "/live/" + Fixtures.SLUG)) {
            ws.send(RawWebSocket.TEXT, Arrays.copyOfRange(ping, 0, middleOfUmlaut), false);
            ws.send(0, Arrays.copyOfRange(ping, middleOfUmlaut, ping.length), true);
            RawWebSocket.Frame frame;
            do {
                frame = ws.read();
            } while (frame.opcode() == RawWebSocket.TEXT && !frame.text().contains("\"pong\""));
            assertEquals(RawWebSocket.TEXT, frame.opcode(), frame.text());
        }
    }

    @Test
    void anErrorFrameSpeaksTheLanguageOfThePageThatOpenedTheSocket() {
        try (LiveClient client = LiveClient.open(base, Fixtures.SLUG, null, c -> c.addHeader("Cookie", "tf_lang=en"))) {
            client.send("{\"type\":\"sing\"}");
            String message = client.awaitFrame(f -> "error".equals(f.getString("type"))).getString("message");
            assertEquals("Not understood: expected a JSON object with “type” “ping”, “viewing” or “ack”.", message);
        }
    }

    @Test
    void aBinaryFrameGetsAnErrorFrameAndTheConnectionStays() {
        try (LogCapture log = LogCapture.start();
                LiveClient client = LiveClient.connect(base, Fixtures.SLUG, null, null, null)) {
            client.sendBinary(new byte[] { 1, 2, 3 });
            String message = client.awaitFrame(f -> "error".equals(f.getString("type"))).getString("message");
            assertTrue(message.startsWith("Nicht verstanden"), message);
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
            assertFalse(client.isClosed());
            assertQuiet(log);
        }
    }

    @Test
    void aSingleFrameOverTheDecodersFrameLimitClosesAndLogsNoError() throws IOException {
        try (LogCapture log = LogCapture.start()) {
            try (RawWebSocket ws = RawWebSocket.connect(base, "/live/" + Fixtures.SLUG)) {
                // Over websockets-next's max-frame-size (64 KB): the decoder refuses it before any guard of ours.
                ws.send(RawWebSocket.TEXT, "a".repeat(70_000).getBytes(StandardCharsets.UTF_8), true);
                assertEquals(1009, ws.awaitCloseCode());
            }
            assertQuiet(log);
        }
    }

    @Test
    void connectionsResetByTheirClientsLeaveTheLogQuiet() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                RawWebSocket ws = RawWebSocket.connect(base, "/live/" + Fixtures.SLUG + "?since=0");
                // Answers are still being written when the connection goes.
                for (int p = 0; p < 20; p++) {
                    ws.send(RawWebSocket.TEXT, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8), true);
                }
                ws.reset();
            }
            assertQuiet(log);
        }
        // The forum still serves live clients.
        try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, null, null, null)) {
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
        }
    }

    private static void assertQuiet(LogCapture log) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> log.problems().isEmpty());
        assertEquals(List.of(), log.problems());
    }
}
