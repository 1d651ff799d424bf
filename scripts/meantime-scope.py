#!/usr/bin/env python3
"""Score tkg's time expressions on MEANTIME within the annotated scope.

MEANTIME annotates only the title, the dateline and the first sentences of
each article (sentences 0-5 of the CAT files; checked on the apple
sub-corpus: no TIMEX3 lies beyond sentence 5), so the scorer's whole-document
precision counts every correct expression after the fifth sentence as a false
positive. This script runs the system on the scorer's own input, drops the
system's expressions that begin after the first N lines of the text (the
scorer writes one sentence per line), and scores the rest with --pred.

  scripts/meantime-scope.py --system "build-dev/cli/tkg extract" \\
      [--eval ../shared/eval] [--gold ../data/timex/meantime-en-apple] [--lines 6] [--show-errors N]

The standard library only; the scorer is ../shared/eval/timex_eval.py.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", required=True, help="command reading JSONL on stdin (tkg extract)")
    ap.add_argument("--eval", default=os.path.join(here, "..", "..", "shared", "eval"),
                    help="folder of timex_eval.py")
    ap.add_argument("--gold", default="../data/timex/meantime-en-apple",
                    help="gold folder, relative to --eval")
    ap.add_argument("--lines", type=int, default=6, help="annotated lines (sentences 0..N-1)")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    scorer = os.path.join(args.eval, "timex_eval.py")
    if not os.path.exists(scorer):
        sys.exit("no scorer at " + scorer)
    with tempfile.TemporaryDirectory() as tmp:
        inp, out, scoped = (os.path.join(tmp, n) for n in ("in.jsonl", "out.jsonl", "scoped.jsonl"))
        subprocess.run([sys.executable, scorer, "--gold", args.gold, "--write-input", inp],
                       cwd=args.eval, check=True, stdout=subprocess.DEVNULL)
        texts = {}
        with open(inp, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                texts[d["id"]] = d["text"].encode("utf-8")
        with open(inp, "rb") as fi, open(out, "wb") as fo:
            subprocess.run(args.system, shell=True, stdin=fi, stdout=fo, check=False)
        with open(out, encoding="utf-8") as fi, open(scoped, "w", encoding="utf-8") as fo:
            for line in fi:
                d = json.loads(line)
                text = texts.get(d.get("id"), b"")
                limit = 0
                for _ in range(args.lines):
                    nl = text.find(b"\n", limit)
                    if nl < 0:
                        limit = len(text)
                        break
                    limit = nl + 1
                d["timexes"] = [t for t in d.get("timexes", []) if t["begin"] < limit]
                fo.write(json.dumps(d) + "\n")
        cmd = [sys.executable, scorer, "--gold", args.gold, "--pred", scoped]
        if args.show_errors:
            cmd += ["--show-errors", str(args.show_errors)]
        if args.json:
            cmd.append("--json")
        return subprocess.run(cmd, cwd=args.eval).returncode


if __name__ == "__main__":
    sys.exit(main())
