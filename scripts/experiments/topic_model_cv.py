#!/usr/bin/env python3
"""Does a fitted model beat the topic rules? A measured experiment, not part of the build.

For each topic label, fits a logistic regression on the rule evidence that `newsflow explain --json`
reports (every label's evidence, this label's points per group and zone, distinct terms per group,
countries named, language, length, share of paragraphs with a hit), optionally with TF-IDF word or
character n-grams of the text, and scores it by repeated 10-fold cross-validation on the labelled set
and by fitting on the `tune` half and scoring the `holdout` half (the halves of `newsflow eval`).

Result on shared/data/labelled/dev.jsonl (254 articles), 29 November 2026, rules as of that day:

    label      rules (holdout)   model 10-fold CV   model fitted on tune, scored on holdout
    security   0.863 (0.824)     0.866 ± 0.010      0.800
    diplomacy  0.840 (0.851)     0.825 ± 0.014      0.826
    politics   0.862 (0.805)     0.837 ± 0.010      0.785
    economy    0.840 (0.773)     0.800 ± 0.006      0.821
    migration  0.875 (0.889)     0.839              0.750

Adding word or character n-grams (`--text`) did not change the picture. Only economy on holdout
gained, and CV disagreed; 254 articles are too few for a model to learn more than the rules already
say. So the shipped classifier is the rules alone (docs/classification.md).

Needs numpy and scikit-learn (`pip install numpy scikit-learn`), and a release build of the CLI.

    python3 scripts/experiments/topic_model_cv.py ../shared/data/labelled/dev.jsonl \
        --newsflow target/release/newsflow [--text word|char] [-C 1.0]
"""

import argparse
import bisect
import json
import math
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from explained import explain_all

LABELS = ["security", "diplomacy", "politics", "economy", "migration"]


def half(article_id):
    """The tune/holdout split of `newsflow eval` (FNV-1a of the id, even = tune)."""
    h = 0xCBF29CE484222325
    for b in article_id.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "tune" if h % 2 == 0 else "holdout"


def slog(x):
    return math.copysign(math.log1p(abs(x)), x)


def features(e, article, label, groups):
    topics = {t["label"]: t for t in e["topics"]}
    f = {f"ev_{l}": math.log1p(topics[l]["evidence"] / topics[l]["threshold"]) for l in LABELS}
    mine = topics[label]
    for g in groups:
        for zone in ["title", "lead", "body"]:
            f[f"g_{g}_{zone}"] = slog(sum(h["points"] for h in mine["hits"]
                                          if h["group"] == g and h["zone"] == zone))
        f[f"g_{g}_distinct"] = math.log1p(len({h["term"] for h in mine["hits"] if h["group"] == g}))
    f["countries"] = math.log1p(len(e["countries"]))
    f["repeated"] = math.log1p(sum(1 for c in e["countries"] if c["mentions"] >= 2))
    for lang in ["ar", "fr", "en"]:
        f[f"lang_{lang}"] = float(e["language"] == lang)
    f["length"] = math.log1p(len(article["text"]))
    body = article["text"].encode()
    starts = [0] + [i + 1 for i, c in enumerate(body) if c == 10]
    paragraphs = {bisect.bisect_right(starts, h["offset"]) - 1
                  for h in mine["hits"] if h["points"] > 0 and h["zone"] != "title"}
    f["paragraph_share"] = len(paragraphs) / len(starts)
    f["title_hit"] = float(any(h["points"] > 0 and h["zone"] == "title" for h in mine["hits"]))
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labelled")
    ap.add_argument("--newsflow", default="target/release/newsflow")
    ap.add_argument("--text", choices=["none", "word", "char"], default="none")
    ap.add_argument("-C", type=float, default=1.0, help="inverse L2 strength")
    args = ap.parse_args()

    articles = [json.loads(line) for line in open(args.labelled, encoding="utf-8")]
    explained = explain_all(articles, args.newsflow)
    docs = [a["title"] + " " + a["title"] + " " + a["text"] for a in articles]
    tune = np.array([half(a["id"]) == "tune" for a in articles])

    for label in LABELS:
        groups = sorted({h["group"] for e in explained for t in e["topics"]
                         if t["label"] == label for h in t["hits"]})
        rows = [features(e, a, label, groups) for e, a in zip(explained, articles)]
        names = sorted(rows[0])
        R = np.array([[r[n] for n in names] for r in rows])
        y = np.array([a["gold"]["topics"][label] for a in articles])
        rule = np.array([next(t for t in e["topics"] if t["label"] == label)["assigned"]
                         for e in explained])

        def fit_predict(tr, te):
            Xtr, Xte = csr_matrix(R[tr]), csr_matrix(R[te])
            if args.text != "none":
                v = TfidfVectorizer(analyzer="word" if args.text == "word" else "char_wb",
                                    ngram_range=(1, 1) if args.text == "word" else (3, 5),
                                    min_df=2, sublinear_tf=True, max_features=50000)
                Xtr = hstack([Xtr, v.fit_transform([docs[i] for i in tr])]).tocsr()
                Xte = hstack([Xte, v.transform([docs[i] for i in te])]).tocsr()
            model = LogisticRegression(C=args.C, max_iter=3000).fit(Xtr, y[tr])
            return model.predict_proba(Xte)[:, 1] >= 0.5

        cv = []
        for seed in range(5):
            pred = np.zeros(len(y), dtype=bool)
            for tr, te in StratifiedKFold(10, shuffle=True, random_state=seed).split(R, y):
                pred[te] = fit_predict(tr, te)
            cv.append(f1_score(y, pred))
        tr, te = np.where(tune)[0], np.where(~tune)[0]
        held = f1_score(y[te], fit_predict(tr, te))
        print(f"{label:10s} rules {f1_score(y, rule):.3f} (holdout {f1_score(y[te], rule[te]):.3f})"
              f"  model cv {np.mean(cv):.3f}±{np.std(cv):.3f}  tune->holdout {held:.3f}")


if __name__ == "__main__":
    main()
