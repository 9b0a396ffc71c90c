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

bench=events
source bench/lib.sh
begin

# The contact's password hash, made by the portal's own PasswordHasher.
password="bench contact harbor violet"
hash=$(password_hash "$password") || die "could not hash the password"

fresh_db
jfr_opts=()
[[ -n $jfr ]] && jfr_opts=(-XX:StartFlightRecording=filename="$out/node.jfr",settings=profile,dumponexit=true)
start_node -Xmx"$heap" -XX:+UseSerialGC "${jfr_opts[@]}"

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
sign_in benchcontact "$password" 10.99.0.1
jar_file="$work/cookies"

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
