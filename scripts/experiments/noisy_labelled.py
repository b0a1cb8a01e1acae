#!/usr/bin/env python3
"""The labelled set as the pipeline meets it: each dev article's gold labels on its noisy raw feed item.

`shared/data/noisy/dev.jsonl` holds the same 254 articles as `shared/data/labelled/dev.jsonl`, as raw
feed items (text or HTML) with realistic noise lines. This writes a labelled file whose `text` is the
raw item's body (with its `content_type`), matched by title, so that

    python3 scripts/experiments/noisy_labelled.py ../shared/data/labelled/dev.jsonl \
        ../shared/data/noisy/dev.jsonl > /tmp/noisy-labelled.jsonl
    newsflow eval /tmp/noisy-labelled.jsonl

scores clean + classify on what a crawler delivers. Python 3 stdlib only.
"""

import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: noisy_labelled.py LABELLED.jsonl NOISY.jsonl > OUT.jsonl")
    labelled_path, noisy_path = sys.argv[1:]
    raw_by_title = {}
    for line in open(noisy_path, encoding="utf-8"):
        raw = json.loads(line)["raw"]
        raw_by_title.setdefault(raw.get("title") or "", raw)
    missing = 0
    for line in open(labelled_path, encoding="utf-8"):
        article = json.loads(line)
        raw = raw_by_title.get(article["title"])
        if raw is None:
            missing += 1
            continue
        article["text"] = raw["body"]
        article["content_type"] = raw.get("content_type", "text/plain")
        article["source"] = raw.get("source", article.get("source"))
        print(json.dumps(article, ensure_ascii=False))
    if missing:
        print(f"{missing} labelled articles have no noisy item with the same title", file=sys.stderr)


if __name__ == "__main__":
    main()
