#!/usr/bin/env bash
# Peer benchmark (outside CI): salerush, Gatling alone, wrk, autocannon and Locust against one loopback endpoint.
# Usage: bench/peers.sh [--rounds=3] [--seconds=15] [--ceiling-seconds=15] [--connections=64] [--rate=1000[,3000]]
#                       [--tools=salerush,Gatling,wrk,autocannon,Locust]
# Every fixed rate is measured cold (the tool started and measured at once) and warm (after the suite's default
# warm-up, the `warmup` section of the configuration, at the same rate for every tool, discarded).
# The endpoint is a small static JSON file served by an nginx this script starts (its own config in a temp dir,
# loopback port, one worker, daemon off) and stops at the end or on Ctrl-C; without nginx, the project's instant
# test server. Only 127.0.0.1 is loaded. See docs/measured.md, "Peers on the same endpoint".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing=0
need() { # program, package that installs it
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "missing: $1 (install: $2)" >&2
    missing=1
  fi
}
need java "apt-get install openjdk-17-jdk-headless"
need wrk "apt-get install wrk"
need node "apt-get install nodejs npm"
need npm "apt-get install npm"
[ "$missing" = 0 ] || exit 1

if ! command -v nginx >/dev/null 2>&1; then
  echo "nginx: not installed (apt-get install nginx-light); using the project's instant test server instead"
fi
if ! command -v locust >/dev/null 2>&1; then
  echo "Locust: skipped, not installed (apt-get install python3-locust)"
fi
if command -v k6 >/dev/null 2>&1; then
  echo "k6: installed but not wired into this benchmark; skipped"
else
  echo "k6: skipped, not installable here (not in Debian bookworm; npm's 'k6' package is a placeholder without k6)"
fi

if [ ! -d bench/peers/node_modules/autocannon ]; then
  (cd bench/peers && npm ci --no-audit --no-fund --silent)
fi

# package, never install: the reactor's own jars are on simulations/target/test-classpath.txt, ~/.m2 is left alone
stamp=simulations/target/peers-build.stamp
if [ ! -f "$stamp" ] || [ ! -f simulations/target/test-classpath.txt ] \
    || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$stamp" -type f -print -quit)" ]; then
  echo "building (./mvnw package -DskipTests)"
  ./mvnw -B -q -o package -DskipTests || ./mvnw -B -q package -DskipTests
  touch "$stamp"
fi

echo "versions: $(java -version 2>&1 | head -1); wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null || echo '?');" \
  "autocannon $(node -p "require('./bench/peers/node_modules/autocannon/package.json').version") on node $(node --version);" \
  "Locust $(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null || echo 'not installed');" \
  "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///' || echo 'not installed'); Gatling $(grep -o '<gatling.version>[^<]*' pom.xml | sed 's/.*>//')"

tmp="$(mktemp -d /tmp/salerush-peers.XXXXXX)"
nginx_pid=""
bench_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

args=("$@")
if command -v nginx >/dev/null 2>&1; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  mkdir -p "$tmp/www"
  chmod 755 "$tmp" "$tmp/www" # nginx's worker runs as nobody
  printf '{"ok":true}' >"$tmp/www/fixed"
  printf '{"status":"UP"}' >"$tmp/www/health" # the suite checks its target's health before it starts
  cat >"$tmp/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  keepalive_requests 100000000;
  etag off;             # every answer a 200 with the body: Gatling would otherwise revalidate and get 304s
  if_modified_since off;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    default_type application/json;
  }
}
EOF
  nginx -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  echo "nginx $nginx_pid serving http://127.0.0.1:$port/fixed"
  args=("--url=http://127.0.0.1:$port" "${args[@]}")
fi

java -cp "simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)" \
  dev.salerush.sim.bench.PeerBenchmark "${args[@]}" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?
bench_pid=""
exit "$status"
