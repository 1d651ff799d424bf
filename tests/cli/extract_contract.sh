# tkg extract follows the JSONL contract: one line per input line, byte
# offsets that slice the input exactly, error lines that say which line.
source "$(dirname "$0")/lib.sh"

python3 - "$NATO" > "$WORK/in.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "nato", "text": text, "date": "2022-11-29", "title": "t", "extra": 7}))
print("{broken json")
print(json.dumps({"id": "no-text"}))
print(json.dumps({"id": "bad-date", "text": "He said so on Tuesday.", "date": "2022-02-30"}))
print(json.dumps({"id": "undated", "text": "Smith said on Tuesday that talks would resume."}))
print(json.dumps({"id": 42, "text": ""}))
PY
printf '{"id": "bad-utf8", "text": "caf\xe9"}\n' >> "$WORK/in.jsonl"

expect_status 1 "$TKG" extract "$WORK/in.jsonl"
cp "$WORK/out" "$WORK/result.jsonl"
cp "$WORK/err" "$WORK/stderr"
expect_in "$WORK/stderr" "in.jsonl:2: invalid JSON"
expect_in "$WORK/stderr" "in.jsonl:3: missing \"text\""
expect_in "$WORK/stderr" "in.jsonl:4: bad date '2022-02-30'"
expect_in "$WORK/stderr" "in.jsonl:7: invalid UTF-8 at byte"
expect_in "$WORK/stderr" "no publication date"

python3 - "$WORK/in.jsonl" "$WORK/result.jsonl" <<'PY'
import json, sys
inputs = open(sys.argv[1], "rb").read().split(b"\n")
outputs = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
assert len(outputs) == 7, len(outputs)
res = [json.loads(l) for l in outputs]
assert [r.get("error") is not None for r in res] == [False, True, True, True, False, False, True], res
assert res[1] == {"id": None, "error": res[1]["error"], "line": 2}
assert res[2]["id"] == "no-text" and res[2]["line"] == 3
assert res[5]["id"] == "42" and res[5]["warnings"] == ["empty document"]
nato = res[0]
assert nato["date"] == "2022-11-29" and nato["extra"] == 7 and nato["title"] == "t"
text = json.loads(inputs[0])["text"].encode("utf-8")
def check(span, label):
    b, e = span["begin"], span["end"]
    assert 0 <= b <= e <= len(text), (label, span)
    assert text[b:e].decode("utf-8") == span["text"], (label, span, text[b:e])
for s in nato["sentences"]:
    text[s[0]:s[1]].decode("utf-8")
for t in nato["timexes"]:
    check(t, "timex")
for c in nato["claims"]:
    check(c["content"], "content")
    if c["speaker"]: check(c["speaker"], "speaker")
    if c["cue"] and c["cue"]["text"]: check(c["cue"], "cue")
    assert c["kind"] in ("direct", "indirect", "mixed")
    assert c["date"]["value"] == "2022-11-29", c
    for ev in c["evidence"]:
        text[ev[0]:ev[1]].decode("utf-8")
for f in nato["facts"]:
    check(f["subject"], "subject"); check(f["relation"], "relation")
for e in nato["entities"]:
    for m in e["mentions"]:
        text[m[0]:m[1]].decode("utf-8")
# Without a publication date relative expressions stay unresolved.
undated = res[4]
assert undated["date"] is None
assert all(t["value"].startswith("X") for t in undated["timexes"] if t["anchor"] == "dct" or t["text"] == "Tuesday"), undated["timexes"]
assert all(c["date"]["value"] is None for c in undated["claims"]), undated["claims"]
print("contract ok:", len(nato["claims"]), "claims,", len(nato["entities"]), "entities")
PY

# A plain-text file with --date, and stdin.
expect_status 0 "$TKG" extract --date 2022-11-29 "$NATO"
expect_in "$WORK/out" '"id":"nato-bucharest-2022-11-29"'
expect_status 0 bash -c "head -1 '$WORK/in.jsonl' | '$TKG' extract"
expect_in "$WORK/out" '"id":"nato"'
# The default pipeline parses: "him" is then not the subject of its own
# clause ("Smith praised him" -> Peter Green), which the first-mention guess
# of --fast (no parse) cannot see.
printf 'Peter Green met John Smith. Smith praised him.\n' > "$WORK/him.txt"
expect_status 0 "$TKG" extract --date 2022-11-29 "$WORK/him.txt"
python3 - "$WORK/out" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
him = [e["id"] for e in d["entities"] for b, _ in e["mentions"] if b == 42]
assert him == ["person/peter-green"], (him, d["entities"])
PY
# Ingesting without --fast after a --fast ingest re-extracts (another version).
expect_status 0 "$TKG" ingest --date 2022-11-29 --fast "$WORK/him.txt"
expect_in "$WORK/out" "1 added"
expect_status 0 "$TKG" ingest --date 2022-11-29 "$WORK/him.txt"
expect_in "$WORK/out" "1 replaced"
expect_status 0 "$TKG" ingest --date 2022-11-29 "$WORK/him.txt"
expect_in "$WORK/out" "1 unchanged"

# Usage errors exit 2.
expect_status 2 "$TKG" extract --date yesterday "$NATO"
expect_in "$WORK/err" "tkg: error:"
expect_status 2 "$TKG" extract --nope
expect_status 1 "$TKG" extract "$WORK/missing.txt"
expect_in "$WORK/err" "no such file"
echo "ok"
