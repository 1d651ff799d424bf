# Every export format on the four Wikinews sample articles (CC BY 2.5), with
# golden files in tests/data/golden/wikinews (TKG_UPDATE_GOLDEN=1 rewrites
# them), each checked by its consumer: Graphviz, rapper, xmllint, Python's
# json and csv modules.
source "$(dirname "$0")/lib.sh"
GOLDEN="$SRC/tests/data/golden/wikinews"

"$TKG" ingest "$SRC/samples/wikinews.jsonl" --quiet > /dev/null
"$TKG" said --json > "$WORK/said.json"
"$TKG" export dot -o "$WORK/graph.dot"
"$TKG" export timeline -o "$WORK/timeline.json"
"$TKG" export timelinejs -o "$WORK/timelinejs.json" --group-by entity
"$TKG" export vis -o "$WORK/vis.json"
"$TKG" export csv -o "$WORK/timeline.csv"
"$TKG" export nquads -o "$WORK/claims.nq"
"$TKG" export gexf -o "$WORK/graph.gexf"
"$TKG" export html -o "$WORK/report.html" --title "Wikinews samples"
# The viewer's golden file leaves out the SVG (Graphviz's output).
python3 - "$WORK/report.html" "$WORK/report.nosvg.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
out, n = re.subn(r"<svg\b.*?</svg>", "<svg>(Graphviz output)</svg>", html, count=1, flags=re.S)
assert n == 1
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
FILES="said.json graph.dot timeline.json timelinejs.json vis.json timeline.csv claims.nq graph.gexf report.nosvg.html"

# shellcheck disable=SC2086  # FILES is a list of names
compare_golden "$GOLDEN" $FILES

for layout in dot neato sfdp; do
  $layout -Tsvg "$WORK/graph.dot" > /dev/null || fail "$layout rejects the DOT"
done
rapper -i nquads -c "$WORK/claims.nq" > "$WORK/rapper.out" 2>&1 || { cat "$WORK/rapper.out"; fail "rapper rejects the N-Quads"; }
expect_in "$WORK/rapper.out" "returned $(wc -l < "$WORK/claims.nq") triples"
xmllint --noout "$WORK/graph.gexf" || fail "the GEXF is not well-formed XML"
python3 - "$WORK" <<'PY'
import csv, json, sys
w = sys.argv[1]
said = json.load(open(w + "/said.json"))
t = json.load(open(w + "/timeline.json"))
tj = json.load(open(w + "/timelinejs.json"))
vis = json.load(open(w + "/vis.json"))
rows = list(csv.DictReader(open(w + "/timeline.csv", newline="", encoding="utf-8")))
assert len(said) >= 4, len(said)
docs = {s["doc"] for r in said for s in r["sources"]}
assert len(docs) >= 3, docs
assert len(rows) == len(t["events"]) + len(t["undated"])
assert len(vis["items"]) == sum(1 for e in t["events"] if "begin" in (e["time"] or {}))
assert 0 < len(tj["events"]) <= 20
# Dated events are in time order at their real precision.
begins = [e["time"]["begin"] for e in t["events"] if "begin" in e["time"]]
assert begins == sorted(begins), begins
PY
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-dev-shm-usage \
  --user-data-dir="$WORK/profile" --virtual-time-budget=5000 --dump-dom "file://$WORK/report.html" \
  > "$WORK/dom.html" 2>/dev/null || fail "chromium failed"
python3 - "$WORK/dom.html" "$WORK/said.json" "$WORK/timeline.json" <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
said = json.load(open(sys.argv[2]))
t = json.load(open(sys.argv[3]))
assert 'data-ready="1"' in dom
assert len(re.findall(r'<tr class="said-row">', dom)) == len(said)
dated = [e for e in t["events"] if e["time"] and "begin" in e["time"]]
assert len(re.findall(r'<div class="tl-item ', dom)) == len(dated)
# Four articles years apart: the empty stretches between them are cut out.
assert len(re.findall(r'<div class="tl-break"', dom)) >= 2
PY
echo "ok"
