#!/usr/bin/env python3
"""Sentence-boundary precision, recall and F1 of `tkg parse` on raw text.

Gold sets:
  --ud FILE.conllu     documents rebuilt from a UD treebank's `# newdoc`, `# newpar` and
                       `# text` lines (sentences of a paragraph joined by a space,
                       paragraphs by a blank line)
  --pairs DIR          X.txt / X_s.txt pairs, the expected sentences separated by
                       {{sentence_break}} (the English test set of the Debian package
                       golang-gopkg-neurosnap-sentences.v1-dev, under
                       /usr/share/gocode/src/gopkg.in/neurosnap/sentences.v1/test_files/english)

A boundary is the byte offset where a sentence ends (after its last non-space character);
the end of each document is not counted. Usage:

  tools/eval_sentences.py --tkg build/cli/tkg --ud ../shared/data/treebanks/ud-ewt/en_ewt-ud-dev.conllu
"""
import argparse
import json
import os
import subprocess
import sys


def ud_documents(path):
    docs, paras, sents = [], [], []

    def flush_para():
        nonlocal sents
        if sents:
            paras.append(sents)
        sents = []

    def flush_doc():
        nonlocal paras
        flush_para()
        if paras:
            docs.append(paras)
        paras = []

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            flush_doc()
        elif line.startswith("# newpar"):
            flush_para()
        elif line.startswith("# text = "):
            sents.append(line[len("# text = "):])
    flush_doc()
    out = []
    for d in docs:
        text, ends = "", []
        for pi, para in enumerate(d):
            if pi:
                text += "\n\n"
            for si, s in enumerate(para):
                if si:
                    text += " "
                text += s
                ends.append(len(text.encode("utf-8")))
        out.append((text, set(ends[:-1])))
    return out


def pair_documents(path):
    out = []
    for name in sorted(os.listdir(path)):
        if not name.endswith("_s.txt"):
            continue
        raw = open(os.path.join(path, name[:-6] + ".txt"), encoding="utf-8").read()
        gold = [s.strip() for s in open(os.path.join(path, name), encoding="utf-8").read()
                .split("{{sentence_break}}") if s.strip()]
        # The gold sentences are the raw text cut in pieces, whitespace aside:
        # walk both by their non-space characters.
        braw = raw.encode("utf-8")
        nonspace = [i for i, b in enumerate(braw) if b not in b" \t\r\n"]
        ends, k = [], 0
        for s in gold:
            n = sum(1 for b in s.encode("utf-8") if b not in b" \t\r\n")
            k += n
            if k > len(nonspace):
                break
            ends.append(nonspace[k - 1] + 1)
        joined = b"".join(b for b in [bytes([c]) for c in braw] if b not in (b" ", b"\t", b"\r", b"\n"))
        gold_joined = "".join("".join(s.split()) for s in gold).encode("utf-8")
        if joined != gold_joined:
            print(f"warning: {name}: gold sentences differ from the raw text", file=sys.stderr)
        out.append((raw, set(ends[:-1])))
    return out


def tkg_boundaries(tkg, texts):
    lines = "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    res = subprocess.run([tkg, "parse", "--format", "jsonl", "-"], input=lines.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    out, doc, last_end = {}, None, None
    for line in res.stdout.decode("utf-8").split("\n"):
        if line.startswith("# newdoc id = "):
            doc = int(line[len("# newdoc id = d"):])
            out[doc] = []
        elif line.startswith("#"):
            continue
        elif not line:
            if last_end is not None:
                out[doc].append(last_end)
            last_end = None
        else:
            misc = dict(kv.split("=", 1) for kv in line.split("\t")[9].split("|"))
            last_end = int(misc["TokenRange"].split(":")[1])
    return out


def show_errors(text, false_splits, misses, width):
    """Prints `FP|FN: ...left || right...` with the offending boundary marked by ' || '."""
    raw = text.encode("utf-8")
    for tag, offsets in (("FP", false_splits), ("FN", misses)):
        for off in sorted(offsets):
            left = raw[max(0, off - width):off].decode("utf-8", "replace")
            right = raw[off:off + width].decode("utf-8", "replace")
            print(f"{tag}: {left!r} || {right!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tkg", default="build/cli/tkg")
    ap.add_argument("--ud", action="append", default=[])
    ap.add_argument("--pairs", action="append", default=[])
    ap.add_argument("--show", action="store_true",
                    help="print each false split (FP) and missed boundary (FN) in context")
    ap.add_argument("--context", type=int, default=60, help="characters each side with --show")
    args = ap.parse_args()
    sets = [(p, ud_documents(p)) for p in args.ud] + [(p, pair_documents(p)) for p in args.pairs]
    if not sets:
        ap.error("give --ud or --pairs")
    for name, docs in sets:
        sys_b = tkg_boundaries(args.tkg, [t for t, _ in docs])
        tp = fp = fn = 0
        for i, (text, gold) in enumerate(docs):
            found = sys_b.get(i, [])
            mine = set(found[:-1])
            tp += len(mine & gold)
            fp += len(mine - gold)
            fn += len(gold - mine)
            if args.show:
                show_errors(text, mine - gold, gold - mine, args.context)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{os.path.basename(name.rstrip('/'))}: {len(docs)} docs, {tp + fn} gold boundaries: "
              f"P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}")


if __name__ == "__main__":
    main()
