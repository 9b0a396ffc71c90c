#!/usr/bin/env bash
# Issue 6, "Speed": how fast an anonymous reader gets a forum topic page, next to nginx serving a
# static copy of the same bytes, and how fast search answers. Starts one Payara Micro node of the
# built WAR on a fresh PostgreSQL database (loopback only, phone-home off, no Hazelcast), seeds N
# posts with SQL (bench/forum-seed.sql), then runs wrk (bench/forum.lua) on loopback.
#
#   mvn -B -ntp -o -q -DskipTests package      # target/colloquy.war and target/payara-micro.jar
#   bench/forum.sh                              # 10k posts, 30 s per measurement
#   bench/forum.sh --posts 1M                   # the big run (seeding writes ~1 GB)
#   bench/forum.sh --posts 10k --seconds 10 --warmup 5 --drop-db
#
# Options: --posts N (10000, 10k, 1M), --seconds S per measurement (30), --warmup S (10; the uncached
# search warms up for at least 60 s),
# --connections C (16), --search-connections "C1 C2 ..." (the uncached search is measured once at
# each of these numbers of connections; default: C), --db NAME (colloquy_bench), --drop-db (drop it
# at the end; by default it is left for inspection).
# When the page allows shared caching it also measures the portal behind nginx's proxy_cache (an
# extra figure: what a caching reverse proxy gives; the targets are on the portal itself).
# Targets (issue 6): portal/static >= 0.05 and portal p99 <= 50 ms at 16 connections; search p95
# <= 40 ms on 1M posts. They are reported as met or missed. Search is measured twice: nine queries
# in turn, which anonymous readers now get mostly from the node's micro-cache (decision 0049), and
# a few thousand distinct queries, each request a different query string, which the cache cannot
# answer: what a search costs, and what a signed-in member (never cached) always gets. Both print
# the share of answers the cache gave (X-Colloquy-Cache); the uncached one also the CPU per search of
# the node and of PostgreSQL. The search part is skipped when /search answers 404 (a build without
# search).
# Exit status: 0 when the run completed (whether or not the targets are met), 2 when it broke
# (no WAR, node did not start, seeding failed, the page did not answer 200, wrk failed).
# The last lines are the figures block; it and the details (node log, page headers, query plans)
# stay in target/bench-forum/.
set -euo pipefail
cd "$(dirname "$0")/.."

posts=10000
seconds=30
warmup=10
connections=16
search_connections=
db=colloquy_bench
drop_db=
while (($#)); do
    case "$1" in
        --posts) posts="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --search-connections) search_connections="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --drop-db) drop_db=1; shift ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$posts" in
    *[kK]) posts=$((${posts%[kK]} * 1000)) ;;
    *[mM]) posts=$((${posts%[mM]} * 1000000)) ;;
esac
[[ $posts =~ ^[0-9]+$ && $posts -ge 100 ]] || { echo "--posts must be a number >= 100 (10k, 1M)" >&2; exit 2; }
search_connections=${search_connections:-$connections}
[[ $search_connections =~ ^[1-9][0-9]*( [1-9][0-9]*)*$ ]] || { echo "--search-connections must be numbers >= 1, separated by spaces" >&2; exit 2; }
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--db must be a plain lower-case name" >&2; exit 2; }

portal_port=8191
static_port=8190
cache_port=8192
war=target/colloquy.war
jar=target/payara-micro.jar
out="$PWD/target/bench-forum"
portal="http://127.0.0.1:$portal_port"

log() { printf '[forum-bench %s] %s\n' "$(date +%T)" "$*"; }
die() { log "BROKEN RUN: $*" >&2; exit 2; }

[[ -f $war ]] || die "no $war: build it first with mvn -B -ntp -o -q -DskipTests package"
[[ -f $jar ]] || die "no $jar: it is copied there by mvn package"
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v nginx >/dev/null || die "nginx is not installed (apt-get install -y nginx)"
for port in "$portal_port" "$static_port" "$cache_port"; do
    if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is in use"; fi
