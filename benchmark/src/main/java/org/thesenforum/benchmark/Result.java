package org.thesenforum.benchmark;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.json.JsonObject;

import org.thesenforum.benchmark.LiveLoadGenerator.Client;

/** The numbers of one run, computed once all phases are over. Times are in milliseconds. */
record Result(
        String label,
        String runId,
        String finishedAt,
        int clients,
        int connected,
        int handshakesFailed,
        Map<String, Integer> handshakeFailures,
        int held,
        Map<String, Integer> closeCodes,
        double rampSeconds,
        Quantiles handshake,
        int comments,
        int postsOk,
        Quantiles post,
        long expected,
        long received,
        long lost,
        long lostOnHeldClients,
        long duplicates,
        long meanFrameChars,
        Quantiles delivery,
        Quantiles spread,
        Quantiles lastClient,
        long presenceFrames,
        long heartbeatFrames,
        long otherFrames,
        double postPhaseSeconds,
        boolean timedOut,
        double durationSeconds) {

    /** Quantiles of a sample in milliseconds; all zero for an empty sample. */
    record Quantiles(long count, double p50, double p90, double p99, double p999, double max, double mean) {

        static Quantiles of(long[] nanos, int size) {
            if (size == 0) {
                return new Quantiles(0, 0, 0, 0, 0, 0, 0);
            }
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            return new Quantiles(size, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
                    ms(rank(sorted, 0.999)), ms(sorted[size - 1]), ms(sum / size));
        }

        /** Nearest-rank percentile. */
        private static long rank(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static double ms(double nanos) {
            return Math.round(nanos / 1e4) / 100.0;
        }

        JsonObject toJson() {
            return new JsonObject().put("count", count).put("p50", p50).put("p90", p90).put("p99", p99)
                    .put("p999", p999).put("max", max).put("mean", mean);
        }

        static Quantiles fromJson(JsonObject j) {
            return new Quantiles(j.getLong("count"), j.getDouble("p50"), j.getDouble("p90"), j.getDouble("p99"),
                    j.getDouble("p999"), j.getDouble("max"), j.getDouble("mean"));
        }

        String brief() {
            return String.format(Locale.ROOT, "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  mean %.1f ms (n=%d)",
                    p50, p90, p99, p999, max, mean, count);
        }
    }

    static Result of(Options o, String runId, Client[] clients, long[] sentAt, long[] postNanos, int[] postStatus,
            int held, long rampNanos, long postPhaseNanos, boolean timedOut, long durationNanos) {
        int m = sentAt.length;
        boolean[] ok = new boolean[m];
        int postsOk = 0;
        long[] postOk = new long[m];
        for (int k = 0; k < m; k++) {
            ok[k] = postStatus[k] == 201;
            if (ok[k]) {
                postOk[postsOk++] = postNanos[k];
            }
        }
        long[] first = new long[m];
        long[] last = new long[m];
        long[] handshakes = new long[clients.length];
        int connected = 0;
        long received = 0;
        long chars = 0;
        long lostOnHeld = 0;
        long duplicates = 0;
        long presence = 0;
        long heartbeats = 0;
        long other = 0;
        List<String> failures = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        long[] delivery = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) clients.length * m)];
        int d = 0;
        List<long[]> seen = new ArrayList<>(clients.length);
        for (Client c : clients) {
            synchronized (c) {
                if (c.connected) {
                    handshakes[connected++] = c.handshakeNanos;
                } else if (c.failure != null) {
                    failures.add(c.failure);
                } else {
                    failures.add("not attempted (deadline)");
                }
                if (c.closeCode != null) {
                    closes.add(String.valueOf(c.closeCode));
                }
                duplicates += c.duplicates;
                chars += c.receivedChars;
                presence += c.presence;
                heartbeats += c.heartbeats;
                other += c.other;
                // A snapshot: frames may still arrive after a deadline, and the spread below must see the same ones.
                long[] got = c.receivedAt.clone();
                seen.add(got);
                for (int k = 0; k < m; k++) {
                    long at = got[k];
                    if (at == 0) {
                        if (ok[k] && c.open) {
                            lostOnHeld++;
                        }
                        continue;
                    }
                    received++;
                    delivery[d++] = at - sentAt[k];
                    first[k] = first[k] == 0 ? at : Math.min(first[k], at);
                    last[k] = Math.max(last[k], at);
                }
            }
        }
        long[] spread = new long[d];
        int s = 0;
        for (long[] got : seen) {
            for (int k = 0; k < m; k++) {
                if (got[k] != 0) {
                    spread[s++] = got[k] - first[k];
                }
            }
        }
        long[] lastClient = new long[m];
        int l = 0;
        for (int k = 0; k < m; k++) {
            if (last[k] != 0) {
                lastClient[l++] = last[k] - sentAt[k];
            }
        }
        long expected = (long) clients.length * postsOk;
        return new Result(o.label(), runId, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                clients.length, connected, clients.length - connected, LiveLoadGenerator.histogram(failures), held,
                LiveLoadGenerator.histogram(closes), rampNanos / 1e9, Quantiles.of(handshakes, connected), m, postsOk,
                Quantiles.of(postOk, postsOk), expected, received, expected - received, lostOnHeld, duplicates,
                received == 0 ? 0 : chars / received,
                Quantiles.of(delivery, d), Quantiles.of(spread, s), Quantiles.of(lastClient, l), presence,
                heartbeats, other, postPhaseNanos / 1e9, timedOut, durationNanos / 1e9);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%n== %s (run %s) ==%n", label, runId);
        out.printf(Locale.ROOT, "clients            %d, connected %d, handshakes failed %d %s%n", clients,
                connected, handshakesFailed, handshakeFailures.isEmpty() ? "" : handshakeFailures);
        out.printf(Locale.ROOT, "held at the end    %d %s%n", held,
                closeCodes.isEmpty() ? "" : "(closed by server, by code: " + closeCodes + ")");
        out.printf(Locale.ROOT, "ramp-up            %.1f s; handshake %s%n", rampSeconds, handshake.brief());
        out.printf(Locale.ROOT, "posts              %d of %d answered 201; POST %s%n", postsOk, comments,
                post.brief());
        out.printf(Locale.ROOT, "frames             expected %d, received %d, lost %d (on clients still open: %d),"
                + " duplicates %d; a comment frame has %d characters%n", expected, received, lost, lostOnHeldClients,
                duplicates, meanFrameChars);
        out.printf(Locale.ROOT, "delivery latency   %s%n", delivery.brief());
        out.printf(Locale.ROOT, "fan-out spread     %s%n", spread.brief());
        out.printf(Locale.ROOT, "last client        %s%n", lastClient.brief());
        out.printf(Locale.ROOT, "other frames       presence %d, heartbeat %d, other %d%n", presenceFrames,
                heartbeatFrames, otherFrames);
        out.printf(Locale.ROOT, "post phase %.1f s, whole run %.1f s%s%n", postPhaseSeconds, durationSeconds,
                timedOut ? ", TIMED OUT" : "");
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("label", label).put("runId", runId).put("finishedAt", finishedAt)
                .put("clients", clients).put("connected", connected).put("handshakesFailed", handshakesFailed)
                .put("handshakeFailures", new JsonObject(new java.util.LinkedHashMap<String, Object>(handshakeFailures)))
                .put("held", held).put("closeCodes", new JsonObject(new java.util.LinkedHashMap<String, Object>(closeCodes)))
                .put("rampSeconds", rampSeconds).put("handshake", handshake.toJson())
                .put("comments", comments).put("postsOk", postsOk).put("post", post.toJson())
                .put("expected", expected).put("received", received).put("lost", lost)
                .put("lostOnHeldClients", lostOnHeldClients).put("duplicates", duplicates)
                .put("meanFrameChars", meanFrameChars)
                .put("delivery", delivery.toJson()).put("spread", spread.toJson())
                .put("lastClient", lastClient.toJson())
                .put("presenceFrames", presenceFrames).put("heartbeatFrames", heartbeatFrames)
                .put("otherFrames", otherFrames).put("postPhaseSeconds", postPhaseSeconds)
                .put("timedOut", timedOut).put("durationSeconds", durationSeconds);
    }
}
