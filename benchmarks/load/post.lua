-- wrk script: POSTs one fixed body with a fixed X-oc-hash, and prints machine-readable result lines.
-- Set by benchmarks/load/run.sh through the environment:
--   LOAD_BODY      file holding the exact request body
--   LOAD_SIG       file holding its X-oc-hash value (optional; absent for the floor)
--   LOAD_NAME      the result's name
--   LOAD_STATUSES  "1": also count every non-2xx answer by status and keep the first answer of each status (its
--                  Content-Type and up to 300 characters of body). This defines wrk's response() callback, which
--                  makes wrk hand every answer to Lua, so run.sh turns it on for warm-ups only unless asked.
-- Output (tab-separated): RESULT name req/s p50us p99us requests errors non2xx connect read write timeout
--                         STATUS name status count          (LOAD_STATUSES=1, one per non-2xx status)
--                         SAMPLE name status text           (LOAD_STATUSES=1, the first answer of that status)
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

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

-- per wrk thread: non-2xx answers by status, and the first answer of each status
statuses = {}
samples = {}

if os.getenv("LOAD_STATUSES") == "1" then
   function response(status, headers, body)
      if status < 200 or status > 299 then
         local key = tostring(status)
         statuses[key] = (statuses[key] or 0) + 1
         if samples[key] == nil then
            local text = (headers["Content-Type"] or "-") .. " " .. (body or "")
            samples[key] = text:sub(1, 300):gsub("[%c]", " ")
         end
      end
   end
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.status + e.timeout
   local name = os.getenv("LOAD_NAME")
   io.write(string.format("RESULT\t%s\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", name,
      summary.requests / seconds, latency:percentile(50), latency:percentile(99), summary.requests, errors, e.status,
      e.connect, e.read, e.write, e.timeout))
   local counts, firsts = {}, {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         counts[status] = (counts[status] or 0) + count
      end
      for status, text in pairs(thread:get("samples") or {}) do
         if firsts[status] == nil then firsts[status] = text end
      end
   end
   for status, count in pairs(counts) do
      io.write(string.format("STATUS\t%s\t%s\t%d\n", name, status, count))
      io.write(string.format("SAMPLE\t%s\t%s\t%s\n", name, status, firsts[status] or ""))
   end
end
