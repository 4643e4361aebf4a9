#!/usr/bin/env bash
# Start-up benchmark: starts the packaged app RUNS times on a fresh data directory and once more on the data
# directory that start left behind (schema and paper already there), and the raw Vert.x reference
# (RawRebroadcastServer) RUNS times. For each start it measures the time from spawning the process to the first
# 200 of GET /q/health/ready, the CPU time the process used until then, its RSS at that moment and after IDLE
# seconds without requests; then prints p50/min/max per kind of start and the forum/raw ratios of the p50s.
#
#   benchmark/startup.sh
#   RUNS=5 IDLE=60 VARIANTS="launcher plain" benchmark/startup.sh
#
# Variants (VARIANTS, default "launcher plain"): launcher = the README's command, target/quarkus-app/thesenforum.sh
# (class-data archive and memory settings); plain = `java -jar target/quarkus-app/quarkus-run.jar` without options.
# Environment (all optional): APP_DIR (default ../target/quarkus-app, built when missing), RUNS (3), IDLE (30 s),
# RAW_JAVA_OPTS (JVM options of the raw reference, default none), RESULTS_DIR (benchmark/results/startup-<time>).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
APP_DIR="${APP_DIR:-$ROOT_DIR/target/quarkus-app}"
RUNS="${RUNS:-3}"
IDLE="${IDLE:-30}"
VARIANTS="${VARIANTS:-launcher plain}"
RAW_JAVA_OPTS="${RAW_JAVA_OPTS:-}"
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results/startup-$(date -u +%Y%m%dT%H%M%SZ)}"
SERVER_PID=""
DATA_DIR=""

log() { printf '[startup.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# free_port comes from lib.sh
source "$BENCH_DIR/lib.sh"

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() { stop_server; if [[ -n "$DATA_DIR" ]]; then rm -rf "$DATA_DIR"; fi; }
trap cleanup EXIT

rss_mib() { awk '/VmRSS/{printf "%.1f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo ""; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14+$15)*1000/hz}' "/proc/$1/stat" 2>/dev/null || echo ""; }

# Spawns "$@" (a server listening on $PORT) and records one CSV line: kind,run,ready_ms,cpu_ms,rss_ready,rss_idle.
measure() {
    local kind="$1" run="$2" log_file="$3"
    shift 3
    local started ready_ms
    started=$(date +%s%N)
    "$@" >"$log_file" 2>&1 &
    SERVER_PID=$!
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null || (( ($(date +%s%N) - started) / 1000000000 > 300 )); then
            log "$kind run $run: no healthy response; see $log_file"; stop_server; return 1
        fi
        sleep 0.02
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    local cpu rss_ready rss_idle
    cpu="$(cpu_ms "$SERVER_PID")"
    rss_ready="$(rss_mib "$SERVER_PID")"
    sleep "$IDLE"
    rss_idle="$(rss_mib "$SERVER_PID")"
    stop_server
    echo "$kind,$run,$ready_ms,$cpu,$rss_ready,$rss_idle" | tee -a "$RESULTS_DIR/starts.csv"
    echo "$kind run $run: load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS_DIR/load.txt"
}

forum_command() {
    case "$1" in
        launcher) echo "$APP_DIR/thesenforum.sh" ;;
        plain) echo "java -jar $APP_DIR/quarkus-run.jar" ;;
        *) log "unknown variant $1"; exit 64 ;;
    esac
}

mkdir -p "$RESULTS_DIR"
if [[ ! -f "$APP_DIR/quarkus-run.jar" ]]; then
    log "building the app"
    (cd "$ROOT_DIR" && mvn -B -q package -DskipTests)
