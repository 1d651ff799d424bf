#!/usr/bin/env python3
"""benchie_eval.py -- score open IE triples the way BenchIE does (English, fact synsets).

What it measures
  BenchIE's gold groups, per sentence, all the triples that express one fact into a
  "fact synset"; tokens written [like this] are optional. A system triple
  (subject, relation, object) is correct when each of its three slots is exactly equal
  (whitespace-normalised, case-sensitive) to the slot of some gold triple with any choice of
  optional parts kept or dropped. A correct triple marks its synset found (several triples
  finding the same synset count once).
      precision = synsets found / (synsets found + system triples that match no synset)
      recall    = synsets found / all gold synsets
  This follows the rule written in /work/shared/data/claims/benchie/README.md (our own
  implementation; the official scorer is under a non-commercial licence and is not used).
  Checked against the README's figures with --triples on the published system outputs
  (ClausIE on the 157-sentence dev half: P .557 R .259 F1 .353).

tkg's facts -> triples
  tkg's facts are n-ary (subject, relation, object, args). Each fact gives
      (subject, relation, object)                          when it has an object;
      (subject, relation + " " + object, arg)              for each extra argument
                                                           (relation alone when no object),
  the decomposition BenchIE's gold uses ("Graner --> handcuffed him --> to the bars"; the
  gold lists the preposition on either side). The relation is the fact's relation words
  (relation.phrase when they are not contiguous: "were able to defeat", not the text
  "were able to reinforce the hotel and defeat" that lies between them). BenchIE's English
  gold holds explicit facts only (every relation word is a word of the sentence), so facts
  whose relation no word of the text states (appositions' "is", possessives' "has": an
  empty relation span) give no triple.
  The sentences are sent PTB-tokenised, as in the gold, so span texts are already tokens.

Usage
  benchie_eval.py --system "build-dev/cli/tkg extract --parse"
  benchie_eval.py --pred out.jsonl
  benchie_eval.py --triples .../system_extractions/clausie_explicit.txt
  benchie_eval.py --system "build/cli/tkg extract" --show   (matches and misses, per sentence)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys

DATA = "/work/shared/data/claims/benchie"
GOLD = os.path.join(DATA, "benchie_gold_en_carbdev_subset.txt")
SENTS = os.path.join(DATA, "sentences_carbdev_subset.tsv")


def norm(s: str) -> list[str]:
    return s.split()


def parse_slot(s: str) -> list[tuple[list[str], bool]]:
    """A gold slot as groups of (tokens, optional)."""
    groups: list[tuple[list[str], bool]] = []
    for m in re.finditer(r"\[([^\]]*)\]|([^\[\]]+)", s):
        if m.group(1) is not None:
            toks = m.group(1).split()
            if toks:
                groups.append((toks, True))
        else:
            toks = m.group(2).split()
            if toks:
                groups.append((toks, False))
    return groups


def slot_matches(groups: list[tuple[list[str], bool]], toks: list[str]) -> bool:
    memo: dict[tuple[int, int], bool] = {}

    def go(g: int, j: int) -> bool:
        if g == len(groups):
            return j == len(toks)
        key = (g, j)
        if key in memo:
            return memo[key]
        gt, opt = groups[g]
        ok = toks[j:j + len(gt)] == gt and go(g + 1, j + len(gt))
        if not ok and opt:
            ok = go(g + 1, j)
        memo[key] = ok
        return ok

    return go(0, 0)


def read_gold(path: str) -> dict[str, list[list[list]]]:
    """sent_id -> list of synsets, each a list of triples of parsed slots."""
    gold: dict[str, list[list[list]]] = {}
    sid = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("sent_id:"):
                sid = line[len("sent_id:"):].split("\t")[0].strip()
                gold[sid] = []
            elif re.match(r"^\d+--> Cluster \d+:", line):
                gold[sid].append([])
            elif "-->" in line and sid is not None and gold[sid]:
                parts = [p.strip() for p in line.split("-->")]
                if len(parts) != 3:
                    continue
                gold[sid][-1].append([parse_slot(p) for p in parts])
    return gold


def read_sentences(path: str) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "\t" in line:
                k, s = line.rstrip("\n").split("\t", 1)
                out[k.strip()] = s
    return out


def facts_to_triples(result: dict) -> list[tuple[str, str, str]]:
    out = []
    for f in result.get("facts") or []:
        def t(part):
            return (part or {}).get("text") or "" if isinstance(part, dict) else ""
        subj, rel, obj = t(f.get("subject")), t(f.get("relation")), t(f.get("object"))
        if not subj.strip() or not rel.strip():
            # An implied relation (the "is" of an apposition, the "has" of a
            # possessive: no word of the text states it, its span is empty) is
            # outside BenchIE's explicit facts.
            continue
        # A relation of words that are not contiguous ("were able to [reinforce
        # the hotel and] defeat") is its words, the "phrase"; relation.text is
        # everything between its first and last word.
        rel = (f.get("relation") or {}).get("phrase") or rel
        if obj.strip():
            out.append((subj, rel, obj))
        for a in f.get("args") or []:
            at = t(a)
            if at.strip():
                out.append((subj, (rel + " " + obj).strip(), at))
    return out


def score(gold, triples_by_sid) -> dict:
    n_gold = sum(len(v) for v in gold.values())
    found = wrong = 0
    for sid, synsets in gold.items():
        hit = set()
        for (s, r, o) in triples_by_sid.get(sid, []):
            slots = (norm(s), norm(r), norm(o))
            ok = False
            for k, syn in enumerate(synsets):
                for g in syn:
                    if all(slot_matches(g[i], slots[i]) for i in range(3)):
                        hit.add(k)
                        ok = True
                        break
            if not ok:
                wrong += 1
        found += len(hit)
    p = found / (found + wrong) if found + wrong else 0.0
    r = found / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "found": found,
            "unmatched_triples": wrong, "gold_synsets": n_gold, "sentences": len(gold)}


def fmt_gold(g) -> str:
    return " | ".join(" ".join(("[" + " ".join(t) + "]") if o else " ".join(t) for t, o in slot)
                      for slot in g)


def show(gold, sents, triples_by_sid) -> None:
    """Per sentence: each system triple (OK<synset> or XX) and the synsets missed."""
    for sid, synsets in gold.items():
        print("=" * 80)
        print(sid, sents.get(sid, ""))
        hit = set()
        for (s, r, o) in triples_by_sid.get(sid, []):
            slots = (norm(s), norm(r), norm(o))
            k_ok = next((k for k, syn in enumerate(synsets)
                         if any(all(slot_matches(g[i], slots[i]) for i in range(3)) for g in syn)),
                        None)
            if k_ok is not None:
                hit.add(k_ok)
            print(("  OK%-3d " % k_ok if k_ok is not None else "  XX    ") + f"{s} | {r} | {o}")
        for k, syn in enumerate(synsets):
            if k not in hit:
                more = f"   (+{len(syn) - 1} variants)" if len(syn) > 1 else ""
                print("  miss%-2d " % k + fmt_gold(syn[0]) + more)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", help="command reading JSONL documents on stdin, writing results")
    ap.add_argument("--pred", help="output JSONL of an earlier run (ids b<sent_id>)")
    ap.add_argument("--triples", help="sent_id<TAB>subject<TAB>relation<TAB>object file")
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--sentences", default=SENTS)
    ap.add_argument("--write-input", help="write the JSONL input and exit")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true",
                    help="list every sentence's triples (OK<synset> / XX unmatched) and missed synsets")
    a = ap.parse_args()
    gold = read_gold(a.gold)
    sents = read_sentences(a.sentences)
    inp = "".join(json.dumps({"id": "b" + k, "text": s}) + "\n" for k, s in sents.items())
    if a.write_input:
        with open(a.write_input, "w", encoding="utf-8") as f:
            f.write(inp)
        return 0
    triples: dict[str, list] = {}
    if a.triples:
        with open(a.triples, encoding="utf-8") as f:
            for line in f:
                d = line.rstrip("\n").split("\t")
                if len(d) >= 4:
                    triples.setdefault(d[0].strip(), []).append((d[1], d[2], d[3]))
    else:
        if a.system:
            out = subprocess.run(a.system, shell=True, input=inp, capture_output=True, text=True).stdout
        elif a.pred:
            with open(a.pred, encoding="utf-8") as f:
                out = f.read()
        else:
            ap.error("one of --system, --pred, --triples")
        for line in out.splitlines():
            try:
                res = json.loads(line)
            except json.JSONDecodeError:
                continue
            rid = str(res.get("id", ""))
            if rid.startswith("b") and "error" not in res:
                triples[rid[1:]] = facts_to_triples(res)
    s = score(gold, triples)
    if a.show:
        show(gold, sents, triples)
    print(f"BenchIE dev half: {s['sentences']} sentences, {s['gold_synsets']} fact synsets")
    print(f"P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  "
          f"(found {s['found']}, unmatched triples {s['unmatched_triples']})")
    if a.json:
        print(json.dumps(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
