#!/usr/bin/env bash
# All benchmarks start here. The first argument (or MODE) chooses what is measured; every mode runs a raw
# Vert.x reference in the same run and prints the forum / raw ratios:
#
#   benchmark/run.sh [fanout]   live fan-out: a comment to N WebSocket clients (this script, described below)
#   benchmark/run.sh writes     comments accepted per second with 100 live clients; `writes size` for a post on a
#                               small vs. a 20,000-comment topic (benchmark/writes.sh)
#   benchmark/run.sh pages      the topic page with 1,000 and 20,000 comments, anonymous and signed in (pages.sh)
#   benchmark/run.sh startup    time to the first healthy response and RSS, launcher and plain java -jar (startup.sh)
#   benchmark/run.sh held       heap per held live connection (held.sh)
#   benchmark/run.sh search     search latency on 50,000 comments (search.sh)
#   benchmark/run.sh cluster    two instances on one PostgreSQL: delivery next to one instance, doorbell on/off
#                               (cluster.sh)
#   benchmark/run.sh all        fanout, writes, pages and startup one after the other
#
# Further arguments go to the mode's script; each script's header lists its environment variables.
# Live-layer load test: for each client count, starts the packaged app on a free loopback port with a fresh
# data directory, runs the load generator against it, stops the server and collects the numbers. Then, with the
# same generator settings, it does the same against the raw reference server (RawRebroadcastServer: plain
# Vert.x, accept the sockets, write one frame per POST to each), so the summary can show forum / raw ratios.
#
#   benchmark/run.sh                      # N = 100, 1000, 10000, forum and raw reference
#   CLIENT_COUNTS="100 1000" benchmark/run.sh
#   REFERENCE=0 benchmark/run.sh          # the forum only
#
# Environment (all optional):
#   APP_JAR            packaged app (default: ../target/quarkus-app/quarkus-run.jar relative to this directory);
#                      built with `mvn -B -o -q package -DskipTests` in the project root when it is missing
#   CLIENT_COUNTS      client counts to run, one fresh server each (default "100 1000 10000")
#   COMMENTS           measured comments per run (default 50); WARMUP unmeasured ones before (default 20),
#                      WARMUP_INTERVAL ms after each of them (default 100)
#   INTERVAL_MIN/MAX   pause between posts in ms (default 100 / 200)
#   BATCH, BATCH_PAUSE ramp-up: handshakes started at once, pause in ms between batches (default 250 / 50)
#   RUN_TIMEOUT        hard limit per run in seconds (default 180)
#   READY_TIMEOUT      seconds a server may take to answer its readiness check (default 60; more on a busy machine)
#   AUTH               session (sign in once, post with the cookie, as browsers do; default) or basic
#                      (HTTP Basic on every POST, which adds a bcrypt check of about 100 ms to each)
#   SERVER_JAVA_OPTS   JVM options of the server (default "-Xms2g -Xmx2g"); a GC log is always added
#   LOADGEN_JAVA_OPTS  JVM options of the generator (default "-Xms1g -Xmx1g")
#   LOADGEN_EVENT_LOOPS  client event loop threads (default: number of cores)
#   FORUM_LIVE_MAX_QUEUE, QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE, ...: passed through to the server when set
#   REFERENCE          1: after each forum run, the same generator run against the raw reference (default);
#                      0: the forum only; only: the raw reference only (no app jar needed)
#   FRAME              size of the raw reference's comment.created frames in characters: forum (the mean
#                      comment frame size the generator measured on the forum at the same N, 2577 if there is
#                      none), small (200), or a number; several, separated by spaces, run the raw reference once
#                      per size after the same forum run (default "forum small")
#   RAW_EVENT_LOOPS    event loops of the raw reference (default: QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE if set,
#                      else 2 x cores, the Quarkus default); it runs with SERVER_JAVA_OPTS like the forum
#   RESULTS_DIR        where results go (default benchmark/results/<timestamp>)
set -euo pipefail

