package org.thesenforum.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The raw reference for the live benchmark: a plain Vert.x server that does only the essential work of the
 * forum's live layer, so that the forum's numbers can be read as a ratio to it. It accepts WebSocket clients on
 * {@code /live/{slug}} and, for every {@code POST /api/topics/{id}/comments}, answers 201 and writes one
 * {@code comment.created} frame of a fixed size to every open socket.
 *
 * <p>It speaks just enough of the forum's protocol for the unchanged load generator: a readiness check, the login
 * form (any credentials are accepted, HTTP Basic too), the discussion lookup with one topic, and the comment POST.
 * Nothing is stored, rendered, authenticated or rate-limited; there are no presence or heartbeat frames, no replay
 * and no slow-client limit.
 *
 * <p>Fan-out: each verticle instance runs on its own event loop and owns the sockets accepted there. A POST
 * encodes the frame once into a {@link Buffer} and hands one task to each event loop, which writes that same
 * buffer (a slice, not a copy) as a text frame to each of its sockets.
 */
public final class RawRebroadcastServer {

    /** The size of the forum's {@code comment.created} frame for a 240-character body, in characters. */
    static final int FORUM_FRAME_CHARS = 2577;
    static final int SMALL_FRAME_CHARS = 200;

    static final String USAGE = """
            Usage: java -cp live-loadgen.jar org.thesenforum.benchmark.RawRebroadcastServer [options]
              --host H              address to listen on (default 127.0.0.1)
              --port P              port (default 8080)
              --event-loops K       event loops, one verticle instance each (default 2 x cores, as Quarkus)
              --frame forum|small|C size of each comment.created frame in characters: forum = 2577,
                                    small = 200, or a number (default forum)
              --topic ID            id of the one topic the discussion lookup returns (default 1)
            """;

    record Settings(String host, int port, int eventLoops, int frameChars, long topicId) {

