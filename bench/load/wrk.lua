-- wrk script for knie.py: GET WRK_PAD, each request from its own client address behind the
-- (simulated) proxy; with WRK_UNIEK=1 every URL is new, so the anonymous page cache never
-- answers. Prints one line: requests, errors, p50, p95 and p99 in milliseconds.
local pad = os.getenv("WRK_PAD")
local uniek = os.getenv("WRK_UNIEK") == "1"
local teller = 0
local draad = math.random(1, 200)

request = function()
  teller = teller + 1
  local url = pad
  if uniek then
    local scheiding = string.find(pad, "?", 1, true) and "&" or "?"
    url = pad .. scheiding .. "n=" .. draad .. "-" .. teller
  end
  local adres = "198.19." .. draad .. "." .. (teller % 250 + 1)
  return wrk.format("GET", url, { ["X-Forwarded-For"] = adres })
end

done = function(summary, latency, requests)
  local fouten = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("UITSLAG %d %d %.1f %.1f %.1f %.2f\n", summary.requests, fouten,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.duration / 1e6))
end
