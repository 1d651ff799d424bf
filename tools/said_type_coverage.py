#!/usr/bin/env python3
"""The share of CaRB's said-type attribution contexts that tkg finds as claims.

CaRB's said-type gold (../shared/data/claims/carb/said_type_gold_nontest.tsv) marks
the reporting context of a tuple as "C: <speaker> <cue> ..." ("C: Alexander
supposedly said"). For each such context, a claim of `tkg extract` on the
(detokenised) sentence counts as found when its cue shares a word with the
context and its speaker, when it has one, shares a word with it too (so
"says" in the text against "said" in the context counts as not found).

  tools/said_type_coverage.py [--tkg build/cli/tkg] [--data ../shared/data] [--show]
"""
import argparse
import json
import os
import re
import subprocess


def detok(s):
    s = s.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
    s = re.sub(r" ([,.;:?!%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    s = re.sub(r" ('s|'re|'ve|'ll|'d|n't|'m)\b", r"\1", s)
    return s.replace(" - ", "-").replace("{ ", "{").replace(" }", "}")


def words(s):
    return set(detok(s).lower().replace(",", " ").split())


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tkg", default="build/cli/tkg")
    ap.add_argument("--data", default=os.path.join("..", "shared", "data"))
    ap.add_argument("--show", action="store_true", help="print the contexts not found")
    args = ap.parse_args()
    base = os.path.join(args.data, "claims", "carb")
    sents = [l.rstrip("\n").lstrip("\ufeff") for l in
             open(os.path.join(base, "said_type_sentences_nontest.txt"), encoding="utf-8")]
    ctx = {}
    for line in open(os.path.join(base, "said_type_gold_nontest.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").lstrip("\ufeff").split("\t")
        for x in f[4:]:
            if x.startswith("C: "):
                ctx.setdefault(f[0], set()).add(x[3:])
    inp = "".join(json.dumps({"id": str(i), "text": detok(s)}) + "\n" for i, s in enumerate(sents))
    out = subprocess.run([args.tkg, "extract", "-"], input=inp, capture_output=True, text=True,
                         check=True).stdout
    res = {int(d["id"]): d for d in map(json.loads, out.splitlines())}
    total = found = 0
    for i, s in enumerate(sents):
        for c in sorted(ctx.get(s, ())):
            total += 1
            cw = words(c)
            ok = False
            for cl in res[i].get("claims", []):
                sp = words(cl["speaker"]["text"] or "") if cl.get("speaker") else set()
                cue = words(cl["cue"]["text"] or "") if cl.get("cue") else set()
                if cue and cue & cw and (not sp or sp & cw):
                    ok = True
            found += ok
            if not ok and args.show:
                print("not found:", c, "||", detok(s))
    print(f"said-type contexts: {total}, found as claims: {found} ({100 * found / total:.1f}%)")


if __name__ == "__main__":
    main()
