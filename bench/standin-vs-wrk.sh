#!/usr/bin/env bash
# Outside CI. One run against one 20 ms stand-in (the project's FixedDelayServer, its own process on 127.0.0.1):
# wrk's p50/p95, then a salerush smoke run as an external target with the default warm-up, then the same smoke run
# without a warm-up (-Dwarmup.during=0s). Prints the three lines side by side. Needs wrk (apt-get install wrk) and a
# built project (./mvnw -q package -DskipTests, or any verify).
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY_MS="${DELAY_MS:-20}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 3; }
CP="simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)"
WORK="$(mktemp -d -t salerush-standin-XXXX)"
coproc SERVER { exec java -cp "$CP" dev.salerush.sim.it.FixedDelayServer "$DELAY_MS"; }
SERVER_IN="${SERVER[1]}"
trap 'exec {SERVER_IN}>&-; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
read -r PORT <&"${SERVER[0]}"
URL="http://127.0.0.1:$PORT"
echo "stand-in: $DELAY_MS ms at $URL"

wrk -t1 -c4 -d15s -s bench/peers/wrk-report.lua "$URL/fixed" | grep PEER_RESULT \
  | sed 's/PEER_RESULT //' > "$WORK/wrk.json"

smoke() { # $1 = label, rest = extra -D settings
  local label="$1"; shift
  ./mvnw -B -q gatling:test -Dsimulation=dev.salerush.sim.it.FixedDelayProbeSimulation -Dprofile=smoke \
    -Dtarget.baseUrl="$URL" -Dmetrics.enabled=false -Dregression.enabled=false \
    -Dresults.dir="$WORK/$label" "$@" > "$WORK/$label.log" 2>&1 || true
  python3 - "$WORK/$label" "$label" <<'PY'
import json, pathlib, sys
run = next(p for p in pathlib.Path(sys.argv[1]).iterdir() if p.is_dir())
g = json.loads((run / "summary.json").read_text())["requests"]["fixed"]
print(f"{sys.argv[2]:<24} count {g['count']:>5}  p50 {g['p50Ms']:>3} ms  p95 {g['p95Ms']:>3} ms  max {g['maxMs']:>4} ms")
PY
}
python3 - "$WORK/wrk.json" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
print(f"{'wrk (4 connections)':<24} count {w['requests']:>5}  p50 {w['p50Us']/1000:>5.2f} ms  p95 {w['p95Us']/1000:>5.2f} ms")
PY
smoke "salerush smoke"
smoke "salerush, no warm-up" -Dwarmup.during=0s
