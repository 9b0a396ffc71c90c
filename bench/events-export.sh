#!/usr/bin/env bash
# Issue 9, step 6: how long the sponsor's CSV export of N registrations takes, and whether memory
# stays flat. Starts one Payara Micro node of the built WAR on a fresh PostgreSQL database (loopback,
# no Hazelcast, phone-home off, a small heap so a non-streaming export would fail), seeds N
# registrations with SQL (every other registrant consents to share email and name with the sponsor),
# signs the sponsor's contact in through the real sign-in form, and times POST /sponsor/export.
#
#   mvn -B -ntp -o -q -DskipTests package     # target/colloquy.war and target/payara-micro.jar
#   bench/events-export.sh                      # 100k registrations
#   bench/events-export.sh --registrations 10k --heap 256m --drop-db
#   bench/events-export.sh --jfr                # also records target/bench-events/node.jfr (JFR, profile settings)
#
# Target (issue 9): 100k registrations in at most 2 s, constant memory. Reported as met or missed.
# Exit status: 0 when the run completed, 2 when it broke. Details stay in target/bench-events/.
set -euo pipefail
cd "$(dirname "$0")/.."

n=100000
heap=256m
db=colloquy_bench_events
drop_db=
jfr=
port=8196
while (($#)); do
    case "$1" in
        --registrations) n="$2"; shift 2 ;;
        --heap) heap="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --drop-db) drop_db=1; shift ;;
        --jfr) jfr=1; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$n" in *[kK]) n=$((${n%[kK]} * 1000)) ;; esac
[[ $n =~ ^[0-9]+$ && $n -ge 10 ]] || { echo "--registrations must be a number >= 10" >&2; exit 2; }
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--db must be a plain lower-case name" >&2; exit 2; }

war=target/colloquy.war
jar=target/payara-micro.jar
out="$PWD/target/bench-events"
portal="http://127.0.0.1:$port"
log() { printf '[events-bench %s] %s\n' "$(date +%T)" "$*"; }
die() { log "BROKEN RUN: $*" >&2; exit 2; }
[[ -f $war && -f $jar ]] || die "build first: mvn -B -ntp -o -q -DskipTests package"
if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is in use"; fi

