package org.thesenforum.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.thesenforum.testing.Fixtures;
import org.thesenforum.testing.Fixtures.User;
import org.thesenforum.testing.LogCapture;

/** A chunked body over the limit is refused with 413 as soon as it passes it, without reading the rest. */
@QuarkusTest
class ChunkedBodyLimitTest {

    private static final long ENDLESS = 100L * 1024 * 1024;
    private static final byte[] CHUNK = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    @TestHTTPResource("/")
    URI base;

    @Test
    void anEndlessChunkedApiBodyGets413ProblemWhileTheClientIsStillSending() throws Exception {
        User expert = Fixtures.expert();
        long topic = Fixtures.freshTopic();
        try (LogCapture log = LogCapture.start()) {
            Streamed result = stream("/api/topics/" + topic + "/comments", expert);
            assertTrue(result.response().startsWith("HTTP/1.1 413"), result.response());
            assertTrue(result.response().toLowerCase().contains("content-type: application/problem+json"),
                    result.response());
            JsonObject problem = new JsonObject(result.response().substring(result.response().indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.getInteger("status"));
            assertTrue(problem.getString("detail").contains("64 KB"), problem.encode());
            assertTrue(result.sentWhenAnswered() < 10 * 1024 * 1024,
                    "answered after " + result.sentWhenAnswered() + " bytes, not at the end");
            assertEquals(0, Fixtures.commentCount(topic));
            assertEquals(List.of(), log.problems());
        }
    }

    @Test
    void anEndlessChunkedFormBodyGets413Text() throws Exception {
        Streamed result = stream("/login", null);
        assertTrue(result.response().startsWith("HTTP/1.1 413"), result.response());
        assertTrue(result.response().contains("Die Anfrage ist zu groß"), result.response());
    }

    @Test
    void theRefusalIsInTheReadersLanguage() throws Exception {
        Streamed text = stream("/login", null, "Cookie: csrf-token=x; " + Languages.COOKIE + "=en\r\n");
        assertTrue(text.response().startsWith("HTTP/1.1 413"), text.response());
        assertTrue(text.response().contains("The request is too large (at most 64 KB)."), text.response());
        Streamed problem = stream("/api/topics/" + Fixtures.freshTopic() + "/comments", Fixtures.expert(),
                "Accept-Language: en-GB, en;q=0.8\r\n");
        JsonObject body = new JsonObject(problem.response().substring(problem.response().indexOf("\r\n\r\n") + 4));
        assertEquals("The request is too large (at most 64 KB).", body.getString("detail"));
    }

    @Test
    void aSmallChunkedBodyIsStillRead() {
        long topic = Fixtures.freshTopic();
        byte[] json = "{\"body\": \"In Stücken geschickt\"}".getBytes(StandardCharsets.UTF_8);
        Fixtures.expert().as().body(new ByteArrayInputStream(json)).post("/api/topics/" + topic + "/comments")
                .then().statusCode(201).body("body", equalTo("In Stücken geschickt"));
        assertEquals(1, Fixtures.commentCount(topic));
    }

    record Streamed(String response, long sentWhenAnswered) {
    }

    /** Sends a chunked body of up to 100 MB from another thread and reads the answer meanwhile. */
    private Streamed stream(String path, User user) throws Exception {
        return stream(path, user, "");
    }

    /** The same with more request headers, each ending in CRLF. */
    private Streamed stream(String path, User user, String headers) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String auth = user == null ? "" : "Authorization: Basic " + Base64.getEncoder()
                    .encodeToString((user.email() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n" + auth
                    + headers + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n{\"body\": \"\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(() -> {
                try {
                    while (sent.get() < ENDLESS) {
                        out.write(CHUNK);
                        sent.addAndGet(0x2000);
                    }
                } catch (IOException closedByServer) {
                    // expected: the server stopped reading and closed
                }
            });
            sender.start();
            String response = readUntilClosed(socket.getInputStream());
            long sentWhenAnswered = sent.get();
            sender.join(30_000);
            return new Streamed(response, sentWhenAnswered);
        }
    }

    private static String readUntilClosed(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (IOException resetAfterTheAnswer) {
            // a reset may follow the answer; what arrived before it counts
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
