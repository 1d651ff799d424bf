#!/usr/bin/env bash
# Whole-command throughput of `tkg extract` (MB of article text per second)
# on a JSONL corpus, with 1 thread and with all cores. Default corpus: the
# shared Wikinews development sample, repeated to about 20 MB.
#   bench/throughput.sh [CORPUS.jsonl] [TKG_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/news/wikinews_dev/articles.jsonl}"
tkg="${2:-build/cli/tkg}"
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work/in.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
out = open(sys.argv[2], "w", encoding="utf-8")
total, i = 0, 0
while total < 20_000_000:
    for d in docs:
        d = dict(d, id=f"{d['id']}#{i}")
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        total += len(d["text"].encode("utf-8"))
    i += 1
print(f"{total / 1e6:.1f} MB of text in {i * len(docs)} documents", file=sys.stderr)
PY
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open('$work/in.jsonl')))")
for threads in 1 "$(nproc)"; do
  start=$(date +%s.%N)
  "$tkg" extract --threads "$threads" "$work/in.jsonl" > /dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'tkg extract --threads $threads: {$bytes / 1e6 / ($end - $start):.1f} MB/s ({$end - $start:.2f} s)')"
done
