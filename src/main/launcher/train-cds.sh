#!/usr/bin/env bash
# Packaging step, run by `mvn package` right after the Quarkus build (see pom.xml, execution "launcher"):
# puts the launcher thesenforum.sh next to quarkus-run.jar and trains the class-data archive app-cds.jsa.
#
#   train-cds.sh APP_DIR full     start the app once on a scratch H2 database in a temporary folder, wait until
#                                 /q/health/ready answers 200, request a few pages, stop it; as it stops, the app
#                                 links the classes it only loaded (web/ArchiveTraining, from the launcher's
#                                 class-load log), and the JVM writes the classes it loaded into app-cds.jsa
#   train-cds.sh APP_DIR static   without a database (the PostgreSQL build): the archive covers Quarkus' static
#                                 initialisation only
#   train-cds.sh APP_DIR off      the launcher only, no archive
#
# The training run ignores the caller's FORUM_* and QUARKUS_* variables and runs in an empty folder (no .env), so
# it never touches a real database or data folder. A failed training leaves no archive and a warning; the build
# goes on (the launcher then starts without the archive). Every wait is bounded: the start by FORUM_CDS_TIMEOUT
# (300 s), each request by a few seconds, the JVM's exit (writing the archive) by FORUM_CDS_EXIT_TIMEOUT (60 s), after
# which it is killed. Interrupted (Ctrl-C, SIGTERM, SIGHUP), the script kills the training JVM before it exits.
set -euo pipefail

SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_DIR="$(cd "$1" && pwd -P)"
MODE="${2:-full}"
TIMEOUT="${FORUM_CDS_TIMEOUT:-300}"
EXIT_TIMEOUT="${FORUM_CDS_EXIT_TIMEOUT:-60}"
SLUG="ankommen-im-gemeinwesen"

log() { printf '[train-cds] %s\n' "$*"; }

install -m 755 "$SRC_DIR/thesenforum.sh" "$APP_DIR/thesenforum.sh"
rm -f "$APP_DIR/app-cds.jsa"
case "$MODE" in
    off) log "class-data archive skipped"; exit 0 ;;
    full | static) ;;
    *) echo "mode is full, static or off" >&2; exit 64 ;;
esac

for name in $(compgen -e); do
    case "$name" in FORUM_* | QUARKUS_* | JAVA_OPTS) unset "$name" ;; esac
done
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/thesenforum-cds.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT
# On a signal, exit (which runs cleanup): the JVM runs in the background, where Ctrl-C does not reach it.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# A port outside the ephemeral range that nobody listens on.
PORT=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT="$candidate"; break; fi
done
if [[ -z "$PORT" ]]; then log "WARNING: no free port, no class-data archive"; exit 0; fi

# GET over bash's /dev/tcp (no curl needed); prints the status code, or nothing when nobody answers within 5 s.
# The body is read line by line, each within 5 s and all within 10 s, so a server that stops answering stalls
# nothing.
status_of() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 0
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept-Language: de\r\n\r\n' "$1" "$PORT" >&3
        read -r -t 5 _ code _ <&3 || exit 0
        until_read=$((SECONDS + 10))
        while (( SECONDS < until_read )) && read -r -t 5 _ <&3; do :; done
        echo "$code"
    ) 2>/dev/null
}

started=$SECONDS
log "training run ($MODE) of $APP_DIR on 127.0.0.1:$PORT"
(
    cd "$WORK_DIR"
    FORUM_CDS_TRAINING="$MODE" FORUM_DATA_DIR="$WORK_DIR/data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        FORUM_ADMIN_PASSWORD="training-$RANDOM$RANDOM$RANDOM" exec "$APP_DIR/thesenforum.sh"
) >"$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!

if [[ "$MODE" == full ]]; then
    ready=""
    while (( SECONDS - started < TIMEOUT )) && kill -0 "$SERVER_PID" 2>/dev/null; do
        if [[ "$(status_of /q/health/ready)" == 200 ]]; then ready=1; break; fi
        sleep 0.2
    done
    if [[ -z "$ready" ]]; then
        log "WARNING: the app did not become ready; no class-data archive. Its log:"
        tail -n 30 "$WORK_DIR/server.log" || true
        exit 0
    fi
    # The first requests load the classes of routing, security, Qute, Jackson and the H2 queries of a page.
    for path in /q/health/live / /login "/discussions/$SLUG" "/api/discussions/$SLUG" /q/health/ready; do
        status_of "$path" >/dev/null
    done
    kill -TERM "$SERVER_PID"
fi
# The JVM writes the archive as it exits; a JVM that does not exit in time is killed, and its archive (if any) is
# incomplete and removed.
stopping=$SECONDS
while kill -0 "$SERVER_PID" 2>/dev/null && (( SECONDS - stopping < EXIT_TIMEOUT )); do sleep 0.2; done
if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "WARNING: the training run did not exit within $EXIT_TIMEOUT s; killed, no class-data archive"
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    rm -f "$APP_DIR/app-cds.jsa"
    tail -n 30 "$WORK_DIR/server.log" || true
    exit 0
fi
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=""
if [[ -s "$APP_DIR/app-cds.jsa" ]]; then
    log "app-cds.jsa: $(( $(wc -c < "$APP_DIR/app-cds.jsa") / 1048576 )) MiB in $(( SECONDS - started )) s"
else
    log "WARNING: the training run (exit $status) wrote no class-data archive. Its log:"
    tail -n 30 "$WORK_DIR/server.log" || true
fi
