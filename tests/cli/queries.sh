# Queries across documents: the NATO article and a reprint of it (another
# publication, the next day) give one row per statement with both sources;
# said filters by kind, cue, speaker, topic and date and keeps a stable
# order; --jsonl and --limit; entity and stats in JSON Lines.
source "$(dirname "$0")/lib.sh"

"$TKG" ingest "$NATO" --date 2022-11-29 --source "Al Jazeera" --id aljazeera --quiet > /dev/null
{ cat "$NATO"; echo; echo "Reprinted with permission."; } > "$WORK/reprint.txt"
"$TKG" ingest "$WORK/reprint.txt" --date 2022-11-30 --source "Reprint Daily" --id reprint --quiet > /dev/null

expect_status 0 "$TKG" said --json
cp "$WORK/out" "$WORK/said.json"
expect_status 0 "$TKG" said --jsonl
cp "$WORK/out" "$WORK/said.jsonl"
python3 - "$WORK/said.json" "$WORK/said.jsonl" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
lines = [json.loads(l) for l in open(sys.argv[2])]
assert rows == lines, "--jsonl is not --json one row per line"
back = [r for r in rows if "We will not back down" in r["content"]]
assert len(back) == 1, back                       # one statement...
assert [s["doc"] for s in back[0]["sources"]] == ["aljazeera", "reprint"], back[0]["sources"]
assert [s["source"] for s in back[0]["sources"]] == ["Al Jazeera", "Reprint Daily"]
assert all(len(r["sources"]) == 2 for r in rows), [len(r["sources"]) for r in rows]
PY
expect_status 0 "$TKG" said
[ "$(count_in "$WORK/out" "We will not back down")" -eq 1 ] || fail "the quote is listed more than once"
expect_in "$WORK/out" "2 sources: aljazeera (+2 repeats); reprint (+2 repeats)"

# Filters: kind, cue, speaker, topic, dates; --limit keeps the first rows.
check() {  # check FILTER... -- PYTHON-CONDITION-ON-r
  local args=() cond
  while [ "$1" != "--" ]; do args+=("$1"); shift; done
  cond=$2
  expect_status 0 "$TKG" said --json "${args[@]}"
  python3 - "$WORK/out" "$WORK/said.json" "$cond" "${args[*]}" <<'PY'
import json, sys
got = json.load(open(sys.argv[1]))
allrows = json.load(open(sys.argv[2]))
want = [r for r in allrows if eval(sys.argv[3])]
assert got, ("nothing matches", sys.argv[4])
assert got == want, (sys.argv[4], len(got), len(want))
PY
}
check --kind direct -- 'r["kind"] == "direct"'
check --kind mixed -- 'r["kind"] == "mixed"'
check --cue confirm -- 'r["cue"] == "confirm"'
check --cue "call for" -- 'r["cue"] == "call for"'
check --who stoltenberg -- 'r["speaker"] == "Jens Stoltenberg"'
check --who stoltenberg --kind direct -- 'r["speaker"] == "Jens Stoltenberg" and r["kind"] == "direct"'
check --about Russia -- '"place/russia" in r["about"]'
check --from 2022-11 --to 2022-11-30 -- 'r["date"]["value"] == "2022-11-29"'
# A date range filters claims, not rows: the reprint's claims dated by its
# publication (2022-11-30) drop out of --to 2022-11-29, its "Tuesday" ones stay.
expect_status 0 "$TKG" said --json --to 2022-11-29
python3 - "$WORK/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and any(len(r["sources"]) == 1 for r in rows), rows
assert all(r["date"]["end"] <= "2022-11-29" for r in rows)
PY
expect_status 0 "$TKG" said --json --from 2023
[ "$(cat "$WORK/out")" = "[]" ] || fail "--from 2023 should match nothing"
expect_status 0 "$TKG" said --json --limit 3
python3 - "$WORK/out" "$WORK/said.json" <<'PY'
import json, sys
assert json.load(open(sys.argv[1])) == json.load(open(sys.argv[2]))[:3]
PY
expect_status 2 "$TKG" said --kind shouted
expect_in "$WORK/err" "--kind must be direct, indirect or mixed"

# Stable order: the same query twice gives the same bytes.
"$TKG" said --json > "$WORK/again.json"
cmp -s "$WORK/again.json" "$WORK/said.json" || fail "said is not stable"
"$TKG" timeline --json > "$WORK/t1.json"
"$TKG" timeline --json > "$WORK/t2.json"
cmp -s "$WORK/t1.json" "$WORK/t2.json" || fail "timeline is not stable"

# entity: JSON Lines and --limit.
expect_status 0 "$TKG" entity stoltenberg --jsonl
[ "$(wc -l < "$WORK/out")" -eq 1 ] || fail "entity --jsonl is not one line"
python3 - "$WORK/out" <<'PY'
import json, sys
e = json.loads(open(sys.argv[1]).read())
assert e["id"] == "person/jens-stoltenberg" and len(e["said"]) >= 4, e["said"]
assert all(len(r["sources"]) == 2 for r in e["said"])
assert e["roles"][0]["title"] == "Secretary-General"
assert [d["doc"] for d in e["documents"]] == ["aljazeera", "reprint"]
PY
expect_status 0 "$TKG" entity stoltenberg --json --limit 2
python3 -c "
import json
e = json.load(open('$WORK/out'))
assert len(e['said']) == 2 and len(e['timeline']['events']) == 2, e
"
expect_status 0 "$TKG" stats --jsonl
python3 -c "
import json
lines = open('$WORK/out').read().splitlines()
assert len(lines) == 1 and json.loads(lines[0])['documents'] == 2
"
echo "ok"
