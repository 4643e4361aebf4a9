package org.thesenforum.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.LiveClient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Connections that do not deliver request headers in time are closed; WebSockets and slow bodies are not. */
@QuarkusTest
@TestProfile(HeaderTimeoutTest.ShortHeaderTimeout.class)
class HeaderTimeoutTest {

    /** Two seconds, so a trickle of a byte a second outlasts it quickly. */
    public static class ShortHeaderTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forum.http.header-timeout", "2s");
        }
    }

    /** The header timeout plus room for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(6);

    @TestHTTPResource("/")
    URI base;

    @Test
    void trickledHeadersAreCutOff() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            AtomicInteger trickled = new AtomicInteger();
            await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> trickleAndCheckClosed(socket, trickled));
            assertTrue(trickled.get() >= 1, "the server took trickled bytes before it gave up");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterItsResponse() throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write("GET /api/discussions HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            await().atMost(BOUND).until(() -> closedByServer(socket));
        }
    }

    @Test
    void aSlowBodyAfterPromptHeadersIsAnswered() throws IOException {
        byte[] body = "{\"invitationCode\": \"gibt-es-nicht\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicInteger next = new AtomicInteger();
            // one byte every 100 ms: the body takes more than three seconds, longer than the header timeout
            await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        out.write(body[next.getAndIncrement()]);
                        out.flush();
                        return next.get() == body.length;
                    });
            String response = readResponse(socket.getInputStream());
            assertTrue(response.matches("(?s)HTTP/1.1 4\\d\\d .*application/problem\\+json.*"), response);
        }
    }

    @Test
    void aWebSocketOutlivesTheTimeoutAndStillGetsFrames() {
        try (LiveClient client = LiveClient.connect(base, Fixtures.SLUG, null, null, null)) {
            await().during(Duration.ofSeconds(4)).atMost(BOUND).until(() -> !client.isClosed());
            client.send("{\"type\":\"ping\"}");
            client.awaitFrame(f -> "pong".equals(f.getString("type")));
            assertFalse(client.isClosed());
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends one more header byte, then tells whether the server has closed the connection. */
    private static boolean trickleAndCheckClosed(Socket socket, AtomicInteger trickled) {
        try {
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
            trickled.incrementAndGet();
        } catch (IOException e) {
            return true;
        }
        return closedByServer(socket);
    }

    /** Whether the server has closed the connection (it answers nothing more, it closes). */
    static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(50);
            int read = socket.getInputStream().read();
            assertEquals(-1, read, "the server answers nothing, it closes");
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Status line, headers and a Content-Length body. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
