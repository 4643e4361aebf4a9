#!/usr/bin/env bash
# Several instances on one PostgreSQL database: delivery latency and nothing lost with clients split over two
# instances, next to one instance and to the raw reference in the same run; and comments accepted per second with
# the doorbell (NOTIFY after commit) on and off.
#
#   benchmark/cluster.sh            # delivery: one instance, two instances, raw reference (RUNS runs each)
#   benchmark/cluster.sh doorbell   # throughput on two instances, doorbell on and off, alternating (RUNS each)
#
# delivery: POSTERS threads post a 240-character comment, each waiting PAUSE ms after the answer, for DURATION
# seconds (after WARMUP unmeasured seconds), while CLIENTS live clients receive them; reports per run the delivery
# latency (from sending the POST to the frame's arrival, every client and comment: p50, p99, max), comments accepted
# per second and deliveries lost or duplicated. "one": every client and poster on instance A. "two": every other client
# and every other poster on instance B; a comment posted on B reaches A's clients through the log and A's doorbell.
# "raw": the raw reference (RawRebroadcastServer), one process, same clients and pacing.
# doorbell: the same on two instances, posting as fast as answered (PAUSE=0 by default in this mode), with
# FORUM_CLUSTER_DOORBELL=true and =false (then B's comments reach A's clients only by A's backstop read, every 1 s,
# or when A's own next commit to the discussion makes A read the log). POST_TO=second: every poster posts to B, so
# A's clients depend on the doorbell alone (A commits nothing itself).
#
# Needs PostgreSQL at 127.0.0.1:5432 with trust authentication (PG_URL) and the PostgreSQL build of the forum:
# APP_JAR (default ../target/quarkus-app-postgres/quarkus-app/quarkus-run.jar), built when missing with
#   mvn -B -q package -DskipTests -Dquarkus.profile=postgres -Dforum.cds=off \
#       -Dquarkus.package.output-directory=quarkus-app-postgres
# Each run starts on a fresh database (PG_DB, dropped and created again).
#
# Environment (all optional): POST_TO (both | second), CLIENTS (100), POSTERS (4), PAUSE (50 ms; doorbell mode 0),
# DURATION (20 s), WARMUP (10 s), RUNS (3), PG_URL (jdbc:postgresql://127.0.0.1:5432), PG_DB (thesenforum_bench),
# SERVER_JAVA_OPTS ("-Xms256m -Xmx512m" per instance), RESULTS_DIR (benchmark/results/cluster-<mode>-<timestamp>).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
MODE="${1:-delivery}"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app-postgres/quarkus-app/quarkus-run.jar}"
CLIENTS="${CLIENTS:-100}"
POSTERS="${POSTERS:-4}"
if [[ "$MODE" == "doorbell" ]]; then PAUSE="${PAUSE:-0}"; else PAUSE="${PAUSE:-50}"; fi
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
RUNS="${RUNS:-3}"
POST_TO="${POST_TO:-both}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_DB="${PG_DB:-thesenforum_bench}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms256m -Xmx512m}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/cluster-$MODE-$(date -u +%Y%m%dT%H%M%SZ)}"
SLUG="ankommen-im-gemeinwesen"
ADMIN_EMAIL="admin@thesenforum.local"
ADMIN_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
SESSION_KEY="$(key)"; CSRF_KEY="$(key)"; NOTIFICATIONS_KEY="$(key)"
PIDS=()
DATA_DIRS=()

