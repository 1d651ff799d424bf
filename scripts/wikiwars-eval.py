#!/usr/bin/env python3
"""Score tkg's time expressions on WikiWars dev (TIMEX2 gold), for information only.

WikiWars (../shared/data/timex/wikiwars-dev/keyinline/*.key.xml) is annotated
with TIMEX2, whose extents include modifiers that TIMEX3 leaves out ("early
in 1914") and whose values differ in places, so only the relaxed match
(any character overlap, one-to-one, largest overlap first) and the value
accuracy over matched pairs (TIMEX2 val = TIMEX3 value, exact string) are
reported. The publication date given to the system is the download date in
each file's DATETIME (2009-12), as the corpus intends; narrative text anchors
most relative expressions on earlier dates instead.

  scripts/wikiwars-eval.py --system "build-dev/cli/tkg extract" [--data DIR] [--show-errors N]

Standard library only.
"""
import argparse
import glob
import html
import json
import os
import re
import subprocess
import sys

TAG = re.compile(r"<(/?)TIMEX2([^>]*)>")


def read_doc(path):
    raw = open(path, encoding="utf-8").read()
    m = re.search(r"<DATETIME>.*?val=\"([0-9-]{10})", raw, re.S)
    dct = m.group(1) if m else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text, gold, stack, pos = [], [], [], 0
    length = 0
    for t in TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        text.append(chunk)
        length += len(chunk)
        pos = t.end()
        if t.group(1) == "":
            v = re.search(r'val="([^"]*)"', t.group(2))
            stack.append((length, v.group(1) if v else ""))
        else:
            begin, val = stack.pop()
            gold.append((begin, length, val))
    text.append(html.unescape(body[pos:]))
    return "".join(text), dct, gold


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", required=True)
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data", "timex", "wikiwars-dev"))
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.data, "keyinline", "*.key.xml")))
    if not files:
        sys.exit("no WikiWars files under " + args.data)
    docs = {}
    lines = []
    for f in files:
        text, dct, gold = read_doc(f)
        doc_id = os.path.basename(f)
        docs[doc_id] = (text, gold)
        lines.append(json.dumps({"id": doc_id, "text": text, "date": dct}))
    out = subprocess.run(args.system, shell=True, input="\n".join(lines) + "\n",
                         capture_output=True, text=True).stdout
    n_gold = n_sys = pairs = values = 0
    errors = []
    for line in out.splitlines():
        d = json.loads(line)
        text, gold = docs[d["id"]]
        enc = text.encode("utf-8")
        sys_spans = []
        for t in d.get("timexes", []):
            b = len(enc[:t["begin"]].decode("utf-8"))
            e = len(enc[:t["end"]].decode("utf-8"))
            sys_spans.append((b, e, t["value"]))
        n_gold += len(gold)
        n_sys += len(sys_spans)
        cand = []
        for i, (gb, ge, gv) in enumerate(gold):
            for j, (sb, se, sv) in enumerate(sys_spans):
                ov = min(ge, se) - max(gb, sb)
                if ov > 0:
                    cand.append((ov, i, j))
        used_g, used_s = set(), set()
        for ov, i, j in sorted(cand, reverse=True):
            if i in used_g or j in used_s:
                continue
            used_g.add(i)
            used_s.add(j)
            pairs += 1
            if gold[i][2] == sys_spans[j][2]:
                values += 1
            elif len(errors) < args.show_errors:
                errors.append(f"{d['id']}: gold {gold[i][2]} '{text[gold[i][0]:gold[i][1]]}' / "
                              f"system {sys_spans[j][2]} '{text[sys_spans[j][0]:sys_spans[j][1]]}'")
    p = pairs / n_sys if n_sys else 0
    r = pairs / n_gold if n_gold else 0
    f1 = 2 * p * r / (p + r) if p + r else 0
    acc = values / pairs if pairs else 0
    print(f"documents {len(docs)}   gold TIMEX2 {n_gold}   system {n_sys}")
    print(f"relaxed  P {100 * p:.2f}  R {100 * r:.2f}  F1 {100 * f1:.2f}")
    print(f"value accuracy {100 * acc:.2f}   value F1 {100 * acc * f1:.2f}")
    for e in errors:
        print("  " + e)


if __name__ == "__main__":
    main()
