#!/usr/bin/env python3
"""Are topic scores calibrated? For score bins, the share of (article, label) pairs that gold marks true.

Runs `newsflow explain --json` on every labelled article (all five labels, assigned or not) and
prints one line per bin. A calibrated score has a gold-true share close to the bin's mean score.
Python 3 stdlib only.

    python3 scripts/experiments/calibration.py ../shared/data/labelled/dev.jsonl \
        --newsflow target/release/newsflow
"""

import argparse
import json

from explained import explain_all

BINS = [(0.0, 1e-9), (1e-9, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 1.01)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labelled")
    ap.add_argument("--newsflow", default="target/release/newsflow")
    args = ap.parse_args()
    articles = [json.loads(line) for line in open(args.labelled, encoding="utf-8")]
    explained = explain_all(articles, args.newsflow)
    pairs = [(t["score"], a["gold"]["topics"][t["label"]])
             for e, a in zip(explained, articles) for t in e["topics"]]
    print("score bin       pairs  mean score  gold true")
    for lo, hi in BINS:
        inside = [(s, g) for s, g in pairs if lo <= s < hi]
        if not inside:
            continue
        mean = sum(s for s, _ in inside) / len(inside)
        true = sum(g for _, g in inside) / len(inside)
        print(f"[{lo:.2f}, {min(hi, 1.0):.2f})  {len(inside):5d}  {mean:10.2f}  {true:9.2f}")


if __name__ == "__main__":
    main()