log() { printf '[cluster.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
source "$BENCH_DIR/lib.sh"

stop_all() {
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    PIDS=()
}
cleanup() { stop_all; for d in "${DATA_DIRS[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "$1" >/dev/null; }
fresh_db() {
    psql_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
    psql_admin "CREATE DATABASE $PG_DB"
}

wait_ready() {
    local port="$1"
    for _ in $(seq 1 240); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then return; fi
        sleep 0.5
    done
    log "instance on port $port did not become ready"; exit 1
}

# Starts one instance and sets PORT to its port (not in a subshell, so that PIDS keeps it). Extra arguments are environment assignments (e.g. FORUM_CLUSTER_DOORBELL=false).
start_instance() {
    local name="$1"; shift
    local port data
    port="$(free_port)"
    data="$(mktemp -d)"
    DATA_DIRS+=("$data")
    # shellcheck disable=SC2086
    env "$@" FORUM_DATA_DIR="$data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
        FORUM_DB_URL="$PG_URL/$PG_DB" FORUM_DB_USER=postgres \
        FORUM_SESSION_KEY="$SESSION_KEY" FORUM_CSRF_KEY="$CSRF_KEY" FORUM_NOTIFICATIONS_KEY="$NOTIFICATIONS_KEY" \
        FORUM_ADMIN_EMAIL="$ADMIN_EMAIL" FORUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        FORUM_COMMENT_RATE_PER_MINUTE=1000000 QUARKUS_DATASOURCE_JDBC_MAX_SIZE=20 \
        java $SERVER_JAVA_OPTS -jar "$APP_JAR" >>"$RESULTS_DIR/$name.log" 2>&1 &
    PIDS+=($!)
    wait_ready "$port"
    PORT="$port"
}

start_raw() {
    local port
    port="$(free_port)"
    # shellcheck disable=SC2086
    java -Xms512m -Xmx512m -cp "$LOADGEN_JAR" org.thesenforum.benchmark.RawRebroadcastServer --host 127.0.0.1 \
        --port "$port" >>"$RESULTS_DIR/raw.log" 2>&1 &
    PIDS+=($!)
    wait_ready "$port"
    PORT="$port"
}

# One measured run: bench FILE LABEL PORT [PORT2]
bench() {
    local file="$1" label="$2" port="$3" port2="${4:-}"
    local args=(run --base "http://127.0.0.1:$port" --slug "$SLUG" --clients "$CLIENTS" --posters "$POSTERS"
        --seconds "$DURATION" --warmup "$WARMUP" --pause "$PAUSE" --auth session --user "$ADMIN_EMAIL"
        --password "$ADMIN_PASSWORD" --label "$label")
    if [[ -n "$port2" ]]; then args+=(--base2 "http://127.0.0.1:$port2" --post-to "$POST_TO"); fi
    java -Xms512m -Xmx512m -cp "$LOADGEN_JAR" org.thesenforum.benchmark.WriteBenchmark "${args[@]}" \
        2>>"$RESULTS_DIR/bench.log" | tee -a "$RESULTS_DIR/$file"
}

rates() { grep -o '([0-9]*/s)' "$1" | tr -d '(/s)' | sort -n | tr '\n' ' '; }

mkdir -p "$RESULTS_DIR"
if [[ ! -f "$APP_JAR" ]]; then
    log "building the PostgreSQL build into target/quarkus-app-postgres"
    (cd "$ROOT_DIR" && mvn -B -q package -DskipTests -Dquarkus.profile=postgres -Dforum.cds=off \
        -Dquarkus.package.output-directory=quarkus-app-postgres)
fi
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"
if [[ ! -f "$LOADGEN_JAR" || -n "$(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$LOADGEN_JAR" -print -quit)" ]]; then
    (cd "$BENCH_DIR" && mvn -B -o -q package)
fi
{
    echo "date: $(date -u)"; echo "nproc: $(nproc)"; echo "load: $(cat /proc/loadavg)"
    grep -m1 'model name' /proc/cpuinfo || true; java -version 2>&1 | head -1
    psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "SELECT version()" || true
    echo "mode: $MODE POST_TO: $POST_TO CLIENTS: $CLIENTS POSTERS: $POSTERS PAUSE: $PAUSE ms DURATION: $DURATION s WARMUP: $WARMUP s RUNS: $RUNS"
    echo "SERVER_JAVA_OPTS: $SERVER_JAVA_OPTS (per instance)"
} | tee "$RESULTS_DIR/machine.txt"

case "$MODE" in
    delivery)
        for r in $(seq 1 "$RUNS"); do
            fresh_db
            start_instance "one-$r"; a="$PORT"
            bench one.txt "one instance, run $r" "$a"
            stop_all
            fresh_db
            start_instance "two-$r-a"; a="$PORT"
            start_instance "two-$r-b"; b="$PORT"
            bench two.txt "two instances, run $r" "$a" "$b"
            stop_all
            start_raw
            bench raw.txt "raw reference, run $r" "$PORT"
            stop_all
        done
        {
            for f in one two raw; do
                echo "$f: delivery ms p50 / p99 / max per run:"
                grep "delivery ms" "$RESULTS_DIR/$f.txt" | sed 's/^.*: /  /'
                echo "$f: accepted/s per run: $(rates "$RESULTS_DIR/$f.txt"); lost/duplicated:" \
                    "$(grep -o 'lost [0-9]*, duplicated [0-9]*' "$RESULTS_DIR/$f.txt" | tr '\n' ';')"
            done
        } | tee "$RESULTS_DIR/summary.txt"
        ;;
    doorbell)
        for r in $(seq 1 "$RUNS"); do
            for bell in true false; do
                fresh_db
                start_instance "bell-$bell-$r-a" FORUM_CLUSTER_DOORBELL="$bell"; a="$PORT"
                start_instance "bell-$bell-$r-b" FORUM_CLUSTER_DOORBELL="$bell"; b="$PORT"
                bench "doorbell-$bell.txt" "two instances, doorbell $bell, run $r" "$a" "$b"
                stop_all
            done
        done
        {
            for bell in true false; do
                echo "doorbell $bell: accepted/s per run $(rates "$RESULTS_DIR/doorbell-$bell.txt")"
                grep "delivery ms" "$RESULTS_DIR/doorbell-$bell.txt" | sed 's/^.*: /  delivery /'
                grep -o 'POST ms p50 [0-9.]* p90 [0-9.]* p99 [0-9.]*' "$RESULTS_DIR/doorbell-$bell.txt" | sed 's/^/  /'
                echo "  lost/duplicated: $(grep -o 'lost [0-9]*, duplicated [0-9]*' \
                    "$RESULTS_DIR/doorbell-$bell.txt" | tr '\n' ';')"
            done
        } | tee "$RESULTS_DIR/summary.txt"
        ;;
    *) log "unknown mode $MODE (delivery|doorbell)"; exit 2 ;;
esac
log "results in $RESULTS_DIR"