done

work=$(mktemp -d /tmp/colloquy-forum-bench.XXXXXX)
node_pid=
nginx_started=
finished=
cleanup() {
    [[ -n $finished ]] && return
    finished=1
    if [[ -n $nginx_started ]]; then
        nginx -p "$work/nginx" -c conf/nginx.conf -e logs/error.log -s stop 2>/dev/null || true
    fi
    if [[ -n $node_pid ]] && kill -0 "$node_pid" 2>/dev/null; then
        kill -TERM "$node_pid" 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$node_pid" 2>/dev/null && kill -KILL "$node_pid" 2>/dev/null || true
    fi
    [[ -f $work/node.log ]] && cp "$work/node.log" "$out/node.log" 2>/dev/null || true
    rm -rf "$work"
    if [[ -n $drop_db ]]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
        log "dropped database $db"
    fi
}
trap cleanup EXIT
trap 'log interrupted; exit 130' INT TERM

rm -rf "$out"
mkdir -p "$out" "$work/nginx/conf" "$work/nginx/logs" "$work/nginx/html"
sql() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"; }

# 1. A fresh database and one node on it.
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432"
psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db ENCODING 'UTF8'" \
    || die "cannot create database $db"
log "fresh database $db"

COLLOQUY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
COLLOQUY_DB_USER=postgres COLLOQUY_DB_PASSWORD=postgres \
COLLOQUY_SITE_URL="$portal" \
java -Xmx768m -Dhazelcast.phone.home.enabled=false \
    -jar "$jar" --deploy "$war" --contextroot / --port "$portal_port" \
    --rootdir "$work/node" --disablephonehome --nohazelcast \
    --prebootcommandfile src/main/payara/loopback.asadmin \
    > "$work/node.log" 2>&1 &
node_pid=$!
log "node pid $node_pid on $portal"
t0=$SECONDS
until curl -fsS -m 5 "$portal/health/ready" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$node_pid" 2>/dev/null || die "the node exited (see $out/node.log)"
    ((SECONDS - t0 < 240)) || die "the node was not ready after 240 s (see $out/node.log)"
    sleep 2
done
log "node ready after $((SECONDS - t0)) s"
if ss -Hltnp | grep "pid=$node_pid," | awk '{print $4}' | grep -vqE '^(\[::ffff:)?127\.0\.0\.1\]?:'; then
    die "the node listens on a non-loopback address"
fi

