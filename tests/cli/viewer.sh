# The HTML viewer in a real browser: `tkg export html` on the NATO sample is
# loaded by headless Chromium (Debian package chromium); the DOM its script
# builds must hold one table row per statement of `tkg said` and one
# timeline item per dated event of `tkg timeline`, the undated events apart,
# and the inline SVG graph. A screenshot is saved as
# $ARTIFACTS/viewer-nato.png (ctest sets ARTIFACTS to build/test-artifacts).
# The page without its SVG (Graphviz's part) is a golden file:
# TKG_UPDATE_GOLDEN=1 rewrites it.
source "$(dirname "$0")/lib.sh"
GOLDEN="$SRC/tests/data/golden/nato"
ARTIFACTS="${ARTIFACTS:-$WORK}"
mkdir -p "$ARTIFACTS"

"$TKG" ingest "$NATO" --date 2022-11-29 --source "Al Jazeera" --quiet > /dev/null
"$TKG" export html -o "$WORK/report.html" --title "NATO, Bucharest, 2022-11-29"
"$TKG" said --json > "$WORK/said.json"
"$TKG" timeline --json > "$WORK/timeline.json"
expect_in "$WORK/report.html" "<svg"
expect_in "$WORK/report.html" "Jens Stoltenberg"
# Self-contained: nothing to fetch, and a policy that forbids fetching.
for ref in "src=" "href=" "url(" "@import"; do expect_not_in "$WORK/report.html" "$ref"; done
expect_in "$WORK/report.html" "content=\"default-src 'none';"

# Golden: the page with its Graphviz SVG cut out.
python3 - "$WORK/report.html" "$WORK/report.nosvg.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
out, n = re.subn(r"<svg\b.*?</svg>", "<svg>(Graphviz output)</svg>", html, count=1, flags=re.S)
assert n == 1
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
if [ "${TKG_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$WORK/report.nosvg.html" "$GOLDEN/report.nosvg.html"
fi
diff -u "$GOLDEN/report.nosvg.html" "$WORK/report.nosvg.html" > "$WORK/diff" ||
  { head -50 "$WORK/diff"; fail "report.html differs from $GOLDEN/report.nosvg.html (TKG_UPDATE_GOLDEN=1 to accept)"; }

chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --disable-dev-shm-usage --user-data-dir="$WORK/profile-$RANDOM" --virtual-time-budget=5000 "$@" 2>/dev/null
}

chrome --dump-dom "file://$WORK/report.html" > "$WORK/dom.html" || fail "chromium failed"
python3 - "$WORK/dom.html" "$WORK/said.json" "$WORK/timeline.json" <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
said = json.load(open(sys.argv[2]))
tl = json.load(open(sys.argv[3]))
assert 'data-ready="1"' in dom, "the viewer's script did not finish"
rows = re.findall(r'<tr class="said-row">(.*?)</tr>', dom, re.S)
assert len(rows) == len(said) > 0, (len(rows), len(said))
assert f"{len(said)} of {len(said)} statements" in dom
# Rows in the order of `tkg said`, each with its speaker, content and source count.
for row, s in zip(rows, said):
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert s["date"]["value"] in cells[0], (cells[0], s["date"])
    assert (s["speaker"] or "(unknown speaker)") in cells[1], (cells[1], s["speaker"])
    assert cells[5] == str(len(s["sources"])), (cells[5], s)
items = re.findall(r'<div class="tl-item (said|fact|statement)"[^>]*data-value="([^"]*)" data-granularity="([^"]*)"[^>]*>', dom)
dated = [e for e in tl["events"] if e["time"] and "begin" in e["time"]]
assert len(items) == len(dated) > 0, (len(items), len(dated))
assert [(t, v) for t, v, g in items] == [(e["type"], e["time"]["value"]) for e in dated]
assert ("2008", "year") in [(v, g) for t, v, g in items], "the 2008 decision is a year on the timeline"
undated = re.findall(r'<li class="tl-undated-item">', dom)
assert len(undated) == len(tl["undated"]), (len(undated), len(tl["undated"]))
assert re.search(r'<div id="graph"><svg', dom), "no inline SVG graph"
assert "Dmytro Kuleba" in dom and "faster, faster, faster" in dom
print("dom ok:", len(rows), "rows,", len(items), "timeline items,", len(undated), "undated")
PY

# A filter in the URL fragment: only Kuleba's statements.
chrome --dump-dom "file://$WORK/report.html#who=Dmytro%20Kuleba" > "$WORK/dom-kuleba.html"
python3 - "$WORK/dom-kuleba.html" "$WORK/said.json" <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
said = json.load(open(sys.argv[2]))
want = [s for s in said if s["speaker"] == "Dmytro Kuleba"]
rows = re.findall(r'<tr class="said-row">(.*?)</tr>', dom, re.S)
assert len(rows) == len(want) > 0, (len(rows), len(want))
assert all("Dmytro Kuleba" in r for r in rows)
PY

# Zoom from the URL fragment: the timeline canvas is 4 times as wide.
chrome --dump-dom "file://$WORK/report.html#zoom=4" > "$WORK/dom-zoom.html"
python3 - "$WORK/dom.html" "$WORK/dom-zoom.html" <<'PY'
import re, sys
def width(path):
    dom = open(path, encoding="utf-8").read()
    m = re.search(r'<div id="tl-canvas" style="width: ([0-9.]+)px', dom)
    assert m, "no timeline canvas"
    return float(m.group(1)), dom
w1, _ = width(sys.argv[1])
w4, dom = width(sys.argv[2])
assert '<span id="tl-zoom">×4</span>' in dom
assert w4 > 3 * w1 - 1000, (w1, w4)   # the label room (320 px) is not zoomed
assert w4 > 2 * w1, (w1, w4)
PY

chrome --screenshot="$ARTIFACTS/viewer-nato.png" --window-size=1280,1800 --hide-scrollbars \
  "file://$WORK/report.html" > /dev/null || fail "chromium screenshot failed"
head -c 8 "$ARTIFACTS/viewer-nato.png" | od -c | grep -q "P   N   G" || fail "no PNG screenshot"
[ "$(stat -c %s "$ARTIFACTS/viewer-nato.png")" -gt 20000 ] || fail "the screenshot is too small to show anything"
echo "screenshot: $ARTIFACTS/viewer-nato.png"

# Without Graphviz the viewer still works, and says why it has no graph.
PATH=/nonexistent "$TKG" export html -o "$WORK/nograph.html" 2> "$WORK/err"
expect_in "$WORK/err" "tkg: warning: the viewer has no graph"
expect_in "$WORK/nograph.html" "no graph: Graphviz"
echo "ok"
