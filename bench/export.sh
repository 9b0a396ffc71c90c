#!/usr/bin/env bash
# Issue 12, P-ACCOUNT-3: how long a member's self-service data export takes when they wrote N forum
# posts, each with an earlier revision. Starts one Payara Micro node of the built WAR on a fresh
# PostgreSQL database (loopback, no Hazelcast, phone-home off, a small heap so that an export that
# held the whole document would show it), seeds the member with SQL, signs them in through the real
# sign-in form, reads the form token from the privacy centre and posts "Download my data" several
# times over loopback, printing min / median / max.
#
#   mvn -B -ntp -o -q -DskipTests package     # target/colloquy.war and target/payara-micro.jar
#   bench/export.sh                             # 10k posts, 7 downloads
#   bench/export.sh --posts 50k --runs 5 --heap 256m --drop-db
#
# Target (issue 12): 10k posts in at most 2 s. Reported as met or missed (on the median).
# Exit status: 0 when the run completed, 2 when it broke. Details stay in target/bench-export/.
set -euo pipefail
cd "$(dirname "$0")/.."

n=10000
runs=7
heap=256m
db=colloquy_bench_export
drop_db=
port=8197
while (($#)); do
    case "$1" in
        --posts) n="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --heap) heap="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --drop-db) drop_db=1; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$n" in *[kK]) n=$((${n%[kK]} * 1000)) ;; esac
[[ $n =~ ^[0-9]+$ && $n -ge 100 ]] || { echo "--posts must be a number >= 100" >&2; exit 2; }
[[ $runs =~ ^[0-9]+$ && $runs -ge 1 ]] || { echo "--runs must be a number >= 1" >&2; exit 2; }
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--db must be a plain lower-case name" >&2; exit 2; }

bench=export
source bench/lib.sh
begin

# The member's password hash, made by the portal's own PasswordHasher.
password="bench export harbor violet"
hash=$(password_hash "$password") || die "could not hash the password"

fresh_db
start_node -Xmx"$heap" -XX:+UseSerialGC

log "seeding a member with $n posts and $n revisions"
t0=$SECONDS
# Posts of about 600 characters, 100 to a topic; every post edited once (one revision each); a few
# consents and ledger entries beside them. Another member's posts in the same topics must not appear.
sql -v n="$n" -v hash="$hash" > "$out/seed.log" 2>&1 <<'SQL' || { cat "$out/seed.log"; die "seeding failed"; }
INSERT INTO member (name, username, username_key, email, email_key, password_hash, created_at, age_confirmed_at, email_verified_at)
VALUES ('Bench Exporter', 'benchexport', 'benchexport', 'export@bench.test', 'export@bench.test', :'hash', now(), now(), now()),
       ('Bench Other', 'benchother', 'benchother', 'other@bench.test', 'other@bench.test', 'x', now(), now(), now());
INSERT INTO member_role (member_id, role) SELECT id, 'MEMBER' FROM member;
INSERT INTO forum_category (name, slug, description, visibility, position, created_at)
VALUES ('Bench', 'bench', 'For the benchmark', 'PUBLIC', 1, now());
INSERT INTO forum_topic (category_id, title, slug, author_id, created_at, last_activity_at, post_count)
SELECT c.id, 'Bench topic ' || g, 'bench-topic-' || g, m.id, now(), now(), 101
FROM forum_category c, member m, generate_series(1, (:n + 99) / 100) g WHERE m.username_key = 'benchexport';
INSERT INTO forum_post (topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at, edited_at)
SELECT t.id, g - (t.rn - 1) * 100, m.id, repeat('Export bench post ' || g || '. ', 24), '<p>post ' || g || '</p>', 'post ' || g,
       now() - (g || ' minutes')::interval, now()
FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM forum_topic) t, member m, generate_series(1, :n) g
WHERE m.username_key = 'benchexport' AND t.rn = (g - 1) / 100 + 1;
INSERT INTO forum_post (topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at)
SELECT t.id, 101, m.id, 'Another member''s reply', '<p>reply</p>', 'reply', now()
FROM forum_topic t, member m WHERE m.username_key = 'benchother';
INSERT INTO forum_post_revision (post_id, body_markdown, written_at, replaced_at, reason)
SELECT p.id, 'The first version of post ' || p.id || '. ' || repeat('Earlier words. ', 20), p.created_at, now(), 'EDITED'
FROM forum_post p JOIN member m ON m.id = p.author_id WHERE m.username_key = 'benchexport';
INSERT INTO consent (member_id, purpose, notice_version, notice_text, given_at, given_via)
SELECT m.id, 'MARKETING_EMAIL', 'marketing/1', 'Send me news about the community', now(), 'Privacy centre'
FROM member m WHERE m.username_key = 'benchexport';
INSERT INTO ledger_entry (member_id, recipient_kind, recipient_key, recipient_label, fields, purpose, policy_clause, disclosed_at)
SELECT m.id, 'PUBLIC', 'public:bench', 'The public', 'name', 'Bench release ' || g, 'DOCUMENT_RELEASE', now()
FROM member m, generate_series(1, 50) g WHERE m.username_key = 'benchexport';
VACUUM ANALYZE;
SQL
posts=$(sql -c "SELECT count(*) FROM forum_post p JOIN member m ON m.id = p.author_id WHERE m.username_key = 'benchexport'")
log "seeded in $((SECONDS - t0)) s: $posts posts"

# Sign in through the form, as a browser would.
sign_in benchexport "$password" 10.99.0.2
jar_file="$work/cookies"

# The privacy centre's "Download my data" form carries the session's form token.
curl -fsS -b "$jar_file" -c "$jar_file" "$portal/account/privacy" > "$out/privacy.html" || die "no privacy centre"
token=$(python3 -c 'import re,sys; print(re.search(r"<form[^>]*id=\"dataForm\".*?name=\"token\" value=\"([^\"]*)\"", open(sys.argv[1]).read(), re.S).group(1))' \
    "$out/privacy.html") || die "no token in the Download my data form (see $out/privacy.html)"

rss() { awk '/VmRSS/ {print $2}' "/proc/$node_pid/status"; }
download() {
    curl -sS -o "$out/export.json" -b "$jar_file" -w '%{http_code} %{time_total} %{size_download}\n' \
        --data-urlencode "token=$token" "$portal/account/export"
}
read -r code warm_s size < <(download)
[[ $code == 200 ]] || die "the export answered $code (see $out/export.json)"
python3 - "$out/export.json" "$posts" > "$out/check.txt" <<'PY' || { cat "$out/check.txt"; die "the file does not hold what was seeded"; }
import json, sys
doc = json.load(open(sys.argv[1]))
counts = {s["name"]: s["count"] for s in doc["manifest"]["sections"]}
for name, items in doc["sections"].items():
    assert counts[name] == len(items), (name, counts[name], len(items))
assert counts["forum-posts"] == int(sys.argv[2]), counts
assert counts["forum-revisions"] == int(sys.argv[2]), counts
print("manifest matches:", ", ".join(f"{k} {v}" for k, v in counts.items() if v))
PY
rss_before=$(rss)
times=()
for ((i = 1; i <= runs; i++)); do
    read -r code t size < <(download)
    [[ $code == 200 ]] || die "download $i answered $code"
    times+=("$t")
done
rss_after=$(rss)
read -r tmin tmed tmax < <(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; print a[1], m, a[NR]}')
met=$(awk -v t="$tmed" 'BEGIN { print (t <= 2.0) ? "met" : "missed" }')
cat <<FIGURES | tee "$out/figures.txt"
== data export benchmark ==
member's posts       $posts (each with one revision)
$(cat "$out/check.txt")
first download       ${warm_s} s (warm-up), $size bytes
$runs downloads          min ${tmin} s, median ${tmed} s, max ${tmax} s  -> target <= 2 s: $met
each                 ${times[*]}
node RSS             ${rss_before} kB before, ${rss_after} kB after the downloads (heap -Xmx$heap)
FIGURES
