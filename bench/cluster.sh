#!/usr/bin/env bash
# Issue 14: what survives losing a node. Starts two Payara Micro nodes of the built WAR on one
# fresh PostgreSQL database (colloquy_cluster), checks that they form ONE data grid, puts nginx
# round-robin (no sticky sessions) in front on 127.0.0.1:8180, runs bench/ClusterLoad.java
# through it, sends kill -9 to node 1 part-way, and prints the figures. Everything on loopback.
#
#   mvn -B -ntp -o package -DskipTests      # target/colloquy.war and target/payara-micro.jar
#   bench/cluster.sh [--members 16] [--seconds 90] [--kill-at SECONDS] [--think-ms 300]
#   MEMBERS=8 SECONDS_TOTAL=30 bench/cluster.sh          # the same by environment
#
# The last line holds the figures. Exit status: 0 when every session was kept, no acknowledged
# write was lost, the sign-in limit counted attempts on both nodes as one, both nodes gave a
# form's components the same ids, and node 2 went
# not-ready without the database and ready again when it returned, and answered the requests in
# flight when it got SIGTERM; 1 otherwise; 2 when the
# set-up failed (nodes, grid, nginx).
# Logs and details stay in target/cluster/: node1.log, node2.log, nginx/logs/access.log,
# load.log, failures.tsv, members.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

members="${MEMBERS:-16}"
seconds="${SECONDS_TOTAL:-90}"
kill_at="${KILL_AT:-}"
think_ms="${THINK_MS:-300}"
while (($#)); do
    case "$1" in
        --members) members="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --kill-at) kill_at="$2"; shift 2 ;;
        --think-ms) think_ms="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
kill_at="${kill_at:-$((seconds / 2))}"

db=colloquy_cluster
http_ports=(8181 8182)
grid_ports=(6900 6901)
proxy_port=8180
dir="$PWD/target/cluster"
war=target/colloquy.war
jar=target/payara-micro.jar
members_list="127.0.0.1:${grid_ports[0]},127.0.0.1:${grid_ports[1]}"

