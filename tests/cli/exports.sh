# Exports of the NATO sample: golden files for DOT, the JSON timeline and
# TimelineJS3; the DOT renders with dot, neato and sfdp; SVG through tkg.
# TKG_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
source "$(dirname "$0")/lib.sh"
GOLDEN="$SRC/tests/data/golden/nato"

"$TKG" ingest "$NATO" --date 2022-11-29 --source "Al Jazeera" --quiet > /dev/null
"$TKG" export dot -o "$WORK/graph.dot"
"$TKG" export timeline -o "$WORK/timeline.json"
"$TKG" export timelinejs -o "$WORK/timelinejs.json" --title "NATO, Bucharest"
"$TKG" said --json > "$WORK/said.json"

if [ "${TKG_UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$GOLDEN"
  cp "$WORK/graph.dot" "$WORK/timeline.json" "$WORK/timelinejs.json" "$WORK/said.json" "$GOLDEN/"
  echo "golden files updated in $GOLDEN"
fi
for f in graph.dot timeline.json timelinejs.json said.json; do
  diff -u "$GOLDEN/$f" "$WORK/$f" || fail "$f differs from $GOLDEN/$f (TKG_UPDATE_GOLDEN=1 to accept)"
done

for layout in dot neato sfdp; do
  $layout -Tsvg "$WORK/graph.dot" > "$WORK/graph.$layout.svg" || fail "$layout rejects the DOT"
  expect_in "$WORK/graph.$layout.svg" "Jens Stoltenberg"
done
"$TKG" export dot | dot -Tsvg > /dev/null || fail "export dot | dot -Tsvg failed"
expect_status 0 "$TKG" export svg -o "$WORK/graph.svg" --about Kuleba
expect_in "$WORK/graph.svg" "<svg"
expect_in "$WORK/graph.svg" "Dmytro Kuleba"
expect_status 0 "$TKG" export png -o "$WORK/graph.png" --about NATO --max-nodes 5
head -c 8 "$WORK/graph.png" | od -c | grep -q "P   N   G" || fail "not a PNG"

python3 - "$WORK/timelinejs.json" "$WORK/timeline.json" <<'PY'
import json, sys
tj = json.load(open(sys.argv[1]))
assert tj["title"]["text"]["headline"] == "NATO, Bucharest"
assert 0 < len(tj["events"]) <= 20
for e in tj["events"]:
    assert "year" in e["start_date"] and "headline" in e["text"] and "text" in e["text"], e
    assert "group" in e
years = [e for e in tj["events"] if e["start_date"] == {"year": 2008} or e["start_date"] == {"year": "2008"}]
assert years, "the 2008 decision keeps year precision"
t = json.load(open(sys.argv[2]))
assert t["format"] == "tkg-timeline" and t["events"][0]["time"]["value"] == "2008"
assert all(e["sources"] for e in t["events"])
PY
expect_status 2 "$TKG" export gif
# Without graphviz on the PATH, svg says so clearly.
expect_status 1 env PATH=/nonexistent "$TKG" export svg -o "$WORK/x.svg"
expect_in "$WORK/err" "Graphviz 'dot' is not installed"
echo "ok"
