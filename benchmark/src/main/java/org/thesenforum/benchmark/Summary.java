package org.thesenforum.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.json.JsonObject;

/**
 * Turns the JSON lines written with --out into a Markdown table. Rows whose label contains {@value #REFERENCE}
 * are runs against {@link RawRebroadcastServer}; each is paired with the latest earlier forum row of the same
 * client count, and a second table gives the forum's latencies as a multiple of the reference's.
 */
final class Summary {

    /** What run.sh puts into the label of a run against the raw reference server. */
    static final String REFERENCE = "raw reference";

    private Summary() {
    }

    static String markdown(Path jsonLines) throws IOException {
        List<JsonObject> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(new JsonObject(line));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("| Run | Clients | Connected | Handshakes failed | Held at end | Posts (201) | Frames expected"
                + " | Received | Lost | Duplicates | Frame chars | Delivery p50 | p90 | p99 | max | Fan-out spread p99"
                + " | Last client p50 / p99 / max | POST p50 | POST p99 | Ramp-up | Timed out |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonObject r : rows) {
            JsonObject d = r.getJsonObject("delivery");
            JsonObject s = r.getJsonObject("spread");
            JsonObject l = r.getJsonObject("lastClient");
            JsonObject p = r.getJsonObject("post");
            b.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d / %d | %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s / %s / %s"
                            + " | %s | %s | %.1f s | %s |%n",
                    r.getString("label"), r.getInteger("clients"), r.getInteger("connected"),
                    r.getInteger("handshakesFailed"), r.getInteger("held"), r.getInteger("postsOk"),
                    r.getInteger("comments"), r.getLong("expected"), r.getLong("received"), r.getLong("lost"),
                    r.getLong("duplicates"), r.getLong("meanFrameChars", 0L), ms(d, "p50"), ms(d, "p90"),
                    ms(d, "p99"), ms(d, "max"), ms(s, "p99"), ms(l, "p50"), ms(l, "p99"), ms(l, "max"), ms(p, "p50"), ms(p, "p99"),
                    r.getDouble("rampSeconds"), r.getBoolean("timedOut") ? "yes" : "no"));
        }
        b.append(ratios(rows));
        return b.toString();
    }

    /** Forum ÷ raw reference for each reference row that has a forum row of the same N before it; "" if none. */
    private static String ratios(List<JsonObject> rows) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject raw = rows.get(i);
            if (!isReference(raw)) {
                continue;
            }
            JsonObject forum = null;
            for (int j = i - 1; j >= 0 && forum == null; j--) {
                JsonObject candidate = rows.get(j);
                if (!isReference(candidate) && candidate.getInteger("clients").equals(raw.getInteger("clients"))) {
                    forum = candidate;
                }
            }
            if (forum == null) {
                continue;
            }
            if (b.length() == 0) {
                b.append("\nForum ÷ raw reference, same N and generator settings (completion = the last client of a"
                        + " comment, measured from just before its POST; delivery includes the POST; the fan-out spread"
                        + " does not):\n\n");
                b.append("| N | Forum run | Completion p50 forum / raw | p50 ratio | Completion p99 forum / raw"
                        + " | p99 ratio | Delivery p50 forum / raw | p50 ratio | Delivery p99 forum / raw | p99 ratio"
                        + " | Spread p99 forum / raw | Spread ratio | Lost forum / raw | Duplicates forum / raw"
                        + " | Frame chars forum / raw |\n");
                b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            }
            JsonObject fl = forum.getJsonObject("lastClient");
            JsonObject rl = raw.getJsonObject("lastClient");
            JsonObject fd = forum.getJsonObject("delivery");
            JsonObject rd = raw.getJsonObject("delivery");
            JsonObject fs = forum.getJsonObject("spread");
            JsonObject rs = raw.getJsonObject("spread");
            b.append(String.format(Locale.ROOT,
                    "| %d | %s | %s / %s | %s | %s / %s | %s | %s / %s | %s | %s / %s | %s | %s / %s | %s"
                            + " | %d / %d | %d / %d | %d / %d |%n",
                    raw.getInteger("clients"), forum.getString("label"), ms(fl, "p50"), ms(rl, "p50"),
                    ratio(fl, rl, "p50"), ms(fl, "p99"), ms(rl, "p99"), ratio(fl, rl, "p99"), ms(fd, "p50"),
                    ms(rd, "p50"), ratio(fd, rd, "p50"), ms(fd, "p99"), ms(rd, "p99"), ratio(fd, rd, "p99"),
                    ms(fs, "p99"), ms(rs, "p99"), ratio(fs, rs, "p99"), forum.getLong("lost"), raw.getLong("lost"),
                    forum.getLong("duplicates"), raw.getLong("duplicates"), forum.getLong("meanFrameChars", 0L),
                    raw.getLong("meanFrameChars", 0L)));
        }
        return b.toString();
    }

    static boolean isReference(JsonObject row) {
        return row.getString("label", "").contains(REFERENCE);
    }

    private static String ratio(JsonObject forum, JsonObject raw, String key) {
        double r = raw.getDouble(key);
        return r <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f×", forum.getDouble(key) / r);
    }

    private static String ms(JsonObject q, String key) {
        return String.format(Locale.ROOT, "%.1f ms", q.getDouble(key));
    }
}
