package org.thesenforum;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two packaged instances of the PostgreSQL build on one database, as separate processes on loopback: a comment
 * posted on one reaches the live clients of the other within a second and in seq order, presence counts the clients
 * of both, a listening connection killed on the server loses nothing, clients of an instance killed with SIGKILL
 * resume on the other with {@code since} and miss nothing (directly, and through Debian's nginx with
 * docker/nginx/thesenforum.conf), the comment budget holds across both, and a third instance with a generated
 * session key is refused. Runs only with {@code -Dcluster.it=true} against the jar of
 * {@code mvn package -Dquarkus.profile=postgres} and a PostgreSQL server at 127.0.0.1:5432 (user postgres, no
 * password), in a database of its own that it creates afresh. Without the server it is skipped, and without
 * /usr/sbin/nginx the clients through nginx are left out, except with {@code CI=true}, where either fails. Logs of
 * the instances and of nginx go to {@code target/cluster-it/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PG_USER = "postgres";
    private static final String DATABASE = "thesenforum_cluster_it";
    private static final String ADMIN_EMAIL = "admin@example.org";
    private static final String ADMIN_PASSWORD = "cluster-admin-password-2026";
    private static final String EXPERT_PASSWORD = "cluster-expert-password-2026";
    private static final int COMMENTS_PER_MINUTE = 6;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final List<Node> nodes = new CopyOnWriteArrayList<>();
    private static final List<Live> clients = new CopyOnWriteArrayList<>();
    private static Path jar;
    private static Path logDir;
    private static Map<String, String> keys;
    private static Node a;
    private static Node b;
    private static String slug;
    private static List<Long> topicIds;
    private static String adminToken;

    @BeforeAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    static void startTwoInstancesOnAFreshDatabase() throws Exception {
        assumeTrue(Boolean.getBoolean("cluster.it"), "ClusterIT runs with -Dcluster.it=true on the PostgreSQL build");
        jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "packaged application not found at " + jar
                + "; run mvn package -Dquarkus.profile=postgres");
        requirePostgres();
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterIT::killAll, "cluster-it-cleanup"));

        logDir = jar.getParent().getParent().resolve("cluster-it");
        deleteRecursively(logDir); // only this run's logs and data folders
        Files.createDirectories(logDir);
        try (Connection c = connect("test"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE);
        }
        keys = Map.of("FORUM_SESSION_KEY", randomKey(), "FORUM_CSRF_KEY", randomKey(),
                "FORUM_NOTIFICATIONS_KEY", randomKey());

        // On a new database one instance sets up the schema, the first admin and the paper; then the other joins.
        a = start("a", keys);
        b = start("b", keys);
        assertNotEquals(a.instanceId, b.instanceId);

        JsonNode discussions = getJson(a, "/api/discussions", null);
        assertEquals(1, discussions.size(), "the paper should be imported as exactly one discussion");
        slug = discussions.get(0).get("slug").asText();
        topicIds = new ArrayList<>();
        getJson(a, "/api/discussions/" + slug, null).get("topics").forEach(t -> topicIds.add(t.get("id").asLong()));
        assertFalse(topicIds.isEmpty(), "the imported discussion has no topics");
        // Tokens rather than HTTP Basic: one bcrypt check per request would slow the posting loops down.
        adminToken = token(a, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopEverything() {
        clients.forEach(Live::abort);
        killAll();
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void presenceAndAMeetingsReachCountTheClientsOfBothInstances() throws Exception {
        long latest = lastEventSeq(a);
        Live onA = Live.connect(a, slug, latest);
        Live onB = Live.connect(b, slug, latest);

        onA.awaitFrame(f -> isPresence(f, 2), "a presence frame with online == 2 on A");
        onB.awaitFrame(f -> isPresence(f, 2), "a presence frame with online == 2 on B");

        // A meeting's reach counts the devices of both instances, asked on either.
        for (Node node : List.of(a, b)) {
            await().atMost(WAIT).until(() -> reach(node).path("devices").asInt() == 2
                    && reach(node).path("current").asInt() == 0);
        }
        onA.socket.sendText("{\"type\":\"ack\",\"seq\":" + latest + "}", true).get(5, TimeUnit.SECONDS);
        onB.socket.sendText("{\"type\":\"ack\",\"seq\":" + latest + "}", true).get(5, TimeUnit.SECONDS);
        for (Node node : List.of(a, b)) {
            await().atMost(WAIT).until(() -> reach(node).path("current").asInt() == 2);
            assertEquals(latest, reach(node).path("latestSeq").asLong(), "the reach's newest seq on " + node.name);
        }

        onB.close();
        int seen = onA.frames.size();
        onA.awaitFrame(seen, f -> isPresence(f, 1), "a presence frame with online == 1 on A after B's client left");
        onA.close();
    }

    @Test
    @Order(2)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aCommentPostedOnOneInstanceReachesTheOthersClientsWithinASecond() throws Exception {
        postOnOneReceiveOnTheOther(b, a);
        postOnOneReceiveOnTheOther(a, b);
    }

    private static void postOnOneReceiveOnTheOther(Node poster, Node receiver) throws Exception {
        long since = lastEventSeq(receiver);
        Live client = Live.connect(receiver, slug, since);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Posted posted = post(poster, adminToken, topicIds.get(i % topicIds.size()),
                    "Posted on " + poster.name + ", read on " + receiver.name + " (" + i + ")");
            assertEquals(201, posted.status, "posting on " + poster.name + " answered " + posted.body);
            Frame frame = client.awaitFrame(f -> isCreated(f, posted.id),
                    "comment.created of comment " + posted.id + " on " + receiver.name);
            long millis = TimeUnit.NANOSECONDS.toMillis(frame.receivedAt - posted.answeredAt);
            assertTrue(millis <= 1000, "comment " + posted.id + " posted on " + poster.name + " reached the client on "
                    + receiver.name + " " + millis + " ms after the 201");
            long previous = expected.isEmpty() ? since : expected.get(expected.size() - 1);
            assertEquals(previous + 1, frame.seq(), "seq of comment " + posted.id);
            assertEquals(frame.seq(), lastEventSeq(poster), "lastEventSeq on " + poster.name + " after the post");
            assertEquals(frame.seq(), lastEventSeq(receiver), "lastEventSeq on " + receiver.name + " after the post");
            expected.add(frame.seq());
        }
        // Past a backstop read (1 s) nothing more arrives: each entry came exactly once.
        Thread.sleep(1500);
        assertEquals(expected, client.eventSeqs(), "log frames on " + receiver.name);
        client.close();
    }

    @Test
    @Order(3)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aListeningConnectionKilledOnTheServerLosesNothing() throws Exception {
        long oldPid = doorbellPid(a);
        long since = lastEventSeq(a);
        Live client = Live.connect(a, slug, since);
        List<Long> posted = new ArrayList<>();
        boolean terminated = false;
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            Posted p = post(b, adminToken, topicIds.get(0), "Posted on b while a's doorbell is cut off (" + i + ")");
            assertEquals(201, p.status, "posting on b answered " + p.body);
            posted.add(p.id);
            if (i == 14) {
                terminated = terminateDoorbell(a);
            }
            long left = 100 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (left > 0) {
                Thread.sleep(left);
            }
        }
        assertTrue(terminated, "pg_terminate_backend did not end a's listening connection");

        await().atMost(WAIT).until(() -> client.events().size() >= posted.size());
        Thread.sleep(1500);
        List<Long> expectedSeqs = LongStream.rangeClosed(since + 1, since + posted.size()).boxed().toList();
        assertEquals(expectedSeqs, client.eventSeqs(), "seqs on a: every entry once, in order, without a gap");
        assertEquals(posted, client.createdIds(), "comments on a, in the order they were posted on b");

        await().atMost(WAIT).until(() -> liveLog(a).path("doorbellListening").asBoolean());
        long newPid = doorbellPid(a);
        assertNotEquals(oldPid, newPid, "a listens on the same connection as before");
        client.close();
    }

    @Test
    @Order(4)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theCommentBudgetHoldsAcrossBothInstances() throws Exception {
        // One after the other, alternating between the instances.
        String alternating = token(a, expert("alternating"), EXPERT_PASSWORD);
        List<Posted> answers = new ArrayList<>();
        for (int i = 0; i < 2 * COMMENTS_PER_MINUTE; i++) {
            answers.add(post(i % 2 == 0 ? a : b, alternating, topicIds.get(0), "Alternating flood " + i));
        }
        assertBudget(answers, "alternating between a and b");
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 429, 429, 429, 429, 429, 429),
                answers.stream().map(p -> p.status).toList(), "answers in the order sent");

        // All at once, half on each instance.
        String parallel = token(b, expert("parallel"), EXPERT_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(2 * COMMENTS_PER_MINUTE);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Posted>> futures = new ArrayList<>();
            for (int i = 0; i < 2 * COMMENTS_PER_MINUTE; i++) {
                Node node = i % 2 == 0 ? a : b;
                String body = "Parallel flood " + i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return post(node, parallel, topicIds.get(0), body);
                }));
            }
            go.countDown();
            List<Posted> parallelAnswers = new ArrayList<>();
            for (Future<Posted> f : futures) {
                parallelAnswers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertBudget(parallelAnswers, "in parallel on a and b");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBudget(List<Posted> answers, String how) throws Exception {
        List<Posted> accepted = answers.stream().filter(p -> p.status == 201).toList();
        List<Posted> refused = answers.stream().filter(p -> p.status == 429).toList();
        assertEquals(COMMENTS_PER_MINUTE, accepted.size(), "201 answers " + how + ": "
                + answers.stream().map(p -> p.status).toList());
        assertEquals(answers.size() - COMMENTS_PER_MINUTE, refused.size(), "429 answers " + how + ": "
                + answers.stream().map(p -> p.status).toList());
        for (Posted p : refused) {
            String retryAfter = p.retryAfter;
            assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*")
                    && Integer.parseInt(retryAfter) <= 60, "429 " + how + " with Retry-After <" + retryAfter + ">");
        }
        Set<Long> stored = new HashSet<>();
        collectIds(getJson(b, "/api/topics/" + topicIds.get(0) + "/comments", null), stored);
        for (Posted p : accepted) {
            assertTrue(stored.contains(p.id), "accepted comment " + p.id + " is not stored");
        }
    }

    @Test
    @Order(5)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aThirdInstanceWithAGeneratedSessionKeyIsRefused() throws Exception {
        Map<String, String> withoutSessionKey = new HashMap<>(keys);
        withoutSessionKey.remove("FORUM_SESSION_KEY");
        Node c = launch("c-generated-session-key", withoutSessionKey);
        assertTrue(c.process.waitFor(60, TimeUnit.SECONDS), "the third instance still runs after 60 s; see " + c.log);
        assertNotEquals(0, c.process.exitValue(), "exit code of the third instance");
        String log = Files.readString(c.log, StandardCharsets.UTF_8);
        assertTrue(log.contains("runs on the same database with other keys: forum.session.key. "),
                "the log does not name forum.session.key as the refused key; see " + c.log);
        assertTrue(log.contains("FORUM_SESSION_KEY"), "the log does not name FORUM_SESSION_KEY; see " + c.log);
        assertTrue(Files.isRegularFile(c.dataDir.resolve("session.key")), "the third instance generated no key");
        assertEquals(200, readiness(a).statusCode(), "a after the refused start");
        assertEquals(200, readiness(b).statusCode(), "b after the refused start");
    }

    @Test
    @Order(6)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void clientsOfAKilledInstanceResumeOnTheOtherWithoutGapOrRepeat() throws Exception {
        long latest = lastEventSeq(a);
        // Three clients on a, one of them a few entries behind, so that it starts with a replay; they resume on b.
        List<Follower> direct = List.of(new Follower("direct-0", latest), new Follower("direct-1", latest - 3),
                new Follower("direct-2", latest));
        for (Follower f : direct) {
            f.connect(a);
        }
        // Four more through nginx with the shipped configuration, spread over a and b; they resume through nginx.
        Node proxy = startNginx();
        List<Follower> proxied = new ArrayList<>();
        if (proxy != null) {
            for (int i = 0; i < 4; i++) {
                Follower f = new Follower("nginx-" + i, latest);
                f.connect(proxy);
                proxied.add(f);
            }
        }

        ConcurrentLinkedQueue<Long> postedIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> postErrors = new ConcurrentLinkedQueue<>();
        AtomicInteger postedCount = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        int closedThroughNginx = 0;
        try {
            poster.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    try {
                        Posted p = post(b, adminToken, topicIds.get(i % topicIds.size()), "Around the kill " + i);
                        if (p.status == 201) {
                            postedIds.add(p.id);
                            postedCount.incrementAndGet();
                        } else {
                            postErrors.add(p.status + " " + p.body);
                        }
                        i++;
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        postErrors.add(e.toString());
                    }
                }
            });

            await().atMost(WAIT).until(() -> postedCount.get() >= 8);
            a.process.destroyForcibly(); // SIGKILL
            assertTrue(a.process.waitFor(30, TimeUnit.SECONDS), "a did not exit after SIGKILL");
            int postedAtKill = postedCount.get();
            for (Follower f : direct) {
                f.current().awaitClosed(f.name + " after the kill");
            }
            if (proxy != null) {
                await().atMost(WAIT).until(() -> proxied.stream().anyMatch(f -> f.current().isClosed()));
                Thread.sleep(1000);
            }

            // Each client comes back with the last seq it received, while b goes on taking comments.
            for (Follower f : direct) {
                f.connect(b);
            }
            for (Follower f : proxied) {
                if (f.current().isClosed()) {
                    f.connect(proxy);
                    closedThroughNginx++;
                }
            }
            if (proxy != null) {
                // A comment posted through nginx now: a refuses the connection, nginx passes it on to b.
                for (int i = 0; i < 2; i++) {
                    Posted p = post(proxy, adminToken, topicIds.get(0), "Through nginx after the kill " + i);
                    assertEquals(201, p.status, "posting through nginx after the kill answered " + p.body);
                    postedIds.add(p.id);
                }
            }
            await().atMost(WAIT).until(() -> postedCount.get() >= postedAtKill + 8);
        } finally {
            stop.set(true);
            poster.shutdown();
            assertTrue(poster.awaitTermination(30, TimeUnit.SECONDS), "the poster did not stop");
        }
        assertTrue(postErrors.isEmpty(), "posting on b around the kill failed: " + postErrors);
        if (proxy != null) {
            assertTrue(closedThroughNginx >= 1 && closedThroughNginx < proxied.size(), closedThroughNginx + " of "
                    + proxied.size() + " clients through nginx were on a; nginx should spread them over a and b");
        }

        long finalSeq = lastEventSeq(b);
        List<Follower> all = new ArrayList<>(direct);
        all.addAll(proxied);
        for (Follower f : all) {
            await().atMost(WAIT).until(() -> f.seqs().contains(finalSeq));
        }
        Thread.sleep(1500);
        Set<Long> allIds = new HashSet<>(postedIds);
        assertTrue(allIds.size() >= 16, "only " + allIds.size() + " comments were posted around the kill");
        for (Follower f : all) {
            assertFalse(f.current().isClosed(), f.name + ": the connection on b closed");
            assertEquals(LongStream.rangeClosed(f.since + 1, finalSeq).boxed().toList(), f.seqs(), f.name
                    + ": seqs over its connections (resumed with since=" + f.resumedFrom() + ")");
            assertTrue(new HashSet<>(f.createdIds()).containsAll(allIds), f.name
                    + " lacks comments posted around the kill");
            f.current().close();
        }
    }

    /** One reader over several connections: a new one resumes with the last seq that the previous one received. */
    private static final class Follower {
        final String name;
        final long since;
        final List<Live> connections = new ArrayList<>();

        Follower(String name, long since) {
            this.name = name;
            this.since = since;
        }

        void connect(Node node) throws Exception {
            connections.add(Live.connect(node, slug, lastSeq()));
        }

        Live current() {
            return connections.get(connections.size() - 1);
        }

        List<Long> seqs() {
            return connections.stream().flatMap(c -> c.eventSeqs().stream()).toList();
        }

        List<Long> createdIds() {
            return connections.stream().flatMap(c -> c.createdIds().stream()).toList();
        }

        long lastSeq() {
            List<Long> seqs = seqs();
            return seqs.isEmpty() ? since : seqs.get(seqs.size() - 1);
        }

        /** The since of every connection after the first. */
        List<Long> resumedFrom() {
            List<Long> from = new ArrayList<>();
            long last = since;
            for (Live c : connections) {
                if (c != connections.get(0)) {
                    from.add(last);
                }
                List<Long> seqs = c.eventSeqs();
                if (!seqs.isEmpty()) {
                    last = seqs.get(seqs.size() - 1);
                }
            }
            return from;
        }
    }

    // ---- nginx ----

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    /**
     * Debian's nginx with docker/nginx/thesenforum.conf as shipped, only its upstream servers and listening address
     * replaced: a process of its own (no daemon, no worker processes) with its files under target/cluster-it/nginx.
     * Without nginx it returns null, except with CI=true, where the test fails.
     */
    private static Node startNginx() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ClusterIT needs Debian's nginx at " + NGINX + " (apt-get install nginx)");
            }
            return null;
        }
        Path dir = Files.createDirectories(logDir.resolve("nginx"));
        String shipped = Files.readString(Path.of(System.getProperty("basedir", "."), "docker", "nginx",
                "thesenforum.conf"), StandardCharsets.UTF_8);
        Matcher servers = Pattern.compile("(?m)^\\s*server \\S+:\\d+ .*;\\n")
                .matcher(shipped);
        int port = freePort();
        StringBuilder site = new StringBuilder();
        int found = 0;
        while (servers.find()) {
            servers.appendReplacement(site, found++ > 0 ? "" : Matcher.quoteReplacement(
                    "    server 127.0.0.1:" + a.port + " max_fails=1 fail_timeout=10s;\n"
                    + "    server 127.0.0.1:" + b.port + " max_fails=1 fail_timeout=10s;\n"));
        }
        servers.appendTail(site);
        assertEquals(2, found, "upstream servers in docker/nginx/thesenforum.conf");
        assertEquals(1, site.toString().split("\\blisten 80;", -1).length - 1,
                "listen 80; in docker/nginx/thesenforum.conf");
        Files.writeString(dir.resolve("thesenforum.conf"),
                site.toString().replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "daemon off;",
                "master_process off;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " notice;",
                "events { worker_connections 256; }",
                "http {",
                "    access_log " + dir.resolve("access.log") + ";",
                "    client_body_temp_path " + dir.resolve("body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "    scgi_temp_path " + dir.resolve("scgi") + ";",
                "    include " + dir.resolve("thesenforum.conf") + ";",
                "}", ""));
        Path log = logDir.resolve("nginx.log");
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir + "/", "-c", dir.resolve("nginx.conf")
                .toString(), "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Node node = new Node("nginx", port, dir, log, process);
        nodes.add(node);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // Through nginx /q/ is not served (404): the API answers once nginx passes requests on.
                HttpRequest request = HttpRequest.newBuilder(URI.create(node.http("/api/discussions")))
                        .timeout(Duration.ofSeconds(5)).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        // The shipped file keeps health and metrics away from the public: each instance answers for itself.
        HttpRequest metrics = HttpRequest.newBuilder(URI.create(node.http("/q/metrics")))
                .timeout(Duration.ofSeconds(5)).build();
        assertEquals(404, HTTP.send(metrics, HttpResponse.BodyHandlers.discarding()).statusCode(),
                "/q/metrics through nginx");
        return node;
    }

    // ---- instances ----

    /** One instance: its process, port, data folder and log. */
    private static final class Node {
        final String name;
        final int port;
        final Path dataDir;
        final Path log;
        final Process process;
        String instanceId;

        Node(String name, int port, Path dataDir, Path log, Process process) {
            this.name = name;
            this.port = port;
            this.dataDir = dataDir;
            this.log = log;
            this.process = process;
        }

        String http(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** Starts an instance and waits until it is ready. */
    private static Node start(String name, Map<String, String> keys) throws Exception {
        Node node = launch(name, keys);
        await().atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!node.process.isAlive()) {
                        throw new IllegalStateException("instance " + name + " exited with "
                                + node.process.exitValue() + " during start-up; see " + node.log
                                + " (is app.jar the PostgreSQL build, mvn package -Dquarkus.profile=postgres?)");
                    }
                    try {
                        return readiness(node).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        JsonNode liveLog = liveLog(node);
        assertTrue(liveLog.hasNonNull("instance"), "instance " + name + " does not share its database ("
                + liveLog + "): app.jar is not the PostgreSQL build (mvn package -Dquarkus.profile=postgres)");
        node.instanceId = liveLog.get("instance").asText();
        // Rings sent before an instance listens are lost by design; the tests start once both listen.
        await().atMost(WAIT).until(() -> liveLog(node).path("doorbellListening").asBoolean());
        return node;
    }

    private static Node launch(String name, Map<String, String> keys) throws IOException {
        int port = freePort();
        Path dataDir = Files.createTempDirectory(logDir, "data-" + name + "-");
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Only what is set here: nothing of the developer's own forum settings.
        env.keySet().removeIf(k -> k.startsWith("FORUM_") || k.startsWith("QUARKUS_") || k.equals("JAVA_OPTS"));
        env.put("FORUM_DB_URL", PG_SERVER + DATABASE);
        env.put("FORUM_DB_USER", PG_USER);
        env.put("FORUM_DATA_DIR", dataDir.toString());
        env.put("FORUM_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FORUM_COMMENT_RATE_PER_MINUTE", Integer.toString(COMMENTS_PER_MINUTE));
        env.put("FORUM_SECURE_COOKIES", "false");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "16");
        // As behind a proxy (README, "Several instances"): the kill test also goes through nginx.
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        env.putAll(keys);
        Node node = new Node(name, port, dataDir, log, builder.start());
        nodes.add(node);
        return node;
    }

    private static void killAll() {
        for (Node node : nodes) {
            if (node.process.isAlive()) {
                node.process.destroyForcibly();
            }
        }
        for (Node node : nodes) {
            try {
                node.process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpResponse<String> readiness(Node node) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.http("/q/health/ready")))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The data of the readiness check {@code live-log}. */
    private static JsonNode liveLog(Node node) throws IOException, InterruptedException {
        for (JsonNode check : JSON.readTree(readiness(node).body()).path("checks")) {
            if ("live-log".equals(check.path("name").asText())) {
                return check.path("data");
            }
        }
        throw new AssertionError("no readiness check live-log on " + node.name);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // ---- PostgreSQL ----

    private static void requirePostgres() {
        try (Connection c = connect("test")) {
            c.isValid(5);
        } catch (SQLException e) {
            String message = "ClusterIT needs PostgreSQL at 127.0.0.1:5432 (user postgres, database test): "
                    + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + "; skipped outside CI");
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", PG_USER);
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "thesenforum-cluster-it");
        return DriverManager.getConnection(PG_SERVER + database, props);
    }

    private static String doorbellName(Node node) {
        return "thesenforum-doorbell-" + node.instanceId;
    }

    /** The backend of the instance's listening connection; there must be exactly one. */
    private static long doorbellPid(Node node) throws SQLException {
        try (Connection c = connect(DATABASE);
                PreparedStatement st = c.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            st.setString(1, doorbellName(node));
            List<Long> pids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
            assertEquals(1, pids.size(), "listening connections of " + node.name + ": " + pids);
            return pids.get(0);
        }
    }

    private static boolean terminateDoorbell(Node node) throws SQLException {
        try (Connection c = connect(DATABASE);
                PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = ?")) {
            st.setString(1, doorbellName(node));
            int terminated = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        terminated++;
                    }
                }
            }
            return terminated == 1;
        }
    }

    // ---- HTTP ----

    /** The answer to a new comment: status, the comment's id (201 only) and when the answer arrived. */
    private record Posted(int status, long id, String body, String retryAfter, long answeredAt) {
    }

    private static Posted post(Node node, String token, long topicId, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.http("/api/topics/" + topicId + "/comments")))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("body", body))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long answeredAt = System.nanoTime();
        long id = response.statusCode() == 201 ? JSON.readTree(response.body()).get("id").asLong() : 0;
        return new Posted(response.statusCode(), id, response.body(),
                response.headers().firstValue("Retry-After").orElse(null), answeredAt);
    }

    private static JsonNode reach(Node node) throws Exception {
        return getJson(node, "/api/discussions/" + slug + "/meeting/reach", "Bearer " + adminToken);
    }

    private static long lastEventSeq(Node node) throws Exception {
        return getJson(node, "/api/discussions/" + slug, null).get("lastEventSeq").asLong();
    }

    private static JsonNode getJson(Node node, String path, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.http(path)))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (basic != null) {
            request.header("Authorization", basic);
        }
        HttpResponse<String> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + " on " + node.name + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode postJson(Node node, String path, String basic, Object body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.http(path)))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), "POST " + path + " on " + node.name + " answered "
                + response.body());
        return JSON.readTree(response.body());
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An API token of the account, made on {@code node} with its password. */
    private static String token(Node node, String email, String password) throws Exception {
        return postJson(node, "/api/me/tokens", basic(email, password), Map.of("name", "ClusterIT"), 201)
                .get("token").asText();
    }

    /** Registers an expert with an invitation of the admin and returns the e-mail address. */
    private static String expert(String name) throws Exception {
        String code = postJson(a, "/api/invitations", basic(ADMIN_EMAIL, ADMIN_PASSWORD), Map.of(), 201)
                .get("code").asText();
        String email = name + "@example.org";
        postJson(b, "/api/accounts", null, Map.of("invitationCode", code, "displayName", "Cluster " + name,
                "email", email, "password", EXPERT_PASSWORD, "organisation", "Testinstitut", "place", "Berlin"), 201);
        return email;
    }

    private static void collectIds(JsonNode comments, Set<Long> into) {
        for (JsonNode comment : comments) {
            into.add(comment.get("id").asLong());
            collectIds(comment.path("replies"), into);
        }
    }

    // ---- live clients ----

    /** A frame and the moment it was received. */
    private record Frame(JsonNode json, long receivedAt) {
        String type() {
            return json.path("type").asText();
        }

        long seq() {
            return json.path("seq").asLong();
        }
    }

    private static boolean isPresence(Frame f, int online) {
        return "presence".equals(f.type()) && f.json().path("online").asInt() == online;
    }

    private static boolean isCreated(Frame f, long commentId) {
        return "comment.created".equals(f.type()) && f.json().path("data").path("id").asLong() == commentId;
    }

    /** An anonymous live client (the JDK's WebSocket) that keeps every frame it receives. */
    private static final class Live implements WebSocket.Listener {
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final String where;
        private WebSocket socket;

        private Live(String where) {
            this.where = where;
        }

        /** Connects and waits until the server has registered the connection (it answers a ping only then). */
        static Live connect(Node node, String slug, Long since) throws Exception {
            Live live = new Live(node.name);
            URI uri = URI.create("ws://127.0.0.1:" + node.port + "/live/" + slug
                    + (since == null ? "" : "?since=" + since));
            live.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri, live).get(15, TimeUnit.SECONDS);
            clients.add(live);
            live.socket.sendText("{\"type\":\"ping\"}", true).get(5, TimeUnit.SECONDS);
            live.awaitFrame(f -> "pong".equals(f.type()), "pong");
            live.frames.removeIf(f -> "pong".equals(f.type()));
            return live;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                try {
                    frames.add(new Frame(JSON.readTree(partial.toString()), at));
                } catch (IOException e) {
                    frames.add(new Frame(JSON.createObjectNode().put("type", "unreadable").put("text",
                            partial.toString()), at));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        Frame awaitFrame(Predicate<Frame> match, String what) {
            return awaitFrame(0, match, what);
        }

        /** The first frame from index {@code from} on that matches. */
        Frame awaitFrame(int from, Predicate<Frame> match, String what) {
            try {
                await().atMost(WAIT).until(() -> find(from, match) != null);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; the client on " + where
                        + " received " + frames.stream().map(f -> f.json().toString()).toList(), e);
            }
            return find(from, match);
        }

        private Frame find(int from, Predicate<Frame> match) {
            List<Frame> all = List.copyOf(frames);
            for (int i = from; i < all.size(); i++) {
                if (match.test(all.get(i))) {
                    return all.get(i);
                }
            }
            return null;
        }

        /** Log frames (a dotted type such as comment.created), in arrival order. */
        List<Frame> events() {
            return frames.stream().filter(f -> f.type().contains(".")).toList();
        }

        List<Long> eventSeqs() {
            return events().stream().map(Frame::seq).toList();
        }

        List<Long> createdIds() {
            return events().stream().filter(f -> "comment.created".equals(f.type()))
                    .map(f -> f.json().path("data").path("id").asLong()).toList();
        }

        long lastSeq() {
            List<Long> seqs = eventSeqs();
            return seqs.isEmpty() ? -1 : seqs.get(seqs.size() - 1);
        }

        boolean isClosed() {
            return closed.isDone();
        }

        void awaitClosed(String what) {
            try {
                closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(what + " is still open after 10 s", e);
            }
        }

        void close() {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
            clients.remove(this);
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
