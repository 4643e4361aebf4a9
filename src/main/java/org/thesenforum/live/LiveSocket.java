package org.thesenforum.live;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.cookie.Cookie;
import io.quarkus.logging.Log;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.impl.ContextInternal;

import org.thesenforum.web.Languages;
import org.thesenforum.web.Messages;
import org.thesenforum.web.Text;

/**
 * The live stream of a discussion: {@code /live/{slug}?since=N&topic=ID}. Sends the journal's frames, presence and
 * heartbeats; understands {@code ping}, {@code viewing} and {@code ack} from clients and answers anything else,
 * binary frames and refused acknowledgements included, with an error.
 */
@WebSocket(path = "/live/{slug}")
public class LiveSocket {

    static final TypedKey<Long> DISCUSSION = TypedKey.forLong("discussion");
    static final TypedKey<Boolean> MODERATOR = TypedKey.forBoolean("moderator");
    static final TypedKey<Long> ACCOUNT = TypedKey.forLong("account");
    static final TypedKey<Long> SESSION = TypedKey.forLong("session");
    static final TypedKey<Long> MARK = TypedKey.forLong("revocationMark");
    static final TypedKey<Long> EXPIRES = TypedKey.forLong("sessionExpiresAt");
    private static final TypedKey<Subscriber> SUBSCRIBER = new TypedKey<>("subscriber");
    private static final List<TypedKey<?>> HANDED_OVER = List.of(DISCUSSION, MODERATOR, ACCOUNT, SESSION, MARK, EXPIRES);
    /** Per open connection: its frames that arrived while it was still being registered. */
    private static final Map<String, Early> EARLY = new ConcurrentHashMap<>();
    private static final TypedKey<Locale> LANGUAGE = new TypedKey<>("language");

    private final LiveHub hub;
    private final Replay replay;
    private final ObjectMapper json;

    LiveSocket(LiveHub hub, Replay replay, ObjectMapper json) {
        this.hub = hub;
        this.replay = replay;
        this.json = json;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        LiveQuery query = LiveQuery.parse(connection.handshakeRequest().query());
        var data = connection.userData();
        Subscriber.Owner owner = data.get(ACCOUNT) == null ? null
                : new Subscriber.Owner(data.get(ACCOUNT), data.get(SESSION), data.get(MARK), data.get(EXPIRES));
        Subscriber s = hub.join(connection, socketOf(connection), eventLoopOf(Vertx.currentContext()),
                data.get(DISCUSSION), Boolean.TRUE.equals(data.get(MODERATOR)), owner, query.topicId());
        // What the upgrade check left for the opening now lives in the subscriber; a held connection keeps only that.
        for (TypedKey<?> key : HANDED_OVER) {
            data.remove(key);
        }
        data.put(LANGUAGE, languageOf(connection.handshakeRequest()));
        data.put(SUBSCRIBER, s);
        // Frames that came before the registration wait in EARLY; from here on message() finds the subscriber.
        Early early = EARLY.remove(connection.id());
        if (early != null) {
            early.opened(s);
        }
        if (!s.ended()) {
            replay.start(s, query.since());
        }
    }

    @OnTextMessage
    public void message(String text, WebSocketConnection connection) {
        Subscriber s = connection.userData().get(SUBSCRIBER);
        if (s == null) {
            // The client wrote before its connection was registered: handle it, in order, once it is.
            later(connection, registered -> message(text, registered));
            return;
        }
        message(text, s);
    }

    private void message(String text, Subscriber s) {
        s.seen();
        JsonNode frame = parse(text);
        String type = frame == null ? "" : frame.path("type").asText("");
        switch (type) {
            case "ping" -> s.sendEphemeral(hub.write(Map.of("type", "pong")));
            case "viewing" -> {
                JsonNode topic = frame.path("topicId");
                hub.viewing(s, topic.canConvertToLong() ? topic.asLong() : null);
            }
            case "ack" -> acknowledge(s, frame.path("seq"));
            default -> notUnderstood(s);
        }
    }

    @OnBinaryMessage
    public void binary(Buffer data, WebSocketConnection connection) {
        Subscriber s = connection.userData().get(SUBSCRIBER);
        if (s == null) {
            later(connection, registered -> {
                registered.seen();
                notUnderstood(registered);
            });
            return;
        }
        s.seen();
        notUnderstood(s);
    }

    private void notUnderstood(Subscriber s) {
        error(s, Text.of(Messages.class, Messages::live_not_understood));
    }