MODE="${1:-${MODE:-fanout}}"
case "$MODE" in
    fanout) if [[ $# -gt 0 ]]; then shift; fi ;;
    writes | pages | startup | held | search | cluster)
        if [[ $# -gt 0 ]]; then shift; fi
        exec "$(dirname "${BASH_SOURCE[0]}")/$MODE.sh" "$@" ;;
    all)
        status=0
        for mode in fanout writes pages startup; do
            MODE="$mode" "${BASH_SOURCE[0]}" "$mode" || status=1
        done
        exit "$status" ;;
    *) echo "mode is fanout, writes, pages, startup, held, search, cluster or all" >&2; exit 64 ;;
esac

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
APP_JAR="${APP_JAR:-$ROOT_DIR/target/quarkus-app/quarkus-run.jar}"
CLIENT_COUNTS="${CLIENT_COUNTS:-100 1000 10000}"
COMMENTS="${COMMENTS:-50}"
WARMUP="${WARMUP:-20}"
WARMUP_INTERVAL="${WARMUP_INTERVAL:-100}"
INTERVAL_MIN="${INTERVAL_MIN:-100}"
INTERVAL_MAX="${INTERVAL_MAX:-200}"
BATCH="${BATCH:-250}"
BATCH_PAUSE="${BATCH_PAUSE:-50}"
RUN_TIMEOUT="${RUN_TIMEOUT:-180}"
READY_TIMEOUT="${READY_TIMEOUT:-60}"
AUTH="${AUTH:-session}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms2g -Xmx2g}"
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--Xms1g -Xmx1g}"
LOADGEN_EVENT_LOOPS="${LOADGEN_EVENT_LOOPS:-$(nproc)}"
REFERENCE="${REFERENCE:-1}"
FRAME="${FRAME:-forum small}"
RAW_EVENT_LOOPS="${RAW_EVENT_LOOPS:-${QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE:-$((2 * $(nproc)))}}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)}"
ADMIN_EMAIL="bench@example.org"
ADMIN_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

case "$REFERENCE" in
    0 | 1 | only) ;;
    *) echo "REFERENCE is 0, 1 or only" >&2; exit 64 ;;
esac
for frame in $FRAME; do
    if [[ ! "$frame" =~ ^(forum|small|[0-9]+)$ ]]; then
        echo "FRAME is forum, small or a number of characters (or several, separated by spaces)" >&2
        exit 64
    fi
done

SERVER_PID=""
SAMPLER_PID=""
DATA_DIR=""

log() { printf '[run.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
    if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    stop_server
    if [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]]; then rm -rf "$DATA_DIR"; fi
}
trap cleanup EXIT

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "server $SERVER_PID did not stop within 20 s, killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# A port outside the ephemeral range (so the clients' own ports never collide with it) that nobody listens on.
free_port() {
    for _ in $(seq 1 50); do
        local port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    log "no free port found"
    return 1
}

# One line per second: time, server fds/threads/RSS/CPU ticks, generator RSS/CPU ticks.
sample() {
    local server="$1" generator_parent="$2" file="$3" limit="$4"
    echo "epoch,server_fds,server_threads,server_rss_kb,server_cpu_ticks,gen_rss_kb,gen_cpu_ticks" >"$file"
    for _ in $(seq 1 "$limit"); do
        kill -0 "$server" 2>/dev/null || break
        local gen
        gen="$(pgrep -P "$generator_parent" java 2>/dev/null | head -1 || true)"
        local sfds sthreads srss scpu grss="" gcpu=""
        sfds="$(ls "/proc/$server/fd" 2>/dev/null | wc -l)"
        sthreads="$(awk '{print $20}' "/proc/$server/stat" 2>/dev/null || echo "")"
        srss="$(awk '/VmRSS/{print $2}' "/proc/$server/status" 2>/dev/null || echo "")"
        scpu="$(awk '{print $14+$15}' "/proc/$server/stat" 2>/dev/null || echo "")"
        if [[ -n "$gen" ]]; then
            grss="$(awk '/VmRSS/{print $2}' "/proc/$gen/status" 2>/dev/null || echo "")"
            gcpu="$(awk '{print $14+$15}' "/proc/$gen/stat" 2>/dev/null || echo "")"
        fi
        echo "$(date +%s),$sfds,$sthreads,$srss,$scpu,$grss,$gcpu" >>"$file"
        sleep 1
    done
}