log() { printf '[cluster %s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*"; exit 2; }

[[ -f $war && -f $jar ]] || die "build first: mvn -B -ntp -o package -DskipTests"
command -v nginx >/dev/null || die "nginx is not installed (apt-get install -y nginx)"
for port in "${http_ports[@]}" "${grid_ports[@]}" "$proxy_port"; do
    if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is in use"; fi
done

node_pids=()
nginx_started=
stopped=
stop_all() {
    [[ -n $stopped ]] && return
    stopped=1
    if [[ -n $nginx_started ]]; then
        nginx -p "$dir/nginx" -c conf/nginx.conf -e logs/error.log -s stop 2>/dev/null || true
    fi
    local pid
    for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${node_pids[@]}"; do
        for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then log "node pid $pid ignored SIGTERM for 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    done
    if [[ -n ${load_pid:-} ]] && kill -0 "$load_pid" 2>/dev/null; then kill -TERM "$load_pid" 2>/dev/null || true; fi
    log "stopped nodes and nginx"
}
trap stop_all EXIT
trap 'log interrupted; exit 130' INT TERM

rm -rf "$dir"
mkdir -p "$dir/nginx/conf" "$dir/nginx/logs"

# PostgreSQL: a fresh database every run.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db ENCODING 'UTF8'" \
    || die "cannot create database $db"

start_node() { # n -> starts node n (1-based) in the background
    local n=$1 http=${http_ports[$(($1 - 1))]} grid=${grid_ports[$(($1 - 1))]}
    COLLOQUY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    COLLOQUY_DB_USER=postgres COLLOQUY_DB_PASSWORD=postgres \
    COLLOQUY_SITE_URL="http://127.0.0.1:$proxy_port" \
    java -Xmx512m -XX:+UseSerialGC \
        -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false -Dhazelcast.shutdownhook.enabled=false \
        -jar "$jar" --deploy "$war" --contextroot / \
        --rootdir "$dir/node$n" --name "node$n" \
        --port "$http" --prebootcommandfile src/main/payara/loopback.asadmin \
        --clustermode "tcpip:$members_list" --startport "$grid" \
        --clustername colloquy-bench --interfaces 127.0.0.1 --nohostaware \
        --disablephonehome --shutdowngrace 15000 \
        > "$dir/node$n.log" 2>&1 &
    node_pids+=($!)
    disown "$!"  # no "Killed" job report from bash after the kill -9
    log "node$n pid $! http 127.0.0.1:$http data grid 127.0.0.1:$grid"
}

start_node 1
start_node 2

wait_ready() { # n
    local n=$1 url="http://127.0.0.1:${http_ports[$(($1 - 1))]}/health/ready" t0=$SECONDS
    until curl -fsS -m 5 "$url" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "${node_pids[$(($n - 1))]}" 2>/dev/null || die "node$n exited (see $dir/node$n.log)"
        ((SECONDS - t0 < 240)) || die "node$n not ready after 240 s (see $dir/node$n.log)"
        sleep 2
    done
    log "node$n ready ($url) after $((SECONDS - t0)) s"
}
wait_ready 1
wait_ready 2

# One data grid: Payara logs "Data Grid Status ... DG Size: N" with the member list on every change.
grid=0
for ((i = 0; i < 30; i++)); do
    if grep -q 'DG Name: colloquy-bench DG Size: 2' "$dir/node1.log" && grep -q 'DG Name: colloquy-bench DG Size: 2' "$dir/node2.log"; then
        grid=2; break
    fi
    sleep 2
done
((grid == 2)) || die "the two nodes did not form one data grid (no 'DG Size: 2' in both logs)"
log "one data grid of 2 members:"
grep -h -A4 'DG Size: 2' "$dir/node1.log" | head -5 | sed 's/^/    /'
log "listening sockets of the nodes (all must be on 127.0.0.1):"
for pid in "${node_pids[@]}"; do
    ss -Hltnp | grep "pid=$pid," | awk '{print "    " $4}' | sort -u
done
if ss -Hltnp | grep -E "pid=(${node_pids[0]}|${node_pids[1]})," | awk '{print $4}' | grep -vqE '^(\[::ffff:)?127\.0\.0\.1\]?:'; then
    die "a node listens on a non-loopback address"
fi

# nginx: our copy of docs/nginx/colloquy.conf, with the upstream header turned on.
sed -e "s/127.0.0.1:8181/127.0.0.1:${http_ports[0]}/; s/127.0.0.1:8182/127.0.0.1:${http_ports[1]}/" \
    -e "s/listen 127.0.0.1:8180;/listen 127.0.0.1:$proxy_port;/" \
    -e 's/#add_header X-Colloquy-Upstream/add_header X-Colloquy-Upstream/' \
    docs/nginx/colloquy.conf > "$dir/nginx/conf/nginx.conf"
nginx -q -t -p "$dir/nginx" -c conf/nginx.conf -e logs/error.log || die "nginx configuration"
nginx -p "$dir/nginx" -c conf/nginx.conf -e logs/error.log || die "nginx did not start"
nginx_started=1
curl -fsS -m 5 "http://127.0.0.1:$proxy_port/health/ready" | grep -q '"UP"' || die "nginx does not reach the nodes"
log "nginx on 127.0.0.1:$proxy_port, round-robin over ${http_ports[*]}"

# Load, and kill -9 of node 1 at kill_at seconds.
log "load: $members members, $seconds s, kill -9 node1 at ${kill_at} s"
java bench/ClusterLoad.java --base "http://127.0.0.1:$proxy_port" --members "$members" --seconds "$seconds" \
    --think-ms "$think_ms" --kill-file "$dir/killed-at" --out "$dir" --db "$db" > >(tee "$dir/load.log") 2>&1 &
load_pid=$!
# The time to the kill counts from the start of the load proper (ClusterLoad writes the marker
# after the limit probe; $dir is new for each run).
t0=$SECONDS
until [[ -f $dir/load-started ]] || ! kill -0 "$load_pid" 2>/dev/null; do
    ((SECONDS - t0 < 300)) || die "the load did not start within 300 s"
    sleep 0.2
done
t0=$SECONDS
while ((SECONDS - t0 < kill_at)) && kill -0 "$load_pid" 2>/dev/null; do sleep 0.2; done
if kill -0 "$load_pid" 2>/dev/null; then
    date +%s%3N > "$dir/killed-at"
    kill -KILL "${node_pids[0]}"
    log "kill -9 node1 (pid ${node_pids[0]}) at $((SECONDS - t0)) s"
else
    log "the load ended before the kill"
fi
load_status=0
wait "$load_pid" || load_status=$?
load_pid=
sleep 0.5  # let tee flush
# After the kill node 2 should report a grid of 1.
if grep -q 'DG Size: 1' <(sed -n '/Data Grid Instance Removed/,$p' "$dir/node2.log"); then
    log "node2 saw node1 leave: data grid of 1 member"
fi

# Losing the database: node2 must report not-ready while PostgreSQL refuses it, and ready again
# once it is back, without a restart.
ready_url="http://127.0.0.1:${http_ports[1]}/health/ready"
ready_state() { curl -s -m 5 -o /dev/null -w '%{http_code}' "$ready_url" || true; }
pg_db() { psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
outage="not-run"
if kill -0 "${node_pids[1]}" 2>/dev/null; then
    pg_db "ALTER DATABASE $db ALLOW_CONNECTIONS false"
    pg_db "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'"
    t_out=$SECONDS; state=$(ready_state)
    while [[ $state == 200 ]] && ((SECONDS - t_out < 30)); do sleep 1; state=$(ready_state); done
    down_after=$((SECONDS - t_out))
    log "database refused to node2: /health/ready answers $state after ${down_after} s"
    pg_db "ALTER DATABASE $db ALLOW_CONNECTIONS true"
    if [[ $state == 503 ]]; then
        t_back=$SECONDS; state=$(ready_state)
        while [[ $state != 200 ]] && ((SECONDS - t_back < 60)); do sleep 1; state=$(ready_state); done
        up_after=$((SECONDS - t_back))
        page=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${http_ports[1]}/sign-in" || true)
        log "database back: /health/ready answers $state after ${up_after} s; /sign-in answers $page"
        if [[ $state == 200 && $page == 200 ]]; then
            outage="recovered(not-ready_${down_after}s,ready_${up_after}s)"
        else
            outage="NOT-RECOVERED"
        fi
    else
        outage="NEVER-NOT-READY"
    fi
fi

# SIGTERM with requests in flight: node2 must answer them before it exits.
drain="not-run"
if kill -0 "${node_pids[1]}" 2>/dev/null; then
    java bench/ClusterLoad.java --base "http://127.0.0.1:${http_ports[1]}" --drain-probe "$dir/drain-sent" \
        > "$dir/drain.log" 2>&1 &
    drain_pid=$!
    for ((i = 0; i < 300; i++)); do [[ -f $dir/drain-sent ]] && break; kill -0 "$drain_pid" 2>/dev/null || break; sleep 0.1; done
    if [[ -f $dir/drain-sent ]]; then
        sleep 0.1
        kill -TERM "${node_pids[1]}"
        log "SIGTERM to node2 with six sign-ins in flight"
    fi
    drain_status=0
    wait "$drain_pid" || drain_status=$?
    log "$(tail -1 "$dir/drain.log")"
    drain=$([[ $drain_status == 0 ]] && echo "answered" || echo "DROPPED")
fi

stop_all
figures=$(grep -E '^requests=' "$dir/load.log" | tail -1)
[[ -n $figures ]] || { log "the load driver printed no figures (exit $load_status, see $dir/load.log)"; exit 2; }
echo "grid_members=$grid members=$members seconds=$seconds kill_at=${kill_at}s $figures database_outage=$outage sigterm_in_flight=$drain"
[[ $outage == recovered* && $drain == answered ]] || exit 1
exit "$load_status"
