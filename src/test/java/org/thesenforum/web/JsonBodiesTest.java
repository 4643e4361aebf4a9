package org.thesenforum.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * JSON bodies of API writes are read before the endpoint runs ({@link JsonBodies}): the answer does not depend on
 * how the body arrives, a body on its way keeps no worker thread waiting, and a body that stops arriving ends the
 * connection after the read timeout.
 */
@QuarkusTest
@TestProfile(JsonBodiesTest.ShortReadTimeout.class)
class JsonBodiesTest {

    /**
     * Five seconds, so a body that stops is given up quickly; four worker threads, so that bodies which kept workers
     * waiting would soon leave none for anyone else.
     */
    public static class ShortReadTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.read-timeout", "5s", "quarkus.thread-pool.max-threads", "4");
        }
    }

    private static final String ACCOUNT = "{\"invitationCode\": \"gibt-es-nicht\", \"email\": \"neu@example.org\","
            + " \"displayName\": \"Neu\", \"password\": \"lang-genug-1234\"}";

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBodyInPiecesGetsTheSameAnswerAsAtOnce() throws Exception {
        byte[] body = ACCOUNT.getBytes(StandardCharsets.UTF_8);
        String atOnce = post("/api/accounts", "application/json", body, body.length, 0);
        // 5 pieces over 6 s: longer than the read timeout in all, but never that long between two pieces
        String inPieces = post("/api/accounts", "application/json", body, 25, 1_500);
        assertTrue(atOnce.matches("(?s)HTTP/1.1 4\\d\\d .*application/problem\\+json.*"), atOnce);
        assertEquals(statusAndBody(atOnce), statusAndBody(inPieces));
    }

    @Test
    void malformedJsonInPiecesIsStillAProblemNamingNoStackTrace() throws Exception {
        byte[] body = "{\"invitationCode\": \"x\"} trailing".getBytes(StandardCharsets.UTF_8);
        String answer = post("/api/accounts", "application/json; charset=UTF-8", body, 5, 150);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertFalse(answer.contains("Exception"), answer);
    }

    @Test
    void aBodyThatStopsEndsTheConnectionAfterTheReadTimeout() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"invitationCode\": ").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> HeaderTimeoutTest.closedByServer(socket));
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited >= 4_500, "not before the read timeout (5 s): " + waited + " ms");
        }
    }

    @Test
    void bodiesStillOnTheirWayHoldNoWorkerThread() throws IOException {
        List<Socket> waiting = new ArrayList<>();
        try {
            // more unfinished bodies than there are worker threads
            for (int i = 0; i < 6; i++) {
                Socket socket = open();
                waiting.add(socket);
                socket.getOutputStream().write(("POST /api/accounts HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"invitationCode\": ")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long started = System.nanoTime();
            given().when().get("/api/discussions").then().statusCode(200);
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // had the bodies kept the four workers waiting, the read ends only after the 5-s read timeout
            assertTrue(took < 3_000, "answered while the bodies are on their way: " + took + " ms");
        } finally {
            for (Socket socket : waiting) {
                socket.close();
            }
        }
    }

    /** Sends a request whose body goes out {@code piece} bytes at a time, {@code pause} ms apart; the response. */
    private String post(String path, String type, byte[] body, int piece, long pause) throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAccept-Language: de\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int at = 0; at < body.length; at += piece) {
                if (at > 0) {
                    Thread.sleep(pause);
                }
                out.write(Arrays.copyOfRange(body, at, Math.min(body.length, at + piece)));
                out.flush();
            }
            return HeaderTimeoutTest.readResponse(socket.getInputStream());
        }
    }

    /** The status line and the body, without headers that differ from response to response (date, cookies). */
    private static String statusAndBody(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        return response.substring(0, response.indexOf("\r\n")) + "\n" + response.substring(headEnd + 4);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }
}
