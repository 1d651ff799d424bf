# Exports of the NATO sample: golden files for DOT, the JSON timeline,
# TimelineJS3, vis-timeline, CSV, N-Quads and GEXF; the DOT renders with dot,
# neato and sfdp; SVG through tkg; rapper parses the N-Quads and xmllint the
# GEXF. TKG_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
source "$(dirname "$0")/lib.sh"
GOLDEN="$SRC/tests/data/golden/nato"

"$TKG" ingest "$NATO" --date 2022-11-29 --source "Al Jazeera" --quiet > /dev/null
"$TKG" export dot -o "$WORK/graph.dot"
"$TKG" export dot --cluster year -o "$WORK/graph.year.dot"
"$TKG" export timeline -o "$WORK/timeline.json"
"$TKG" export timelinejs -o "$WORK/timelinejs.json" --title "NATO, Bucharest"
"$TKG" export vis -o "$WORK/vis.json"
"$TKG" export csv -o "$WORK/timeline.csv"
"$TKG" export nquads -o "$WORK/claims.nq"
"$TKG" export gexf -o "$WORK/graph.gexf" --title "NATO, Bucharest"
"$TKG" said --json > "$WORK/said.json"
FILES="graph.dot graph.year.dot timeline.json timelinejs.json vis.json timeline.csv claims.nq graph.gexf said.json"

# shellcheck disable=SC2086  # FILES is a list of names
compare_golden "$GOLDEN" $FILES

# N-Quads: rapper parses every line as one quad; each claim is a named graph.
rapper -i nquads -c "$WORK/claims.nq" > "$WORK/rapper.out" 2>&1 || { cat "$WORK/rapper.out"; fail "rapper rejects the N-Quads"; }
expect_in "$WORK/rapper.out" "returned $(wc -l < "$WORK/claims.nq") triples"
claims=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/said.json")
[ "$(grep -c '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:tkg:vocab#Claim> .$' "$WORK/claims.nq")" = "$claims" ] ||
  fail "not one tkg:Claim per row of tkg said ($claims)"
expect_in "$WORK/claims.nq" '<urn:tkg:vocab#cue> "call for" .'
expect_in "$WORK/claims.nq" '"2008"^^<http://www.w3.org/2001/XMLSchema#gYear>'
expect_in "$WORK/claims.nq" '<http://www.w3.org/ns/prov#wasDerivedFrom> <urn:tkg:doc:nato-bucharest-2022-11-29> .'

# --about: the claims Kuleba made or that mention him, and only those.
"$TKG" export nquads --about Kuleba -o "$WORK/kuleba.nq"
rapper -i nquads -c "$WORK/kuleba.nq" > /dev/null 2>&1 || fail "rapper rejects the --about N-Quads"
want=$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
print(sum(1 for r in rows if r["speaker_id"] == "person/dmytro-kuleba" or "person/dmytro-kuleba" in r["about"]))' "$WORK/said.json")
got=$(grep -c '<urn:tkg:vocab#Claim> .$' "$WORK/kuleba.nq")
[ "$want" -ge 2 ] && [ "$got" = "$want" ] || fail "--about Kuleba: $got claims, expected $want"

# GEXF: well-formed GEXF 1.3, dynamic, with start/end days.
xmllint --noout "$WORK/graph.gexf" || fail "the GEXF is not well-formed XML"
xp() { xmllint --xpath "$1" "$WORK/graph.gexf"; }
[ "$(xp "string(/*[local-name()='gexf']/@version)")" = 1.3 ] || fail "not GEXF 1.3"
[ "$(xp "string(//*[local-name()='graph']/@mode)")" = dynamic ] || fail "not a dynamic graph"
[ "$(xp "string(//*[local-name()='node'][@id='person/jens-stoltenberg']/@start)")" = 2022-11-29 ] ||
  fail "Stoltenberg's node has no start day"
# The 2008 decision: said on 2022-11-29, about 2008.
[ "$(xp "string(//*[local-name()='node'][starts-with(@label,'a 2008 decision')]/@start)")" = 2022-11-29 ] ||
  fail "the 2008 decision is not on the slider at the day it was confirmed"
[ "$(xp "string(//*[local-name()='node'][starts-with(@label,'a 2008 decision')]//*[@for='time']/@value)")" = 2008 ] ||
  fail "the 2008 decision does not keep its own time"
[ "$(xp "count(//*[local-name()='edge'][@start='2022-11-29'][@end='2022-11-29'])")" -ge 10 ] ||
  fail "the said edges have no day"
[ "$(xp "count(//*[local-name()='edge'][starts-with(@label,'said')])")" -ge 3 ] || fail "said edges missing"

# CSV: Python's csv reader gets one row per event.
python3 - "$WORK/timeline.csv" "$WORK/timeline.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
t = json.load(open(sys.argv[2]))
assert len(rows) == len(t["events"]) + len(t["undated"]), len(rows)
assert rows[0]["value"] == "2008" and rows[0]["granularity"] == "year"
assert rows[0]["begin"] == "2008-01-01" and rows[0]["end"] == "2008-12-31"
PY

# --cluster: statements boxed by year, still valid for every layout.
expect_in "$WORK/graph.year.dot" 'subgraph "cluster_1" {'
expect_in "$WORK/graph.year.dot" 'label="2022"'

for layout in dot neato sfdp; do
  for g in graph graph.year; do
    $layout -Tsvg "$WORK/$g.dot" > "$WORK/$g.$layout.svg" || fail "$layout rejects $g.dot"
    expect_in "$WORK/$g.$layout.svg" "Jens Stoltenberg"
  done
done
"$TKG" export dot --cluster doc | dot -Tsvg > "$WORK/graph.doc.svg" || fail "--cluster doc: dot failed"
expect_in "$WORK/graph.doc.svg" 'class="cluster"'
expect_in "$WORK/graph.doc.svg" "NATO chief says alliance will not back down on Ukraine aid"
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
expect_status 2 "$TKG" export dot --cluster month
expect_status 2 "$TKG" export vis --group-by colour
# Without graphviz on the PATH, svg says so clearly.
expect_status 1 env PATH=/nonexistent "$TKG" export svg -o "$WORK/x.svg"
expect_in "$WORK/err" "Graphviz 'dot' is not installed"
echo "ok"
