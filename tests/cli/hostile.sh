# Hostile text through the whole pipeline: an article whose title, source,
# quotations and names hold quotes, backslashes, <script>, ampersands, RTL
# marks and a very long quotation is ingested, and every export format must
# still be accepted by its consumer (Graphviz, rapper, xmllint, Python's json
# and csv modules, Chromium) with the text shown literally and nothing run.
source "$(dirname "$0")/lib.sh"

long=$(python3 -c 'print(" ".join(["relentless"] * 600))')
python3 - "$WORK/hostile.jsonl" "$long" <<'PY'
import json, sys
long = sys.argv[2]
text = ('NATO chief "warns" <script>alert(1)</script>\n\n'
        'BUCHAREST — "We will not <script>document.body.setAttribute(\'data-pwned\',\'1\')</script> '
        'back down & AT&T \\ never \x1b]0;pwned\x07\x1b[2J \u200F\u05e9\u05dc\u05d5\u05dd," Jens Stoltenberg said on Tuesday.\n\n'
        '"' + long + '," Dmytro Kuleba said.\n\n'
        'Ukraine\'s Foreign Minister Dmytro Kuleba called for weapons "<img src=x onerror=alert(2)>" '
        'to come faster.\n')
doc = {"id": "hostile \"doc\" <1>", "title": 'Title with "quotes" & <script>alert(3)</script>',
       "date": "2022-11-29", "source": "Evil & <b>News</b>", "url": "javascript:alert(4)",
       "text": text}
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
"$TKG" ingest "$WORK/hostile.jsonl" --quiet > /dev/null
"$TKG" said --json > "$WORK/said.json"
python3 - "$WORK/said.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert any("<script>" in r["content"] for r in rows), "the hostile quotation was not extracted"
assert any(len(r["content"]) > 5000 for r in rows), "the long quotation was not extracted"
PY

# The readable listings never pass a terminal escape sequence through.
for cmd in "said" "said --explain" "timeline" "facts" "entity stoltenberg"; do
  $TKG $cmd > "$WORK/listing.txt"
  [ "$cmd" = facts ] || expect_in "$WORK/listing.txt" "back down"
  if grep -q "$(printf '\033')" "$WORK/listing.txt"; then fail "tkg $cmd prints an escape sequence"; fi
done

for f in dot timeline timelinejs vis csv nquads gexf html; do
  "$TKG" export "$f" -o "$WORK/out.$f" --title 'T "x" <script>alert(5)</script> &'
done
for layout in dot neato sfdp; do
  $layout -Tsvg "$WORK/out.dot" > "$WORK/out.$layout.svg" || fail "$layout rejects the DOT"
  expect_not_in "$WORK/out.$layout.svg" "<script"
  expect_in "$WORK/out.$layout.svg" "&lt;script&gt;"
done
rapper -i nquads -c "$WORK/out.nquads" > "$WORK/rapper.out" 2>&1 || { cat "$WORK/rapper.out"; fail "rapper rejects the N-Quads"; }
expect_in "$WORK/rapper.out" "returned $(wc -l < "$WORK/out.nquads") triples"
xmllint --noout "$WORK/out.gexf" || fail "the GEXF is not well-formed"
expect_not_in "$WORK/out.gexf" "<script"
python3 - "$WORK" <<'PY'
import csv, json, sys
w = sys.argv[1]
for f in ("timeline", "timelinejs", "vis"):
    json.load(open(f"{w}/out.{f}", encoding="utf-8"))
tj = open(f"{w}/out.timelinejs", encoding="utf-8").read()
vis = open(f"{w}/out.vis", encoding="utf-8").read()
for name, s in (("timelinejs", tj), ("vis", vis)):
    assert "<script" not in s and "<img" not in s, name  # HTML-escaped for the HTML renderers
    assert "&lt;script&gt;" in s, name
assert "javascript:" not in tj, "a javascript: URL became a link"
rows = list(csv.DictReader(open(f"{w}/out.csv", newline="", encoding="utf-8")))
assert any("<script>" in r["text"] for r in rows)
assert any(len(r["text"]) > 5000 for r in rows)
PY

html="$WORK/out.html"
[ "$(grep -o '<script' "$html" | wc -l)" = 2 ] || fail "the HTML has script elements of its own making only: $(grep -o '<script[^>]*>' "$html")"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-dev-shm-usage \
  --user-data-dir="$WORK/profile" --virtual-time-budget=5000 --dump-dom "file://$html" \
  > "$WORK/dom.html" 2>/dev/null || fail "chromium failed"
expect_in "$WORK/dom.html" 'data-ready="1"'
expect_not_in "$WORK/dom.html" 'data-pwned="1"'
expect_not_in "$WORK/dom.html" '<img'
expect_in "$WORK/dom.html" "&lt;script&gt;document.body.setAttribute"
expect_in "$WORK/dom.html" "$(printf '\u200F')"
echo "ok"
