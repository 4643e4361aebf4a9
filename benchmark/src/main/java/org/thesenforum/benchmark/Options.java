package org.thesenforum.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the load generator; every option has a default except the password. */
record Options(
        String host,
        int port,
        String slug,
        Long topicId,
        int clients,
        int comments,
        int warmup,
        int warmupIntervalMs,
        int minIntervalMs,
        int maxIntervalMs,
        int batchSize,
        int batchPauseMs,
        int connectTimeoutMs,
        int settleMs,
        int drainSeconds,
        int timeoutSeconds,
        int eventLoops,
        int bodyChars,
        String user,
        String password,
        boolean sessionAuth,
        String label,
        Path out) {

    static final String USAGE = """
            Usage: java -jar live-loadgen.jar [options]
              --host H              server address (default 127.0.0.1)
              --port P              server port (default 8080)
              --slug S              discussion slug (default ankommen-im-gemeinwesen)
              --topic ID            topic to comment on (default: the first topic of the discussion)
              --clients N           WebSocket clients to open (default 100)
              --comments M          measured comments to post (default 50)
              --warmup W            unmeasured comments posted first (default 20)
              --warmup-interval MS  pause after each warm-up post (default 100); a short one with many warm-up
                                    comments lets the JIT compile the POST path as in a server that has run a while
              --interval-min MS     smallest pause between two posts (default 100)
              --interval-max MS     largest pause between two posts (default 200)
              --batch B             handshakes started at once while ramping up (default 250)
              --batch-pause MS      pause after each batch has settled (default 50)
              --connect-timeout MS  TCP connect timeout (default 10000)
              --settle MS           pause between the ramp-up and the first post (default 2000)
              --drain S             seconds to wait for frames after the last post (default 20)
              --timeout S           hard limit for the whole run (default 120)
              --event-loops K       client event loop threads (default: number of cores)
              --body-chars C        approximate length of each comment body (default 240)
              --user EMAIL          account that posts (default bench@example.org)
              --password PW         its password (or env LOADGEN_PASSWORD)
              --auth basic|session  basic: HTTP Basic on every POST (a bcrypt check each time);
                                    session: sign in once through /login and post with the cookie,
                                    as a browser does (default basic)
              --label TEXT          free text stored with the result (default: N=<clients>)
              --out FILE            append the result as one JSON line to FILE
            Summary mode: java -jar live-loadgen.jar --summarize results.jsonl  (prints a Markdown table)
            """;

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got: " + String.join(" ", args));
            }
            values.put(key.substring(2), args[++i]);
        }
        List<String> known = List.of("host", "port", "slug", "topic", "clients", "comments", "warmup", "warmup-interval",
                "interval-min", "interval-max", "batch", "batch-pause", "connect-timeout", "settle", "drain",
                "timeout", "event-loops", "body-chars", "user", "password", "auth", "label", "out");
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown option --" + key);
            }
        }
        int clients = integer(values, "clients", 100, 1, 100_000);
        int minInterval = integer(values, "interval-min", 100, 0, 60_000);
        int maxInterval = integer(values, "interval-max", 200, minInterval, 60_000);
        String password = values.getOrDefault("password", System.getenv("LOADGEN_PASSWORD"));
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A password is needed: --password or env LOADGEN_PASSWORD");
        }
        String topic = values.get("topic");
        String auth = values.getOrDefault("auth", "basic");
        if (!auth.equals("basic") && !auth.equals("session")) {
            throw new IllegalArgumentException("--auth is basic or session");
        }
        return new Options(
                values.getOrDefault("host", "127.0.0.1"),
                integer(values, "port", 8080, 1, 65_535),
                values.getOrDefault("slug", "ankommen-im-gemeinwesen"),
                topic == null ? null : Long.valueOf(topic),
                clients,
                integer(values, "comments", 50, 1, 10_000),
                integer(values, "warmup", 20, 0, 100_000),
                integer(values, "warmup-interval", 100, 0, 60_000),
                minInterval,
                maxInterval,
                integer(values, "batch", 250, 1, 100_000),
                integer(values, "batch-pause", 50, 0, 60_000),
                integer(values, "connect-timeout", 10_000, 100, 600_000),
                integer(values, "settle", 2_000, 0, 600_000),
                integer(values, "drain", 20, 1, 3_600),
                integer(values, "timeout", 120, 5, 3_600),
                integer(values, "event-loops", Runtime.getRuntime().availableProcessors(), 1, 256),
                integer(values, "body-chars", 240, 40, 10_000),
                values.getOrDefault("user", "bench@example.org"),
                password,
                auth.equals("session"),
                values.getOrDefault("label", "N=" + clients),
                values.containsKey("out") ? Path.of(values.get("out")) : null);
    }

    private static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        int n = Integer.parseInt(value.trim());
        if (n < min || n > max) {
            throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max);
        }
        return n;
    }
}