    /** The client applied the log up to {@code seq}: a whole number, at most what it was sent, never going back. */
    private void acknowledge(Subscriber s, JsonNode seq) {
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || !s.acknowledge(seq.asLong())) {
            long sent = s.heldThrough();
            error(s, Text.of(Messages.class, m -> m.live_ack_refused(sent)));
            return;
        }
        hub.acknowledged(s);
    }

    /** An error frame in the language of the page that opened the socket (its cookie or Accept-Language). */
    private void error(Subscriber s, Text message) {
        Locale language = s.connection.userData().get(LANGUAGE);
        String text = message.in(language == null ? Languages.DEFAULT : language);
        s.sendEphemeral(hub.write(Map.of("type", "error", "message", text)));
    }

    private static Locale languageOf(HandshakeRequest request) {
        String chosen = null;
        String cookies = request.header("Cookie");
        if (cookies != null) {
            for (Cookie c : ServerCookieDecoder.LAX.decode(cookies)) {
                if (Languages.COOKIE.equals(c.name())) {
                    chosen = c.value();
                }
            }
        }
        return Languages.resolve(chosen, request.header("Accept-Language"));
    }

    @OnPongMessage
    public void pong(Buffer data, WebSocketConnection connection) {
        Subscriber s = connection.userData().get(SUBSCRIBER);
        if (s != null) {
            s.seen();
        }
    }

    /**
     * The connection failed underneath, mostly a phone that lost its network and reset it: it is closed already or
     * closes now, {@link #close} lets it go, and the client resumes with {@code since}. Nothing to log beyond a debug
     * line; without this handler every such reset was logged as an error with a stack trace.
     */
    @OnError
    public void failed(WebSocketConnection connection, java.io.IOException failure) {
        Log.debugf("Live: connection %s failed (%s)", connection.id(), failure.toString());
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        EARLY.remove(connection.id());
        Subscriber s = connection.userData().get(SUBSCRIBER);
        if (s != null) {
            hub.leave(s);
        }
    }

    /** The event loop behind the connection's context; writing from it needs no hop to another thread. */
    private static Executor eventLoopOf(Context context) {
        return context instanceof ContextInternal internal ? internal.nettyEventLoop() : null;
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Queues a step until the connection is registered. Only a connection whose client wrote before that has an
     * entry in EARLY, and only until then: if the registration finished meanwhile (and so did not see this entry),
     * the step's own check below completes it.
     */
    private static void later(WebSocketConnection connection, Consumer<Subscriber> step) {
        Early early = EARLY.computeIfAbsent(connection.id(), id -> new Early());
        early.later(step);
        Subscriber registered = connection.userData().get(SUBSCRIBER);
        if (registered != null && EARLY.remove(connection.id(), early)) {
            early.opened(registered);
        }
    }

    /** Cached lookup of {@code WebSocketConnectionBase.webSocket()}, which WebSockets Next does not make public. */
    private static volatile Method webSocketAccessor;

    /**
     * The Vert.x socket beneath a WebSockets Next connection, so that pre-encoded frames can be written to it
     * without encoding them again per connection; null if this version of WebSockets Next does not offer it.
     */
    static ServerWebSocket socketOf(WebSocketConnection connection) {
        try {
            Method accessor = webSocketAccessor;
            if (accessor == null || !accessor.getDeclaringClass().isInstance(connection)) {
                accessor = null;
                for (Class<?> c = connection.getClass(); c != null && accessor == null; c = c.getSuperclass()) {
                    try {
                        accessor = c.getDeclaredMethod("webSocket");
                    } catch (NoSuchMethodException e) {
                        // not declared here; look further up
                    }
                }
                if (accessor == null) {
                    return null;
                }
                accessor.setAccessible(true);
                webSocketAccessor = accessor;
            }
            return accessor.invoke(connection) instanceof ServerWebSocket socket ? socket : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debugf("No Vert.x socket beneath %s, frames go through sendText: %s", connection.id(), e);
            return null;
        }
    }

    /**
     * Frames a client sends right after its handshake can reach the server before the opening has registered the
     * connection. They wait here and are handled, in the order they came, as soon as it is.
     */
    static final class Early {

        private final CompletableFuture<Subscriber> registered = new CompletableFuture<>();
        private CompletableFuture<Subscriber> tail = registered;

        synchronized void later(Consumer<Subscriber> handler) {
            tail = tail.thenApply(s -> {
                handler.accept(s);
                return s;
            });
        }

        void opened(Subscriber s) {
            registered.complete(s);
        }
    }
}
