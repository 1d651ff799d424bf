# tools/build_gazetteer.py rebuilds the committed extract/data/en/gazetteer.tsv byte for byte
# from the Debian data (iso-codes, wordnet-base), and what it builds holds the names the entity
# stage relies on. Skipped (exit 77) when those packages are not installed.
source "$(dirname "$0")/lib.sh"

if [ ! -f /usr/share/iso-codes/json/iso_3166-1.json ] || [ ! -f /usr/share/wordnet/data.noun ]; then
  echo "skipped: iso-codes or wordnet-base not installed (scripts/setup)"
  exit 77
fi

python3 "$SRC/tools/build_gazetteer.py" > "$WORK/gazetteer.tsv" 2> "$WORK/build.err"
grep -q "names" "$WORK/build.err" || fail "build_gazetteer.py printed no count"
cmp "$WORK/gazetteer.tsv" "$SRC/extract/data/en/gazetteer.tsv" ||
  fail "extract/data/en/gazetteer.tsv differs from a rebuild: run python3 tools/build_gazetteer.py > extract/data/en/gazetteer.tsv"

# Every line: name, kind, canonical; kinds from the documented set; no duplicate names.
python3 - "$WORK/gazetteer.tsv" <<'PY'
import sys, unicodedata
kinds = {"country", "region", "city", "place", "org", "person", "demonym"}
seen, n = set(), 0
for no, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if line.startswith("#"):
        continue
    cols = line.rstrip("\n").split("\t")
    assert len(cols) == 3, f"line {no}: {cols}"
    assert cols[1] in kinds, f"line {no}: kind {cols[1]}"
    key = "".join(c for c in unicodedata.normalize("NFKD", cols[0]) if not unicodedata.combining(c)).lower()
    assert key not in seen, f"line {no}: duplicate {cols[0]}"
    seen.add(key)
    n += 1
assert n > 10000, n
PY
# Demonyms point at their country (WordNet pertainyms), countries come from iso-codes.
grep -qP '^Turkish\tdemonym\tTurkey$' "$WORK/gazetteer.tsv" || fail "Turkish -> Turkey missing"
grep -qP '^Slovak\tdemonym\tSlovakia$' "$WORK/gazetteer.tsv" || fail "Slovak -> Slovakia missing"
grep -qP '^Plurinational State of Bolivia\tcountry\tBolivia' "$WORK/gazetteer.tsv" ||
  fail "iso-codes official names missing"
echo "ok"
