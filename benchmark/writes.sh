#!/usr/bin/env bash
# Write benchmark: how many comments the forum accepts per second while live clients receive every one, side by
# side with the raw reference (RawRebroadcastServer: a plain Vert.x server that accepts the same POST and writes one
# frame to every socket) in the same run.
#
#   benchmark/writes.sh              # throughput: CLIENTS live clients, POSTERS posting threads, RUNS runs each
#   benchmark/writes.sh size         # topic size: a post on a topic with SMALL vs LARGE existing comments
#   AUTH=basic benchmark/writes.sh
#   AUTH=token benchmark/writes.sh   # creates a token with POST /api/me/tokens after a form login, or TOKEN=<value>
#
# throughput: starts the packaged app on a fresh data directory (posting as its admin, who is not rate limited;
# FORUM_COMMENT_RATE_PER_MINUTE is raised as well), connects CLIENTS WebSocket clients to /live/<slug>, then POSTERS
# threads post 240-character comments to the first topic as fast as they are answered for DURATION seconds (after WARMUP
# seconds not measured); reports comments accepted/s, POST p50/p90/p99 and how many deliveries were lost or
# duplicated. RUNS runs on the forum (one server, so the topic grows from run to run), then RUNS on the raw
# reference, then the forum/raw ratios of the medians.
# size: seeds SMALL comments on the first topic and LARGE on the second straight into the H2 file (as search.sh
# does), starts the app and alternates runs on the two topics (RUNS each); the cost of a post should not differ.
#
# SPREAD=true posts round-robin to every topic of the discussion instead of the first one only (all posts still
# share the discussion's journal lock, but no topic row), to tell the two locks apart.
#
# Environment (all optional): APP_JAR (../target/quarkus-app/quarkus-run.jar, built when missing), AUTH
# (session|basic|token), TOKEN, CLIENTS (100), POSTERS (8), DURATION (20 seconds), WARMUP (5), RUNS (3), SMALL (100),
# LARGE (20000), SERVER_JAVA_OPTS ("-Xms512m -Xmx1g"), RESULTS_DIR (benchmark/results/writes-<timestamp>).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
MODE="${1:-throughput}"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app/quarkus-run.jar}"
AUTH="${AUTH:-session}"
TOKEN="${TOKEN:-}"
CLIENTS="${CLIENTS:-100}"
POSTERS="${POSTERS:-8}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
RUNS="${RUNS:-3}"
SPREAD="${SPREAD:-false}"
SMALL="${SMALL:-100}"
LARGE="${LARGE:-20000}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms512m -Xmx1g}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/writes-$MODE-$(date -u +%Y%m%dT%H%M%SZ)}"
SLUG="ankommen-im-gemeinwesen"
ADMIN_EMAIL="admin@thesenforum.local"
ADMIN_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
DATA_DIR="$(mktemp -d)"
SERVER_PID=""

