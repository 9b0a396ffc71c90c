-- wrk script of bench/forum.sh. Without arguments every request is GET of the URL's path; with
-- arguments after "--" (paths such as /search?q=word) the requests cycle through them. No cookie
-- is ever sent. Other arguments:
--   @FILE     the paths of FILE, one per line, as if each were an argument;
--   split=T   wrk runs T threads (-tT) and each takes its own share of the paths (thread 1 the 1st,
--             (T+1)th, ...; thread 2 the 2nd, ...), so that no path is asked twice before every
--             path was asked once (without it every thread cycles through all of them in the same
--             order, and the threads ask for the same path at about the same time);
--   cache     counts the answers by their X-Colloquy-Cache header (hit, stale, miss, bypass; none
--             when absent). Reading headers costs wrk time: only for the slower search runs.
-- At the end it prints one machine-readable line (latencies in microseconds):
--   BENCH requests=N seconds=S rps=R p50_us=.. p95_us=.. p99_us=.. max_us=.. non2xx=.. errors=..
-- and with "cache", after errors: hit=.. stale=.. miss=.. bypass=.. none=.. (answers counted).
local paths = {}
local next_path = 0
local step = 1
local threads = {}
local states = {"hit", "stale", "miss", "bypass", "none"}

-- In the main Lua state, once per thread before its init: a number for the thread, and a way to
-- read its counters in done().
function setup(thread)
    threads[#threads + 1] = thread
    thread:set("number", #threads)
end

function init(args)
    local split = 1
    for _, arg in ipairs(args) do
        if arg == "cache" then
            counting = true
            for _, state in ipairs(states) do
                _G["count_" .. state] = 0
            end
            -- Defined only when asked for: wrk parses the headers of every answer when it exists.
            response = function(status, headers, body)
                local state = headers["X-Colloquy-Cache"]
                if state == nil then
                    for name, value in pairs(headers) do
                        if name:lower() == "x-colloquy-cache" then
                            state = value
                        end
                    end
                end
                state = state or "none"
                local name = "count_" .. state
                if _G[name] == nil then
                    name = "count_none"
                end
                _G[name] = _G[name] + 1
            end
        elseif arg:match("^split=%d+$") then
            split = tonumber(arg:sub(7))
        elseif arg:sub(1, 1) == "@" then
            for line in io.lines(arg:sub(2)) do
                if line ~= "" then
                    paths[#paths + 1] = line
                end
            end
        else
            paths[#paths + 1] = arg
        end
    end
    if split > 1 then
        -- Thread n asks for paths n, n + split, n + 2 * split, ... (1-based), then starts over.
        step = split
        next_path = (number - 1) % split
    end
end

function request()
    if #paths == 0 then
        return wrk.format("GET", wrk.path)
    end
    local path = paths[next_path % #paths + 1]
    next_path = next_path + step
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local e = summary.errors
    local seconds = summary.duration / 1000000
    local line = string.format(
        "BENCH requests=%d seconds=%.1f rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d errors=%d",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
        e.status, e.connect + e.read + e.write + e.timeout)
    if #threads > 0 and threads[1]:get("counting") then
        for _, state in ipairs(states) do
            local total = 0
            for _, thread in ipairs(threads) do
                total = total + (thread:get("count_" .. state) or 0)
            end
            line = line .. string.format(" %s=%d", state, total)
        end
    end
    io.write(line .. "\n")
end
