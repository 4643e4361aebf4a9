#!/usr/bin/env bash
# Heap per held live connection: starts the packaged app (and then the raw reference) on a free loopback port,
# takes a class histogram of the live objects (a full GC first) with no client, opens N idle WebSocket clients
# with the load generator (which waits --settle ms before its first post), takes a second histogram while they are
# held, and prints (after - before) / N for both servers, with the classes that grew most.
#
#   benchmark/held.sh                 # N = 2000
#   N=5000 benchmark/held.sh
#
# Environment (all optional): APP_JAR, N, SERVER_JAVA_OPTS (default "-Xms1g -Xmx1g"), LOADGEN_JAVA_OPTS,
# REFERENCE (1: raw reference too, the default; 0: the forum only), READY_TIMEOUT (s, default 180),
# RESULTS_DIR (default benchmark/results/held-<timestamp>).
set -euo pipefail
export LC_ALL=C

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app/quarkus-run.jar}"
N="${N:-2000}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms1g -Xmx1g}"
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--Xms1g -Xmx1g}"
REFERENCE="${REFERENCE:-1}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/held-$(date -u +%Y%m%dT%H%M%SZ)}"
ADMIN_EMAIL="bench@example.org"
ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SERVER_PID=""
GEN_PID=""
DATA_DIR=""

log() { printf '[held.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

stop() {
    if [[ -n "$GEN_PID" ]]; then kill "$GEN_PID" 2>/dev/null || true; wait "$GEN_PID" 2>/dev/null || true; fi
    GEN_PID=""
    if [[ -n "$SERVER_PID" ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [[ -n "$DATA_DIR" ]]; then rm -rf "$DATA_DIR"; DATA_DIR=""; fi
}
trap stop EXIT

free_port() {
    for _ in $(seq 1 50); do
        local port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

wait_ready() {
    for _ in $(seq 1 $((READY_TIMEOUT * 2))); do
        curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

# Bytes of live objects (class_histogram runs a full GC first).
histogram() {
    jcmd "$SERVER_PID" GC.class_histogram >"$1"
    awk '/^Total/{print $3}' "$1"
}

# Sockets the server holds: established TCP connections on its port.
held_sockets() {
    ss -Htn state established "( sport = :$PORT )" 2>/dev/null | wc -l
}

measure() {
    local name="$1"
    wait_ready || { log "$name did not become ready"; return 1; }
    sleep 5
    local before after
    before="$(histogram "$RESULTS_DIR/histo-$name-0.txt")"
    log "$name: ${before} bytes live with no client; opening $N clients"
    # shellcheck disable=SC2086
    LOADGEN_PASSWORD="$ADMIN_PASSWORD" java $LOADGEN_JAVA_OPTS -jar "$LOADGEN_JAR" --port "$PORT" --clients "$N" \
        --comments 1 --warmup 0 --settle 60000 --timeout 150 --user "$ADMIN_EMAIL" --auth session \
        --label "held N=$N $name" >"$RESULTS_DIR/loadgen-$name.txt" 2>"$RESULTS_DIR/loadgen-$name.log" &
    GEN_PID=$!
    for _ in $(seq 1 120); do
        [[ "$(held_sockets)" -ge "$N" ]] && break
        sleep 0.5
    done
    sleep 5
    local held
    held="$(held_sockets)"
    after="$(histogram "$RESULTS_DIR/histo-$name-$N.txt")"
    echo "$name: $held sockets held, live heap $before -> $after bytes, $(((after - before) / (held > 0 ? held : 1)))" \
        "bytes per held connection" | tee -a "$RESULTS_DIR/summary.txt"
    # The classes that grew most, bytes per connection.
    join -j 1 <(awk 'NR>3 && $1 ~ /:$/ {print $4, $3}' "$RESULTS_DIR/histo-$name-0.txt" | sort) \
        <(awk 'NR>3 && $1 ~ /:$/ {print $4, $3}' "$RESULTS_DIR/histo-$name-$N.txt" | sort) -a 2 -e 0 -o 0,1.2,2.2 \
        | awk -v n="$held" '{d = $3 - $2; if (d > 0) printf "%8.0f  %s\n", d / n, $1}' | sort -rn | head -25 \
        | tee -a "$RESULTS_DIR/summary.txt"
    stop
}

mkdir -p "$RESULTS_DIR"
(cd "$BENCH_DIR" && mvn -B -q package)
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"
hard_limit="$(ulimit -Hn)"
ulimit -n "$((hard_limit > 65536 ? 65536 : hard_limit))"
echo "N=$N, server JVM $SERVER_JAVA_OPTS, load $(cat /proc/loadavg)" | tee "$RESULTS_DIR/summary.txt"

PORT="$(free_port)"
DATA_DIR="$(mktemp -d -t thesenforum-held.XXXXXX)"
# shellcheck disable=SC2086
FORUM_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" FORUM_ADMIN_EMAIL="$ADMIN_EMAIL" \
    FORUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" java $SERVER_JAVA_OPTS -jar "$APP_JAR" >"$RESULTS_DIR/server-forum.log" 2>&1 &
SERVER_PID=$!
measure forum

if [[ "$REFERENCE" == "1" ]]; then
    PORT="$(free_port)"
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -cp "$LOADGEN_JAR" org.thesenforum.benchmark.RawRebroadcastServer --host 127.0.0.1 \
        --port "$PORT" >"$RESULTS_DIR/server-raw.log" 2>&1 &
    SERVER_PID=$!
    measure raw
fi
log "results in $RESULTS_DIR"
