#!/usr/bin/env python3
"""Builds extract/data/en/gazetteer.tsv from Debian data (Python 3 standard library only).

Sources (see docs/data_format.md, "gazetteer.tsv", for the licences):
  * iso-codes (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json (country names:
    short, common and official) and iso_3166-2.json (regions: states, provinces ...).
  * WordNet 3.0 (WordNet licence): /usr/share/wordnet/data.noun instance nouns (synsets with an
    `@i` pointer), typed by walking their hypernyms up to location, organisation or person;
    /usr/share/wordnet/data.adj pertainyms of capitalised adjectives to a place ("Slovakian" ->
    Slovakia) as demonyms, and the nationality nouns under "inhabitant" ("Slovak" -> Slovakia
    through its derivation pointer when WordNet has one).
  * The curated lists extract/data/en/places.tsv and organisations.tsv (international
    organisations and acronyms WordNet lacks): every key is copied with its kind.

Output, one entry per line: name <TAB> kind <TAB> canonical
  kind: country, region, city, place (other locations), org, person, demonym
First source wins on a duplicate key (curated lists, then iso-codes, then WordNet).

Rebuild (deterministic; the output is committed):
  python3 tools/build_gazetteer.py > extract/data/en/gazetteer.tsv
"""

import argparse
import json
import os
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json"
WN = "/usr/share/wordnet"

# WordNet 3.0 synset offsets of the roots the instance nouns are typed by.
ROOTS = {
    "00027167": "place",  # location
    "08008335": "org",  # organization
    "08168978": "place",  # state, nation (the political unit)
    "08226335": "place",  # city (the municipality)
    "00007846": "person",  # person
}
LEXFILES = {"15": "place", "17": "place", "18": "person"}
# Hypernyms that make a place a country, a city or a region.
COUNTRYISH = {"08544813": "country", "08168978": "country", "08226335": "city",
              "08524735": "city", "08665504": "city", "08654360": "region",
              "08630985": "region", "08630039": "region", "08556491": "region",
              "08695539": "region", "08559508": "region"}


# Letters that do not decompose, folded as tkg's Fold() does (tools/gen_latin_fold.py).
SPECIAL = {"Æ": "ae", "æ": "ae", "Ø": "o", "ø": "o", "ß": "ss", "Đ": "d", "đ": "d", "Ł": "l",
           "ł": "l", "Œ": "oe", "œ": "oe", "Þ": "th", "þ": "th", "Ð": "d", "ð": "d", "ı": "i",
           "Ħ": "h", "ħ": "h", "Ŧ": "t", "ŧ": "t", "ĸ": "k", "Ŋ": "n", "ŋ": "n"}


def fold(s):
    """Case- and diacritic-insensitive key, for deduplication (as tkg's Fold())."""
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").lower()


class Out:
    def __init__(self):
        self.rows = []
        self.seen = set()

    def add(self, name, kind, canonical):
        name = " ".join(name.replace("_", " ").split())
        canonical = " ".join(canonical.replace("_", " ").split())
        if not name or "\t" in name or not name[0].isupper() and not name[0].isdigit():
            return
        # Names with a parenthesis or comma are descriptions, not surface forms.
        if any(c in name for c in "(),;"):
            return
        k = fold(name)
        if k in self.seen:
            return
        self.seen.add(k)
        self.rows.append((name, kind, canonical))


