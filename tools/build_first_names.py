#!/usr/bin/env python3
"""Builds extract/data/en/first_names.tsv: given names with their usual gender,
for the pronoun resolution of the entity stage ("Mary ... she").

Sources:
  - WordNet 3.0 (Debian package wordnet-base, WordNet licence): instances of
    person synsets ("Jane_Austen" @i novelist). The gender of an instance is
    read from its gloss ("noted for her novels") and its class (actress,
    queen, king ...); the first word of each multi-word instance name votes
    for that gender. A name is kept when at least 80% of its votes agree.
  - extract/data/en/first_names_extra.tsv: a curated list for common names
    WordNet lacks (news names of today: Jens, Dmytro, Kamala ...). It wins
    over WordNet.

Usage: tools/build_first_names.py [--wordnet /usr/share/wordnet]
         [--extra extract/data/en/first_names_extra.tsv]
         [-o extract/data/en/first_names.tsv]
"""
import argparse
import collections
import os
import re
import sys

PERSON = "00007846"  # person, individual, someone ...
FEMALE_CLASS = re.compile(
    r"\b(woman|actress|queen|wife|mother|daughter|sister|princess|empress|nun|"
    r"heroine|goddess|ballerina|poetess|duchess|countess|lady|songstress|"
    r"suffragist|suffragette)\b")
MALE_CLASS = re.compile(
    r"\b(king|actor|husband|father|son|brother|prince|emperor|monk|god|duke|"
    r"count|pope|lord|man|patriarch|sultan|tsar|czar|pharaoh)\b")
HE = re.compile(r"\b(he|his|him|himself)\b")
SHE = re.compile(r"\b(she|her|hers|herself)\b")


def read_wordnet(path):
    data = {}
    with open(os.path.join(path, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            n_words = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n_words)]
            p = 4 + 2 * n_words
            n_ptrs = int(fields[p])
            ptrs = [(fields[p + 1 + 4 * i], fields[p + 2 + 4 * i]) for i in range(n_ptrs)]
            data[fields[0]] = (words, ptrs, gloss)
    return data


def wordnet_votes(data):
    memo = {}

    def is_person(off, depth=0):
        if off == PERSON:
            return True
        if off in memo:
            return memo[off]
        if depth > 25 or off not in data:
            return False
        memo[off] = False
        r = any(is_person(o, depth + 1) for s, o in data[off][1] if s in ("@", "@i"))
        memo[off] = r
        return r

    votes = collections.defaultdict(collections.Counter)
    for words, ptrs, gloss in data.values():
        classes = [o for s, o in ptrs if s == "@i"]
        if not classes or not any(is_person(o) for o in classes):
            continue
        g = gloss.lower()
        male = len(HE.findall(g))
        female = len(SHE.findall(g))
        cls = " ".join(" ".join(data[o][0]) for o in classes).lower().replace("_", " ")
        if FEMALE_CLASS.search(cls):
            female += 2
        if MALE_CLASS.search(cls):
            male += 2
        if male == female:
            continue
        gender = "m" if male > female else "f"
        for w in words:
            parts = w.split("_")
            first = parts[0]
            if len(parts) >= 2 and len(first) > 1 and first.isalpha() and first[0].isupper() \
                    and not first.isupper():
                votes[first][gender] += 1
    return votes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = os.path.join(here, "..", "extract", "data", "en")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--extra", default=os.path.join(data_dir, "first_names_extra.tsv"))
    ap.add_argument("-o", "--output", default=os.path.join(data_dir, "first_names.tsv"))
    args = ap.parse_args()

    if not os.path.exists(os.path.join(args.wordnet, "data.noun")):
        sys.exit(f"no WordNet at {args.wordnet} (apt-get install wordnet-base)")
    names = {}
    for name, counts in wordnet_votes(read_wordnet(args.wordnet)).items():
        total = sum(counts.values())
        gender, n = counts.most_common(1)[0]
        if n / total >= 0.8:
            names[name] = (gender, "wordnet")
    with open(args.extra, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, gender = line.split("\t")[:2]
            if gender not in ("m", "f"):
                sys.exit(f"{args.extra}: bad gender '{gender}' for '{name}'")
            names[name] = (gender, "curated")
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("# Given names and their usual gender, for pronoun resolution.\n")
        out.write("# Built by tools/build_first_names.py from WordNet 3.0 person instances\n")
        out.write("# and first_names_extra.tsv; do not edit by hand.\n")
        out.write("# FORMAT: name <TAB> gender (m, f) <TAB> source\n")
        for name in sorted(names):
            gender, source = names[name]
            out.write(f"{name}\t{gender}\t{source}\n")
    print(f"{len(names)} names -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
