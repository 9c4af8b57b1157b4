#!/usr/bin/env bash
# Benchmarks the log reader: builds the release binary, generates a deterministic synthetic log
# (200k lines unless told otherwise) and prints MB/s, lines/s and peak RSS beside baselines run on
# the same file in the same run (cat, wc -l, and jq when installed).
#   scripts/bench-logs.sh                 # 200k lines
#   scripts/bench-logs.sh --megabytes 1024
#   scripts/bench-logs.sh --file some.log
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product preflight-bench >&2
# Not exec: the bench reports its children's peak RSS, which must not include the build above.
.build/release/preflight-bench "$@"
