package org.thesenforum.benchmark;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * Topic page benchmark in two steps. {@code seed} writes comments straight into one topic of a stopped forum's H2
 * database (a third of them top-level, the rest replies up to five levels deep, with Markdown in some); the forum
 * fills what it derives from them (stored HTML, thread roots) at its next start. {@code run} fetches topic pages of
 * the running forum one after another, anonymous and signed in with a session cookie, and the same number of bytes
 * from a plain Vert.x server answering from memory (the raw reference, started here), and reports p50/p90/p99, the
 * page size and the forum/raw ratios.
 *
 * <pre>
 * java -cp target/live-loadgen.jar org.thesenforum.benchmark.PageBenchmark seed --db JDBC_URL --topic-index 0 --comments 1000
 * java -cp target/live-loadgen.jar org.thesenforum.benchmark.PageBenchmark run --base http://127.0.0.1:8080 \
 *     --topics 12,13 --user admin@… --password … --reps 200 --warmup 100
 * </pre>
 */
public final class PageBenchmark {

    private static final Pattern CSRF_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"(csrf[^\"]*)\" value=\"([^\"]+)\"");
    private static final Pattern COMMENT_LI = Pattern.compile("<li id=\"c\\d+\"");

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: PageBenchmark seed|run [options]");
            System.exit(64);
        }
        Map<String, String> opts = new HashMap<>();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (int i = 0; i + 1 < rest.length; i += 2) {
            opts.put(rest[i].replaceFirst("^--", ""), rest[i + 1]);
        }
        switch (args[0]) {
            case "seed" -> seed(opts.get("db"), opts.getOrDefault("user", "sa"),
                    Integer.parseInt(opts.getOrDefault("topic-index", "0")),
                    Integer.parseInt(opts.getOrDefault("comments", "1000")));
            case "run" -> run(opts.get("base"), opts.get("topics").split(","), opts.get("user"), opts.get("password"),
                    Integer.parseInt(opts.getOrDefault("reps", "200")),
                    Integer.parseInt(opts.getOrDefault("warmup", "100")));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(64);
            }
        }
    }

    // Seeding

    private static final String[] SENTENCES = {
        "Die Beratung im Quartier braucht verlässliche Räume und Zeit für Gespräche.",
        "Wir haben im Stadtteil gute Erfahrungen mit offenen Sprechstunden gemacht.",
        "Ohne *ehrenamtliche* Unterstützung wäre das Angebot nicht zu halten.",
        "Gemeinwesenarbeit heißt, die Menschen vor Ort **ernst zu nehmen**.",
        "Siehe dazu auch https://example.org/bericht – dort stehen die Zahlen.",
        "Wichtig ist die Sprache: Kinder lernen schnell, Eltern brauchen Kurse am Abend.",
        "Die Wohnungsfrage lässt sich nicht allein im Quartier lösen.",
        "Ich stimme zu, möchte aber ergänzen, dass die Verwaltung früher beteiligt werden sollte.",
    };

    static void seed(String url, String user, int topicIndex, int count) throws Exception {
        Random random = new Random(20261130L + topicIndex);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            db.setAutoCommit(false);
            List<Long> topics = ids(db, "SELECT id FROM topics ORDER BY id");
            long topic = topics.get(topicIndex);
            List<Long> accounts = ids(db, "SELECT id FROM accounts ORDER BY id");
            long next = ids(db, "SELECT COALESCE(MAX(id), 0) FROM comments").get(0) + 1_000;
            Instant start = Instant.now().minus(Duration.ofDays(30));
            long started = System.nanoTime();
            List<long[]> placed = new ArrayList<>(); // id and depth of every comment so far
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO comments (id, topic_id, parent_id, "
                    + "author_id, body, created_at, hidden) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                for (int i = 0; i < count; i++) {
                    long id = next + i;
                    long parent = -1;
                    int depth = 0;
                    if (!placed.isEmpty() && random.nextInt(3) != 0) {
                        // A reply to one of the recent comments, so threads grow while they are young.
                        long[] p = placed.get(Math.max(0, placed.size() - 1 - random.nextInt(Math.min(placed.size(), 30))));
                        if (p[1] < 5) {
                            parent = p[0];
                            depth = (int) p[1] + 1;
                        }
                    }
                    insert.setLong(1, id);
                    insert.setLong(2, topic);
                    if (parent < 0) {
                        insert.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        insert.setLong(3, parent);
                    }
                    insert.setLong(4, accounts.get(random.nextInt(accounts.size())));
                    StringBuilder body = new StringBuilder();
                    int sentences = 2 + random.nextInt(4);
                    for (int s = 0; s < sentences; s++) {
                        body.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(s == 1 ? "\n\n" : " ");
                    }
                    insert.setString(5, body.toString().strip());
                    insert.setTimestamp(6, Timestamp.from(start.plusSeconds(i * 30L)));
                    insert.addBatch();
                    placed.add(new long[] {id, depth});
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            try (Statement s = db.createStatement()) {
                s.execute("ALTER SEQUENCE comments_seq RESTART WITH " + (next + count + 1_000));
            }
            db.commit();
            long roots = placed.stream().filter(p -> p[1] == 0).count();
            System.out.printf(Locale.ROOT, "seeded %d comments (%d top-level) into topic %d in %d ms%n", count, roots,
                    topic, (System.nanoTime() - started) / 1_000_000);
            System.out.println("topic=" + topic);
        }
    }

    private static List<Long> ids(Connection db, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    // Fetching

    static void run(String base, String[] topics, String user, String password, int reps, int warmup)
            throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient member = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        logIn(member, base, user, password);
        Vertx vertx = Vertx.vertx();
        try {
            for (String topic : topics) {
                String path = "/topics/" + topic.strip();
                byte[] page = fetch(anonymous, base + path).body();
                int comments = count(new String(page, StandardCharsets.UTF_8));
                System.out.printf(Locale.ROOT, "topic %s: %d comments on the first page%n", topic, comments);
                Stats anon = measure(anonymous, base + path, reps, warmup);
                Stats signed = measure(member, base + path, reps, warmup);
                // The raw reference: the same bytes from memory, over the same kind of connection.
                HttpServer raw = startRaw(vertx, page);
                Stats reference = measure(anonymous, "http://127.0.0.1:" + raw.actualPort() + path, reps, warmup);
                raw.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                print("forum anonymous", anon, reference);
                print("forum signed in", signed, reference);
                print("raw (memory)", reference, reference);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void print(String label, Stats s, Stats raw) {
        System.out.printf(Locale.ROOT, "  %-16s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  size %8d B  "
                + "ratio p50 %5.1f  p99 %5.1f%n", label, s.p50, s.p90, s.p99, s.bytes, s.p50 / raw.p50,
                s.p99 / raw.p99);
    }

    private record Stats(double p50, double p90, double p99, long bytes) {
    }

    private static Stats measure(HttpClient http, String url, int reps, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) {
            fetch(http, url);
        }
        double[] millis = new double[reps];
        long bytes = 0;
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = fetch(http, url);
            millis[i] = (System.nanoTime() - start) / 1e6;
            bytes = response.body().length;
        }
        Arrays.sort(millis);
        return new Stats(at(millis, 0.50), at(millis, 0.90), at(millis, 0.99), bytes);
    }

    private static HttpResponse<byte[]> fetch(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response;
    }

    private static HttpServer startRaw(Vertx vertx, byte[] page) throws Exception {
        Buffer body = Buffer.buffer(page);
        CompletableFuture<HttpServer> started = vertx.createHttpServer()
                .requestHandler(request -> request.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                        .end(body))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture();
        return started.get(10, TimeUnit.SECONDS);
    }

    private static void logIn(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_FIELD.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("GET /login answered " + form.statusCode() + " without a CSRF field");
        }
        String fields = "email=" + encode(user) + "&password=" + encode(password) + "&next=%2F&"
                + encode(token.group(1)) + "=" + encode(token.group(2));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("POST /login answered " + login.statusCode());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String html) {
        Matcher m = COMMENT_LI.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double at(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
