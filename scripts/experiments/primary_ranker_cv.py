#!/usr/bin/env python3
"""Could fitted weights pick the primary country better than the hand-set ones?

Every dev article goes through `newsflow explain --json`. Each candidate
country becomes a feature vector: its mentions by zone (title, lead, body) and
kind (city or capital, country name, metonym or organisation, adjective or
demonym), the bonuses the rules gave it (first of the headline, first of the
lead, dateline, the headline speaker's country, a newsroom dateline), whether it
is the first country named, and log(1 + mentions). A conditional logit (softmax
over an article's candidates, L2 penalty) is fitted on one half of the set and
scored on the other, both ways, against the hand-set weights of
crates/classify/src/lib.rs on the same half. Articles the rules answer with
null keep null: only the choice among candidates is refitted.

    python3 scripts/experiments/primary_ranker_cv.py ../shared/data/labelled/dev.jsonl \
        [target/release/newsflow]

Needs numpy and scipy. Result on 2026-11-29: docs/classification.md, "What is left".
"""

import json
import math
import sys

import numpy as np
from scipy.optimize import minimize

from explained import explain_all

ZONES = ["title", "lead", "body"]
KINDS = ["place", "country", "metonym", "adjective"]
NOTES = [
    ("first country of the headline", "headline_first"),
    ("first country of the lead", "lead_first"),
    ("dateline place", "dateline"),
    ("introduces the headline", "speaker"),
    ("newsroom", "newsroom"),
]
FEATURES = [f"{z}_{k}" for z in ZONES for k in KINDS] + [n for _, n in NOTES] + ["first_named", "log_mentions"]


def half(article_id):
    """The eval's split: FNV-1a of the id, even = tune (crates/eval/src/labelled.rs)."""
    h = 0xCBF29CE484222325
    for b in article_id.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "tune" if h % 2 == 0 else "holdout"


def kind_of(hit, lang):
    if hit["kind"] in ("city", "capital"):
        return "place"
    if hit["kind"] in ("alias", "organisation", "company"):
        return "metonym"
    adjective = hit["kind"] == "demonym" or (
        hit["term"].endswith("ي") if lang == "ar" else hit["text"][:1].islower()
    )
    return "adjective" if adjective else "country"


def candidates(article, explanation):
    """(code, feature vector, hand-set weight) for every candidate country."""
    everyone = explanation["countries"] + explanation.get("organisations", [])
    order = sorted(
        ((h["offset"] - (1 << 30) if h["zone"] == "title" else h["offset"]), c["code"])
        for c in everyone
        for h in c["hits"]
        if h["kind"] != "dateline"
    )
    first = order[0][1] if order else None
    out = []
    for c in everyone:
        f = dict.fromkeys(FEATURES, 0.0)
        for h in c["hits"]:
            if h["kind"] != "dateline":
                f[f"{h['zone']}_{kind_of(h, article['lang'])}"] += 1
        for note in c["primary_notes"]:
            for key, name in NOTES:
                if key in note:
                    f[name] = 1.0
        f["first_named"] = float(c["code"] == first)
        f["log_mentions"] = math.log1p(c["mentions"])
        out.append((c["code"], np.array([f[k] for k in FEATURES]), c["primary_weight"]))
    return out


def fit(rows, l2):
    data = []
    for gold, cands in rows:
        codes = [c[0] for c in cands]
        if gold in codes and len(codes) > 1:
            data.append((np.stack([c[1] for c in cands]), codes.index(gold)))

    def loss(w):
        value, grad = l2 * w @ w, 2 * l2 * w
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            value -= math.log(p[y] + 1e-12)
            grad -= x[y] - p @ x
        return value, grad

    return minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B").x


def accuracy(rows, choose):
    return sum(choose(predicted, cands) == gold for gold, cands, predicted in rows) / len(rows)


def main():
    articles = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    newsflow = sys.argv[2] if len(sys.argv) > 2 else "target/release/newsflow"
    explanations = {e["id"]: e for e in explain_all(articles, newsflow)}
    halves = {"tune": [], "holdout": []}
    for a in articles:
        e = explanations[a["id"]]
        halves[half(a["id"])].append((a["gold"]["primary_country"], candidates(a, e), e["primary_country"]))

    def rules(predicted, cands):
        return predicted

    def fitted(w):
        def choose(predicted, cands):
            if predicted is None or not cands:
                return predicted
            return max(cands, key=lambda c: c[1] @ w)[0]

        return choose

    print("hand-set weights: tune %.3f, holdout %.3f" % (accuracy(halves["tune"], rules), accuracy(halves["holdout"], rules)))
    for l2 in (0.01, 0.1, 1.0, 3.0, 10.0):
        on_tune = fit([(g, c) for g, c, _ in halves["tune"]], l2)
        on_holdout = fit([(g, c) for g, c, _ in halves["holdout"]], l2)
        print(
            "fitted, L2 %-5s: fitted on tune -> holdout %.3f, fitted on holdout -> tune %.3f"
            % (l2, accuracy(halves["holdout"], fitted(on_tune)), accuracy(halves["tune"], fitted(on_holdout)))
        )


if __name__ == "__main__":
    main()
