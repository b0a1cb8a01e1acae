#!/usr/bin/env python3
"""Builds data/sample/articles.jsonl, the sample that the README's first command runs.

The sample is the project's seed article (an Al Jazeera Arabic wire story as a crawler delivered it)
wrapped as a RawArticle, followed by raw feed items from the noisy developer set: the first
ARTICLES_PER_LANGUAGE of each language (ar, fr, en) in file order, text and HTML alike.

Usage: python3 data/sample/make.py [--shared ../shared/data] [--check]
Deterministic: the same sources give byte-identical output; --check fails if the committed file differs.
"""
import argparse
import json
import pathlib
import sys

ARTICLES_PER_LANGUAGE = 8
HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "articles.jsonl"


def language_of(record):
    """The noisy set's ids name their corpus: ANT is Arabic, MasakhaNEWS ids carry fra/eng."""
    raw_id = record["raw"].get("id", "")
    if raw_id.startswith("ant"):
        return "ar"
    if raw_id.startswith("masakhanews/fra"):
        return "fr"
    if raw_id.startswith("masakhanews/eng"):
        return "en"
    return "other"


def build(shared):
    seed_text = (shared / "seed" / "rabat-border-security.raw.txt").read_text(encoding="utf-8")
    title, _, body = seed_text.partition("\n")
    lines = [
        {
            "id": "seed/rabat-border-security",
            "source": "Al Jazeera",
            "title": title.strip(),
            "body": body.strip("\n"),
            "content_type": "text/plain",
        }
    ]
    taken = {}
    with open(shared / "noisy" / "dev.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            lang = language_of(record)
            if taken.get(lang, 0) >= ARTICLES_PER_LANGUAGE:
                continue
            taken[lang] = taken.get(lang, 0) + 1
            lines.append(record["raw"])
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in lines), taken


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(HERE.parents[2] / "shared" / "data"))
    parser.add_argument("--check", action="store_true", help="fail if the committed sample is stale")
    args = parser.parse_args()
    text, taken = build(pathlib.Path(args.shared))
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT} is stale: run python3 data/sample/make.py")
        print(f"{OUTPUT} is current")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}: seed + {taken}")


if __name__ == "__main__":
    main()
