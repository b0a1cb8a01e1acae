#!/usr/bin/env python3
"""Primary country against the corpus's own URLs, read as weak labels.

Some corpus URLs name the story's country: Al Arabiya files stories under
/arab-and-world/<country>/ (and /sport/saudi-sport/), France 24 Arabic slugs
start with the main country (20180818-مصر-السيسي-...), CNN Arabic slugs often
do (saudi-riyadh-metro-testing), BBC English files UK stories under /news/uk-,
and Jawhara FM's local news (JA-localNews in the id) is Tunisian. None of these
is the guide's "event place" (a slug names the actor as often as the place),
so agreement is a check, not a score: read the disagreements, and a family of
them that the rules get wrong is worth a rule. With --diff, lists the articles
whose primary country changed between two runs, with the weak label when
there is one; with --disagreements, the articles whose primary country differs
from their weak label.

    newsflow run ../shared/data/corpus/articles.jsonl.gz -o out.jsonl
    python3 scripts/experiments/primary_weak_labels.py out.jsonl [--diff before.jsonl | --disagreements]
"""

import argparse
import collections
import json
import re
import sys
import urllib.parse

ARABIC = {
    "مصر": "EG", "سوريا": "SY", "سورية": "SY", "العراق": "IQ", "اليمن": "YE", "لبنان": "LB",
    "ليبيا": "LY", "تونس": "TN", "الجزائر": "DZ", "المغرب": "MA", "السعودية": "SA",
    "الإمارات": "AE", "قطر": "QA", "الكويت": "KW", "البحرين": "BH", "عمان": "OM", "الأردن": "JO",
    "فلسطين": "PS", "غزة": "PS", "إسرائيل": "IL", "إيران": "IR", "تركيا": "TR", "روسيا": "RU",
    "فرنسا": "FR", "ألمانيا": "DE", "بريطانيا": "GB", "الصين": "CN", "اليابان": "JP", "الهند": "IN",
    "باكستان": "PK", "أفغانستان": "AF", "السودان": "SD", "موريتانيا": "MR", "مالي": "ML",
    "النيجر": "NE", "تشاد": "TD", "نيجيريا": "NG", "الصومال": "SO", "إثيوبيا": "ET", "كينيا": "KE",
    "إيطاليا": "IT", "إسبانيا": "ES", "اسبانيا": "ES", "البرازيل": "BR", "فنزويلا": "VE",
    "المكسيك": "MX", "كندا": "CA", "أستراليا": "AU", "بلجيكا": "BE", "هولندا": "NL", "السويد": "SE",
    "النمسا": "AT", "اليونان": "GR", "أوكرانيا": "UA", "بولندا": "PL", "المجر": "HU",
    "ميانمار": "MM", "إندونيسيا": "ID", "الفلبين": "PH", "ماليزيا": "MY", "الأرجنتين": "AR",
    "كولومبيا": "CO", "كوبا": "CU", "سويسرا": "CH", "أرمينيا": "AM", "الولايات": "US",
    "أمريكا": "US", "واشنطن": "US",
}
ARABIYA_SECTIONS = {
    "egypt": "EG", "iraq": "IQ", "syria": "SY", "yemen": "YE", "lebanon": "LB", "libya": "LY",
    "tunisia": "TN", "algeria": "DZ", "morocco": "MA", "sudan": "SD", "palestine": "PS", "iran": "IR",
    "jordan": "JO", "kuwait": "KW", "qatar": "QA", "bahrain": "BH", "oman": "OM", "uae": "AE",
    "saudi-arabia": "SA", "saudi-sport": "SA", "somalia": "SO", "mauritania": "MR", "turkey": "TR",
    "israel": "IL",
}
ENGLISH = {
    "saudi": "SA", "egypt": "EG", "gaza": "PS", "israel": "IL", "iran": "IR", "iraq": "IQ",
    "syria": "SY", "turkey": "TR", "lebanon": "LB", "yemen": "YE", "uae": "AE", "dubai": "AE",
    "qatar": "QA", "kuwait": "KW", "bahrain": "BH", "oman": "OM", "jordan": "JO", "libya": "LY",
    "tunisia": "TN", "algeria": "DZ", "morocco": "MA", "sudan": "SD", "russia": "RU", "china": "CN",
    "france": "FR", "germany": "DE", "uk": "GB", "britain": "GB", "us": "US", "trump": "US",
    "japan": "JP", "india": "IN", "pakistan": "PK", "afghanistan": "AF", "canada": "CA",
    "australia": "AU", "mexico": "MX", "brazil": "BR", "venezuela": "VE", "nigeria": "NG",
    "somalia": "SO",
}


def weak_label(article):
    """(source of the label, country code) or (None, None)."""
    url = urllib.parse.unquote(article.get("url") or "")
    m = re.search(r"alarabiya\.net/ar/(?:arab-and-world|sport)/([a-z-]+)/\d{4}/", url)
    if m:
        return "alarabiya section", ARABIYA_SECTIONS.get(m.group(1))
    m = re.search(r"france24\.com/ar/\d{8}-([^/]+?)(?:\.html)?$", url)
    if m:
        return "france24 slug", ARABIC.get(m.group(1).split("-")[0])
    m = re.search(r"arabic\.cnn\.com/[a-z-]+/(?:video/)?\d{4}/\d\d/\d\d/(?:v\d+-)?([a-z0-9-]+)", url)
    if m:
        return "cnn slug", ENGLISH.get(m.group(1).split("-")[0])
    if "/news/uk-" in url:
        return "bbc /news/uk-", "GB"
    if "JA-localNews" in article.get("id", ""):
        return "jawhara local news", "TN"
    return None, None


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", help="output of `newsflow run` over the corpus (JSON lines)")
    parser.add_argument("--diff", metavar="BEFORE", help="an earlier run: list the primary changes")
    parser.add_argument("--disagreements", action="store_true",
                        help="list the articles whose primary country differs from the weak label")
    args = parser.parse_args()
    after = load(args.run)
    if args.diff:
        before = {a["id"]: a for a in load(args.diff)}
        changed = 0
        for a in after:
            old, new = before[a["id"]]["primary_country"], a["primary_country"]
            if old == new:
                continue
            changed += 1
            source, label = weak_label(a)
            mark = "" if not label else ("+" if new == label else "-" if old == label else "?")
            print(f"{mark:1} {old} -> {new}  {a['id']}  {a['title'][:80]}")
        print(f"{changed} articles changed primary country", file=sys.stderr)
        return
    total, agree = collections.Counter(), collections.Counter()
    for a in after:
        source, label = weak_label(a)
        if label:
            total[source] += 1
            agree[source] += a["primary_country"] == label
            if args.disagreements and a["primary_country"] != label:
                print(f"{source:20} {label} != {a['primary_country']}  {a['id']}  {a['title'][:80]}")
    for source in sorted(total):
        print(f"{source:20} {total[source]:5} articles, primary agrees {agree[source] / total[source]:.3f}")
    print(f"{'all':20} {sum(total.values()):5} articles, primary agrees {sum(agree.values()) / sum(total.values()):.3f}")


if __name__ == "__main__":
    main()
