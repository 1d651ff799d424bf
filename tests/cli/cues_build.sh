# tools/build_cues.py rebuilds the committed extract/data/en/cues.tsv byte for byte from
# tools/cues_curated.tsv and WordNet (wordnet-base), and what it builds has the documented
# frames and the cues the claims stage relies on. Skipped (exit 77) without wordnet-base.
source "$(dirname "$0")/lib.sh"

if [ ! -f /usr/share/wordnet/data.verb ]; then
  echo "skipped: wordnet-base not installed (scripts/setup)"
  exit 77
fi

python3 "$SRC/tools/build_cues.py" > "$WORK/cues.tsv"
cmp "$WORK/cues.tsv" "$SRC/extract/data/en/cues.tsv" ||
  fail "extract/data/en/cues.tsv differs from a rebuild: run python3 tools/build_cues.py > extract/data/en/cues.tsv"

python3 - "$WORK/cues.tsv" <<'PY'
import sys
frames = {"say", "say_that", "tag", "ing", "quote", "np", "accuse", "directive", "call_for", "label", "according", "statement"}
seen, got = set(), {}
for no, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if line.startswith("#"):
        continue
    cols = line.rstrip("\n").split("\t")
    assert len(cols) == 3, f"line {no}: {cols}"
    assert cols[2] in frames, f"line {no}: frame {cols[2]}"
    assert cols[0] not in seen, f"line {no}: duplicate {cols[0]}"
    seen.add(cols[0])
    got[cols[0]] = cols[2]
# Curated frames win; WordNet adds that-clause verbs; noun-like present forms need "that".
want = {"said": "say", "told": "say", "accused": "accuse", "according to": "according",
        "revealed": "say", "admitted": "say", "recommends": "say", "states": "say_that",
        "claims": "say_that", "reports": "say_that", "characterized": "np",
        "called": "label", "in the words of": "according", "ruled": "say_that",
        "attributed": "np"}
for form, frame in want.items():
    assert got.get(form) == frame, f"{form}: {got.get(form)} != {frame}"
for absent in ("calls", "shows", "made", "considered"):
    assert absent not in got or got[absent] != "say", f"{absent} should not be a say cue"
print(len(got), "cues")
PY
echo "ok"
