# The README's demo path on the NATO sample: ingest, then who said what when
# and the timeline.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$TKG" ingest "$NATO" --date 2022-11-29 --source "Al Jazeera"
expect_in "$WORK/out" "1 added, 0 replaced, 0 unchanged, 0 failed"

expect_status 0 "$TKG" said
# Stoltenberg's quote once: headline, pull-quote and body are one claim.
[ "$(count_in "$WORK/out" "We will not back down")" -eq 1 ] || fail "the quote is not listed exactly once"
expect_status 0 "$TKG" said --json
python3 - "$WORK/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
def row(needle):
    found = [r for r in rows if needle in r["content"]]
    assert len(found) == 1, (needle, found)
    return found[0]
for needle, speaker, kind in [("We will not back down", "Jens Stoltenberg", "direct"),
                              ("faster, faster, faster", "Dmytro Kuleba", "mixed"),
                              ("The coming months will be a big test", "Rastislav Kacer", "direct")]:
    r = row(needle)
    assert r["speaker"] == speaker, r
    assert r["kind"] == kind, r
    assert r["date"]["value"] == "2022-11-29", r
back = row("We will not back down")
assert len(back["sources"]) == 1 and len(back["sources"][0]["evidence"]) == 2, back
PY

expect_status 0 "$TKG" said --who "kacer" --json
python3 -c "
import json,sys
rows = json.load(open('$WORK/out'))
assert len(rows) == 1 and rows[0]['speaker'] == 'Rastislav Kacer', rows
assert rows[0]['date']['value'] == '2022-11-29'
"
expect_status 1 "$TKG" said --who "Nobody At All"
expect_in "$WORK/err" "tkg: error: no speaker matches 'Nobody At All'"
expect_status 2 "$TKG" said --from 2022-13
expect_in "$WORK/err" "bad --from date"

expect_status 0 "$TKG" timeline
cp "$WORK/out" "$WORK/timeline.txt"
line2008=$(grep -n "^2008 " "$WORK/timeline.txt" | head -1 | cut -d: -f1)
line1129=$(grep -n "^2022-11-29" "$WORK/timeline.txt" | head -1 | cut -d: -f1)
[ -n "$line2008" ] || fail "no 2008 event in the timeline"
[ -n "$line1129" ] || fail "no 2022-11-29 event in the timeline"
[ "$line2008" -lt "$line1129" ] || fail "2008 comes after 2022-11-29"
expect_in "$WORK/timeline.txt" "2008 decision"
# A fact shows its modality and who states it.
expect_in "$WORK/timeline.txt" "ratifications [pending] (per Al"

expect_status 0 "$TKG" entity stoltenberg
expect_in "$WORK/out" "Jens Stoltenberg  (PERSON, person/jens-stoltenberg)"
expect_in "$WORK/out" "role: Secretary-General of NATO (as of 2022-11-29)"
expect_status 0 "$TKG" stats --json
python3 -c "
import json
s = json.load(open('$WORK/out'))
assert s['documents'] == 1 and s['claims'] > 10 and s['entities'] >= 13, s
"
echo "ok"