def curated(out, data_dir):
    for fname, default_kind in (("organisations.tsv", "org"), ("places.tsv", "place")):
        with open(os.path.join(data_dir, fname), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                kind = default_kind
                if fname == "places.tsv":
                    k = cols[3] if len(cols) > 3 else "place"
                    kind = {"capital": "city"}.get(k, k)
                    if kind not in ("country", "region", "city", "demonym"):
                        kind = "place"
                out.add(cols[0], kind, cols[2] if len(cols) > 2 else cols[0])


def iso(out):
    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    for c in countries:
        canonical = c.get("common_name", c["name"])
        for key in ("common_name", "name", "official_name"):
            if key in c:
                out.add(c[key], "country", canonical)
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        regions = json.load(f)["3166-2"]
    for r in regions:
        # Only the first-level divisions of the kinds a news text names.
        if r.get("type") in ("State", "Province", "Region", "Territory", "Autonomous region",
                             "Canton", "Federal district", "County", "Emirate",
                             "Autonomous republic", "Republic", "Prefecture", "Nation",
                             "Country", "Autonomous community"):
            out.add(r["name"], "region", r["name"])


def read_synsets(path):
    """offset -> (words, pointers [(symbol, offset, pos)])."""
    syn = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            off, nwords = parts[0], int(parts[3], 16)
            words = [parts[4 + 2 * i] for i in range(nwords)]
            p = 4 + 2 * nwords
            nptr = int(parts[p])
            ptrs = []
            for i in range(nptr):
                sym, toff, pos = parts[p + 1 + 4 * i: p + 4 + 4 * i]
                ptrs.append((sym, toff, pos))
            syn[off] = (words, ptrs, parts[1])
    return syn


def wordnet(out):
    nouns = read_synsets(os.path.join(WN, "data.noun"))

    memo = {}

    def classify(off, depth=0):
        """(root kind, place kind) of a synset through its hypernyms."""
        if off in memo:
            return memo[off]
        memo[off] = (None, None)
        if depth > 40:
            return (None, None)
        root = ROOTS.get(off)
        sub = COUNTRYISH.get(off)
        if root is None:
            for sym, toff, pos in nouns[off][1]:
                if sym in ("@", "@i") and pos == "n":
                    r, s = classify(toff, depth + 1)
                    if r is not None and (root is None or r == "place"):
                        root = r
                    if s is not None and sub is None:
                        sub = s
        memo[off] = (root, sub)
        return memo[off]

    instance_kind = {}
    for off in sorted(nouns):
        words, ptrs, lexfile = nouns[off]
        if not any(sym == "@i" for sym, _, _ in ptrs):
            continue
        # The lexicographer file types the instance: noun.location and noun.object (rivers,
        # mountains, islands) are places, noun.group organisations, noun.person people.
        root = LEXFILES.get(lexfile)
        sub = None
        for sym, toff, pos in ptrs:
            if sym == "@i":
                r, s = classify(toff)
                if root is None and lexfile == "14":
                    root = r
                sub = sub or s
        if root is None:
            continue
        kind = sub if root == "place" and sub else root
        instance_kind[off] = (kind, words[0])
        for w in words:
            out.add(w, kind, words[0])

    # Named organisations that WordNet files as classes, not instances ("FBI", "Interpol"):
    # capitalised noun.group synsets under organisation.
    for off in sorted(nouns):
        words, ptrs, lexfile = nouns[off]
        if lexfile != "14" or off in instance_kind or not words[0][0].isupper():
            continue
        if classify(off)[0] == "org":
            for w in words:
                out.add(w, "org", words[0])

    # Demonyms: adjectives pertaining to a place instance ("Slovakian" -> Slovakia).
    adjs = read_synsets(os.path.join(WN, "data.adj"))
    for off in sorted(adjs):
        words, ptrs, _ = adjs[off]
        for sym, toff, pos in ptrs:
            if sym == "\\" and pos == "n" and toff in instance_kind:
                kind, name = instance_kind[toff]
                if kind in ("country", "region", "city", "place"):
                    for w in words:
                        w = w.split("(")[0]
                        out.add(w, "demonym", name)
    # Nationality nouns: derivationally related to a country instance ("Slovak" n).
    for off in sorted(nouns):
        words, ptrs, _ = nouns[off]
        if off in instance_kind:
            continue
        for sym, toff, pos in ptrs:
            if sym == "+" and pos == "n" and toff in instance_kind and \
                    instance_kind[toff][0] == "country":
                for w in words:
                    out.add(w, "demonym", instance_kind[toff][1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "extract",
                                                   "data", "en"))
    args = ap.parse_args()
    for p in (os.path.join(ISO, "iso_3166-1.json"), os.path.join(WN, "data.noun")):
        if not os.path.exists(p):
            sys.exit(f"build_gazetteer: missing {p} (run scripts/setup: iso-codes, wordnet-base)")
    out = Out()
    curated(out, args.data)
    iso(out)
    wordnet(out)
    w = sys.stdout
    w.write("# Gazetteer: known names of places, organisations and people, and demonyms.\n"
            "# GENERATED by tools/build_gazetteer.py from iso-codes (LGPL-2.1+), WordNet 3.0\n"
            "# (WordNet licence) and the curated places.tsv / organisations.tsv; do not edit,\n"
            "# rebuild: python3 tools/build_gazetteer.py > extract/data/en/gazetteer.tsv\n"
            "# FORMAT: name <TAB> kind <TAB> canonical name\n"
            "#   kind: country, region, city, place, org, person, demonym\n")
    for name, kind, canonical in out.rows:
        w.write(f"{name}\t{kind}\t{canonical}\n")
    print(f"build_gazetteer: {len(out.rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