# File descriptors: each side of 10,000 connections needs one per socket.
hard_limit="$(ulimit -Hn)"
if [[ "$hard_limit" == "unlimited" || "$hard_limit" -gt 65536 ]]; then
    hard_limit=65536
fi
ulimit -n "$hard_limit"
log "ulimit -n is $(ulimit -n)"

# Waits until the server answers its readiness check; fails if it exits or takes longer than READY_TIMEOUT s.
wait_ready() {
    local port="$1"
    for _ in $(seq 1 $((READY_TIMEOUT * 2))); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

# Runs the generator against the server on $PORT; files are named N<n><suffix>.
run_generator() {
    local n="$1" suffix="$2" label="$3"
    log "N=$n$suffix: running the load generator"
    # shellcheck disable=SC2086
    LOADGEN_PASSWORD="$ADMIN_PASSWORD" timeout --kill-after=10 $((RUN_TIMEOUT + 45)) \
        java $LOADGEN_JAVA_OPTS -jar "$LOADGEN_JAR" --port "$PORT" --clients "$n" --comments "$COMMENTS" \
        --warmup "$WARMUP" --warmup-interval "$WARMUP_INTERVAL" --interval-min "$INTERVAL_MIN" --interval-max "$INTERVAL_MAX" --batch "$BATCH" \
        --batch-pause "$BATCH_PAUSE" --timeout "$RUN_TIMEOUT" --event-loops "$LOADGEN_EVENT_LOOPS" \
        --user "$ADMIN_EMAIL" --auth "$AUTH" --label "$label" --out "$RESULTS" \
        >"$RESULTS_DIR/loadgen-N$n$suffix.txt" 2>"$RESULTS_DIR/loadgen-N$n$suffix.log" &
    local gen_pid=$!
    sample "$SERVER_PID" "$gen_pid" "$RESULTS_DIR/resources-N$n$suffix.csv" $((RUN_TIMEOUT + 60)) &
    SAMPLER_PID=$!
    local status=0
    wait "$gen_pid" || status=$?
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    cat "$RESULTS_DIR/loadgen-N$n$suffix.txt"
    if [[ "$status" -ne 0 ]]; then
        log "N=$n$suffix: the load generator exited with $status; see $RESULTS_DIR/loadgen-N$n$suffix.log"
    fi
}

run_forum() {
    local n="$1"
    PORT="$(free_port)"
    DATA_DIR="$(mktemp -d -t thesenforum-bench.XXXXXX)"
    log "N=$n: starting the server on 127.0.0.1:$PORT (data in $DATA_DIR)"
    # shellcheck disable=SC2086
    FORUM_DATA_DIR="$DATA_DIR" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        FORUM_ADMIN_EMAIL="$ADMIN_EMAIL" FORUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java $SERVER_JAVA_OPTS "-Xlog:gc*:file=$RESULTS_DIR/server-gc-N$n.log:time,uptime,level,tags" \
        -jar "$APP_JAR" >"$RESULTS_DIR/server-N$n.log" 2>&1 &
    SERVER_PID=$!
    if wait_ready "$PORT"; then
        run_generator "$n" "" "N=$n ($AUTH)"
        grep -c "Dropping slow live connection" "$RESULTS_DIR/server-N$n.log" \
            | xargs -I{} echo "server dropped {} slow connections" >>"$RESULTS_DIR/loadgen-N$n.txt" || true
        log "N=$n: stopping the server"
    else
        log "N=$n: the server did not become ready; see $RESULTS_DIR/server-N$n.log"
    fi
    stop_server
    rm -rf "$DATA_DIR"
    DATA_DIR=""
}

# The raw reference's frame size for N and one FRAME value: with forum, what the generator measured on the forum.
frame_chars() {
    local n="$1" frame="$2" measured=""
    case "$frame" in
        small) echo 200 ;;
        forum)
            if [[ -s "$RESULTS" ]]; then
                measured="$(grep -F "\"label\":\"N=$n ($AUTH)\"" "$RESULTS" | tail -1 \
                    | grep -o '"meanFrameChars":[0-9]*' | cut -d: -f2 || true)"
            fi
            if [[ -n "$measured" && "$measured" -ge 64 ]]; then echo "$measured"; else echo 2577; fi
            ;;
        *) echo "$frame" ;;
    esac
}

