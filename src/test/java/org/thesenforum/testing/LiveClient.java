package org.thesenforum.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.json.JsonObject;

/** A real WebSocket client for tests: collects every frame it receives. */
public final class LiveClient implements AutoCloseable {

    public final List<JsonObject> frames;
    private final AtomicReference<Integer> closeCode;
    private final WebSocketClientConnection connection;

    private LiveClient(WebSocketClientConnection connection, List<JsonObject> frames,
            AtomicReference<Integer> closeCode) {
        this.connection = connection;
        this.frames = frames;
        this.closeCode = closeCode;
    }

    /** Connects as a browser does: with the session cookie (null for anonymous) and a same-site Origin. */
    public static LiveClient connectWithCookie(URI base, String slug, String query, String sessionCookie) {
        return open(base, slug, query, connector -> {
            connector.addHeader("Origin", base.getScheme() + "://" + base.getAuthority());
            if (sessionCookie != null) {
                connector.addHeader("Cookie", "tf_session=" + sessionCookie);
            }
        });
    }

    public static LiveClient connect(URI base, String slug, String query, String email, String password) {
        return open(base, slug, query, connector -> {
            if (email != null) {
                connector.addHeader("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    /** Connects with whatever headers {@code credentials} adds to the handshake. */
    public static LiveClient open(URI base, String slug, String query,
            java.util.function.Consumer<BasicWebSocketConnector> credentials) {
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        AtomicReference<Integer> closeCode = new AtomicReference<>();
        // Non-blocking: callbacks run on the connection's event loop, one after the other, in arrival order.
        BasicWebSocketConnector connector = BasicWebSocketConnector.create().baseUri(base)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .path("/live/" + slug + (query == null ? "" : "?" + query))
                .onTextMessage((c, text) -> frames.add(new JsonObject(text)))
                .onClose((c, reason) -> closeCode.set(reason.getCode()));
        credentials.accept(connector);
        LiveClient client = new LiveClient(connector.connectAndAwait(), frames, closeCode);
        client.awaitRegistered();
        return client;
    }

    /**
     * The handshake completes before the server has registered the connection for the stream, so a change made
     * right after {@code connectAndAwait} could be missed by a client that connected without {@code since}. The
     * server answers a ping only once the connection is registered (earlier frames wait for it), so one ping
     * answered means registered. That pong is taken out of {@link #frames}, which then holds only what the test
     * itself caused; a connection the server closes at once is returned as it is.
     */
    private void awaitRegistered() {
        try {
            connection.sendTextAndAwait("{\"type\":\"ping\"}");
        } catch (RuntimeException closedAlready) {
            return;
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> closeCode.get() != null || frames.stream().anyMatch(LiveClient::isPong));
        frames.stream().filter(LiveClient::isPong).findFirst().ifPresent(frames::remove);
    }

    private static boolean isPong(JsonObject frame) {
        return "pong".equals(frame.getString("type"));
    }

    /**
     * The HTTP status with which the server answers a WebSocket handshake it refuses (a refused handshake is an
     * ordinary HTTP response); {@code headers} are name-value pairs such as an Origin or a Cookie.
     */
    public static int refusedHandshake(String slug, String... headers) {
        io.restassured.specification.RequestSpecification request = io.restassured.RestAssured.given()
                .header("Connection", "Upgrade").header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.get("/live/" + slug).statusCode();
    }

    public void send(String text) {
        connection.sendTextAndAwait(text);
    }

    public void sendBinary(byte[] data) {
        connection.sendBinaryAndAwait(io.vertx.core.buffer.Buffer.buffer(data));
    }

    /** Log frames (they carry a seq and a dotted type such as comment.created), in arrival order. */
    public List<JsonObject> events() {
        return frames.stream().filter(f -> f.getString("type", "").contains(".")).toList();
    }

    public List<JsonObject> ofType(String type) {
        return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    public JsonObject awaitFrame(Predicate<JsonObject> match) {
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    public void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events().size() >= count);
    }

    /** Waits until the server has closed the connection and returns the close code. */
    public int awaitClose() {
        await().atMost(Duration.ofSeconds(10)).until(() -> closeCode.get() != null);
        return closeCode.get();
    }

    public Integer closeCode() {
        return closeCode.get();
    }

    public boolean isClosed() {
        return connection.isClosed();
    }

    @Override
    public void close() {
        if (!connection.isClosed()) {
            connection.closeAndAwait();
        }
    }
}
