#!/usr/bin/env bash
# Search benchmark: starts the packaged app once on a fresh data directory (schema and shipped paper), stops it,
# seeds COMMENTS comments with German text from the paper straight into its H2 database, starts it again (the
# search index is built from the database in the background; the time until the first search answers is
# reported), then sends the ten typical searches of SearchBenchmark through the JSON API, one at a time,
# REPS times each per round, ROUNDS rounds, and reports p50/p90/p99 per round.
#
#   benchmark/search.sh
#   COMMENTS=50000 ROUNDS=3 REPS=30 benchmark/search.sh
#
# Environment (all optional): APP_JAR (default ../target/quarkus-app/quarkus-run.jar, built when missing),
# COMMENTS (50000), ROUNDS (3), REPS (30), WARMUP (50 passes over the queries), SERVER_JAVA_OPTS ("-Xms1g -Xmx1g"),
# RESULTS_DIR (benchmark/results/search-<timestamp>).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app/quarkus-run.jar}"
COMMENTS="${COMMENTS:-50000}"
ROUNDS="${ROUNDS:-3}"
REPS="${REPS:-30}"
WARMUP="${WARMUP:-50}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms1g -Xmx1g}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/search-$(date -u +%Y%m%dT%H%M%SZ)}"
SLUG="ankommen-im-gemeinwesen"
DATA_DIR="$(mktemp -d)"
SERVER_PID=""

log() { printf '[search.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# free_port and stop_server come from lib.sh
source "$BENCH_DIR/lib.sh"

cleanup() { stop_server; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

start_server() {
    PORT="$(free_port)"
    FORUM_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        FORUM_ADMIN_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" \
        java $SERVER_JAVA_OPTS -jar "$APP_JAR" >>"$RESULTS_DIR/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
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
    echo "SERVER_JAVA_OPTS: $SERVER_JAVA_OPTS  COMMENTS: $COMMENTS  ROUNDS: $ROUNDS  REPS: $REPS"
} >"$RESULTS_DIR/machine.txt"

log "first start: schema and shipped paper in $DATA_DIR"
start_server
stop_server
log "seeding $COMMENTS comments"
java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.SearchBenchmark seed \
    --db "jdbc:h2:file:$DATA_DIR/thesenforum;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --paper "$ROOT_DIR/src/main/resources/paper/einladung-und-diskussionsgrundlage.md" --comments "$COMMENTS" \
    | tee "$RESULTS_DIR/seed.txt"
# The seeded comments bypassed the change log: the index must be rebuilt from the database.
rm -rf "$DATA_DIR/search-index"
log "second start: the index is rebuilt from the database"
started=$(date +%s%N)
start_server
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/discussions/$SLUG/search?q=Quartier" 2>/dev/null; do
    sleep 0.2
done
echo "ready and indexed after $(( ($(date +%s%N) - started) / 1000000 )) ms (start + rebuild)" \
    | tee "$RESULTS_DIR/rebuild.txt"
sleep 1
grep -h "indexed whole" "$RESULTS_DIR/server.log" | tail -1 | tee -a "$RESULTS_DIR/rebuild.txt" || true
echo "load before querying: $(cat /proc/loadavg)" | tee -a "$RESULTS_DIR/machine.txt"
java -cp "$LOADGEN_JAR" org.thesenforum.benchmark.SearchBenchmark query --base "http://127.0.0.1:$PORT" \
    --slug "$SLUG" --rounds "$ROUNDS" --reps "$REPS" --warmup "$WARMUP" | tee "$RESULTS_DIR/query.txt"
echo "load after querying: $(cat /proc/loadavg)" | tee -a "$RESULTS_DIR/machine.txt"
log "results in $RESULTS_DIR"
