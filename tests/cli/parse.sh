# tkg parse: CoNLL-U out of raw text (tkg's tokens, byte offsets in MISC) and
# out of CoNLL-U (gold tokens kept, every other line unchanged).
source "$(dirname "$0")/lib.sh"

expect_status 0 "$TKG" parse "$NATO"
cp "$WORK/out" "$WORK/nato.conllu"
python3 - "$NATO" "$WORK/nato.conllu" <<'PY'
import sys
text = open(sys.argv[1], "rb").read()
sents, cur = [], []
for line in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if not line:
        if cur: sents.append(cur); cur = []
        continue
    if line.startswith("#"): continue
    cols = line.split("\t")
    assert len(cols) == 10, line
    cur.append(cols)
assert len(sents) > 20, len(sents)
for s in sents:
    n = len(s)
    assert [int(c[0]) for c in s] == list(range(1, n + 1))
    heads = [int(c[6]) for c in s]
    assert all(0 <= h <= n for h in heads), heads
    assert heads.count(0) == 1, "one root per sentence"
    for c in s:
        assert c[3] and c[3] != "_" and c[4] != "_" and c[7] != "_" and c[2] != "_", c
        misc = dict(kv.split("=", 1) for kv in c[9].split("|"))
        b, e = map(int, misc["TokenRange"].split(":"))
        assert text[b:e].decode("utf-8") == c[1], (c, text[b:e])
    # No cycles: every word reaches the root.
    for i in range(1, n + 1):
        seen, k = set(), i
        while k != 0:
            assert k not in seen, "cycle"
            seen.add(k); k = heads[k - 1]
PY
expect_in "$WORK/nato.conllu" "# newdoc id = nato-bucharest-2022-11-29"
expect_in "$WORK/nato.conllu" "	Stoltenberg	Stoltenberg	PROPN	NNP	"

# --conllu keeps the gold tokens, comments, multiword and empty-node lines.
cat > "$WORK/gold.conllu" <<'CONLLU'
# sent_id = a-1
# text = We don't know.
1	We	_	_	_	_	_	_	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	_	_	_	_	_	_	_	_
3	n't	_	_	_	_	_	_	_	_
4	know	_	_	_	_	_	_	_	SpaceAfter=No
4.1	knew	_	_	_	_	_	_	_	_
5	.	_	_	_	_	_	_	_	_

CONLLU
expect_status 0 "$TKG" parse --conllu "$WORK/gold.conllu"
expect_in "$WORK/out" "# text = We don't know."
expect_in "$WORK/out" "2-3	don't	_	_	_	_	_	_	_	_"
expect_in "$WORK/out" "4.1	knew	_"
expect_in "$WORK/out" "3	n't	not	PART	RB	_	4	advmod	_	_"
expect_in "$WORK/out" "4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No"
# The same through stdin.
"$TKG" parse --conllu - < "$WORK/gold.conllu" > "$WORK/stdin.conllu"
cmp "$WORK/out" "$WORK/stdin.conllu" || fail "stdin and file output differ"

# Bad input: a clear error naming the line; a missing file.
printf '1\tWe\t_\n' > "$WORK/bad.conllu"
expect_status 1 "$TKG" parse --conllu "$WORK/bad.conllu"
expect_in "$WORK/err" "bad.conllu:1: a CoNLL-U word line has 10 tab-separated columns"
expect_status 1 "$TKG" parse --conllu "$WORK/nope.conllu"
expect_in "$WORK/err" "tkg: error: cannot open"
expect_status 2 "$TKG" parse --conllu "$WORK/gold.conllu" "$NATO"
echo "parse: ok"
