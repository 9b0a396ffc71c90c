-- wrk script of bench/forum.sh. Without arguments every request is GET of the URL's path; with
-- arguments after "--" (paths such as /search?q=word) the requests cycle through them. No cookie
-- is ever sent. At the end it prints one machine-readable line (latencies in microseconds):
--   BENCH requests=N seconds=S rps=R p50_us=.. p95_us=.. p99_us=.. max_us=.. non2xx=.. errors=..
local paths = {}
local next_path = 0

function init(args)
    for _, path in ipairs(args) do
        paths[#paths + 1] = path
    end
end

function request()
    if #paths == 0 then
        return wrk.format("GET", wrk.path)
    end
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
    local e = summary.errors
    local seconds = summary.duration / 1000000
    io.write(string.format(
        "BENCH requests=%d seconds=%.1f rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
        e.status, e.connect + e.read + e.write + e.timeout))
end
