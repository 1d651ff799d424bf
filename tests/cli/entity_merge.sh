# Entities across documents: an article that names only "Stoltenberg" and one
# that names "Jens Stoltenberg" give one entity whatever the ingest order;
# `tkg entity` and `tkg said` follow the merge; re-ingest adds nothing; a
# second Stoltenberg makes the bare surname ambiguous.
source "$(dirname "$0")/lib.sh"

cat > "$WORK/b.txt" <<'TXT'
Mr Stoltenberg said on Wednesday that allies would send more air defence systems to Ukraine.

“NATO’s door is open,” Stoltenberg, the NATO chief, said.
TXT
cat > "$WORK/a.txt" <<'TXT'
NATO Secretary-General Jens Stoltenberg said on Tuesday that the alliance would stand by Ukraine.

“NATO’s door is open,” Stoltenberg said.
TXT

# The surname-only article first, the full name a day earlier second.
export TKG_DB="$WORK/ba.db"
expect_status 0 "$TKG" ingest "$WORK/b.txt" --date 2022-11-30
expect_status 0 "$TKG" ingest "$WORK/a.txt" --date 2022-11-29

expect_status 0 "$TKG" entity Stoltenberg
cp "$WORK/out" "$WORK/entity.txt"
expect_in "$WORK/entity.txt" "Jens Stoltenberg  (PERSON, person/jens-stoltenberg)"
expect_in "$WORK/entity.txt" "merged: person/stoltenberg"
expect_in "$WORK/entity.txt" "role: Secretary-General of NATO (as of 2022-11-29)"
expect_in "$WORK/entity.txt" "mentioned in 2 documents:"
expect_in "$WORK/entity.txt" "b (2022-11-30): 1 mention: \"Stoltenberg\""
expect_in "$WORK/entity.txt" "allies would send more air defence systems to Ukraine"

expect_status 0 "$TKG" said --who Stoltenberg
expect_in "$WORK/out" "Jens Stoltenberg [Mr Stoltenberg]  (indirect, say)"
expect_status 0 "$TKG" said --who Stoltenberg --json
python3 - "$WORK/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
by_entity = [r for r in rows if r["speaker_id"] == "person/jens-stoltenberg"]
docs = sorted({s["doc"] for r in by_entity for s in r["sources"]})
assert docs == ["a", "b"], rows
assert all(r["speaker"] == "Jens Stoltenberg" for r in by_entity), by_entity
PY

expect_status 0 "$TKG" entity Stoltenberg --json
cp "$WORK/out" "$WORK/ba.json"
python3 - "$WORK/ba.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
assert e["id"] == "person/jens-stoltenberg" and e["merged"] == ["person/stoltenberg"], e
assert [d["doc"] for d in e["documents"]] == ["a", "b"], e["documents"]
assert e["documents"][1]["spans"][0]["text"] == "Stoltenberg", e["documents"][1]
assert e["role_history"][0]["first_seen"] == "2022-11-29", e["role_history"]
PY

# Re-ingesting both changes nothing.
expect_status 0 "$TKG" stats --json
cp "$WORK/out" "$WORK/stats1.json"
expect_status 0 "$TKG" ingest "$WORK/a.txt" --date 2022-11-29
expect_in "$WORK/out" "0 added, 0 replaced, 1 unchanged"
expect_status 0 "$TKG" ingest "$WORK/b.txt" --date 2022-11-30
expect_in "$WORK/out" "0 added, 0 replaced, 1 unchanged"
expect_status 0 "$TKG" stats --json
python3 - "$WORK/stats1.json" "$WORK/out" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for k in ("documents", "claims", "entities"):
    assert a[k] == b[k], (k, a[k], b[k])
PY

# The other order gives the same entity report.
export TKG_DB="$WORK/ab.db"
expect_status 0 "$TKG" ingest "$WORK/a.txt" --date 2022-11-29
expect_status 0 "$TKG" ingest "$WORK/b.txt" --date 2022-11-30
expect_status 0 "$TKG" entity Stoltenberg --json
cmp -s "$WORK/ba.json" "$WORK/out" || fail "the entity report depends on the ingest order"

# Another Stoltenberg: the bare surname fits two people and is merged into
# neither; the full names still work.
cat > "$WORK/c.txt" <<'TXT'
Camilla Stoltenberg, director of the Norwegian Institute of Public Health, said the winter would be hard.
TXT
expect_status 0 "$TKG" ingest "$WORK/c.txt" --date 2022-12-01
expect_status 1 "$TKG" entity Stoltenberg
expect_in "$WORK/err" "person/camilla-stoltenberg"
expect_in "$WORK/err" "person/jens-stoltenberg"
expect_status 0 "$TKG" entity "Jens Stoltenberg"
expect_in "$WORK/out" "mentioned in 1 document:"
expect_not_in "$WORK/out" "merged:"
echo "ok"
