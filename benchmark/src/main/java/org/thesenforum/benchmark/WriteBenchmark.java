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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The write benchmark: how many comments the server accepts per second while live clients receive every one.
 *
 * <p>{@code run}: opens {@code --clients} WebSocket clients on {@code /live/{slug}}, then {@code --posters} threads
 * post comments to one topic as fast as the server answers, for {@code --seconds} (after a warm-up of
 * {@code --warmup} seconds that is not measured). Reports comments accepted per second, POST latency percentiles,
 * refusals by status, and whether every client received every accepted comment exactly once (lost, duplicated).
 * The same command runs against the raw reference server (RawRebroadcastServer), which speaks enough of the
 * protocol. Authentication: {@code session} (login form, then the cookie), {@code basic} (HTTP Basic on every
 * request) or {@code token} ({@code Authorization: Bearer}; the token is given or created after a form login with
 * {@code POST /api/me/tokens}). {@code --base2}: a second instance on the same database; every other client and
 * every other poster goes there ({@code --post-to second}: every poster). {@code --pause}: milliseconds each poster waits after an answer. Every run also
 * prints the delivery latency (sending the POST to the frame's arrival, per client and comment).
 *
 * <p>{@code seed}: inserts comments straight into a stopped forum's H2 file on the topic at a given position and
 * sets the topic's kept activity figures, for the topic-size comparison.
 */
public final class WriteBenchmark {

    private static final Pattern CSRF_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"(csrf[^\"]*)\" value=\"([^\"]+)\"");
    private static final String CREATED = "\"type\":\"comment.created\"";

    private final Map<String, String> o;
    private final String marker;
    private final String warmMarker;
    private final String host;
    private final int port;
    /** {@code --base2}: a second instance on the same database; null for one server. */
    private final URI second;
    /** When each measured post was sent ({@link System#nanoTime()}), by its number, for the delivery latency. */
    private final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
    private volatile String token;

    private WriteBenchmark(Map<String, String> options) {
        this.o = options;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        this.marker = "wb-" + run + "-";
        this.warmMarker = "wbw-" + run + "-";
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8080"));
        this.host = base.getHost();
        this.port = base.getPort();
        this.second = options.containsKey("base2") ? URI.create(options.get("base2").replaceAll("/?$", "/")) : null;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Usage: WriteBenchmark run|seed --option value ...");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        switch (args[0]) {
            case "run" -> new WriteBenchmark(options).run();
            case "seed" -> seed(options);
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
    }

    /** One live client: which measured comments it got, and how often. */
    private static final class Client {
        final Map<Integer, Integer> seen = new ConcurrentHashMap<>();
        /** Milliseconds from each measured post's sending to its arrival here (first arrival only). */
        final List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean open;
        volatile WebSocket socket;
    }

    private record Post(int index, int status, long nanos) {
    }

    private void run() throws Exception {
        int clients = Integer.parseInt(o.getOrDefault("clients", "100"));
        int posters = Integer.parseInt(o.getOrDefault("posters", "8"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        String slug = o.getOrDefault("slug", "ankommen-im-gemeinwesen");
        String auth = o.getOrDefault("auth", "session");
        String label = o.getOrDefault("label", "forum");
        Vertx vertx = Vertx.vertx();
        List<Client> live = new ArrayList<>();
        try {
            HttpClient probe = client();
            List<Long> all = topics(probe, slug);
            // --spread true: round-robin over every topic of the discussion (one journal lock, no shared topic row)
            long[] topics = "true".equals(o.get("spread")) ? all.stream().mapToLong(Long::longValue).toArray()
                    : new long[] { o.containsKey("topic") ? Long.parseLong(o.get("topic")) : all.get(0) };
            String topic = topics.length == 1 ? String.valueOf(topics[0]) : topics.length + " topics";
            if ("token".equals(auth)) {
                token = o.get("token");
                if (token == null || token.isBlank()) {
                    token = createToken();
                }
            }
            // More sockets than Vert.x' default pool of 50 per server, or the rest wait for a free slot.
            WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(clients + 10).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
            CountDownLatch connected = new CountDownLatch(clients);
            for (int i = 0; i < clients; i++) {
                Client c = new Client();
                live.add(c);
                // With --base2, every other client follows the second instance.
                URI target = second != null && i % 2 == 1 ? second : base();
                ws.connect(new WebSocketConnectOptions().setHost(target.getHost()).setPort(target.getPort())
                        .setURI("/live/" + slug))
                        .onComplete(ar -> {
                            if (ar.succeeded()) {
                                c.socket = ar.result();
                                c.open = true;
                                c.socket.textMessageHandler(text -> onText(c, text));
                                c.socket.closeHandler(v -> c.open = false);
                            }
                            connected.countDown();
                        });
            }
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("live clients did not connect in time");
            }
            long open = live.stream().filter(c -> c.open).count();
            log("%s: %d of %d live clients connected%s; topic %s; %d posters, auth %s", label, open, clients,
                    second == null ? "" : " (half to " + second + ")", topic, posters, auth);

            // One client for every poster (HTTP/1.1: it opens a connection per concurrent request), signed in once:
            // the forum throttles logins.
            HttpClient http = client();
            if ("session".equals(auth)) {
                logIn(http);
            }
            // Warm-up: the same load, not measured.
            load(http, posters, topics, warmup, warmMarker, auth);
            Thread.sleep(1000);
            live.forEach(c -> {
                c.seen.clear();
                c.delays.clear();
            });
            sentAt.clear();
            double loadBefore = loadAverage();
            long began = System.nanoTime();
            List<Post> posts = load(http, posters, topics, seconds, marker, auth);
            double elapsed = (System.nanoTime() - began) / 1e9;
            double loadAfter = loadAverage();

            List<Integer> accepted = posts.stream().filter(p -> p.status == 201).map(Post::index).toList();
            // Wait until every client has every accepted comment, or 15 s.
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < waitUntil && !allReceived(live, accepted)) {
                Thread.sleep(50);
            }
            long lost = 0;
            long duplicated = 0;
            for (Client c : live) {
                for (int k : accepted) {
                    Integer n = c.seen.get(k);
                    if (n == null) {
                        lost++;
                    } else if (n > 1) {
                        duplicated += n - 1;
                    }
                }
            }
            long stillOpen = live.stream().filter(c -> c.open).count();
            Map<Integer, Integer> statuses = new TreeMap<>();
            posts.forEach(p -> statuses.merge(p.status, 1, Integer::sum));
            long[] nanos = posts.stream().filter(p -> p.status == 201).mapToLong(Post::nanos).sorted().toArray();
            long[] delays = live.stream().flatMap(c -> c.delays.stream()).mapToLong(Long::longValue).sorted()
                    .toArray();
            System.out.printf(Locale.ROOT,
                    "%s delivery ms (post sent to frame received, %d deliveries): p50 %.1f p99 %.1f max %.1f%n",
                    label, delays.length, pct(delays, 0.50), pct(delays, 0.99), pct(delays, 1.0));
            System.out.printf(Locale.ROOT,
                    "%s auth=%s topic=%s clients=%d posters=%d seconds=%.1f: accepted %d (%.0f/s); statuses %s; "
                            + "POST ms p50 %.1f p90 %.1f p99 %.1f max %.1f; live: %d of %d clients open, "
                            + "lost %d, duplicated %d (of %d deliveries); load %.2f -> %.2f%n",
                    label, auth, topic, clients, posters, elapsed, accepted.size(), accepted.size() / elapsed, statuses,
                    pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), pct(nanos, 1.0), stillOpen, clients, lost,
                    duplicated, (long) accepted.size() * clients, loadBefore, loadAfter);
        } finally {
            live.forEach(c -> {
                if (c.socket != null) {
                    c.socket.close();
                }
            });
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean allReceived(List<Client> live, List<Integer> accepted) {
        for (Client c : live) {
            if (c.open && c.seen.size() < accepted.size()) {
                return false;
            }
        }
        return true;
    }

    /** {@code posters} threads post to the topic as fast as answered, for {@code seconds}. */
    private List<Post> load(HttpClient http, int posters, long[] topics, int seconds, String tag, String auth)
            throws Exception {
        List<Post> posts = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // --pause: milliseconds each poster waits after an answer (0: post as fast as answered).
        long pause = Long.parseLong(o.getOrDefault("pause", "0"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < posters; t++) {
            // With --base2, every other poster posts to the second instance; with --post-to second, every poster.
            URI target = second != null && (t % 2 == 1 || "second".equals(o.get("post-to"))) ? second : base();
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int k = next.getAndIncrement();
                        long begin = System.nanoTime();
                        if (tag.equals(marker)) {
                            sentAt.put(k, begin);
                        }
                        int status;
                        try {
                            status = send(http, target, topics[k % topics.length], body(tag + k + ";"), auth);
                        } catch (IOException e) {
                            status = -1;
                        }
                        posts.add(new Post(k, status, System.nanoTime() - begin));
                        if (pause > 0) {
                            Thread.sleep(pause);
                        }
                    }
                } catch (Exception e) {
                    log("poster failed: %s", e);
                }
            }, "poster-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return posts;
    }

    private void onText(Client c, String text) {
        if (!text.contains(CREATED)) {
            return;
        }
        int at = text.indexOf(marker);
        if (at < 0) {
            return;
        }
        int n = 0;
        for (int i = at + marker.length(); i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            n = n * 10 + (ch - '0');
        }
        if (c.seen.merge(n, 1, Integer::sum) == 1) {
            Long sent = sentAt.get(n);
            if (sent != null) {
                c.delays.add(System.nanoTime() - sent);
            }
        }
    }

    private int send(HttpClient http, URI target, long topic, String body, String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve("/api/topics/" + topic + "/comments"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Origin", target.toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("body", body).encode()));
        if ("basic".equals(auth)) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (o.get("user") + ":" + o.get("password")).getBytes(StandardCharsets.UTF_8)));
        } else if ("token".equals(auth)) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static String body(String tag) {
        StringBuilder b = new StringBuilder(tag).append(" Schreiblast: Wie gelingt das Ankommen im Quartier,");
        while (b.length() < 240) {
            b.append(" wenn Nachbarschaft, Schule und Arbeit zusammenwirken?");
        }
        return b.substring(0, 240);
    }

    /** Signs in through the login form; the session cookie then authenticates every request of this client. */
    private void logIn(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base().resolve("/login"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /login answered " + form.statusCode() + " without a CSRF field");
        }
        String fields = "email=" + enc(o.get("user")) + "&password=" + enc(o.get("password")) + "&next=%2F&"
                + enc(csrf.group(1)) + "=" + enc(csrf.group(2));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base().resolve("/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("POST /login answered " + login.statusCode());
        }
    }

    /** A personal API token, created after a form login: {@code POST /api/me/tokens} answers {@code {"token": …}}. */
    private String createToken() throws IOException, InterruptedException {
        HttpClient http = client();
        logIn(http);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve("/api/me/tokens"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Origin", base().toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /api/me/tokens answered " + r.statusCode()
                    + " (does this build have API tokens? pass TOKEN=... instead): " + r.body());
        }
        String created = new JsonObject(r.body()).getString("token");
        if (created == null || created.isBlank()) {
            throw new IllegalStateException("POST /api/me/tokens answered without a token field: " + r.body());
        }
        log("created an API token");
        return created;
    }

    private List<Long> topics(HttpClient http, String slug) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve("/api/discussions/" + slug))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonArray topics = new JsonObject(r.body()).getJsonArray("topics");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            ids.add(topics.getJsonObject(i).getLong("id"));
        }
        return ids;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private URI base() {
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 19),
                String.format(Locale.ROOT, format, args));
    }

    /**
     * Inserts {@code --comments} comments on the topic at {@code --position} (order of the overview, from 1) of a
     * stopped forum's H2 database and sets the topic's kept figures (V17's columns) from them; prints the topic id.
     */
    private static void seed(Map<String, String> o) throws Exception {
        int count = Integer.parseInt(o.getOrDefault("comments", "20000"));
        int position = Integer.parseInt(o.getOrDefault("position", "1"));
        try (Connection db = DriverManager.getConnection(o.get("db"), "sa", "")) {
            db.setAutoCommit(false);
            long topic;
            long author;
            long next;
            try (Statement s = db.createStatement()) {
                ResultSet r = s.executeQuery("SELECT id FROM topics ORDER BY discussion_id, position");
                List<Long> topics = new ArrayList<>();
                while (r.next()) {
                    topics.add(r.getLong(1));
                }
                topic = topics.get(position - 1);
                r = s.executeQuery("SELECT MIN(id) FROM accounts");
                r.next();
                author = r.getLong(1);
                r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM comments");
                r.next();
                next = r.getLong(1) + 1_000;
            }
            Instant start = Instant.now().minus(Duration.ofDays(10));
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO comments (id, topic_id, author_id, "
                    + "body, created_at, hidden) VALUES (?, ?, ?, ?, ?, FALSE)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, next + i);
                    insert.setLong(2, topic);
                    insert.setLong(3, author);
                    insert.setString(4, body("seed-" + i + ";"));
                    insert.setTimestamp(5, Timestamp.from(start.plusMillis(i * 10L)));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = db.createStatement()) {
                s.execute("ALTER SEQUENCE comments_seq RESTART WITH " + (next + count + 1_000));
                s.execute(RECOUNT);
            }
            db.commit();
            System.out.println(topic);
        }
    }

    /** Every topic's kept figures from its comments, as migration V17 sets them. */
    static final String RECOUNT = "UPDATE topics SET comment_count = (SELECT COUNT(*) FROM comments c "
            + "WHERE c.topic_id = topics.id AND c.deleted_at IS NULL AND c.hidden = FALSE), last_comment_at = "
            + "(SELECT MAX(c.created_at) FROM comments c WHERE c.topic_id = topics.id AND c.deleted_at IS NULL "
            + "AND c.hidden = FALSE)";
}
