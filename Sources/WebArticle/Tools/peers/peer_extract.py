#!/usr/bin/env python3
"""Run a Python peer article extractor over a folder of HTML pages, for side-by-side scoring.

Usage:
  peer_extract.py TOOL PAGES_DIR [--gold GOLD.jsonl] -o PRED.jsonl
  TOOL: trafilatura | newspaper4k

Every PAGES_DIR/*.html is read into memory first (id = the file's stem; url from the gold
file's "url" when --gold is given, else a file:// url). Only the extraction is timed, in this
one process and thread (time.perf_counter). Each output line is
{"id", "articleBody", "title", "authors" (list), "date" (string)}, ready for
score_extraction.py. A page whose extraction raises or returns nothing gets an empty line and
is counted (its error is printed to stderr). The last line on stderr is the summary, as JSON:
{"tool", "pages", "seconds", "pages_per_s", "mb_per_s", "failed", "empty", "version"}
where MB is the total input bytes / 1e6.
"""
import argparse
import importlib.metadata
import json
import logging
import sys
import time
import warnings
from pathlib import Path


def as_text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def make_trafilatura():
    import trafilatura

    def extract(html, url):
        # Library defaults (comments are extracted separately, not in doc.text).
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if doc is None:
            return None
        # trafilatura joins several authors with "; ".
        authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        return {"articleBody": doc.text or "", "title": doc.title or "",
                "authors": authors, "date": as_text(doc.date)}

    return extract, importlib.metadata.version("trafilatura")


def make_newspaper4k():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": NLP is not used here
        import newspaper

    def extract(html, url):
        # fetch_images=False: otherwise parse() downloads images to pick the top one,
        # which is network traffic and does not change text, title, authors or date.
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return {"articleBody": article.text or "", "title": article.title or "",
                "authors": list(article.authors or []), "date": as_text(article.publish_date)}

    return extract, importlib.metadata.version("newspaper4k")


TOOLS = {"trafilatura": make_trafilatura, "newspaper4k": make_newspaper4k}


def load_urls(gold_path):
    urls = {}
    with open(gold_path, encoding="utf8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                if row.get("url"):
                    urls[str(row["id"])] = row["url"]
    return urls


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tool", choices=sorted(TOOLS))
    ap.add_argument("pages_dir", type=Path)
    ap.add_argument("--gold", type=Path, help="gold JSONL whose url field is passed to the tool")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()

    logging.basicConfig(level=logging.CRITICAL)  # the tools log every odd page at WARNING/ERROR
    warnings.simplefilter("ignore")  # e.g. dateutil's UnknownTimezoneWarning, once per page
    extract, version = TOOLS[args.tool]()
    urls = load_urls(args.gold) if args.gold else {}

    pages = []  # (id, url, html), all read before timing
    total_bytes = 0
    for path in sorted(args.pages_dir.glob("*.html")):
        raw = path.read_bytes()
        total_bytes += len(raw)
        pages.append((path.stem, urls.get(path.stem) or path.resolve().as_uri(),
                      raw.decode("utf8", errors="replace")))
    if not pages:
        ap.error(f"no *.html in {args.pages_dir}")

    results, failed, empty = [], 0, 0
    clock = time.perf_counter
    seconds = 0.0
    for page_id, url, html in pages:
        start = clock()
        try:
            out = extract(html, url)
        except Exception as exc:  # noqa: BLE001  a peer's crash is one empty page
            out = None
            failed += 1
            print(f"{args.tool}: {page_id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        seconds += clock() - start
        if out is None:
            out = {"articleBody": "", "title": "", "authors": [], "date": ""}
        if not out["articleBody"].strip():
            empty += 1
        results.append({"id": page_id, **out})

    with open(args.output, "w", encoding="utf8") as f:
        for row in results:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    summary = {"tool": args.tool, "pages": len(pages), "seconds": round(seconds, 3),
               "pages_per_s": round(len(pages) / seconds, 2) if seconds else None,
               "mb_per_s": round(total_bytes / 1e6 / seconds, 3) if seconds else None,
               "failed": failed, "empty": empty, "version": version}
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
