#!/usr/bin/env bash
# Installs the Python peer extractors (trafilatura, newspaper4k) into a venv, from PyPI.
# Usage: install_peers.sh            (venv at ${PEERS_VENV:-$HOME/.cache/copydesk-peers})
# Not part of CI: used only for side-by-side measurement of the Swift extractor.
set -euo pipefail

VENV="${PEERS_VENV:-$HOME/.cache/copydesk-peers}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# newspaper4k needs lxml's html cleaner, which lxml >= 5.2 ships separately; its [ja] and
# [zh] extras (tinysegmenter, jieba: pure Python, data inside the package) let it parse
# Japanese and Chinese pages instead of raising ImportError. Not [nlp]: nltk would still need
# the punkt_tab data from NLTK's downloader, which is not reachable here, so Korean pages
# raise either way.
"$VENV/bin/python" -m pip install --quiet \
    "trafilatura==2.3.1" \
    "newspaper4k[ja,zh]" \
    "lxml_html_clean"

"$VENV/bin/python" - <<'PY'
import importlib.metadata as md
for name in ("trafilatura", "newspaper4k", "lxml", "lxml_html_clean", "tinysegmenter", "jieba"):
    print(f"{name} {md.version(name)}")
import warnings
warnings.simplefilter("ignore")  # newspaper warns that nltk (unused here) is missing
import trafilatura, newspaper  # noqa: F401  (fails loudly if an import is broken)
PY
echo "peers installed in $VENV"
