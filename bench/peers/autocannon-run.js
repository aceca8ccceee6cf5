// autocannon for bench/peers.sh: node autocannon-run.js URL CONNECTIONS SECONDS [RATE [WARMUP_SECONDS WARMUP_RATE]]
// Prints one JSON line with what autocannon counted. With RATE > 0 it sends at that overall rate (--overallRate) and
// takes every response time from its 'response' event (fractional ms), since its own histogram keeps whole ms. With
// WARMUP_SECONDS it first runs that long at WARMUP_RATE in the same process (node's JIT warms), counting nothing.
'use strict'
const autocannon = require('autocannon')

const [url, connections, seconds, rate, warmupSeconds, warmupRate] = process.argv.slice(2).map((a, i) => i ? Number(a) : a)

function load (duration, overallRate, times) {
  const opts = { url, connections, duration }
  if (overallRate > 0) {
    opts.overallRate = overallRate
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => err ? reject(err) : resolve(result))
    if (times) {
      instance.on('response', (client, statusCode, resBytes, responseTime) => times.push(responseTime))
    }
  })
}

async function main () {
  if (warmupSeconds > 0) {
    await load(warmupSeconds, warmupRate)
  }
  const times = []
  const result = await load(seconds, rate, rate > 0 ? times : null)
  const out = {
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.timeouts + result.non2xx
  }
  if (rate > 0) {
    times.sort((a, b) => a - b)
    const at = (p) => times.length === 0 ? 0 : 1000 * times[Math.min(times.length - 1, Math.ceil(p / 100 * times.length) - 1)]
    Object.assign(out, { p50Us: at(50), p95Us: at(95), p99Us: at(99), maxUs: at(100) })
  }
  console.log('PEER_RESULT ' + JSON.stringify(out))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
