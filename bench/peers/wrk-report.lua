-- wrk script for bench/peers.sh: prints one JSON line with what wrk counted and its latency percentiles (µs).
-- WRK_DELAY_MS > 0 makes every connection wait that long before each request (wrk has no fixed-rate mode; with
-- C connections and a delay of C*1000/rate ms it sends close to `rate` requests/s while responses stay fast).
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'PEER_RESULT {"requests":%d,"seconds":%.6f,"errors":%d,"p50Us":%.1f,"p95Us":%.1f,"p99Us":%.1f,"maxUs":%.1f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