        static Settings parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --option value, got: " + String.join(" ", args));
                }
                values.put(args[i].substring(2), args[++i]);
            }
            for (String key : values.keySet()) {
                if (!List.of("host", "port", "event-loops", "frame", "topic").contains(key)) {
                    throw new IllegalArgumentException("Unknown option --" + key);
                }
            }
            String frame = values.getOrDefault("frame", "forum");
            int frameChars = switch (frame) {
                case "forum" -> FORUM_FRAME_CHARS;
                case "small" -> SMALL_FRAME_CHARS;
                default -> bounded("frame", Integer.parseInt(frame.trim()), 64, 1 << 20);
            };
            return new Settings(values.getOrDefault("host", "127.0.0.1"),
                    bounded("port", Integer.parseInt(values.getOrDefault("port", "8080")), 1, 65_535),
                    bounded("event-loops", Integer.parseInt(values.getOrDefault("event-loops",
                            String.valueOf(2 * Runtime.getRuntime().availableProcessors()))), 1, 256),
                    frameChars, Long.parseLong(values.getOrDefault("topic", "1")));
        }

        private static int bounded(String key, int n, int min, int max) {
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max);
            }
            return n;
        }
    }

    /** The sockets of one event loop; the list is only touched on that loop. */
    private record Loop(Context context, List<ServerWebSocket> sockets) {
    }

    private final Settings settings;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder framesWritten = new LongAdder();
    private final AtomicLong posts = new AtomicLong();
    private volatile String lastFrameSize = "none yet";
    private volatile boolean sizeWarned;

    private RawRebroadcastServer(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(64);
            return;
        }
        new RawRebroadcastServer(settings).start();
    }

    private void start() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        try {
            vertx.deployVerticle(Listener::new, new DeploymentOptions().setInstances(settings.eventLoops()))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("cannot listen on %s:%d: %s", settings.host(), settings.port(), e);
            System.exit(1);
        }
        log("listening on %s:%d, %d event loops, comment.created frames of %d characters", settings.host(),
                settings.port(), settings.eventLoops(), settings.frameChars());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping: %s", stats().encode());
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log("Vert.x did not close cleanly: %s", e);
            }
        }, "raw-shutdown"));
    }

    /** One HTTP server instance on one event loop; Vert.x spreads the connections over the instances. */
    private final class Listener extends AbstractVerticle {

        private final List<ServerWebSocket> sockets = new ArrayList<>();

        @Override
        public void start(Promise<Void> started) {
            loops.add(new Loop(context, sockets));
            vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                            .setTcpNoDelay(true))
                    .webSocketHandler(this::accept)
                    .requestHandler(this::handle)
                    .listen()
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        private void accept(ServerWebSocket ws) {
            if (!ws.path().startsWith("/live/") || ws.path().length() <= "/live/".length()) {
                ws.reject(404);
                return;
            }
            sockets.add(ws);
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            ws.textMessageHandler(text -> { });
            ws.closeHandler(v -> {
                sockets.remove(ws);
                open.decrementAndGet();
            });
        }

        private void handle(HttpServerRequest req) {
            String path = req.path();
            if (req.method() == HttpMethod.GET && path.startsWith("/q/health")) {
                json(req, 200, new JsonObject().put("status", "UP").put("checks", new JsonArray()));
            } else if (req.method() == HttpMethod.GET && path.equals("/raw/stats")) {
                json(req, 200, stats());
            } else if (path.equals("/login")) {
                login(req);
            } else if (req.method() == HttpMethod.GET && path.startsWith("/api/discussions/")) {
                discussion(req, path.substring("/api/discussions/".length()));
            } else if (req.method() == HttpMethod.POST && path.startsWith("/api/topics/")
                    && path.endsWith("/comments")) {
                comment(req, path.substring("/api/topics/".length(), path.length() - "/comments".length()));
            } else {
                problem(req, 404, "Not found");
            }
        }
    }

    /** GET shows a form with a CSRF field; POST accepts any credentials and sets a session cookie. */
    private static void login(HttpServerRequest req) {
        if (req.method() == HttpMethod.GET) {
            req.response().setStatusCode(200).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end("""
                            <!doctype html>
                            <form method="post" action="/login">
                              <input type="hidden" name="csrf-token" value="raw-reference">
                              <input type="hidden" name="next" value="/">
                              <input name="email"><input name="password" type="password">
                            </form>
                            """);
        } else if (req.method() == HttpMethod.POST) {
            req.body().onComplete(ar -> req.response().setStatusCode(303).putHeader("Location", "/")
                    .putHeader("Set-Cookie", "forum-session=raw-reference; Path=/; HttpOnly; SameSite=Lax").end());
        } else {
            problem(req, 405, "Method not allowed");
        }
    }

    /** The discussion with its one topic, in the shape of the forum's REST answer (fields the generator reads). */
    private void discussion(HttpServerRequest req, String slug) {
        JsonObject topic = new JsonObject().put("id", settings.topicId()).put("kind", "THESIS").put("number", 1)
                .put("label", "These 1").put("title", "Raw reference topic").put("locked", false)
                .put("commentCount", posts.get()).putNull("lastActivityAt");
        json(req, 200, new JsonObject().put("slug", slug).put("title", "Raw reference")
                .put("guidingQuestions", new JsonArray()).put("topics", new JsonArray().add(topic))
                .put("lastEventSeq", seq.get()));
    }

    /** Answers 201 with the comment as the forum's REST JSON, then writes one frame to every open socket. */
    private void comment(HttpServerRequest req, String topicPart) {
        long topicId;
        try {
            topicId = Long.parseLong(topicPart);
        } catch (NumberFormatException e) {
            problem(req, 404, "Not found");
            return;
        }
        req.body().onComplete(ar -> {
            String body = null;
            if (ar.succeeded()) {
                try {
                    body = new JsonObject(ar.result()).getString("body");
                } catch (RuntimeException e) {
                    body = null;
                }
            }
            if (body == null || body.isBlank()) {
                problem(req, 400, "A comment needs a body");
                return;
            }
            // One seq per POST, taken and handed to the loops under one lock: every socket gets them in order.
            synchronized (this) {
                long s = seq.incrementAndGet();
                posts.incrementAndGet();
                JsonObject data = commentJson(s, topicId, body);
                Buffer frame = Buffer.buffer(frame(s, topicId, data, body));
                req.response().setStatusCode(201).putHeader("Content-Type", "application/json;charset=UTF-8")
                        .putHeader("Location", "/api/comments/" + s).end(data.encode());
                broadcast(frame);
            }
        });
    }

    /** One task per event loop, each writing the same encoded frame to the sockets of its loop. */
    private void broadcast(Buffer frame) {
        for (Loop loop : loops) {
            loop.context().runOnContext(v -> {
                // A snapshot, in case a failed write closes a socket (and removes it) while the loop runs.
                ServerWebSocket[] sockets = loop.sockets().toArray(new ServerWebSocket[0]);
                for (ServerWebSocket ws : sockets) {
                    // A fresh slice of the shared bytes per socket: no copy, no re-encoding.
                    ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, frame.getByteBuf(), true));
                }
                framesWritten.add(sockets.length);
            });
        }
    }

    /** The comment as the forum's REST API returns it (and puts it into the frame's {@code data}). */
    private static JsonObject commentJson(long id, long topicId, String body) {
        return new JsonObject().put("id", id).put("topicId", topicId).putNull("parentId")
                .put("author", new JsonObject().put("id", 1).put("displayName", "Administration")
                        .putNull("organisation").putNull("place"))
                .putNull("questionId").put("body", body).put("bodyHtml", "<p>" + escapeHtml(body) + "</p>")
                .put("createdAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()).putNull("editedAt")
                .put("deleted", false).put("hidden", false).putNull("hiddenReason").putNull("parentAuthorName")
                .put("replies", new JsonArray());
    }

    /**
     * The {@code comment.created} frame, exactly {@code frameChars} characters long: the forum's layout ({@code seq},
     * {@code type}, {@code topicId}, the comment as {@code data}, an HTML fragment as {@code html}) with the fragment
     * padded. When that does not fit, a reduced frame: {@code data} with {@code id}, {@code topicId} and the body,
     * cut to fit (never shorter than its leading marker, up to the first {@code ;}).
     */
    String frame(long s, long topicId, JsonObject data, String body) {
        int target = settings.frameChars();
        String head = "<li id=\"c" + s + "\" class=\"comment depth-1\"><article class=\"comment-card\">"
                + "<div class=\"prose comment-text\">" + data.getString("bodyHtml") + "</div>";
        String full = filled(s, topicId, data, head, "</article></li>\n", target);
        if (full != null) {
            return checked(full, target);
        }
        int keep = Math.max(1, body.indexOf(';') + 1);
        String cut = body;
        int over = frameJson(s, topicId, reduced(s, topicId, cut), "").length() - target;
        while (over > 0 && cut.length() > keep) {
            cut = cut.substring(0, Math.max(keep, cut.length() - over));
            over = frameJson(s, topicId, reduced(s, topicId, cut), "").length() - target;
        }
        JsonObject small = reduced(s, topicId, cut);
        String reducedFrame = filled(s, topicId, small, "", "", target);
        return checked(reducedFrame != null ? reducedFrame : frameJson(s, topicId, small, ""), target);
    }

    /** The frame with filler between head and tail of its {@code html} up to the target length; null if too long. */
    private static String filled(long s, long topicId, JsonObject data, String head, String tail, int target) {
        int missing = target - frameJson(s, topicId, data, head + tail).length();
        if (missing < 0) {
            return null;
        }
        StringBuilder filler = new StringBuilder(missing);
        String words = " Platzhalter fuer die Groesse des Fragments";
        while (filler.length() < missing) {
            filler.append(words, 0, Math.min(words.length(), missing - filler.length()));
        }
        return frameJson(s, topicId, data, head + filler + tail);
    }

    private static JsonObject reduced(long id, long topicId, String body) {
        return new JsonObject().put("id", id).put("topicId", topicId).put("body", body);
    }

    private static String frameJson(long s, long topicId, JsonObject data, String html) {
        return new JsonObject().put("seq", s).put("type", "comment.created").put("topicId", topicId)
                .put("data", data).put("html", html).encode();
    }

    private String checked(String frame, int target) {
        lastFrameSize = frame.length() + " characters, " + frame.getBytes(StandardCharsets.UTF_8).length + " bytes";
        if (frame.length() != target && !sizeWarned) {
            sizeWarned = true;
            log("a frame has %d characters instead of %d (the body's marker does not fit)", frame.length(), target);
        }
        return frame;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private JsonObject stats() {
        return new JsonObject().put("posts", posts.get()).put("framesWritten", framesWritten.sum())
                .put("openSockets", open.get()).put("peakSockets", peak.get())
                .put("frameChars", settings.frameChars()).put("lastFrame", lastFrameSize);
    }

    private static void json(HttpServerRequest req, int status, JsonObject body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
                .end(body.encode());
    }

    private static void problem(HttpServerRequest req, int status, String title) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("status", status).put("title", title).encode());
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[raw %s] %s%n", Instant.now().toString().substring(11, 19),
                String.format(Locale.ROOT, format, args));
    }
}
