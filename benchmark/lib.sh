# Shell functions the benchmark scripts share; sourced after the script has defined log().

# A port outside the ephemeral range (so the clients' own ports never collide with it) that nobody listens on.
free_port() {
    for _ in $(seq 1 50); do
        local port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    log "no free port found"; exit 1
}

# Stops the server started last (SERVER_PID) with SIGTERM and waits for it.
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
