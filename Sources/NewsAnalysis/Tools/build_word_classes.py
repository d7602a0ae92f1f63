#!/usr/bin/env python3
"""Build Resources/words.tsv: word clusters and frequencies for the entity tagger.

    pip install spacy-lookups-data==1.0.5
    python3 Sources/NewsAnalysis/Tools/build_word_classes.py

The tables are spaCy's English lexeme tables as shipped by the PyPI package
spacy-lookups-data (MIT licence, (c) ExplosionAI GmbH): `en_lexeme_cluster`, Brown cluster
paths of about a million word forms, and `en_lexeme_prob`, their smoothed log probabilities,
both computed by Explosion for spaCy's English models from unlabelled text (the package does
not name the corpus). Case is kept: "Paris" and "paris" are
different forms with different clusters, which is what lets the tagger tell a name from a
common word written with a capital.

words.tsv, one word form a line: form <TAB> cluster <TAB> log probability x 10 (rounded).
The cluster is spaCy's integer: the Brown path's bits read backwards, so its k lowest bits
are the path's first k branches. Kept: forms with a cluster and a log probability above
MIN_CLUSTERED, and forms without one above MIN_PLAIN (their frequency alone still says how
often a word is written with a capital).
"""
import gzip
import json
import os

import spacy_lookups_data

MIN_CLUSTERED = -17.0
MIN_PLAIN = -15.0

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Resources", "words.tsv")
DATA = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")


def table(name):
    with gzip.open(os.path.join(DATA, name + ".json.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)


def main():
    clusters = table("en_lexeme_cluster")
    probs = table("en_lexeme_prob")
    rows = []
    for form, prob in probs.items():
        cluster = clusters.get(form, 0)
        if "\t" in form or "\n" in form or not form.strip():
            continue
        if prob > (MIN_CLUSTERED if cluster else MIN_PLAIN):
            rows.append((form, cluster, round(prob * 10)))
    rows.sort(key=lambda r: (-r[2], r[0]))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# spaCy en_lexeme_cluster and en_lexeme_prob via spacy-lookups-data 1.0.5, MIT licence, (c) ExplosionAI GmbH\n")
        for form, cluster, prob in rows:
            out.write(f"{form}\t{cluster}\t{prob}\n")
    print(f"{len(rows)} forms written to {OUT}")


if __name__ == "__main__":
    main()
