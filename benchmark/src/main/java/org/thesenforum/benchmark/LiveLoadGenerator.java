package org.thesenforum.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Load generator for the live layer: opens N WebSocket clients on {@code /live/{slug}} (ramped up in batches),
 * posts M comments over REST, and measures for every (client, comment) pair the time from just before the POST
 * was sent until the client received the comment's {@code comment.created} frame. Each comment body carries a
 * unique marker, so frames are matched without parsing their JSON on the hot path.
 *
 * <p>Everything is bounded: each phase waits at most until the run's hard deadline, and a watchdog ends the
 * process shortly after it.
 */
public final class LiveLoadGenerator {

    private static final String CREATED = "\"type\":\"comment.created\"";
    private static final String PRESENCE = "\"type\":\"presence\"";
    private static final String HEARTBEAT = "\"type\":\"heartbeat\"";
    private static final Pattern CSRF_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"(csrf[^\"]*)\" value=\"([^\"]+)\"");

    private final Options o;
    private final String runId;
    private final String marker;
    private final String warmUpMarker;
    private final long startNanos = System.nanoTime();
    private final long deadline;
    private final Client[] clients;
    private final long[] sentAt;
    private final long[] postNanos;
    private final int[] postStatus;
    private volatile boolean timedOut;
    private volatile boolean closing;

    private LiveLoadGenerator(Options o) {
        this.o = o;
        this.runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
                + Integer.toString(new Random().nextInt(1296), 36);
        this.marker = "lg-" + runId + "-";
        this.warmUpMarker = "wu-" + runId + "-";
        this.deadline = startNanos + TimeUnit.SECONDS.toNanos(o.timeoutSeconds());
        this.clients = new Client[o.clients()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new Client(i, o.comments());
        }
        this.sentAt = new long[o.comments()];
        this.postNanos = new long[o.comments()];
        this.postStatus = new int[o.comments()];
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--summarize")) {
            System.out.print(Summary.markdown(Path.of(args[1])));
            return;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(64);
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.timeoutSeconds() + 30L));
                System.err.println("Watchdog: the run did not end within its timeout plus 30 s; exiting.");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadgen-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int code = new LiveLoadGenerator(options).run();
        System.exit(code);
    }

    /** One WebSocket client; its fields are written on its event loop and read under its lock. */
    static final class Client {
        final int index;
        final long[] receivedAt;
        int received;
        long receivedChars;
        int duplicates;
        int warmUps;
        int presence;
        int heartbeats;
        int other;
        WebSocket socket;
        boolean connected;
        boolean open;
        long handshakeNanos;
        String failure;
        Short closeCode;

        Client(int index, int comments) {
            this.index = index;
            this.receivedAt = new long[comments];
        }
    }

    private int run() throws Exception {
        log("run %s: %d clients, %d comments (+%d warm-up), %s:%d/live/%s", runId, o.clients(), o.comments(),
                o.warmup(), o.host(), o.port(), o.slug());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        long topicId = o.topicId() != null ? o.topicId() : firstTopic(http);
        if (o.sessionAuth()) {
            logIn(http);
        }

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.eventLoops())
                .setBlockedThreadCheckInterval(10_000));
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(o.clients() + 16)
                .setConnectTimeout(o.connectTimeoutMs())
                .setMaxFrameSize(1 << 16)
                .setMaxMessageSize(1 << 20)
                .setTcpNoDelay(true));
        try {
            long rampStart = System.nanoTime();
            ramp(ws);
            long rampNanos = System.nanoTime() - rampStart;
            int connected = count(c -> c.connected);
            log("ramp-up: %d of %d connected in %.1f s, %d handshakes failed", connected, o.clients(),
                    rampNanos / 1e9, o.clients() - connected);

            sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(o.settleMs()));
            warmUp(http, topicId);
            long postStart = System.nanoTime();
            post(http, topicId);
            long lastPost = System.nanoTime();
            drain(lastPost);
            long postPhaseNanos = System.nanoTime() - postStart;

            closing = true;
            int held = count(c -> c.open);
            Result result = Result.of(o, runId, clients, sentAt, postNanos, postStatus, held, rampNanos,
                    postPhaseNanos, timedOut, System.nanoTime() - startNanos);
            closeAll();
            result.print(System.out);
            if (o.out() != null) {
                Files.createDirectories(o.out().toAbsolutePath().getParent());
                Files.writeString(o.out(), result.toJson().encode() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return 0;
        } finally {
            closeQuietly(ws, vertx);
        }
    }

    /** Opens the clients in batches; the next batch starts when every handshake of the previous one settled. */
    private void ramp(WebSocketClient ws) throws InterruptedException {
        for (int start = 0; start < clients.length; start += o.batchSize()) {
            if (pastDeadline()) {
                log("deadline reached during ramp-up after %d clients", start);
                timedOut = true;
                return;
            }
            int end = Math.min(clients.length, start + o.batchSize());
            CountDownLatch settled = new CountDownLatch(end - start);
            for (int i = start; i < end; i++) {
                connect(ws, clients[i], settled);
            }
            if (!settled.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                return;
            }
            if (end < clients.length && o.batchPauseMs() > 0) {
                Thread.sleep(o.batchPauseMs());
            }
        }
    }

    private void connect(WebSocketClient ws, Client c, CountDownLatch settled) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(o.host()).setPort(o.port())
                .setURI("/live/" + o.slug());
        long begin = System.nanoTime();
        ws.connect(options).onComplete(ar -> {
            synchronized (c) {
                c.handshakeNanos = System.nanoTime() - begin;
                if (ar.failed()) {
                    c.failure = String.valueOf(ar.cause().getMessage());
                } else {
                    WebSocket socket = ar.result();
                    c.socket = socket;
                    c.connected = true;
                    c.open = true;
                    socket.textMessageHandler(text -> onText(c, text));
                    socket.closeHandler(v -> {
                        int received;
                        synchronized (c) {
                            c.open = false;
                            c.closeCode = socket.closeStatusCode();
                            received = c.received;
                        }
                        if (!closing) {
                            log("client %d closed early: code %s, reason %s, %d comments received", c.index,
                                    socket.closeStatusCode(), socket.closeReason(), received);
                        }
                    });
                    socket.exceptionHandler(e -> {
                        synchronized (c) {
                            if (c.failure == null) {
                                c.failure = String.valueOf(e.getMessage());
                            }
                        }
                    });
                }
            }
            settled.countDown();
        });
    }

    private void onText(Client c, String text) {
        long now = System.nanoTime();
        if (text.contains(CREATED)) {
            int k = commentIndex(text);
            if (k >= 0 && k < c.receivedAt.length) {
                synchronized (c) {
                    if (c.receivedAt[k] == 0) {
                        c.receivedAt[k] = now;
                        c.received++;
                        c.receivedChars += text.length();
                    } else {
                        c.duplicates++;
                    }
                }
                return;
            }
        }
        synchronized (c) {
            if (text.contains(warmUpMarker)) {
                c.warmUps++;
            } else if (text.contains(PRESENCE)) {
                c.presence++;
            } else if (text.contains(HEARTBEAT)) {
                c.heartbeats++;
            } else {
                c.other++;
            }
        }
    }

    /** The measured comment a frame is about, from the marker in its body; -1 for anything else. */
    private int commentIndex(String text) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int n = 0;
        int digits = 0;
        for (int i = at + marker.length(); i < text.length() && digits < 9; i++, digits++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            n = n * 10 + (ch - '0');
        }
        return digits == 0 ? -1 : n;
    }

    /**
     * Posts unmeasured comments so the server and the clients have compiled the hot paths, then waits (at most
     * 60 s) until every open client has received them, so the measured comments start on an empty backlog.
     */
    private void warmUp(HttpClient http, long topicId) throws InterruptedException {
        int posted = 0;
        for (int k = 0; k < o.warmup() && !pastDeadline(); k++) {
            try {
                posted += send(http, topicId, body(warmUpMarker + k + ";")) == 201 ? 1 : 0;
            } catch (IOException e) {
                log("warm-up post %d failed: %s", k, e.getMessage());
            }
            Thread.sleep(o.warmupIntervalMs());
        }
        if (posted == 0) {
            return;
        }
        long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        int expected = posted;
        while (count(c -> c.open && c.warmUps < expected) > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        log("warm-up: %d comments posted, %d open clients still missing some", posted,
                count(c -> c.open && c.warmUps < expected));
        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }

    /** Posts the measured comments, one every interval-min..interval-max ms (or right after a slower POST). */
    private void post(HttpClient http, long topicId) throws InterruptedException {
        Random random = new Random(42);
        long next = System.nanoTime();
        for (int k = 0; k < sentAt.length; k++) {
            sleepUntil(next);
            if (pastDeadline()) {
                timedOut = true;
                log("deadline reached after %d posts", k);
                return;
            }
            String body = body(marker + k + ";");
            long begin = System.nanoTime();
            sentAt[k] = begin;
            try {
                postStatus[k] = send(http, topicId, body);
            } catch (IOException e) {
                postStatus[k] = -1;
                log("post %d failed: %s", k, e.getMessage());
            }
            postNanos[k] = System.nanoTime() - begin;
            int pause = o.minIntervalMs() + random.nextInt(o.maxIntervalMs() - o.minIntervalMs() + 1);
            next = begin + TimeUnit.MILLISECONDS.toNanos(pause);
        }
    }

    private int send(HttpClient http, long topicId, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri().resolve("/api/topics/" + topicId + "/comments"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("body", body).encode()));
        if (!o.sessionAuth()) {
            // HTTP Basic: the server checks the password (bcrypt) on every request
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((o.user() + ":" + o.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            log("POST answered %d: %s", response.statusCode(), response.body());
        }
        return response.statusCode();
    }

    /** A comment body of about body-chars characters that starts with the marker. */
    private String body(String tag) {
        StringBuilder b = new StringBuilder(tag).append(" Lastprobe für die Live-Schicht:");
        String filler = " Wie gelingt das Ankommen im Quartier, wenn Nachbarschaft, Schule und Arbeit"
                + " zusammenwirken?";
        while (b.length() < o.bodyChars()) {
            b.append(filler);
        }
        return b.substring(0, Math.max(tag.length(), o.bodyChars()));
    }

    /** Waits until every connected client has every posted comment, the drain window ends, or the deadline. */
    private void drain(long lastPost) throws InterruptedException {
        int posted = 0;
        for (int status : postStatus) {
            posted += status == 201 ? 1 : 0;
        }
        long until = Math.min(deadline, lastPost + TimeUnit.SECONDS.toNanos(o.drainSeconds()));
        long missing = missingOnOpenClients(posted);
        while (missing > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
            missing = missingOnOpenClients(posted);
        }
        if (missing > 0) {
            if (pastDeadline()) {
                timedOut = true;
            }
            log("drain window ended with %d frames still missing on open clients", missing);
        }
    }

    private long missingOnOpenClients(int posted) {
        long missing = 0;
        for (Client c : clients) {
            synchronized (c) {
                if (c.open) {
                    missing += posted - c.received;
                }
            }
        }
        return missing;
    }

    private void closeAll() throws InterruptedException {
        List<WebSocket> open = new ArrayList<>();
        for (Client c : clients) {
            synchronized (c) {
                if (c.open && c.socket != null) {
                    open.add(c.socket);
                }
            }
        }
        CountDownLatch closed = new CountDownLatch(open.size());
        for (WebSocket socket : open) {
            socket.close((short) 1000, "benchmark done").onComplete(ar -> closed.countDown());
        }
        if (!closed.await(15, TimeUnit.SECONDS)) {
            log("%d clients did not close within 15 s", closed.getCount());
        }
    }

    private static void closeQuietly(WebSocketClient ws, Vertx vertx) {
        try {
            ws.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing Vert.x below releases what is left
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Vert.x did not close cleanly: " + e);
        }
    }

    /**
     * Signs in through the login form as a browser does; the session cookie then authenticates every POST
     * without a password check.
     */
    private void logIn(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(baseUri().resolve("/login"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_FIELD.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("GET /login answered " + form.statusCode() + " without a CSRF field");
        }
        String fields = "email=" + encode(o.user()) + "&password=" + encode(o.password()) + "&next=%2F&"
                + encode(token.group(1)) + "=" + encode(token.group(2));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(baseUri().resolve("/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("POST /login answered " + login.statusCode());
        }
        log("signed in as %s (session cookie)", o.user());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long firstTopic(HttpClient http) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/api/discussions/" + o.slug()))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/discussions/" + o.slug() + " answered " + response.statusCode());
        }
        JsonArray topics = new JsonObject(response.body()).getJsonArray("topics");
        if (topics == null || topics.isEmpty()) {
            throw new IllegalStateException("The discussion " + o.slug() + " has no topics");
        }
        return topics.getJsonObject(0).getLong("id");
    }

    private URI baseUri() {
        return URI.create("http://" + o.host() + ":" + o.port());
    }

    private int count(java.util.function.Predicate<Client> p) {
        int n = 0;
        for (Client c : clients) {
            synchronized (c) {
                if (p.test(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    private boolean pastDeadline() {
        return System.nanoTime() >= deadline;
    }

    private long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    private void sleepUntil(long nanos) throws InterruptedException {
        long wait = Math.min(nanos, deadline) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%s +%6.1fs] %s%n", Instant.now().toString().substring(11, 19),
                (System.nanoTime() - startNanos) / 1e9, String.format(Locale.ROOT, format, args));
    }

    /** Counts of strings, by string, for failure reasons and close codes. */
    static Map<String, Integer> histogram(List<String> values) {
        Map<String, Integer> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }
}