work=$(mktemp -d /tmp/colloquy-events-bench.XXXXXX)
node_pid=
cleanup() {
    if [[ -n $node_pid ]] && kill -0 "$node_pid" 2>/dev/null; then
        kill -TERM "$node_pid" 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$node_pid" 2>/dev/null && kill -KILL "$node_pid" 2>/dev/null || true
    fi
    [[ -f $work/node.log ]] && cp "$work/node.log" "$out/node.log" 2>/dev/null || true
    rm -rf "$work"
    if [[ -n $drop_db ]]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
rm -rf "$out"; mkdir -p "$out"
sql() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"; }

# The contact's password hash, made by the portal's own PasswordHasher.
password="bench contact harbor violet"
iterations=$(sed -n 's/^colloquy.password.iterations=//p' src/main/resources/META-INF/microprofile-config.properties)
cat > "$work/Hash.java" <<'JAVA'
public class Hash { public static void main(String[] a) { System.out.println(new org.colloquy.account.PasswordHasher(Integer.parseInt(a[1])).hash(a[0].toCharArray())); } }
JAVA
hash=$(java -cp target/classes "$work/Hash.java" "$password" "$iterations") || die "could not hash the password"

psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db ENCODING 'UTF8'" || die "cannot create $db"

jfr_opts=()
[[ -n $jfr ]] && jfr_opts=(-XX:StartFlightRecording=filename="$out/node.jfr",settings=profile,dumponexit=true)
COLLOQUY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" COLLOQUY_DB_USER=postgres COLLOQUY_DB_PASSWORD=postgres \
COLLOQUY_SITE_URL="$portal" \
java -Xmx"$heap" -XX:+UseSerialGC "${jfr_opts[@]}" -Dhazelcast.phone.home.enabled=false \
    -jar "$jar" --deploy "$war" --contextroot / --port "$port" \
    --rootdir "$work/node" --disablephonehome --nohazelcast \
    --prebootcommandfile src/main/payara/loopback.asadmin > "$work/node.log" 2>&1 &
node_pid=$!
t0=$SECONDS
until curl -fsS -m 5 "$portal/health/ready" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$node_pid" 2>/dev/null || die "the node exited (see $out/node.log)"
    ((SECONDS - t0 < 240)) || die "the node was not ready after 240 s"
    sleep 2
done
log "node ready after $((SECONDS - t0)) s (heap $heap)"

log "seeding $n registrations"
t0=$SECONDS
sql -v n="$n" -v hash="$hash" > "$out/seed.log" 2>&1 <<'SQL' || { cat "$out/seed.log"; die "seeding failed"; }
INSERT INTO member (name, username, username_key, email, email_key, password_hash, created_at, age_confirmed_at, email_verified_at)
VALUES ('Bench Contact', 'benchcontact', 'benchcontact', 'contact@bench.test', 'contact@bench.test', :'hash', now(), now(), now());
INSERT INTO member_role (member_id, role) SELECT id, 'MEMBER' FROM member WHERE username_key = 'benchcontact';
INSERT INTO member (name, username, username_key, email, email_key, password_hash, created_at, age_confirmed_at, email_verified_at)
SELECT 'Attendee ' || g, 'att' || g, 'att' || g, 'att' || g || '@bench.test', 'att' || g || '@bench.test', 'x', now(), now(), now()
FROM generate_series(1, :n) g;
INSERT INTO sponsor (name, description, created_at) VALUES ('Bench Sponsor', 'For the benchmark', now());
INSERT INTO sponsor_contact (sponsor_id, member_id, added_at)
SELECT s.id, m.id, now() FROM sponsor s, member m WHERE m.username_key = 'benchcontact';
INSERT INTO webinar (title, description, starts_at, ends_at, time_zone, created_at)
VALUES ('Bench webinar', '', now() + interval '7 days', now() + interval '7 days 1 hour', 'UTC', now());
INSERT INTO webinar_sponsor (webinar_id, sponsor_id) SELECT w.id, s.id FROM webinar w, sponsor s;
INSERT INTO webinar_registration (webinar_id, member_id, organization, registered_at, attended)
SELECT w.id, m.id, 'Org ' || m.id, now(), false FROM webinar w, member m WHERE m.username_key LIKE 'att%';
INSERT INTO consent (member_id, purpose, subject_key, subject_label, fields, notice_version, notice_text, given_at, given_via)
SELECT r.member_id, 'SPONSOR_SHARING', 'sponsor:' || s.id || '/event:' || w.id, 'Bench Sponsor (sponsor of Bench webinar)',
       'email,name', 'webinar-registration/1', 'Share my email address with Bench Sponsor', now(), 'Webinar registration form'
FROM webinar_registration r JOIN webinar w ON w.id = r.webinar_id JOIN webinar_sponsor ws ON ws.webinar_id = w.id
JOIN sponsor s ON s.id = ws.sponsor_id WHERE r.member_id % 2 = 0;
VACUUM ANALYZE;
SQL
read -r webinar sponsor < <(sql -F ' ' -c "SELECT w.id, s.id FROM webinar w, sponsor s LIMIT 1")
consenting=$(sql -c "SELECT count(*) FROM consent WHERE purpose = 'SPONSOR_SHARING'")
log "seeded in $((SECONDS - t0)) s: $n registrations, $consenting consenting"

# Sign in through the form, as a browser would.
jar_file="$work/cookies"
page=$(curl -fsS -c "$jar_file" -b "$jar_file" -H "X-Forwarded-For: 10.99.0.1" "$portal/sign-in") || die "no sign-in page"
printf '%s' "$page" > "$out/sign-in.html"
# Every hidden field of the form (ViewState, the CSP nonce), then the login and the button.
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
args=()
for field in "${hidden[@]}"; do args+=(--data-urlencode "$field"); done
code=$(curl -sS -o "$out/sign-in-answer.html" -w '%{http_code}' -c "$jar_file" -b "$jar_file" -H "X-Forwarded-For: 10.99.0.1" \
    "${args[@]}" --data-urlencode "signIn:login=benchcontact" \
    --data-urlencode "signIn:password=$password" --data-urlencode "signIn:submit=Sign in" "$portal/sign-in")
[[ $code == 302 || $code == 303 ]] || die "sign-in answered $code (see $out/sign-in-answer.html)"

# The export is a POST carrying the session's form token, which every signed-in page holds (the sign-out form).
token=$(curl -fsS -b "$jar_file" -H "X-Forwarded-For: 10.99.0.1" "$portal/sponsor/portal" \
    | python3 -c 'import html, re, sys; print(html.unescape(re.search(r"name=\"token\" value=\"([^\"]*)\"", sys.stdin.read()).group(1)))') \
    || die "no form token on the sponsor portal"

rss() { awk '/VmRSS/ {print $2}' "/proc/$node_pid/status"; }
export_once() {
    curl -sS -o "$out/export.csv" -b "$jar_file" -H "X-Forwarded-For: 10.99.0.1" -w '%{http_code} %{time_total} %{size_download}\n' \
        --data-urlencode "event=$webinar" --data-urlencode "sponsor=$sponsor" --data-urlencode "token=$token" "$portal/sponsor/export"
}
read -r code warm_s size < <(export_once)
[[ $code == 200 ]] && head -1 "$out/export.csv" | grep -q '^# Event: ' || die "the export answered $code without a CSV (see $out/export.csv)"
rss_before=$(rss)
read -r code time_s size < <(export_once)
rss_after=$(rss)
rows=$(grep -vc '^#' "$out/export.csv")
ledger=$(sql -c "SELECT count(*) FROM ledger_entry")
met=$(awk -v t="$time_s" 'BEGIN { print (t <= 2.0) ? "met" : "missed" }')
cat <<FIGURES | tee "$out/figures.txt"
== events export benchmark ==
registrations        $n ($consenting consenting)
first export         ${warm_s} s (warm-up)
second export        ${time_s} s, $size bytes, $((rows - 1)) rows  -> target <= 2 s: $met
node RSS             ${rss_before} kB before, ${rss_after} kB after the second export (heap -Xmx$heap)
ledger entries       $ledger (one per consenting member per export)
FIGURES
