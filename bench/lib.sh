# What the single-node export benchmarks (export.sh, events-export.sh) share: their output folder
# and log, a fresh PostgreSQL database, one Payara Micro node of the built WAR on it, a password
# hashed as the portal hashes it, and a sign-in through the real form. Sourced, not run, once the
# script has read its options: $bench (its short name), $db, $port and $drop_db.

out="$PWD/target/bench-$bench"
portal="http://127.0.0.1:$port"
work=
node_pid=

log() { printf '[%s-bench %s] %s\n' "$bench" "$(date +%T)" "$*"; }
die() { log "BROKEN RUN: $*" >&2; exit 2; }

# begin: checks that the run can start, empties $out and makes the scratch folder $work; on exit
# the node is stopped, $work removed and, with --drop-db, the database dropped.
begin() {
    preflight
    work=$(mktemp -d "/tmp/colloquy-$bench-bench.XXXXXX")
    trap cleanup EXIT
    rm -rf "$out"; mkdir -p "$out"
}

cleanup() {
    stop_node
    rm -rf "$work"
    if [[ -n $drop_db ]]; then drop_database; fi
}

# preflight: the WAR and Payara Micro are built, and $port is free.
preflight() {
    [[ -f target/colloquy.war && -f target/payara-micro.jar ]] || die "build first: mvn -B -ntp -o -q -DskipTests package"
    if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is in use"; fi
}

# sql [psql options]: runs SQL on $db, unaligned, stopping at the first error.
sql() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"; }

fresh_db() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db ENCODING 'UTF8'" || die "cannot create $db"
}

drop_database() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
}

# start_node [java options]: one node on $db at $portal (loopback, no Hazelcast, phone-home off),
# logging to $work/node.log; returns once /health/ready answers UP, with $node_pid set.
start_node() {
    COLLOQUY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" COLLOQUY_DB_USER=postgres COLLOQUY_DB_PASSWORD=postgres \
    COLLOQUY_SITE_URL="$portal" \
    java "$@" -Dhazelcast.phone.home.enabled=false \
        -jar target/payara-micro.jar --deploy target/colloquy.war --contextroot / --port "$port" \
        --rootdir "$work/node" --disablephonehome --nohazelcast \
        --prebootcommandfile src/main/payara/loopback.asadmin > "$work/node.log" 2>&1 &
    node_pid=$!
    local t0=$SECONDS
    until curl -fsS -m 5 "$portal/health/ready" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$node_pid" 2>/dev/null || die "the node exited (see $out/node.log)"
        ((SECONDS - t0 < 240)) || die "the node was not ready after 240 s"
        sleep 2
    done
    log "node ready after $((SECONDS - t0)) s ($*)"
}

# stop_node: ends the node (TERM, then KILL after 30 s) and keeps its log in $out.
stop_node() {
    if [[ -n $node_pid ]] && kill -0 "$node_pid" 2>/dev/null; then
        kill -TERM "$node_pid" 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$node_pid" 2>/dev/null && kill -KILL "$node_pid" 2>/dev/null || true
    fi
    [[ -f $work/node.log ]] && cp "$work/node.log" "$out/node.log" 2>/dev/null || true
}

# password_hash PASSWORD: the hash the portal's own PasswordHasher makes, with the configured iterations.
password_hash() {
    local iterations
    iterations=$(sed -n 's/^colloquy.password.iterations=//p' src/main/resources/META-INF/microprofile-config.properties)
    cat > "$work/Hash.java" <<'JAVA'
public class Hash { public static void main(String[] a) { System.out.println(new org.colloquy.account.PasswordHasher(Integer.parseInt(a[1])).hash(a[0].toCharArray())); } }
JAVA
    java -cp target/classes "$work/Hash.java" "$1" "$iterations"
}

# sign_in LOGIN PASSWORD CLIENT_ADDRESS: signs in through the form, as a browser would, from that
# (forwarded) address; the session's cookie is kept in $work/cookies.
sign_in() {
    local jar_file="$work/cookies" field code
    curl -fsS -c "$jar_file" -b "$jar_file" -H "X-Forwarded-For: $3" "$portal/sign-in" > "$out/sign-in.html" || die "no sign-in page"
    # Every hidden field of the form (ViewState, the CSP nonce), then the login and the button.
    local -a hidden args=()
    mapfile -t hidden < <(python3 - "$out/sign-in.html" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
form = re.search(r'<form[^>]*id="signIn".*?</form>', page, re.S).group(0)
for tag in re.findall(r'<input[^>]*type="hidden"[^>]*>', form):
    name = re.search(r'name="([^"]*)"', tag); value = re.search(r'value="([^"]*)"', tag)
    if name:
        print(html.unescape(name.group(1)) + "=" + html.unescape(value.group(1) if value else ""))
PY
    )
    ((${#hidden[@]})) || die "no hidden fields on the sign-in form"
    for field in "${hidden[@]}"; do args+=(--data-urlencode "$field"); done
    code=$(curl -sS -o "$out/sign-in-answer.html" -w '%{http_code}' -c "$jar_file" -b "$jar_file" -H "X-Forwarded-For: $3" \
        "${args[@]}" --data-urlencode "signIn:login=$1" \
        --data-urlencode "signIn:password=$2" --data-urlencode "signIn:submit=Sign in" "$portal/sign-in")
    [[ $code == 302 || $code == 303 ]] || die "sign-in answered $code (see $out/sign-in-answer.html)"
}
