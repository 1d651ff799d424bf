#!/usr/bin/env bash
# The time stage alone next to the npm package chrono-node, on the same texts
# and one core each, in MB of article text per second. chrono-node is a peer
# for comparison only: it is installed at benchmark time into bench/.node/
# (gitignored) with npm; tkg does not depend on node.
#   bench/chrono_compare.sh [CORPUS.jsonl] [BUILD_DIR]
# Default corpus: the shared Wikinews development articles; default build
# directory: build (it needs bench/stage_bench: -DTKG_BUILD_BENCH=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/news/wikinews_dev/articles.jsonl}"
build="${2:-build}"
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
[ -x "$build/bench/stage_bench" ] || { echo "no $build/bench/stage_bench (configure with -DTKG_BUILD_BENCH=ON)" >&2; exit 1; }
command -v node > /dev/null && command -v npm > /dev/null || { echo "node and npm are needed" >&2; exit 1; }
node_dir=bench/.node
if [ ! -d "$node_dir/node_modules/chrono-node" ]; then
  npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error chrono-node >&2
fi
echo "chrono-node $(node -p "require('./$node_dir/node_modules/chrono-node/package.json').version"), node $(node --version)"
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)
TKG_BENCH_INPUT="$corpus" "${pin[@]}" "$build/bench/stage_bench" \
  --benchmark_filter='^BM_TimeStageOnly$' --benchmark_min_time=2 --benchmark_format=json 2> /dev/null |
  python3 -c '
import json, sys
b = json.load(sys.stdin)["benchmarks"][0]
mbps, n = b["bytes_per_second"] / 1e6, int(b["timexes"])
print(f"tkg time stage: {mbps:.1f} MB/s ({n} expressions per round)")'
NODE_PATH="$node_dir/node_modules" "${pin[@]}" node bench/chrono_bench.js "$corpus" 2
