#!/usr/bin/env bash
# Topic page benchmark: starts the packaged app once on a fresh data directory (schema and shipped paper), stops it,
# seeds SMALL comments into the first topic and LARGE comments into the second straight into its H2 database,
# starts it again (the stored HTML and thread roots of the seeded comments are filled at start-up; the time until
# the first page answers is reported), then fetches both topic pages one at a time, anonymous and signed in as the
# first admin (session cookie), WARMUP times and then REPS times each, next to a plain Vert.x server that answers
# the same bytes from memory (the raw reference, same run), and reports p50/p90/p99, page size and forum/raw ratios.
#
#   benchmark/pages.sh
#   SMALL=1000 LARGE=20000 REPS=200 benchmark/pages.sh
#
# Environment (all optional): APP_JAR (default ../target/quarkus-app/quarkus-run.jar, built when missing),
# SMALL (1000), LARGE (20000), REPS (200), WARMUP (100), SERVER_JAVA_OPTS ("-Xms1g -Xmx1g"),
# RESULTS_DIR (benchmark/results/pages-<timestamp>).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app/quarkus-run.jar}"
SMALL="${SMALL:-1000}"
LARGE="${LARGE:-20000}"
REPS="${REPS:-200}"
WARMUP="${WARMUP:-100}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms1g -Xmx1g}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/pages-$(date -u +%Y%m%dT%H%M%SZ)}"
ADMIN_EMAIL="admin@thesenforum.local"
ADMIN_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
DATA_DIR="$(mktemp -d)"
SERVER_PID=""

log() { printf '[pages.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# free_port and stop_server come from lib.sh
source "$BENCH_DIR/lib.sh"

cleanup() { stop_server; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

start_server() {
    PORT="$(free_port)"
    FORUM_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        FORUM_ADMIN_EMAIL="$ADMIN_EMAIL" FORUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java $SERVER_JAVA_OPTS -jar "$APP_JAR" >>"$RESULTS_DIR/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 1200); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then return; fi
        sleep 0.5
    done
    log "server did not become ready"; exit 1
}

mkdir -p "$RESULTS_DIR"
if [[ ! -f "$APP_JAR" ]]; then
    log "building the app"
    (cd "$ROOT_DIR" && mvn -B -o -q package -DskipTests)
fi
(cd "$BENCH_DIR" && mvn -B -o -q package)
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"
{
    echo "date: $(date -u)"; echo "nproc: $(nproc)"; echo "load: $(cat /proc/loadavg)"
    grep -m1 'model name' /proc/cpuinfo || true; free -m | head -2; java -version 2>&1 | head -1
    echo "commit: $(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "SERVER_JAVA_OPTS: $SERVER_JAVA_OPTS  SMALL: $SMALL  LARGE: $LARGE  REPS: $REPS  WARMUP: $WARMUP"
} >"$RESULTS_DIR/machine.txt"

log "first start: schema and shipped paper in $DATA_DIR"
start_server
stop_server
DB="jdbc:h2:file:$DATA_DIR/thesenforum;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
log "seeding $SMALL and $LARGE comments"
java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.PageBenchmark seed --db "$DB" --topic-index 0 --comments "$SMALL" \
    | tee "$RESULTS_DIR/seed.txt"
java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.PageBenchmark seed --db "$DB" --topic-index 1 --comments "$LARGE" \
    | tee -a "$RESULTS_DIR/seed.txt"
TOPICS="$(grep '^topic=' "$RESULTS_DIR/seed.txt" | cut -d= -f2 | paste -sd, -)"
log "second start: what is derived from the seeded comments is filled at start-up"
started=$(date +%s%N)
start_server
echo "ready after $(( ($(date +%s%N) - started) / 1000000 )) ms (start + filling the seeded comments)" \
    | tee "$RESULTS_DIR/start.txt"
grep -h "stored HTML" "$RESULTS_DIR/server.log" | tail -1 | tee -a "$RESULTS_DIR/start.txt" || true
echo "load before fetching: $(cat /proc/loadavg)" | tee -a "$RESULTS_DIR/machine.txt"
java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.PageBenchmark run --base "http://127.0.0.1:$PORT" \
    --topics "$TOPICS" --user "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --reps "$REPS" --warmup "$WARMUP" \
    | tee "$RESULTS_DIR/pages.txt"
echo "load after fetching: $(cat /proc/loadavg)" | tee -a "$RESULTS_DIR/machine.txt"
log "results in $RESULTS_DIR"
