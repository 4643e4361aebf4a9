package org.thesenforum.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.vertx.core.json.JsonObject;

/** Turns the JSON lines written with --out into a Markdown table. */
final class Summary {

    private Summary() {
    }

    static String markdown(Path jsonLines) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("| Run | Clients | Connected | Handshakes failed | Held at end | Posts (201) | Frames expected"
                + " | Received | Lost | Duplicates | Delivery p50 | p90 | p99 | max | Fan-out spread p99"
                + " | Last client p50 / max | POST p50 | POST p99 | Ramp-up | Timed out |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject r = new JsonObject(line);
            JsonObject d = r.getJsonObject("delivery");
            JsonObject s = r.getJsonObject("spread");
            JsonObject l = r.getJsonObject("lastClient");
            JsonObject p = r.getJsonObject("post");
            b.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d / %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s / %s | %s | %s"
                            + " | %.1f s | %s |%n",
                    r.getString("label"), r.getInteger("clients"), r.getInteger("connected"),
                    r.getInteger("handshakesFailed"), r.getInteger("held"), r.getInteger("postsOk"),
                    r.getInteger("comments"), r.getLong("expected"), r.getLong("received"), r.getLong("lost"),
                    r.getLong("duplicates"), ms(d, "p50"), ms(d, "p90"), ms(d, "p99"), ms(d, "max"), ms(s, "p99"),
                    ms(l, "p50"), ms(l, "max"), ms(p, "p50"), ms(p, "p99"), r.getDouble("rampSeconds"),
                    r.getBoolean("timedOut") ? "yes" : "no"));
        }
        return b.toString();
    }

    private static String ms(JsonObject q, String key) {
        return String.format(Locale.ROOT, "%.1f ms", q.getDouble(key));
    }
}
