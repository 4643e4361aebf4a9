package org.thesenforum;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Proves that every comment the packaged application acknowledged with 201 survives a SIGKILL of its process. */
class DurabilityIT {

    private static final String ADMIN_EMAIL = "admin@example.org";
    private static final String ADMIN_PASSWORD = "durability-admin-password-2026";
    private static final int COMMENTS_TO_POST = 60;
    private static final int KILL_AFTER_ACKNOWLEDGED = 40;
    private static final int POSTING_THREADS = 4;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static Path jar;
    private static Path logDir;
    private static Path dataDir;
    private static Process app;
    private static String baseUrl;

    private static String slugBeforeKill;
    private static List<String> topicIdsBeforeKill;
    private static final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> unexpectedResponses = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger failedRequests = new AtomicInteger();

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void postCommentsThenKillAndRestart() throws Exception {
        jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "packaged application not found at " + jar + "; run mvn verify");
        logDir = Files.createDirectories(jar.getParent().getParent().resolve("durability-it"));
        dataDir = Files.createTempDirectory(logDir, "data-");

        start("first-start");
        List<JsonNode> discussions = listDiscussions();
        assertEquals(1, discussions.size(), "the paper should be imported as exactly one discussion");
        slugBeforeKill = discussions.get(0).get("slug").asText();
        topicIdsBeforeKill = topicIds(slugBeforeKill);
        assertFalse(topicIdsBeforeKill.isEmpty(), "the imported discussion has no topics");

        postConcurrentlyAndKillMidway();

        start("restart");
    }

    @AfterAll
    static void stopApplication() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedCommentSurvivesTheKill() throws Exception {
        Map<String, String> stored = new HashMap<>();
        for (String topicId : topicIdsBeforeKill) {
            JsonNode tree = getJson("/api/topics/" + topicId + "/comments");
            collect(tree, stored);
        }

        List<String> missing = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        acknowledged.forEach((id, body) -> {
            if (!stored.containsKey(id)) {
                missing.add(id);
            } else if (!body.equals(stored.get(id))) {
                altered.add(id + ": expected <" + body + "> but was <" + stored.get(id) + ">");
            }
        });
        assertTrue(missing.isEmpty(), missing.size() + " of " + acknowledged.size()
                + " acknowledged comments are lost after SIGKILL: " + missing);
        assertTrue(altered.isEmpty(), "acknowledged comments changed after SIGKILL: " + altered);
    }

    @Test
    void restartKeepsTheImportedPaperInsteadOfImportingItAgain() throws Exception {
        List<JsonNode> discussions = listDiscussions();
        assertEquals(1, discussions.size(), "the restart imported the paper again or lost it");
        assertEquals(slugBeforeKill, discussions.get(0).get("slug").asText());
        assertEquals(topicIdsBeforeKill, topicIds(slugBeforeKill), "the topics changed across the restart");
    }

    /** Posts from several threads and kills the server while requests are still being sent. */
    private static void postConcurrentlyAndKillMidway() throws Exception {
        AtomicInteger nextComment = new AtomicInteger();
        CountDownLatch killSignal = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
        ExecutorService posters = Executors.newFixedThreadPool(POSTING_THREADS);
        try {
            for (int i = 0; i < POSTING_THREADS; i++) {
                posters.submit(() -> postUntilDone(nextComment, killSignal));
            }
            boolean enoughAcknowledged = killSignal.await(60, TimeUnit.SECONDS);
            int startedAtKill = nextComment.get();
            int acknowledgedAtKill = acknowledged.size();
            app.destroyForcibly();
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the killed process did not exit");

            assertTrue(unexpectedResponses.isEmpty(), "posting a comment got answers other than 201: "
                    + unexpectedResponses + "; see " + logDir);
            assertTrue(enoughAcknowledged, "only " + acknowledged.size() + " comments were acknowledged within 60 s");
            System.out.printf("DurabilityIT: killed the server after %d acknowledged of %d started comments%n",
                    acknowledgedAtKill, Math.min(startedAtKill, COMMENTS_TO_POST));
        } finally {
            posters.shutdownNow();
            posters.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("DurabilityIT: %d comments acknowledged in total, %d requests failed at the kill%n",
                acknowledged.size(), failedRequests.get());
    }

    private static void postUntilDone(AtomicInteger nextComment, CountDownLatch killSignal) {
        int n;
        while ((n = nextComment.getAndIncrement()) < COMMENTS_TO_POST && app.isAlive()) {
            String topicId = topicIdsBeforeKill.get(n % topicIdsBeforeKill.size());
            String body = "Durability probe " + n + " on topic " + topicId + " must survive a hard kill.";
            try {
                HttpResponse<String> response = HTTP.send(postComment(topicId, body),
                        HttpResponse.BodyHandlers.ofString());
                String id = acknowledgedId(response);
                if (id == null) {
                    unexpectedResponses.add(response.statusCode() + " " + response.body());
                    releaseAll(killSignal);
                    return;
                }
                acknowledged.put(id, body);
                killSignal.countDown();
            } catch (IOException e) {
                // Requests in flight when the process dies fail; only acknowledged comments count.
                failedRequests.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Returns the id of a comment answered with 201, or null if the answer breaks the contract. */
    private static String acknowledgedId(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(response.body()).get("id");
            return id == null || id.isNull() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static void releaseAll(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            latch.countDown();
        }
    }

    private static void start(String name) throws IOException {
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("FORUM_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("FORUM_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FORUM_COMMENT_RATE_PER_MINUTE", "100000");
        app = builder.start();

        await().atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!app.isAlive()) {
                        throw new IllegalStateException("the application exited with " + app.exitValue()
                                + " during " + name + "; see " + log);
                    }
                    return isReady();
                });
    }

    private static boolean isReady() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<JsonNode> listDiscussions() throws Exception {
        List<JsonNode> discussions = new ArrayList<>();
        getJson("/api/discussions").forEach(discussions::add);
        return discussions;
    }

    private static List<String> topicIds(String slug) throws Exception {
        List<String> ids = new ArrayList<>();
        getJson("/api/discussions/" + slug).get("topics").forEach(topic -> ids.add(topic.get("id").asText()));
        return ids;
    }

    private static void collect(JsonNode comments, Map<String, String> into) {
        for (JsonNode comment : comments) {
            into.put(comment.get("id").asText(), comment.get("body").asText());
            JsonNode replies = comment.get("replies");
            if (replies != null && replies.isArray()) {
                collect(replies, into);
            }
        }
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpRequest request = authorized(path)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpRequest postComment(String topicId, String body) throws IOException {
        String json = JSON.writeValueAsString(Map.of("body", body));
        return authorized("/api/topics/" + topicId + "/comments")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static HttpRequest.Builder authorized(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + credentials);
    }
}