fi
(cd "$BENCH_DIR" && mvn -B -o -q package)
LOADGEN_JAR="$BENCH_DIR/target/live-loadgen.jar"
{
    echo "date: $(date -u)"; echo "nproc: $(nproc)"; echo "load: $(cat /proc/loadavg)"
    grep -m1 'model name' /proc/cpuinfo || true; free -m | head -2; java -version 2>&1 | head -1
    echo "app: $APP_DIR (archive: $(ls -l "$APP_DIR/app-cds.jsa" 2>/dev/null | awk '{print $5}' || echo none))"
    echo "RUNS: $RUNS  IDLE: $IDLE s  VARIANTS: $VARIANTS  RAW_JAVA_OPTS: $RAW_JAVA_OPTS"
} | tee "$RESULTS_DIR/machine.txt"
echo "kind,run,ready_ms,cpu_ms,rss_ready_mib,rss_idle_mib" >"$RESULTS_DIR/starts.csv"

for run in $(seq 1 "$RUNS"); do
    for variant in $VARIANTS; do
        read -r -a command <<<"$(forum_command "$variant")"
        DATA_DIR="$(mktemp -d -t thesenforum-startup.XXXXXX)"
        for phase in fresh existing; do
            PORT="$(free_port)"
            log "$variant/$phase run $run on port $PORT"
            # Started in the scratch folder: no .env or config/ of the caller is read.
            measure "$variant/$phase" "$run" "$RESULTS_DIR/server-$variant-$phase-$run.log" \
                env -C "$DATA_DIR" FORUM_DATA_DIR="$DATA_DIR/data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
                FORUM_ADMIN_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" "${command[@]}" || true
        done
        rm -rf "$DATA_DIR"; DATA_DIR=""
    done
    PORT="$(free_port)"
    log "raw reference run $run on port $PORT"
    # shellcheck disable=SC2086
    measure "raw" "$run" "$RESULTS_DIR/server-raw-$run.log" java $RAW_JAVA_OPTS -cp "$LOADGEN_JAR" \
        org.thesenforum.benchmark.RawRebroadcastServer --host 127.0.0.1 --port "$PORT" || true
done

echo "load at the end: $(cat /proc/loadavg)" | tee -a "$RESULTS_DIR/machine.txt"
# p50 is the lower median of the runs; ratios are forum p50 / raw p50.
awk -F, 'NR > 1 {
        kinds[$1] = 1; n[$1]++; v[$1, 1, n[$1]] = $3; v[$1, 2, n[$1]] = $4; v[$1, 3, n[$1]] = $5; v[$1, 4, n[$1]] = $6
    }
    function stat(kind, col,   k, i, j, t, a, m) {
        m = n[kind]
        for (i = 1; i <= m; i++) a[i] = v[kind, col, i] + 0
        for (i = 2; i <= m; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        p50[kind, col] = a[int((m + 1) / 2)]
        return sprintf("%7g %7g %7g", a[int((m + 1) / 2)], a[1], a[m])
    }
    END {
        printf "%-20s %4s | %-23s | %-23s | %-23s | %-23s\n", "start", "runs", "ready ms p50 min max", \
            "CPU ms p50 min max", "RSS ready MiB p50/min/max", "RSS idle MiB p50/min/max"
        for (kind in kinds) {
            printf "%-20s %4d | %s | %s | %s | %s\n", kind, n[kind], stat(kind, 1), stat(kind, 2), stat(kind, 3), stat(kind, 4)
        }
        if (("raw") in kinds) {
            print ""
            printf "%-20s | %8s %8s %8s %8s   (forum p50 / raw p50)\n", "ratio", "ready", "CPU", "RSS rdy", "RSS idle"
            for (kind in kinds) if (kind != "raw") {
                printf "%-20s | %8.1f %8.1f %8.1f %8.1f\n", kind, p50[kind, 1] / p50["raw", 1], \
                    p50[kind, 2] / p50["raw", 2], p50[kind, 3] / p50["raw", 3], p50[kind, 4] / p50["raw", 4]
            }
        }
    }' "$RESULTS_DIR/starts.csv" | tee "$RESULTS_DIR/summary.txt"
log "results in $RESULTS_DIR"