run_reference() {
    local n="$1" frame="$2" chars suffix
    chars="$(frame_chars "$n" "$frame")"
    suffix="-raw-$frame"
    PORT="$(free_port)"
    log "N=$n$suffix: starting the raw reference on 127.0.0.1:$PORT" \
        "($chars-character frames, $RAW_EVENT_LOOPS event loops)"
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS "-Xlog:gc*:file=$RESULTS_DIR/server-gc-N$n$suffix.log:time,uptime,level,tags" \
        -cp "$LOADGEN_JAR" org.thesenforum.benchmark.RawRebroadcastServer --host 127.0.0.1 --port "$PORT" \
        --event-loops "$RAW_EVENT_LOOPS" --frame "$chars" >"$RESULTS_DIR/server-N$n$suffix.log" 2>&1 &
    SERVER_PID=$!
    if wait_ready "$PORT"; then
        run_generator "$n" "$suffix" "N=$n raw reference ($AUTH, $chars-char frames)"
        log "N=$n$suffix: stopping the raw reference"
        stop_server
        grep "stopping:" "$RESULTS_DIR/server-N$n$suffix.log" | sed 's/^.*stopping: /raw reference: /' \
            >>"$RESULTS_DIR/loadgen-N$n$suffix.txt" || true
    else
        log "N=$n$suffix: the raw reference did not become ready; see $RESULTS_DIR/server-N$n$suffix.log"
        stop_server
    fi
}

if [[ "$REFERENCE" != "only" && ! -f "$APP_JAR" ]]; then
    log "no app jar at $APP_JAR, building it in $ROOT_DIR"
    (cd "$ROOT_DIR" && mvn -B -o -q package -DskipTests)
fi
log "building the load generator"
(cd "$BENCH_DIR" && mvn -B -o -q package)
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"

mkdir -p "$RESULTS_DIR"
RESULTS="$RESULTS_DIR/results.jsonl"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "memory: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "kernel: $(uname -sr)"
    echo "cpu: $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
    echo "java: $(java -version 2>&1 | tr '\n' ' ')"
    echo "ulimit -n: $(ulimit -n)"
    echo "app jar: $APP_JAR"
    echo "server JVM: $SERVER_JAVA_OPTS"
    echo "generator JVM: $LOADGEN_JAVA_OPTS, event loops $LOADGEN_EVENT_LOOPS"
    echo "comments: $COMMENTS (+$WARMUP warm-up, ${WARMUP_INTERVAL} ms apart), interval ${INTERVAL_MIN}-${INTERVAL_MAX} ms"
    echo "ramp-up: batches of $BATCH, $BATCH_PAUSE ms pause"
    echo "posting: auth $AUTH"
    echo "server env: FORUM_LIVE_MAX_QUEUE=${FORUM_LIVE_MAX_QUEUE:-<default 1000>}" \
        "QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=${QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE:-<default 2 x cores>}"
    echo "raw reference: REFERENCE=$REFERENCE, FRAME=$FRAME, event loops $RAW_EVENT_LOOPS"
} >"$RESULTS_DIR/machine.txt"
cat "$RESULTS_DIR/machine.txt" >&2

for n in $CLIENT_COUNTS; do
    if [[ "$REFERENCE" != "only" ]]; then
        run_forum "$n"
    fi
    if [[ "$REFERENCE" != "0" ]]; then
        for frame in $FRAME; do
            run_reference "$n" "$frame"
        done
    fi
done

if [[ -s "$RESULTS" ]]; then
    java -jar "$LOADGEN_JAR" --summarize "$RESULTS" >"$RESULTS_DIR/summary.md"
    echo
    cat "$RESULTS_DIR/summary.md"
fi
log "results in $RESULTS_DIR"