log() { printf '[writes.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# free_port and stop_server come from lib.sh
source "$BENCH_DIR/lib.sh"

cleanup() { stop_server; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

wait_ready() {
    for _ in $(seq 1 600); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then return; fi
        sleep 0.5
    done
    log "server did not become ready"; exit 1
}

start_forum() {
    PORT="$(free_port)"
    # shellcheck disable=SC2086
    FORUM_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        FORUM_ADMIN_EMAIL="$ADMIN_EMAIL" FORUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        FORUM_COMMENT_RATE_PER_MINUTE=1000000 FORUM_BASE_URL="http://127.0.0.1:$PORT" \
        java $SERVER_JAVA_OPTS -jar "$APP_JAR" >>"$RESULTS_DIR/server.log" 2>&1 &
    SERVER_PID=$!
    wait_ready
}

start_raw() {
    PORT="$(free_port)"
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -cp "$LOADGEN_JAR" org.thesenforum.benchmark.RawRebroadcastServer --host 127.0.0.1 \
        --port "$PORT" >>"$RESULTS_DIR/raw.log" 2>&1 &
    SERVER_PID=$!
    wait_ready
}

# One measured run; extra arguments go to WriteBenchmark (e.g. --topic ID). Appends its line to $RESULTS_DIR/$1.
bench() {
    local file="$1" label="$2" token="$3"; shift 3
    local args=(run --base "http://127.0.0.1:$PORT" --slug "$SLUG" --clients "$CLIENTS" --posters "$POSTERS"
        --seconds "$DURATION" --warmup "$WARMUP" --auth "$AUTH" --user "$ADMIN_EMAIL"
        --password "$ADMIN_PASSWORD" --label "$label")
    if [[ -n "$token" ]]; then args+=(--token "$token"); fi
    if [[ "$SPREAD" == "true" ]]; then args+=(--spread true); fi
    java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.WriteBenchmark "${args[@]}" "$@" \
        2>>"$RESULTS_DIR/bench.log" | tee -a "$RESULTS_DIR/$file"
}

# The median of field $2 (e.g. "accepted/s" is taken from "(123/s)") over the lines of file $1.
median_rate() { grep -o '([0-9]*/s)' "$1" | tr -d '(/s)' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
median_ms() { grep -o "$2 [0-9.]*" "$1" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mkdir -p "$RESULTS_DIR"
if [[ ! -f "$APP_JAR" ]]; then
    log "building the app"
    (cd "$ROOT_DIR" && mvn -B -o -q package -DskipTests)
fi
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"
if [[ ! -f "$LOADGEN_JAR" || -n "$(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$LOADGEN_JAR" -print -quit)" ]]; then
    (cd "$BENCH_DIR" && mvn -B -o -q package)
fi
{
    echo "date: $(date -u)"; echo "nproc: $(nproc)"; echo "load: $(cat /proc/loadavg)"
    grep -m1 'model name' /proc/cpuinfo || true; java -version 2>&1 | head -1
    echo "mode: $MODE AUTH: $AUTH CLIENTS: $CLIENTS POSTERS: $POSTERS DURATION: $DURATION RUNS: $RUNS"
    echo "SERVER_JAVA_OPTS: $SERVER_JAVA_OPTS"
} | tee "$RESULTS_DIR/machine.txt"

case "$MODE" in
    throughput)
        log "forum: fresh data directory $DATA_DIR"
        start_forum
        for r in $(seq 1 "$RUNS"); do bench forum.txt "forum run $r" "$TOKEN"; done
        stop_server
        log "raw reference"
        start_raw
        for r in $(seq 1 "$RUNS"); do bench raw.txt "raw run $r" "${TOKEN:-raw-reference}"; done
        stop_server
        f_rate="$(median_rate "$RESULTS_DIR/forum.txt")"; r_rate="$(median_rate "$RESULTS_DIR/raw.txt")"
        f_p50="$(median_ms "$RESULTS_DIR/forum.txt" p50)"; r_p50="$(median_ms "$RESULTS_DIR/raw.txt" p50)"
        f_p99="$(median_ms "$RESULTS_DIR/forum.txt" p99)"; r_p99="$(median_ms "$RESULTS_DIR/raw.txt" p99)"
        {
            echo "medians of $RUNS runs: forum ${f_rate}/s p50 ${f_p50} ms p99 ${f_p99} ms;" \
                "raw ${r_rate}/s p50 ${r_p50} ms p99 ${r_p99} ms"
            awk -v f="$f_rate" -v r="$r_rate" -v a="$f_p50" -v b="$r_p50" -v c="$f_p99" -v d="$r_p99" 'BEGIN {
                printf "forum/raw: accepted/s %.2f, POST p50 %.1fx, POST p99 %.1fx\n", f/r, a/b, c/d }'
        } | tee "$RESULTS_DIR/summary.txt"
        ;;
    size)
        log "first start: schema and shipped paper in $DATA_DIR"
        start_forum
        stop_server
        db="jdbc:h2:file:$DATA_DIR/thesenforum;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        small_topic="$(java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.WriteBenchmark seed --db "$db" \
            --position 1 --comments "$SMALL")"
        large_topic="$(java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.WriteBenchmark seed --db "$db" \
            --position 2 --comments "$LARGE")"
        log "seeded $SMALL comments on topic $small_topic and $LARGE on topic $large_topic"
        rm -rf "$DATA_DIR/search-index"
        start_forum
        sleep 5 # let the search index be rebuilt from the database before measuring
        for r in $(seq 1 "$RUNS"); do
            bench small.txt "topic with $SMALL comments, run $r" "$TOKEN" --topic "$small_topic"
            bench large.txt "topic with $LARGE comments, run $r" "$TOKEN" --topic "$large_topic"
        done
        stop_server
        log "raw reference"
        start_raw
        for r in $(seq 1 "$RUNS"); do bench raw.txt "raw run $r" "${TOKEN:-raw-reference}"; done
        stop_server
        s_rate="$(median_rate "$RESULTS_DIR/small.txt")"; l_rate="$(median_rate "$RESULTS_DIR/large.txt")"
        r_rate="$(median_rate "$RESULTS_DIR/raw.txt")"
        s_p50="$(median_ms "$RESULTS_DIR/small.txt" p50)"; l_p50="$(median_ms "$RESULTS_DIR/large.txt" p50)"
        r_p50="$(median_ms "$RESULTS_DIR/raw.txt" p50)"
        {
            echo "medians of $RUNS runs: $SMALL comments ${s_rate}/s p50 ${s_p50} ms; $LARGE comments ${l_rate}/s" \
                "p50 ${l_p50} ms; raw ${r_rate}/s p50 ${r_p50} ms"
            awk -v s="$s_rate" -v l="$l_rate" -v r="$r_rate" -v a="$s_p50" -v b="$l_p50" -v c="$r_p50" 'BEGIN {
                printf "large/small: accepted/s %.2f, POST p50 %.2fx; forum/raw: accepted/s %.2f (small) %.2f (large)," \
                    " POST p50 %.1fx (small) %.1fx (large)\n", l/s, b/a, s/r, l/r, a/c, b/c }'
        } | tee "$RESULTS_DIR/summary.txt"
        ;;
    *) log "unknown mode $MODE (throughput|size)"; exit 2 ;;
esac
grep -h "Journal: .* appends" "$RESULTS_DIR/server.log" | sed 's/^.*Journal: /forum journal: /' \
    | tee -a "$RESULTS_DIR/summary.txt" || true
log "results in $RESULTS_DIR"
