package org.thesenforum.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search benchmark in two steps. {@code seed} writes comments straight into a stopped forum's H2 database, with
 * German sentences made from the words of the shipped paper (so the index sees realistic vocabulary, and the forum
 * rebuilds its search index from the database on the next start); {@code query} sends typical searches to the
 * running forum's JSON API one after another and reports p50/p90/p99 per round.
 *
 * <pre>
 * java -cp target/live-loadgen.jar org.thesenforum.benchmark.SearchBenchmark seed --db JDBC_URL --paper FILE --comments 50000
 * java -cp target/live-loadgen.jar org.thesenforum.benchmark.SearchBenchmark query --base http://127.0.0.1:8080 --slug SLUG
 * </pre>
 */
public final class SearchBenchmark {

    /** Typical searches: single words, inflected forms, two words, a phrase, a rare word, one without hits. */
    static final List<String> QUERIES = List.of("Quartier", "Quartiere", "Flüchtlinge", "Beratung",
            "Integration Arbeit", "\"soziale Arbeit\"", "Stadtteil", "Wohnungen", "Sprache Kinder",
            "Gemeinwesenarbeit");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SearchBenchmark seed|query [options]");
            System.exit(64);
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "seed" -> seed(opts.get("db"), opts.getOrDefault("user", "sa"), Path.of(opts.get("paper")),
                    Integer.parseInt(opts.getOrDefault("comments", "50000")));
            case "query" -> query(opts.get("base"), opts.get("slug"),
                    Integer.parseInt(opts.getOrDefault("rounds", "3")),
                    Integer.parseInt(opts.getOrDefault("reps", "30")),
                    Integer.parseInt(opts.getOrDefault("warmup", "20")));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(64);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }

    // Seeding

    static void seed(String url, String user, Path paper, int count) throws Exception {
        List<String> words = vocabulary(Files.readString(paper));
        Random random = new Random(20261130L);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            db.setAutoCommit(false);
            List<Long> topics = ids(db, "SELECT id FROM topics ORDER BY id");
            List<Long> accounts = ids(db, "SELECT id FROM accounts ORDER BY id");
            List<Long> questions = ids(db, "SELECT id FROM guiding_questions ORDER BY id");
            long next = ids(db, "SELECT COALESCE(MAX(id), 0) FROM comments").get(0) + 1_000;
            Instant start = Instant.now().minus(Duration.ofDays(30));
            long started = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO comments (id, topic_id, author_id, "
                    + "question_id, body, created_at, hidden) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, next + i);
                    insert.setLong(2, topics.get(random.nextInt(topics.size())));
                    insert.setLong(3, accounts.get(random.nextInt(accounts.size())));
                    if (!questions.isEmpty() && random.nextInt(3) == 0) {
                        insert.setLong(4, questions.get(random.nextInt(questions.size())));
                    } else {
                        insert.setNull(4, java.sql.Types.BIGINT);
                    }
                    insert.setString(5, text(words, random));
                    insert.setTimestamp(6, Timestamp.from(start.plusSeconds(i * 50L)));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            try (Statement s = db.createStatement()) {
                // Leave the sequence beyond the seeded ids, in case someone posts on this database afterwards.
                s.execute("ALTER SEQUENCE comments_seq RESTART WITH " + (next + count + 1_000));
                // The topics keep their visible comment count and newest comment time (migration V17).
                s.execute(WriteBenchmark.RECOUNT);
            }
            db.commit();
            System.out.printf(Locale.ROOT, "seeded %d comments from %d distinct words in %d ms%n", count,
                    words.size(), (System.nanoTime() - started) / 1_000_000);
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

    /** The paper's words, in the order and with the frequency they occur, so common words stay common. */
    static List<String> vocabulary(String paper) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}][\\p{L}-]{1,}").matcher(paper);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Two to six sentences of 6 to 20 words, each a run from a random place of the paper or random words. */
    static String text(List<String> words, Random random) {
        StringBuilder text = new StringBuilder();
        int sentences = 2 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            int length = 6 + random.nextInt(15);
            boolean run = random.nextBoolean();
            int at = random.nextInt(Math.max(1, words.size() - length));
            for (int w = 0; w < length; w++) {
                String word = run ? words.get(at + w) : words.get(random.nextInt(words.size()));
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                text.append(word).append(w == length - 1 ? ". " : " ");
            }
        }
        return text.toString().strip();
    }

    // Querying

    static void query(String base, String slug, int rounds, int reps, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Long> totals = new HashMap<>();
        for (int i = 0; i < warmup; i++) {
            for (String q : QUERIES) {
                totals.put(q, get(http, base, slug, q).total());
            }
        }
        QUERIES.forEach(q -> System.out.printf(Locale.ROOT, "hits for %-22s %6d%n", q, totals.get(q)));
        List<double[]> summaries = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                for (String q : QUERIES) {
                    millis.add(get(http, base, slug, q).millis());
                }
            }
            double[] p = percentiles(millis);
            summaries.add(p);
            System.out.printf(Locale.ROOT, "round %d: %d searches  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    r, millis.size(), p[0], p[1], p[2], p[3]);
        }
        double[] p50 = summaries.stream().mapToDouble(s -> s[0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "p50 over %d rounds: %.1f to %.1f ms%n", rounds, p50[0], p50[p50.length - 1]);
    }

    private record Timed(double millis, long total) {
    }

    private static Timed get(HttpClient http, String base, String slug, String q) throws Exception {
        URI uri = URI.create(base + "/api/discussions/" + slug + "/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search " + q + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        return new Timed(millis, total.find() ? Long.parseLong(total.group(1)) : -1);
    }

    private static double[] percentiles(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