# 2. Seed.
log "seeding $posts posts"
t0=$SECONDS
sql -v posts="$posts" -f bench/forum-seed.sql > "$out/seed.log" 2>&1 || { cat "$out/seed.log"; die "seeding failed"; }
seed_s=$((SECONDS - t0))
t0=$SECONDS
sql -c "VACUUM (ANALYZE) member, forum_category, forum_topic, forum_post" || die "VACUUM ANALYZE failed"
analyze_s=$((SECONDS - t0))
read -r n_posts n_topics n_members n_categories db_size < <(sql -F ' ' -c "
    SELECT (SELECT count(*) FROM forum_post), (SELECT count(*) FROM forum_topic), (SELECT count(*) FROM member),
           (SELECT count(*) FROM forum_category), pg_size_pretty(pg_database_size(current_database()))" | tr '|' ' ')
inconsistent=$(sql -c "
    SELECT (SELECT count(*) FROM forum_topic t WHERE t.post_count <> (SELECT count(*) FROM forum_post p WHERE p.topic_id = t.id)
                                              OR t.last_author_id IS NULL)
         + (SELECT count(*) FROM forum_category c WHERE c.topic_count <> (SELECT count(*) FROM forum_topic t WHERE t.category_id = c.id)
                                                  OR c.post_count <> (SELECT coalesce(sum(post_count), 0) FROM forum_topic t WHERE t.category_id = c.id))")
[[ $inconsistent == 0 ]] || die "$inconsistent topics or categories have counters that do not match their rows"
# Search reads body_text (and its tsvector): a post without text would make search look cheaper.
textless=$(sql -c "SELECT count(*) FROM forum_post WHERE body_text = '' AND NOT deleted")
[[ $textless == 0 ]] || die "$textless posts have no body_text: search would not see them"
log "seeded in ${seed_s} s (+ ${analyze_s} s VACUUM ANALYZE): $n_posts posts, $n_topics topics, $n_members members, $n_categories categories, database $db_size"

# 3. The page: a seeded topic with at least 20 posts, page 1, anonymous.
IFS='|' read -r topic_id topic_slug topic_posts < <(sql -c "
    SELECT t.id, t.slug, t.post_count FROM forum_topic t JOIN forum_category c ON c.id = t.category_id
    WHERE c.slug LIKE 'bench-%' AND c.visibility = 'PUBLIC' AND t.post_count >= 20
    ORDER BY abs(t.post_count - 100), t.id LIMIT 1")
[[ -n ${topic_id:-} ]] || die "no seeded topic with 20 posts or more"
page_path="/t/$topic_id/$topic_slug"
code=$(curl -sS -m 30 -D "$out/topic-headers.txt" -o "$work/nginx/html/page.html" -w '%{http_code}' "$portal$page_path") || die "GET $page_path failed"
[[ $code == 200 ]] || die "GET $page_path answered $code"
page_bytes=$(stat -c %s "$work/nginx/html/page.html")
cp "$work/nginx/html/page.html" "$out/topic-page.html"
posts_shown=$(grep -o 'class="post__author" id="post-[0-9]*-by"' "$out/topic-page.html" | wc -l)
((posts_shown == 20)) || die "$page_path shows $posts_shown posts, not 20"
set_cookie=$(grep -i '^set-cookie:' "$out/topic-headers.txt" | sed 's/\r$//' | cut -d';' -f1 | tr '\n' ' ' || true)
cache_control=$(grep -i '^cache-control:' "$out/topic-headers.txt" | sed 's/\r$//; s/^[^:]*: *//' | tr '\n' ' ' || true)
cache_control=${cache_control% }
leaks=$(grep -c -i -E 'benchreal|bench\.invalid' "$out/topic-page.html" || true)
log "page $page_path: 200, $page_bytes bytes, 20 posts, Set-Cookie: ${set_cookie:-none}, Cache-Control: ${cache_control:-none}"

# What one page costs the database: PostgreSQL's counters over 50 sequential requests. A backend
# reports its counters when it goes idle, at most once a second, else within 10 s (PostgreSQL 15):
# wait 11 s on both sides. Index scans of an IN list count one per value (member: one per author).
stats() {
    sql -F ' ' -c "
        SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
               coalesce(sum(idx_scan) FILTER (WHERE relname = 'forum_topic'), 0),
               coalesce(sum(idx_scan) FILTER (WHERE relname = 'forum_category'), 0),
               coalesce(sum(idx_scan) FILTER (WHERE relname = 'forum_post'), 0),
               coalesce(sum(idx_scan) FILTER (WHERE relname = 'member'), 0),
               coalesce(sum(seq_scan) FILTER (WHERE relname IN ('forum_topic', 'forum_category', 'forum_post', 'member')), 0),
               coalesce(sum(idx_scan + seq_scan) FILTER (WHERE relname NOT IN ('forum_topic', 'forum_category', 'forum_post', 'member')), 0)
        FROM pg_stat_user_tables" | tr '|' ' '
}
sleep 11
read -r -a before < <(stats)
for ((i = 0; i < 50; i++)); do curl -s -o /dev/null "$portal$page_path"; done
sleep 11
read -r -a after < <(stats)
per_page() { awk -v a="${after[$1]}" -v b="${before[$1]}" 'BEGIN { printf "%.1f", (a - b) / 50 }'; }
db_per_page="transactions=$(per_page 0) idx_scans: topic=$(per_page 1) category=$(per_page 2) post=$(per_page 3) member=$(per_page 4) seq_scans(forum+member)=$(per_page 5) other_tables=$(per_page 6)"
log "database work per page (50 requests): $db_per_page"
# The plans of the page's three statements (the shapes EclipseLink sends), for the report.
{
    sql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT t.*, c.* FROM forum_topic t, forum_category c WHERE t.id = $topic_id AND c.id = t.category_id"
    sql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM forum_post WHERE topic_id = $topic_id AND post_number > 0 AND post_number <= 20 ORDER BY post_number"
    sql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT id, username FROM member WHERE id IN (SELECT author_id FROM forum_post WHERE topic_id = $topic_id AND post_number <= 20)"
} > "$out/explain.txt"

# 4. nginx with the same bytes on another loopback port.
chmod 755 "$work" "$work/nginx" "$work/nginx/html"
chmod 644 "$work/nginx/html/page.html"
cat > "$work/nginx/conf/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/logs/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp-body;
    proxy_temp_path $work/nginx/tmp-proxy;
    fastcgi_temp_path $work/nginx/tmp-fastcgi;
    uwsgi_temp_path $work/nginx/tmp-uwsgi;
    scgi_temp_path $work/nginx/tmp-scgi;
    server {
        listen 127.0.0.1:$static_port;
        root $work/nginx/html;
        default_type text/html;
        location / { try_files /page.html =404; }
    }
    # The portal behind a caching proxy that follows the page's own Cache-Control (an extra figure).
    proxy_cache_path $work/nginx/cache keys_zone=pages:1m max_size=50m;
    upstream portal { server 127.0.0.1:$portal_port; keepalive 16; }
    server {
        listen 127.0.0.1:$cache_port;
        location / {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_cache pages;
            proxy_cache_lock on;
            add_header X-Cache-Status \$upstream_cache_status;
        }
    }
}
EOF
nginx -q -t -p "$work/nginx" -c conf/nginx.conf -e logs/error.log || die "nginx configuration"
nginx -p "$work/nginx" -c conf/nginx.conf -e logs/error.log || die "nginx did not start"
nginx_started=1
cmp -s <(curl -sS -m 5 "http://127.0.0.1:$static_port$page_path") "$out/topic-page.html" || die "nginx does not serve the copy"
log "nginx serves the same $page_bytes bytes on 127.0.0.1:$static_port (1 worker, no access log)"

# 5. wrk: warm-up (not counted), the portal, then the static copy.
wrk_threads=2
measure() { # name url duration [arguments of bench/forum.lua...] -> BENCH line, full wrk output kept in $out/wrk-<name>.txt
    local name=$1 url=$2 duration=$3
    shift 3
    local args=()
    (($#)) && args=(-- "$@")
    local c=${measure_connections:-$connections}
    wrk -t"$((c < wrk_threads ? c : wrk_threads))" -c"$c" -d"${duration}s" --latency -s bench/forum.lua "$url" "${args[@]}" > "$out/wrk-$name.txt" 2>&1 \
        || { cat "$out/wrk-$name.txt"; die "wrk failed ($name)"; }
    grep '^BENCH ' "$out/wrk-$name.txt" || die "wrk printed no figures ($name)"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
cache_share() { # BENCH line of a run with "cache" -> "NN.N % from the cache (hit H, stale S, miss M, bypass B, none N)"
    awk -v h="$(field "$1" hit)" -v s="$(field "$1" stale)" -v m="$(field "$1" miss)" -v b="$(field "$1" bypass)" -v n="$(field "$1" none)" \
        'BEGIN { t = h + s + m + b + n; printf "%.1f %% from the cache (hit %d, stale %d, miss %d, bypass %d, no header %d)", t ? 100 * (h + s) / t : 0, h, s, m, b, n }'
}
broken_share() { # BENCH line -> whether more than 1 % of the requests failed
    awk -v r="$(field "$1" requests)" -v n="$(field "$1" non2xx)" -v e="$(field "$1" errors)" 'BEGIN { exit !(r == 0 || (n + e) > r / 100) }'
}

# The node's own CPU time (user + system) per answered request: unlike requests/s it hardly depends
# on what else the machine is doing.
clock_ticks=$(getconf CLK_TCK)
node_ticks() { awk '{ print $14 + $15 }' "/proc/$node_pid/stat"; }
cpu_per_request() { # ticks_before ticks_after BENCH-line -> "X.X ms CPU/request, Y.YY cores"
    awk -v a="$1" -v b="$2" -v hz="$clock_ticks" -v r="$(field "$3" requests)" -v s="$(field "$3" seconds)" \
        'BEGIN { printf "%.1f ms CPU/request, %.2f cores", 1000 * (b - a) / hz / r, (b - a) / hz / s }'
}

# The database's CPU time per request: what the PostgreSQL backends serving this database (the node's
# pooled connections) spent, from /proc like the node's. A backend that ends during the measurement is
# not counted (the pool keeps its connections), so this is a lower bound.
declare -A db_ticks0=()
db_pids() { sql -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"; }
db_ticks_start() {
    db_ticks0=()
    local pid
    for pid in $(db_pids); do
        [[ -r /proc/$pid/stat ]] && db_ticks0[$pid]=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    done
    return 0
}
db_cpu_per_request() { # BENCH-line -> "X.X ms CPU/request, Y.YY cores"
    local pid ticks=0 now
    for pid in $(db_pids); do
        [[ -r /proc/$pid/stat ]] || continue
        now=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
        ticks=$((ticks + now - ${db_ticks0[$pid]:-0}))
    done
    cpu_per_request 0 "$ticks" "$1"
}

log "warm-up: ${warmup} s on the portal (not counted)"
measure warmup "$portal$page_path" "$warmup" > /dev/null
load_portal=$(uptime | sed 's/.*load average: //')
log "portal: ${seconds} s, $connections connections (load before: $load_portal)"
ticks0=$(node_ticks)
portal_line=$(measure portal "$portal$page_path" "$seconds")
portal_cpu=$(cpu_per_request "$ticks0" "$(node_ticks)" "$portal_line")
log "$portal_line ($portal_cpu)"
# For comparison: a Faces page of the same layout that reads nothing from the forums.
baseline_path=/cookies
measure baseline-warmup "$portal$baseline_path" 5 > /dev/null
ticks0=$(node_ticks)
baseline_line=$(measure baseline "$portal$baseline_path" 10)
baseline_cpu=$(cpu_per_request "$ticks0" "$(node_ticks)" "$baseline_line")
log "baseline $baseline_path: $baseline_line ($baseline_cpu)"
load_static=$(uptime | sed 's/.*load average: //')
log "static: ${seconds} s, $connections connections (load before: $load_static)"
static_line=$(measure static "http://127.0.0.1:$static_port$page_path" "$seconds")
log "$static_line"
cached_line=
if [[ $cache_control == *public* ]]; then
    curl -s -o /dev/null "http://127.0.0.1:$cache_port$page_path"
    cache_status=$(curl -s -D - -o /dev/null "http://127.0.0.1:$cache_port$page_path" | sed -n 's/^X-Cache-Status: *\([A-Z]*\).*/\1/ip')
    log "cached: nginx proxy_cache in front of the portal, ${seconds} s (second request: $cache_status)"
    cached_line=$(measure cached "http://127.0.0.1:$cache_port$page_path" "$seconds")
    log "$cached_line"
else
    log "cached: skipped, the page allows no shared caching (Cache-Control: ${cache_control:-none})"
fi
broken_share "$portal_line" && die "more than 1 % of the portal's answers failed (see $out/wrk-portal.txt)"
broken_share "$static_line" && die "more than 1 % of nginx's answers failed"
[[ -z $cached_line ]] || ! broken_share "$cached_line" || die "more than 1 % of the cached answers failed"
after_cookie=$(curl -s -m 10 -D - -o /dev/null "$portal$page_path" | grep -ci '^set-cookie:' || true)

# 6. Search.
search_code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$portal/search?q=x" || true)
search_line=
distinct_line=
search_terms=()
if [[ $search_code == 404 ]]; then
    log "search: no /search on this build (/search?q=x answered 404): skipped"
else
    # The words of bench/forum-seed.sql's vocabulary by rank (same expression): rank 1 is the
    # most frequent, ranks above 2000 are rare.
    word_expr="s[1 + i % 16] || v[1 + (i / 16) % 5] || s[1 + (i / 80) % 16] || v[1 + (i / 1280) % 5]
                  || CASE WHEN i % 3 = 0 THEN s[1 + (i * 7) % 16] || v[1 + (i * 3) % 5] ELSE '' END
                  || CASE WHEN i % 4 = 1 THEN 'n' WHEN i % 4 = 2 THEN 'r' ELSE '' END"
    word_from="(SELECT '{b,c,d,f,g,k,l,m,n,p,r,s,t,v,z,qu}'::text[] AS s, '{a,e,i,o,u}'::text[] AS v) a"
    w() { sql -c "SELECT $word_expr FROM $word_from, unnest(ARRAY[$1]) i"; }
    # On 1M posts rank 1 is in ~94 % of the posts, rank 40 in ~12 %, ranks near 2700 in ~0.25 %.
    # rare: 2 and one that matches nothing (a typo); common: 3; two words: 3.
    search_terms=("$(w 2711)" "$(w 2950)" "qwzxyq" "$(w 1)" "$(w 2)" "$(w 5)" "$(w 3)+$(w 40)" "$(w 25)+$(w 300)" "$(w 60)+$(w 2100)")
    search_paths=()
    search_bytes=
    for term in "${search_terms[@]}"; do
        search_paths+=("/search?q=$term")
        c=$(curl -s -m 30 -o "$work/search.html" -w '%{http_code} %{size_download}' "$portal/search?q=$term" || true)
        log "search q=$term: $c bytes"
        [[ ${c%% *} == 200 ]] || die "/search?q=$term answered ${c%% *}"
        search_bytes="$search_bytes ${c#* }"
    done
    # The second anonymous request of a search within a few seconds is answered from the node's
    # memory (decision 0049); a request with a session cookie never is.
    check_path="/search?q=$(w 7)"
    cache_state() { curl -s -m 30 -o /dev/null -D - "$@" "$portal$check_path" | sed -n 's/^X-Colloquy-Cache: *\([a-z]*\).*/\1/ip'; }
    search_cache_check="$(cache_state) $(cache_state) $(cache_state -H 'Cookie: JSESSIONID=bench-no-such-session')"
    log "search cache: anonymous, anonymous again, with a session cookie: ${search_cache_check:-no X-Colloquy-Cache header}"

    measure search-warmup "$portal/search" 5 "${search_paths[@]}" > /dev/null
    load_search=$(uptime | sed 's/.*load average: //')
    log "search (cached): ${seconds} s, $connections connections, ${#search_paths[@]} queries in turn (load before: $load_search)"
    search_line=$(measure search "$portal/search" "$seconds" "${search_paths[@]}" cache)
    log "$search_line"
    broken_share "$search_line" && die "more than 1 % of the search answers failed (see $out/wrk-search.txt)"

    # Uncached: every word of the vocabulary once (3000, from the most common to the rarest) and
    # 1000 pairs (one of the 400 most common words with any word; some find nothing), shuffled the
    # same way each run. wrk's threads take alternate queries (split), so no query string is asked
    # twice before all of them were, and the cache cannot answer any: it keeps at most 100 search
    # pages (colloquy.page-cache.max-search-pages), the least recently used going first, so by the
    # time a query comes round again the thousands asked since have pushed its copy out.
    sql -c "WITH vocab AS (SELECT i, $word_expr AS w FROM $word_from, generate_series(1, 3000) i)
            SELECT '/search?q=' || q FROM (
                SELECT w AS q, md5('word' || i) AS k FROM vocab
                UNION ALL
                SELECT x.w || '+' || y.w, md5('pair' || n) FROM generate_series(1, 1000) n
                JOIN vocab x ON x.i = 1 + (n * 37) % 400 JOIN vocab y ON y.i = 1 + (n * 101 + 13) % 3000
            ) queries GROUP BY q ORDER BY min(k)" > "$out/search-queries.txt" || die "could not list the search queries"
    distinct_queries=$(wc -l < "$out/search-queries.txt")
    ((distinct_queries >= 1000)) || die "only $distinct_queries distinct search queries"
    # Once per number of connections asked for (--search-connections): how a search's latency grows
    # with the searches waiting for the same two cores. wrk's threads (at most one per connection)
    # split the queries.
    # A warm-up first (not counted), so that the node has compiled the search's code before the first
    # measurement: the same queries from the end of the list backwards, so that the pages the cache
    # keeps at the end of it (the 100 asked last) are not the ones measured first.
    # At least 60 s: the JIT compiler works on a search's code (Faces, EclipseLink, the driver) for
    # about a minute of searching, during which a search costs the node two to three times its CPU.
    tac "$out/search-queries.txt" > "$work/search-queries-warmup.txt"
    search_warmup=$((warmup > 60 ? warmup : 60))
    log "search (uncached) warm-up: ${search_warmup} s, 4 connections (not counted)"
    measure_connections=4 measure search-distinct-warmup "$portal/search" "$search_warmup" "@$work/search-queries-warmup.txt" "split=$wrk_threads" > /dev/null
    distinct_lines=()
    distinct_cpus=()
    distinct_loads=()
    for c in $search_connections; do
        threads=$((c < wrk_threads ? c : wrk_threads))
        load_distinct=$(uptime | sed 's/.*load average: //')
        log "search (uncached): ${seconds} s, $c connections, $distinct_queries distinct queries (load before: $load_distinct)"
        ticks0=$(node_ticks)
        db_ticks_start
        distinct_line=$(measure_connections=$c measure "search-distinct-$c" "$portal/search" "$seconds" "@$out/search-queries.txt" "split=$threads" cache)
        distinct_cpu="node $(cpu_per_request "$ticks0" "$(node_ticks)" "$distinct_line"); database $(db_cpu_per_request "$distinct_line")"
        log "$distinct_line ($distinct_cpu)"
        broken_share "$distinct_line" && die "more than 1 % of the uncached search answers failed (see $out/wrk-search-distinct-$c.txt)"
        distinct_lines+=("$distinct_line")
        distinct_cpus+=("$distinct_cpu")
        distinct_loads+=("$load_distinct")
    done
fi

# 7. Figures.
p_rps=$(field "$portal_line" rps); s_rps=$(field "$static_line" rps)
p_p99=$(field "$portal_line" p99_us)
ratio=$(awk -v p="$p_rps" -v s="$s_rps" 'BEGIN { printf "%.4f", p / s }')
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "met" : "MISSED" }'; }
{
    echo "== forum benchmark $(date -u +%FT%TZ) on $(nproc) cores, $(hostname) =="
    echo "data: posts=$n_posts topics=$n_topics members=$n_members categories=$n_categories database=$db_size seed=${seed_s}s vacuum_analyze=${analyze_s}s"
    echo "page: $page_path (topic of $topic_posts posts, page 1 of 20 posts, $page_bytes bytes, anonymous)"
    echo "headers: Set-Cookie: ${set_cookie:-none} (after the load: $after_cookie); Cache-Control: ${cache_control:-none}"
    echo "privacy: real names or emails of seeded members in the page: $leaks"
    echo "database per page: $db_per_page"
    echo "portal: rps=$p_rps p50=$(ms "$(field "$portal_line" p50_us)") ms p99=$(ms "$p_p99") ms non2xx=$(field "$portal_line" non2xx) errors=$(field "$portal_line" errors) (load before: $load_portal)"
    echo "portal node CPU: $portal_cpu; baseline $baseline_path ($(curl -s -o /dev/null -w '%{size_download}' "$portal$baseline_path") bytes, no forum data, 10 s): rps=$(field "$baseline_line" rps) p50=$(ms "$(field "$baseline_line" p50_us)") ms, $baseline_cpu"
    echo "static: rps=$s_rps p50=$(ms "$(field "$static_line" p50_us)") ms p99=$(ms "$(field "$static_line" p99_us)") ms (load before: $load_static)"
    if [[ -n $cached_line ]]; then
        echo "portal behind nginx proxy_cache (page's Cache-Control): rps=$(field "$cached_line" rps) p50=$(ms "$(field "$cached_line" p50_us)") ms p99=$(ms "$(field "$cached_line" p99_us)") ms ratio to static=$(awk -v p="$(field "$cached_line" rps)" -v s="$s_rps" 'BEGIN { printf "%.4f", p / s }') (extra figure, not the target)"
    fi
    echo "ratio portal/static: $ratio (target >= 0.05: $(verdict "$ratio" 0.05 '>='))"
    echo "portal p99: $(ms "$p_p99") ms (target <= 50 ms at $connections connections: $(verdict "$(ms "$p_p99")" 50 '<='))"
    if [[ -n $search_line ]]; then
        q_p95=$(ms "$(field "$search_line" p95_us)")
        echo "search pages: bytes of the nine:$search_bytes; cache check (anonymous, again, session cookie): $search_cache_check"
        echo "search, cached (nine queries in turn, anonymous: mostly answered from the node's micro-cache, not searched): terms=${search_terms[*]} rps=$(field "$search_line" rps) p50=$(ms "$(field "$search_line" p50_us)") ms p95=$q_p95 ms p99=$(ms "$(field "$search_line" p99_us)") ms; $(cache_share "$search_line") (load before: $load_search)"
        i=0
        for c in $search_connections; do
            distinct_line=${distinct_lines[$i]}
            echo "search, uncached, $c connections ($distinct_queries distinct queries, each request a different query string: what a search costs, and what a signed-in member always gets): rps=$(field "$distinct_line" rps) p50=$(ms "$(field "$distinct_line" p50_us)") ms p95=$(ms "$(field "$distinct_line" p95_us)") ms p99=$(ms "$(field "$distinct_line" p99_us)") ms; $(cache_share "$distinct_line"); CPU per search: ${distinct_cpus[$i]} (load before: ${distinct_loads[$i]})"
            i=$((i + 1))
        done
        echo "search p95, cached: $q_p95 ms (target <= 40 ms on 1M posts, this run $n_posts posts: $(verdict "$q_p95" 40 '<=')) -- repeated anonymous searches, served from memory"
        i=0
        for c in $search_connections; do
            d_p95=$(ms "$(field "${distinct_lines[$i]}" p95_us)")
            echo "search p95, uncached, $c connections: $d_p95 ms (target <= 40 ms on 1M posts, this run $n_posts posts: $(verdict "$d_p95" 40 '<=')) -- the honest figure for search itself"
            i=$((i + 1))
        done
    else
        echo "search: no /search on this build: skipped"
    fi
} | tee "$out/figures.txt"
