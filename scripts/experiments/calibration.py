#!/usr/bin/env python3
"""Are topic scores calibrated? For score bins, the share of (article, label) pairs that gold marks true.

Runs `newsflow explain --json` on every labelled article (all five labels, assigned or not) and
prints one line per bin: a calibrated score has a gold-true share close to the bin's mean score.

With --fit it also fits the one constant of the score curve, the slope k of
`score = 1 / (1 + (threshold / evidence)^k)` (0.5 at the threshold whatever k is, so the decisions
do not move), on the `tune` half of the set by log-loss, and reports log-loss, Brier score and
expected calibration error on both halves for the curve the classifier ships, the curve used
before (1 - 0.5^(evidence / threshold)) and the fitted one.
The shipped constant is CALIBRATION_SLOPE in crates/classify/src/topics.rs. Python 3 stdlib only.

    python3 scripts/experiments/calibration.py ../shared/data/labelled/dev.jsonl \
        --newsflow target/release/newsflow --fit
"""

import argparse
import json
import math

from explained import explain_all

BINS = [(0.0, 1e-9), (1e-9, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 1.01)]
SLOPES = [k / 4 for k in range(2, 25)]  # 0.5 .. 6 by 0.25
EPSILON = 1e-6


def half(article_id):
    """The eval's split: FNV-1a of the id, even is `tune` (crates/eval/src/labelled.rs)."""
    h = 0xCBF29CE484222325
    for b in article_id.encode():
        h = ((h ^ b) * 0x100000001B3) % (1 << 64)
    return "tune" if h % 2 == 0 else "holdout"


def halving(evidence, threshold):
    """The curve used before the slope was fitted: 1 - 0.5^(evidence / threshold)."""
    return 0.0 if evidence <= 0 else 1.0 - 0.5 ** (evidence / threshold)


def logistic(k):
    return lambda evidence, threshold: (
        0.0 if evidence <= 0 else 1.0 / (1.0 + (threshold / evidence) ** k))


def quality(scored):
    """Log-loss, Brier score and 10-bin expected calibration error of (score, gold) pairs."""
    scored = [(min(max(s, EPSILON), 1 - EPSILON), g) for s, g in scored]
    logloss = -sum(math.log(s) if g else math.log(1 - s) for s, g in scored) / len(scored)
    brier = sum((s - g) ** 2 for s, g in scored) / len(scored)
    bins = {}
    for s, g in scored:
        bins.setdefault(min(int(s * 10), 9), []).append((s, g))
    ece = sum(abs(sum(s for s, _ in b) - sum(g for _, g in b)) for b in bins.values()) / len(scored)
    return logloss, brier, ece


def under(curve, labels):
    """(score, gold) pairs of (evidence, threshold, gold, shipped score) labels under a curve."""
    return [(curve(e, t), g) for e, t, g, _ in labels]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labelled")
    ap.add_argument("--newsflow", default="target/release/newsflow")
    ap.add_argument("--fit", action="store_true", help="fit the slope of the score curve on `tune`")
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
    if not args.fit:
        return

    by_half = {"tune": [], "holdout": []}
    for e, a in zip(explained, articles):
        for t in e["topics"]:
            gold = a["gold"]["topics"][t["label"]]
            by_half[half(a["id"])].append((t["evidence"], t["threshold"], gold, t["score"]))
    fitted = min(SLOPES, key=lambda k: quality(under(logistic(k), by_half["tune"]))[0])
    print(f"\nslope fitted on tune by log-loss: k = {fitted}")
    print("half     curve            log-loss   Brier     ECE")
    for name, labels in by_half.items():
        rows = [("shipped", quality([(s, g) for _, _, g, s in labels])),
                ("1-0.5^(e/t)", quality(under(halving, labels))),
                (f"logistic k={fitted}", quality(under(logistic(fitted), labels)))]
        for curve, (logloss, brier, ece) in rows:
            print(f"{name:8s} {curve:16s} {logloss:8.4f} {brier:8.4f} {ece:8.4f}")


if __name__ == "__main__":
    main()
