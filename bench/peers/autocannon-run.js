// autocannon for bench/peers.sh: node autocannon-run.js URL CONNECTIONS SECONDS [RATE]
// Prints one JSON line with what autocannon counted. With RATE it sends at that overall rate (--overallRate) and
// takes every response time from its 'response' event (fractional ms), since its own histogram keeps whole ms.
'use strict'
const autocannon = require('autocannon')

const [url, connections, seconds, rate] = process.argv.slice(2)
const times = []
const opts = { url, connections: Number(connections), duration: Number(seconds) }
if (rate) {
  opts.overallRate = Number(rate)
}
const instance = autocannon(opts, (err, result) => {
  if (err) {
    console.error(err)
    process.exit(1)
  }
  const out = {
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.timeouts + result.non2xx
  }
  if (rate) {
    times.sort((a, b) => a - b)
    const at = (p) => times.length === 0 ? 0 : 1000 * times[Math.min(times.length - 1, Math.ceil(p / 100 * times.length) - 1)]
    Object.assign(out, { p50Us: at(50), p95Us: at(95), p99Us: at(99) })
  }
  console.log('PEER_RESULT ' + JSON.stringify(out))
})
if (rate) {
  instance.on('response', (client, statusCode, resBytes, responseTime) => times.push(responseTime))
}
