#!/usr/bin/env python3
"""Check attribution_dev.jsonl, a development set of quote attributions (who said what).

The set was annotated by hand, by this project, from two read-only source files:
gum_train.jsonl (GUM documents of genre "news" and "interview") and bench_articles.jsonl
(news articles). Each annotated document is annotated exhaustively, so precision can be
measured. One JSON object per line:

  file         "gum_train.jsonl" or "bench_articles.jsonl"
  id           document id in that file
  kind         "direct"   words in quotation marks that someone said or wrote (fragments too)
               "indirect" reported speech without quotation marks (the reported clause)
               "mention"  a quoted string that is not speech (title, slogan, nickname, term)
  start, end   the annotated words as code points of the document's text (quotation marks
               excluded): the set names the words and holds none of the text
  hash         FNV-1a 64 of those words' UTF-8, 16 hex digits (the analyzer's contentHash),
               so a changed source file is caught
  speaker      the fullest name or description the document gives, as a list of [start, end]
               spans of its text ("Donald Trump", "Robert Lighthizer"), or null (always null
               for mention)
  cue          the cue verb or phrase ("said", "according to", ...) as one [start, end] span, or null
  speakerForm  "name", "pronoun", "description", "continuation" or "none"
  via          optional intermediary through whom the words came, as a list of spans

Usage: check_attribution_dev.py [FOLDER]   (FOLDER holds the two source files; default
../shared/eval relative to the repository root). Prints counts; exits 1 on any error.
"""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DATA = HERE / "attribution_dev.jsonl"
FILES = ("gum_train.jsonl", "bench_articles.jsonl")
KINDS = ("direct", "indirect", "mention")
FORMS = ("name", "pronoun", "description", "continuation", "none")
REQUIRED = ("file", "id", "kind", "start", "end", "hash", "speaker", "cue", "speakerForm")
OPTIONAL = ("via",)


def fnv1a(words):
    """FNV-1a 64 of the UTF-8 bytes, 16 hex digits: the analyzer's contentHash."""
    h = 0xCBF29CE484222325
    for b in words.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def load_texts(folder):
    texts = {}
    for name in FILES:
        with open(folder / name, encoding="utf-8") as fh:
            texts[name] = {d["id"]: d["text"] for d in map(json.loads, filter(str.strip, fh))}
    return texts


def check(rec, texts):
    errs = []
    for key in REQUIRED:
        if key not in rec:
            errs.append(f"missing field {key!r}")
    extra = set(rec) - set(REQUIRED) - set(OPTIONAL)
    if extra:
        errs.append(f"unknown fields {sorted(extra)}")
    if errs:
        return errs
    if rec["file"] not in FILES:
        return [f"bad file {rec['file']!r}"]
    text = texts[rec["file"]].get(rec["id"])
    if text is None:
        return [f"no document {rec['id']!r} in {rec['file']}"]
    kind, form = rec["kind"], rec["speakerForm"]
    if kind not in KINDS:
        errs.append(f"bad kind {kind!r}")
    if form not in FORMS:
        errs.append(f"bad speakerForm {form!r}")
    def is_span(v):
        return (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in v)
                and 0 <= v[0] < v[1] <= len(text) and text[v[0]:v[1]].strip() == text[v[0]:v[1]])
    for key in ("speaker", "via"):
        val = rec.get(key)
        if val is not None and (not isinstance(val, list) or not val or not all(map(is_span, val))):
            errs.append(f"{key} must be a non-empty list of [start, end] spans of the document, or null")
    if rec["cue"] is not None and not is_span(rec["cue"]):
        errs.append("cue must be a [start, end] span of the document, or null")
    if kind == "mention" and (rec["speaker"] is not None or rec["cue"] is not None or form != "none"):
        errs.append("mention needs speaker null, cue null, speakerForm 'none'")
    if kind != "mention" and rec["speaker"] is None and form != "none":
        errs.append("speaker null but speakerForm is not 'none'")
    start, end = rec["start"], rec["end"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)) or not 0 <= start < end <= len(text):
        return errs + [f"span {start!r}..{end!r} is not inside the document"]
    words = text[start:end]
    if words != words.strip():
        errs.append("span starts or ends with white space")
    if fnv1a(words) != rec["hash"]:
        errs.append("hash does not match the words at the span (another version of the file?)")
    return errs


def main(argv):
    folder = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "eval"
    texts = load_texts(folder)
    n_err, seen = 0, set()
    kinds, forms, docs = Counter(), Counter(), Counter()
    with open(DATA, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"line {lineno}: invalid JSON: {exc}")
                n_err += 1
                continue
            errs = check(rec, texts) if isinstance(rec, dict) else ["not an object"]
            key = tuple(rec.get(k) for k in ("file", "id", "kind", "start", "end")) if isinstance(rec, dict) else None
            if key in seen:
                errs.append("duplicate item")
            seen.add(key)
            for err in errs:
                print(f"line {lineno}: {err}")
            n_err += len(errs)
            if not errs:
                kinds[rec["kind"]] += 1
                if rec["kind"] != "mention":
                    forms[rec["kind"], rec["speakerForm"]] += 1
                docs[(rec["file"], rec["id"])] += 1
    print(f"{sum(kinds.values())} valid items in {len(docs)} documents "
          f"({sum(1 for f, _ in docs if f == FILES[0])} GUM, {sum(1 for f, _ in docs if f == FILES[1])} bench)")
    print("by kind:", ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    for kind in ("direct", "indirect"):
        print(f"{kind} by speakerForm:", ", ".join(f"{f} {forms[kind, f]}" for f in FORMS))
    print("direct+indirect by speakerForm:",
          ", ".join(f"{f} {forms['direct', f] + forms['indirect', f]}" for f in FORMS))
    if n_err:
        print(f"{n_err} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
