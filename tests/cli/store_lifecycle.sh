# Re-ingesting changes nothing; a changed document replaces its claims; a
# second writer is refused while readers keep reading; bad input is reported
# and loses nothing.
source "$(dirname "$0")/lib.sh"

expect_status 0 "$TKG" ingest "$NATO" "$SRC/samples/wikinews.jsonl" --date 2022-11-29
expect_in "$WORK/out" "5 added"
stats() { "$TKG" stats --json | python3 -c "import json,sys; s=json.load(sys.stdin); s.pop('bytes'); print(json.dumps(s, sort_keys=True))"; }
stats > "$WORK/stats1.json"
expect_status 0 "$TKG" ingest "$NATO" "$SRC/samples/wikinews.jsonl" --date 2022-11-29
expect_in "$WORK/out" "0 added, 0 replaced, 5 unchanged, 0 failed"
stats > "$WORK/stats2.json"
cmp "$WORK/stats1.json" "$WORK/stats2.json" || fail "re-ingest changed the database"

# A changed document with the same id replaces its claims.
sed 's/Kuleba said/Kuleba told reporters/' "$NATO" > "$WORK/nato-bucharest-2022-11-29.txt"
expect_status 0 "$TKG" ingest "$WORK/nato-bucharest-2022-11-29.txt" --date 2022-11-29
expect_in "$WORK/out" "1 replaced"
expect_status 0 "$TKG" said --who Kuleba --json
python3 -c "
import json
rows = json.load(open('$WORK/out'))
cues = sorted(r['cue'] for r in rows)
assert 'tell' in cues, cues
assert sum(1 for r in rows if r['content'].startswith('When we have transformers')) == 1, rows
"

# A second writer gets a clear error; a reader works beside the writer.
mkfifo "$WORK/fifo"
"$TKG" ingest - --db "$TKG_DB" < "$WORK/fifo" > "$WORK/writer.out" 2>&1 &
writer=$!
exec 3> "$WORK/fifo"   # keeps the writer waiting on its input
# Wait until the writer holds the database's lock (the LOCK file stays from the
# ingest above, so its existence says nothing; /proc/locks lists its inode once
# the writer has locked it).
for _ in $(seq 100); do [ -e "$TKG_DB/LOCK" ] && break; sleep 0.1; done
lock_inode=$(stat -c %i "$TKG_DB/LOCK")
for _ in $(seq 300); do grep -q ":$lock_inode " /proc/locks && break; sleep 0.1; done
grep -q ":$lock_inode " /proc/locks || fail "the first writer never locked the database"
expect_status 1 "$TKG" ingest "$NATO" --date 2022-11-29
expect_in "$WORK/err" "tkg: error: database $TKG_DB is in use by another process"
expect_status 0 "$TKG" said --who Stoltenberg
expect_in "$WORK/out" "We will not back down"
printf '{"id":"late","text":"“It is late,” Jens Stoltenberg said.","date":"2022-12-01"}\n' >&3
exec 3>&-
wait "$writer" || fail "the first writer failed: $(cat "$WORK/writer.out")"
expect_status 0 "$TKG" said --who Stoltenberg --from 2022-12-01
expect_in "$WORK/out" "It is late"

# Bad inputs: a clear message, the rest still goes in.
printf 'Nothing happened.\n' > "$WORK/good.txt"
printf 'caf\xe9 au lait\n' > "$WORK/latin1.txt"
: > "$WORK/empty.txt"
printf '{"id":"ok1","text":"Paris said talks would resume.","date":"2022-12-02"}\n{nope\n' > "$WORK/mixed.jsonl"
expect_status 1 "$TKG" ingest "$WORK/good.txt" "$WORK/latin1.txt" "$WORK/empty.txt" \
  "$WORK/missing.txt" "$WORK/mixed.jsonl" --date 2022-12-02
expect_in "$WORK/err" "latin1.txt: invalid UTF-8 at byte 3 (line 1, column 4)"
expect_in "$WORK/err" "empty.txt: empty document"
expect_in "$WORK/err" "no such file: $WORK/missing.txt"
expect_in "$WORK/err" "mixed.jsonl:2: invalid JSON"
expect_in "$WORK/out" "2 added"
expect_status 2 "$TKG" ingest "$NATO" --date 29/11/2022
expect_in "$WORK/err" "bad date '29/11/2022'"
# An HTML page: the article's text and the page's date, title and site name.
expect_status 0 "$TKG" ingest "$SRC/tests/data/html/harbour.html" --date 2000-01-01
expect_in "$WORK/out" "1 added"
expect_status 0 "$TKG" said --who Quell --json
python3 -c "
import json
rows = json.load(open('$WORK/out'))
assert any(r['content'] == 'The cranes are safe and the channel is clear' and r['date']['value'] == '2022-11-29' for r in rows), rows
"
# tkg extract prints the text taken from the page: the spans point into it.
expect_status 0 "$TKG" extract "$SRC/tests/data/html/harbour.html"
python3 -c "
import json
d = json.loads(open('$WORK/out').readline())
t = d['text'].encode()
assert d['date'] == '2022-11-29T08:15:00Z' and d['source'] == 'The Coastal Ledger', d
for c in d['claims']:
    assert t[c['content']['begin']:c['content']['end']].decode() == c['content']['text'], c
assert b'Share on social media' not in t
"
printf '<meta charset="shift_jis"><p>x</p>' > "$WORK/sjis.html"
expect_status 1 "$TKG" ingest "$WORK/sjis.html"
expect_in "$WORK/err" "sjis.html: the page declares charset 'shift_jis'"
echo "ok"
