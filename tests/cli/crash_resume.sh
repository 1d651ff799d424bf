# A killed ingest loses no acknowledged document, and re-running it finishes
# the job without duplicates: the result equals an uninterrupted ingest.
source "$(dirname "$0")/lib.sh"

# 2000 distinct documents (the sample under different ids, with a marker),
# ingested with --fast: what is tested is the store, not the parser (whose
# 2000 parses would take many minutes under the sanitizers).
python3 - "$NATO" > "$WORK/many.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(2000):
    print(json.dumps({"id": f"doc-{i:03d}", "date": "2022-11-29",
                      "text": text + f"\n\n“Copy {i} is here,” Jens Stoltenberg said."}))
PY

"$TKG" ingest "$WORK/many.jsonl" --fast --db "$WORK/clean.db" --quiet > /dev/null
"$TKG" stats --json --db "$WORK/clean.db" | python3 -c "import json,sys; s=json.load(sys.stdin); s.pop('database'); s.pop('bytes'); print(json.dumps(s, sort_keys=True))" > "$WORK/clean.stats"

"$TKG" ingest "$WORK/many.jsonl" --fast --threads 1 --quiet > /dev/null 2>&1 &
pid=$!
# Kill it once some documents are stored (readers work beside the writer).
for _ in $(seq 600); do
  n=$("$TKG" stats --json 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)['documents'])" 2>/dev/null || echo 0)
  [ "$n" -ge 20 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || fail "the ingest finished before it could be killed"
wait "$pid" 2>/dev/null || true
"$TKG" stats --json > "$WORK/partial.json" || fail "the database does not open after a kill"
docs=$(python3 -c "import json; print(json.load(open('$WORK/partial.json'))['documents'])")
echo "documents stored before the kill: $docs"
[ "$docs" -lt 2000 ] || fail "nothing was left to resume"

expect_status 0 "$TKG" ingest "$WORK/many.jsonl" --fast --quiet
"$TKG" stats --json | python3 -c "import json,sys; s=json.load(sys.stdin); s.pop('database'); s.pop('bytes'); print(json.dumps(s, sort_keys=True))" > "$WORK/resumed.stats"
diff "$WORK/clean.stats" "$WORK/resumed.stats" || fail "resumed ingest differs from a clean one"
expect_in "$WORK/out" "2000 documents"
echo "ok"
