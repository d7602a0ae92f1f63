#!/usr/bin/env python3
"""Builds Resources/tone.tsv from VADER (PyPI package vaderSentiment, MIT licence).

    pip install vaderSentiment
    python3 Sources/NewsAnalysis/Tools/build_tone_lexicon.py

Output lines, tab-separated:
    W  word  valence     a lexicon word with VADER's mean valence (-4 .. +4)
    B  word  increment   a booster (+0.293) or dampener (-0.293)
    N  word              a negation word
Only entries the analyzer's tokenizer reads as one word are kept (letters, digits, inner
apostrophes and hyphens); emoticons and multi-word entries are left out.
"""
import os, re, sys
import vaderSentiment.vaderSentiment as v

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Resources", "tone.tsv")
WORD = re.compile(r"^[a-z][a-z0-9]*(?:['-][a-z0-9]+)*$")

lexicon = os.path.join(os.path.dirname(v.__file__), "vader_lexicon.txt")
rows = []
with open(lexicon, encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        word, valence = parts[0].lower(), float(parts[1])
        if WORD.match(word) and valence != 0:
            rows.append(("W", word, f"{valence:g}"))
for word, inc in sorted(v.BOOSTER_DICT.items()):
    if WORD.match(word):
        rows.append(("B", word, f"{inc:g}"))
for word in sorted(set(v.NEGATE)):
    if WORD.match(word):
        rows.append(("N", word, ""))
with open(OUT, "w", encoding="utf-8") as out:
    out.write("# VADER lexicon (C.J. Hutto, vaderSentiment 3.3.2), MIT licence; built by Tools/build_tone_lexicon.py\n")
    for kind, word, value in rows:
        out.write(f"{kind}\t{word}\t{value}\n")
print(f"wrote {len(rows)} entries to {os.path.normpath(OUT)}", file=sys.stderr)
