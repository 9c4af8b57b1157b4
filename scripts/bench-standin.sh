#!/usr/bin/env bash
# Throughput of the exchange stand-in on loopback, measured with wrk (Debian package `wrk`) against the
# release binary in attach mode, with python's http.server serving a file as the same run's baseline.
#
#   scripts/bench-standin.sh [--seconds N] [--connections N]
#
# Prints requests per second per endpoint and each as a multiple of the baseline. The scenario lifts the
# request-weight limit so every answer is a 200 (with Binance's 6000 per minute most would be 429s).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=8
connections=32
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "scripts/bench-standin.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "scripts/bench-standin.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
swift build -c release --product preflight >&2
work=$(mktemp -d)
trap 'kill $drill $baseline 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
base_port=$((port + 1))
printf 'version: 1\nname: load\nweight_per_minute: 100000000\nphases:\n  - {name: load, at: 0s, window: 600s}\n' >"$work/load.yml"
.build/release/preflight drill --listen "127.0.0.1:$port" --scenario "$work/load.yml" --directory "$work/drill" \
    --manifest fixtures/drill/careful.yml >"$work/drill.out" 2>"$work/drill.err" &
drill=$!
echo '{"serverTime":1796137120793}' >"$work/time"
(cd "$work" && exec python3 -m http.server "$base_port" --bind 127.0.0.1 >/dev/null 2>&1) &
baseline=$!
sleep 2
rate() { wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx:" $NF > "/dev/stderr"}'; }
base=$(rate "http://127.0.0.1:$base_port/time")
printf '%-44s %10s req/s\n' "baseline python3 http.server (a file)" "$base"
for path in "/api/v3/time" "/api/v3/ticker/24hr?symbol=BTCUSDT" "/api/v3/depth?symbol=BTCUSDT&limit=100" "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=500"; do
    value=$(rate "http://127.0.0.1:$port$path")
    printf '%-44s %10s req/s  %6.1f× the baseline\n' "stand-in GET ${path%%\?*}" "$value" "$(echo "$value / $base" | bc -l)"
done
