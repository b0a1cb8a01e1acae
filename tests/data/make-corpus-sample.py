#!/usr/bin/env python3
"""Makes tests/data/corpus-2000.jsonl.gz, the sample the broker tests stream.

2,000 raw articles drawn from /work/shared/data/corpus/articles.jsonl.gz
(8,232 RawArticle JSONL lines; origins and licences in that folder's
SOURCES.md) with a fixed seed, kept in corpus order, so that the tests run
without /work/shared and a re-run gives the same bytes.

    python3 tests/data/make-corpus-sample.py [SOURCE] [OUT]
"""
import gzip
import random
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/corpus/articles.jsonl.gz"
OUT = sys.argv[2] if len(sys.argv) > 2 else "tests/data/corpus-2000.jsonl.gz"
COUNT = 2000
SEED = 5  # issue 5

with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
    lines = [line for line in f if line.strip()]
picked = sorted(random.Random(SEED).sample(range(len(lines)), COUNT))
# mtime=0: the same input gives the same .gz bytes.
with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
    for i in picked:
        out.write(lines[i].encode("utf-8"))
print(f"{OUT}: {COUNT} of {len(lines)} articles (seed {SEED})")
