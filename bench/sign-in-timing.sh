#!/usr/bin/env bash
# Measures whether a failed sign-in takes the same time for an account that exists and for one
# that does not (issue 4: "take the same time whether or not it does"). Run it against a portal
# in demo mode on loopback, e.g. after `mvn -Prun` in another terminal:
#
#   bench/sign-in-timing.sh [http://127.0.0.1:8080] [rounds]
#
# Each round tries a wrong password for every demo account and for as many unknown logins, each
# from its own client address (X-Forwarded-For, believed from loopback) so that throttling does
# not answer early. The throttle allows 6 failures a minute per account: keep rounds <= 5.
# It prints the mean and median time of both kinds and their difference.
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
rounds="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

attempt() { # login -> seconds the POST took
    local login="$1" jar="$work/jar" page="$work/page" address="10.$((RANDOM % 250)).$((RANDOM % 250)).$((RANDOM % 250 + 1))"
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" -H "X-Forwarded-For: $address" "$base/sign-in" -o "$page"
    local state nonce
    state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$page" | sed 's/.*value="//;s/"$//' | head -1)
    nonce=$(grep -o 'name="primefaces.nonce" value="[^"]*"' "$page" | sed 's/.*value="//;s/"$//' | head -1)
    curl -s -c "$jar" -b "$jar" -H "X-Forwarded-For: $address" -o /dev/null -w '%{time_total}\n' \
        --data-urlencode "signIn=signIn" --data-urlencode "signIn:next=" \
        --data-urlencode "signIn:login=$login" --data-urlencode "signIn:password=wrong password $RANDOM" \
        --data-urlencode "signIn:submit=Sign in" --data-urlencode "primefaces.nonce=$nonce" \
        --data-urlencode "jakarta.faces.ViewState=$state" "$base/sign-in"
}

known=(ada morgan evelyn priya sam)
: > "$work/known"; : > "$work/unknown"
for ((round = 1; round <= rounds; round++)); do
    for login in "${known[@]}"; do
        attempt "$login" >> "$work/known"
        attempt "nobody-$RANDOM-$login" >> "$work/unknown"
    done
done

summary() { sort -n "$1" | awk '{ v[NR] = $1; sum += $1 } END { printf "n=%d mean=%.1f ms median=%.1f ms", NR, 1000 * sum / NR, 1000 * v[int((NR + 1) / 2)] }'; }
mean() { awk '{ s += $1 } END { print 1000 * s / NR }' "$1"; }
echo "existing accounts, wrong password: $(summary "$work/known")"
echo "unknown accounts:                  $(summary "$work/unknown")"
awk -v a="$(mean "$work/known")" -v b="$(mean "$work/unknown")" 'BEGIN { printf "difference of means: %.1f ms (%.1f %%)\n", a - b, 100 * (a - b) / b }'
