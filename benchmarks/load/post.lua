-- wrk script: POSTs one fixed body with a fixed X-oc-hash, and prints one machine-readable result line.
-- Set by benchmarks/load/run.sh through the environment:
--   LOAD_BODY   file holding the exact request body
--   LOAD_SIG    file holding its X-oc-hash value (optional; absent for the floor)
--   LOAD_NAME   the result's name
local function slurp(path)
   local f = assert(io.open(path, "rb"))
   local data = f:read("*a")
   f:close()
   return data
end

wrk.method = "POST"
wrk.body = slurp(os.getenv("LOAD_BODY"))
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
local sig = os.getenv("LOAD_SIG")
if sig ~= nil and sig ~= "" then
   wrk.headers["X-oc-hash"] = slurp(sig):gsub("%s+$", "")
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.status + e.timeout
   -- name, requests/s, p50 us, p99 us, requests, errors (any non-2xx counts), non-2xx answers
   io.write(string.format("RESULT\t%s\t%.1f\t%d\t%d\t%d\t%d\t%d\n", os.getenv("LOAD_NAME"),
      summary.requests / seconds, latency:percentile(50), latency:percentile(99), summary.requests, errors, e.status))
end
