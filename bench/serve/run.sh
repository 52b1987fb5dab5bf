#!/usr/bin/env bash
# Serves "hello world" with arun:http and with node:http and loads each with
# wrk (Debian package `wrk`) on loopback, one after the other, same settings.
#   bash bench/serve/run.sh [DURATION=10s] [CONNECTIONS=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
dur=${1:-10s}; conns=${2:-50}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/arun" ./cmd/arun
bench() { # name port cmd...
  local name=$1 port=$2; shift 2
  "$@" "$port" & local pid=$!
  for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
  local rps
  rps=$(wrk -t2 -c"$conns" -d"$dur" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $rps"
}
a=$(bench arun 18081 "$tmp/arun" bench/serve/server.js)
n=$(bench node 18082 node bench/serve/server.mjs)
echo "| server | requests/s |"; echo "|---|---|"
echo "| arun:http | ${a#* } |"; echo "| node:http | ${n#* } |"
awk -v a="${a#* }" -v n="${n#* }" 'BEGIN { printf "arun/node throughput: %.2fx\n", a / n }'
