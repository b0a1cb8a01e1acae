#!/usr/bin/env python3
"""Builds the gazetteer and taxonomy tables that crates/classify embeds.

Reads the public sources under ../shared/data (or --source DIR) and writes
compact, sorted TSV files under data/. Python 3 standard library only.
Deterministic: the same sources give byte-identical files, so running it twice
changes nothing and `--check` can verify the committed files are current.

    python3 data/build.py            # rebuild data/gazetteer.tsv, data/iptc_topics.tsv, data/regions.json
    python3 data/build.py --check    # exit 1 if a committed file differs from a fresh build

Only names are selected here; normalisation (Arabic clitics, accents, case)
happens in the Rust classifier so that terms and text go through one function.
"""
import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "data")

# Latin-script city names: cities at least this big (plus every capital).
LATIN_CITY_MIN_POP = 300_000
# ...and Arab-world towns down to this size when GeoNames spells them in plain
# ASCII, as the press does (Idlib, Nablus, Hebron, Ramadi, Deir ez-Zor); names
# with transliteration marks (Dar‘ā, Al Fallūjah) are not the press's spelling.
LATIN_TOWN_MIN_POP_ARAB = 100_000
# ...and the towns of the countries whose newsrooms write the English and French sources (BBC
# English local news: Norwich, Ipswich, Swindon; French regional news) down to this size.
HOME_NEWSROOMS = {"GB", "FR"}
LATIN_TOWN_MIN_POP_HOME = 60_000
# Arabic-script city names: big cities of the Arab world, very big elsewhere
# (Arabic transliterations of small foreign towns collide with common words).
ARABIC_CITY_MIN_POP_ARAB = 250_000
ARABIC_CITY_MIN_POP_OTHER = 2_000_000
# ...and down to this size when the name is long enough (five letters or more)
# not to be a common word: Munich (ميونيخ), Kazan, Odessa, Medellín, and the news
# cities under a million: Manchester, Marseille, The Hague (لاهاي), Kandahar,
# Ahvaz, Donetsk, Seattle (city_stoplist.txt holds the names that are also people,
# brands or other places: تويوتا، سانتوس، زنجبار).
ARABIC_CITY_MIN_POP_OTHER_LONG = 400_000
ARABIC_LONG_NAME = 5
# Arabic names of Arab-world towns below ARABIC_CITY_MIN_POP_ARAB: news hotspots
# (درعا، إدلب، نابلس، جنين، عفرين، شرم الشيخ) are small towns. Names with the
# article need a bigger town (الخليل، الفلوجة، القامشلي): small towns with the
# article are mostly common words (see below).
ARABIC_TOWN_MIN_POP_ARAB = 30_000
ARABIC_TOWN_ARTICLE_MIN_POP_ARAB = 100_000
ARABIC_TOWN_MIN_LETTERS = 4
# The Maghreb and the Sahel are the project's home ground: their towns are
# named down to this size in both scripts (the Sahel members come from
# regions.json: BF ML MR NE TD).
MAGHREB = {"DZ", "LY", "MA", "MR", "TN", "EH"}
MAGHREB_CITY_MIN_POP = 40_000
SAHEL_CITY_MIN_POP = 40_000
# ...and Sahel towns down to the smallest GeoNames has (15,000) when the name is
# long enough not to be a word (Tillabéri, Douentza, Aribinda; not Say, Pô, Bol).
SAHEL_TOWN_MIN_POP = 15_000
SAHEL_TOWN_LONG_NAME = 6
# A name shared by cities of several countries is kept only when one is
# clearly the one meant (this many times more populous than the next).
AMBIGUITY_RATIO = 5

# CLDR M49 region codes whose names are explicit macro-region mentions.
M49_REGIONS = {
    "002": "africa",
    "011": "west_africa",
    "014": "east_africa",
    "015": "north_africa",
    "017": "central_africa",
    "018": "southern_africa",
    "142": "asia",
    "030": "east_asia",
    "034": "south_asia",
    "035": "southeast_asia",
    "143": "central_asia",
    "150": "europe",
    "419": "latin_america",
    "009": "oceania",
}

# Territories that are not countries for our labels (CLDR pseudo-codes).
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


def is_arabic_name(name):
    """Arabic-script names written with the Arabic alphabet proper (no Persian,
    Urdu or Pashto letters), so they can occur in Arabic text."""
    letters = [c for c in name if not c.isspace() and c not in "-'"]
    return bool(letters) and all("\u0621" <= c <= "\u0652" for c in letters)


def stem_letters(name):
    """Letters of an Arabic name without its diacritics and article: how long
    a word it would be (السلط is سلط, three letters)."""
    folded = fold(name)
    if folded.startswith("ال"):
        folded = folded[2:]
    return sum(1 for c in folded if c.isalpha())


def letter_count(name):
    return sum(1 for c in name if c.isalpha())


def is_latin_name(name):
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 for c in letters)


def fold(name):
    """A loose form for comparing names: lower case, Arabic diacritics removed,
    alif/ya/ta marbuta variants folded (the Rust matcher folds the same way)."""
    out = []
    for c in nfc(name).lower():
        if "\u064b" <= c <= "\u065f" or c in "\u0670\u0640":
            continue
        out.append({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}.get(c, c))
    return "".join(out)


def bare(term):
    """fold() without Latin accents: two names the matcher cannot tell apart
    (León, Leon; اَلْمَنْصُورَة, المنصورة) have the same bare form."""
    return "".join(c for c in unicodedata.normalize("NFD", fold(term)) if not unicodedata.combining(c))


def read_stoplist(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(fold(line))
    return words


def build_gazetteer(src):
    rows = set()  # (lang, kind, code, term)
    flags = {}  # row -> its guard (the 5th column, read by the Rust loader)

    def add(lang, kind, code, term):
        term = nfc(term)
        if len(term) < 3 or "(" in term:
            return
        rows.add((lang, kind, code, term))

    # CLDR territory and macro-region names.
    for lang in ("ar", "en", "fr"):
        data = load(os.path.join(src, "gazetteer", "cldr", f"territories_{lang}.json"))
        names = data["main"][lang]["localeDisplayNames"]["territories"]
        for key, name in sorted(names.items()):
            base = key.split("-alt-")[0]
            if base in M49_REGIONS:
                add(lang, "region", M49_REGIONS[base], name)
            elif len(base) == 2 and base.isalpha() and base not in NOT_COUNTRIES:
                add(lang, "country", base, name)

    # mledoze: names, translations, alternative spellings, demonyms.
    countries = load(os.path.join(src, "gazetteer", "mledoze", "countries.json"))
    capitals = {}
    for c in countries:
        code = c["cca2"]
        if code in NOT_COUNTRIES:
            continue
        add("en", "country", code, c["name"]["common"])
        add("en", "country", code, c["name"]["official"])
        for lang, key in (("ar", "ara"), ("fr", "fra")):
            tr = c.get("translations", {}).get(key)
            if tr:
                add(lang, "country", code, tr["common"])
                add(lang, "country", code, tr["official"])
        for alt in c.get("altSpellings", []):
            # Short all-capital forms are ISO codes ("IN", "IT"): words, not names.
            if len(alt) >= 4 and is_latin_name(alt) and not any(ch.isdigit() for ch in alt):
                add("en", "country", code, alt)
        for lang, key in (("en", "eng"), ("fr", "fra")):
            dem = c.get("demonyms", {}).get(key, {})
            for form in sorted(set(dem.values())):
                if form:
                    add(lang, "demonym", code, form)
        for cap in c.get("capital", []):
            capitals[cap] = code
            add("en", "capital", code, cap)

    # CLDR exemplar cities, mapped to a country through GeoNames time zones.
    cities = load(os.path.join(src, "gazetteer", "geonames", "cities15000.json"))
    zone_country = {}
    for city in sorted(cities.values(), key=lambda x: (-x["population"], x["geonameid"])):
        zone_country.setdefault(city["timezone"], city["countrycode"])
    for lang in ("ar", "en", "fr"):
        data = load(os.path.join(src, "gazetteer", "cldr", f"timeZoneNames_{lang}.json"))
        zones = data["main"][lang]["dates"]["timeZoneNames"]["zone"]
        for area, entries in sorted(zones.items()):
            if area in ("Etc", "Antarctica"):
                continue
            for name, entry in sorted(entries.items()):
                if not isinstance(entry, dict) or "exemplarCity" not in entry:
                    continue
                code = zone_country.get(f"{area}/{name}")
                if code and code not in NOT_COUNTRIES:
                    add(lang, "city", code, entry["exemplarCity"])

    # GeoNames cities: big ones only, unambiguous names only.
    stop = read_stoplist(os.path.join(HERE, "curated", "city_stoplist.txt"))
    regions = load(os.path.join(src, "labelled", "regions.json"))
    arab = set(regions["arab_world"])
    sahel = set(regions["sahel"]) - MAGHREB
    by_name = {}  # (script, name) -> {country: population}
    guarded = {}  # (script, name) -> True when every town of that name needs a guard

    def keep(script, name, code, pop, guard=False):
        key = (script, nfc(name))
        d = by_name.setdefault(key, {})
        d[code] = max(d.get(code, 0), pop)
        guarded[key] = guarded.get(key, True) and guard

    for city in cities.values():
        pop, code = city["population"], city["countrycode"]
        is_capital = city["name"] in capitals and capitals[city["name"]] == code
        maghreb = code in MAGHREB and pop >= MAGHREB_CITY_MIN_POP
        sahel_town = code in sahel and pop >= SAHEL_CITY_MIN_POP
        sahel_small = code in sahel and pop >= SAHEL_TOWN_MIN_POP
        name = city["name"]
        if is_latin_name(name) and (
            pop >= LATIN_CITY_MIN_POP
            or (code in HOME_NEWSROOMS and pop >= LATIN_TOWN_MIN_POP_HOME)
            or is_capital
            or maghreb
            or sahel_town
            or (sahel_small and letter_count(name) >= SAHEL_TOWN_LONG_NAME)
            or (code in arab and pop >= LATIN_TOWN_MIN_POP_ARAB and name.isascii())
        ):
            # A home-newsroom town is often a surname too (Poole-Wilson, Jayne
            # Poole): the `person` flag drops it next to another name.
            home_town = code in HOME_NEWSROOMS and pop < LATIN_CITY_MIN_POP and not is_capital
            keep("latin", name, code, pop, home_town)
        for name in city.get("alternatenames", []):
            if not is_arabic_name(name):
                continue
            letters = sum(1 for ch in name if not ch.isspace() and ch not in "-'")
            # Small towns whose Arabic name carries the article are mostly
            # common words (الخميس Thursday, الجديد new): only the bigger ones
            # (الخليل، الفلوجة، القامشلي). Maghreb towns are named down to
            # MAGHREB_CITY_MIN_POP with the article too (المهدية، القيروان);
            # city_stoplist.txt holds the ones that are common words (الوادي
            # the valley, الجديدة new).
            article = fold(name).startswith("ال")
            stem = stem_letters(name)
            guard = False
            if is_capital or maghreb or (code in arab and pop >= ARABIC_CITY_MIN_POP_ARAB):
                ok = True
            elif code in arab and pop >= (ARABIC_TOWN_ARTICLE_MIN_POP_ARAB if article else ARABIC_TOWN_MIN_POP_ARAB):
                # A small town's name of three letters is a word (باب door, بلد
                # country, خبر news); one of four often is (درعا shield, جنين
                # embryo, دوما always): it counts only in an article that names
                # the country (or the Sahel) otherwise.
                ok = stem >= ARABIC_TOWN_MIN_LETTERS
                guard = stem < ARABIC_LONG_NAME
            elif sahel_town:
                # Arabic transliterations of Sahel names are words when short
                # (دوري league, جيبو his pocket, سارة Sarah): five letters or more.
                ok = stem >= ARABIC_LONG_NAME
            elif sahel_small:
                ok = stem >= SAHEL_TOWN_LONG_NAME
            else:
                ok = pop >= ARABIC_CITY_MIN_POP_OTHER or (
                    pop >= ARABIC_CITY_MIN_POP_OTHER_LONG and letters >= ARABIC_LONG_NAME
                )
            if ok:
                keep("arabic", name, code, pop, guard)
    # Every population of the same name, to judge ambiguity against small towns too.
    all_pops = {}
    for city in cities.values():
        for name in [city["name"]] + [n for n in city.get("alternatenames", []) if is_arabic_name(n)]:
            d = all_pops.setdefault(bare(name), {})
            d[city["countrycode"]] = max(d.get(city["countrycode"], 0), city["population"])
    # A capital that a much bigger city elsewhere is named after is that city
    # in the news: Plymouth (Montserrat's abandoned capital) is the English
    # port, Hamilton (Bermuda) the Canadian city, Victoria (Seychelles) BC's.
    for lang, kind, code, term in sorted(rows):
        if kind != "capital":
            continue
        pops = all_pops.get(bare(term), {})
        own = pops.get(code, 0)
        if any(pop >= AMBIGUITY_RATIO * max(own, 1) for other, pop in pops.items() if other != code):
            rows.discard((lang, kind, code, term))
    country_names = {(t[3].lower(), t[2]) for t in rows if t[1] in ("country", "demonym")}
    country_name_set = {n for n, _ in country_names}
    for (script, name), _ in sorted(by_name.items()):
        if fold(name) in stop:
            continue
        pops = sorted(all_pops.get(bare(name), {}).items(), key=lambda kv: (-kv[1], kv[0]))
        code, top = pops[0]
        if len(pops) > 1 and top < AMBIGUITY_RATIO * pops[1][1]:
            continue
        if name.lower() in country_name_set and (name.lower(), code) not in country_names:
            continue
        if script == "latin":
            add("en", "city", code, name)
            add("fr", "city", code, name)
            if guarded[(script, name)]:
                flags[("en", "city", code, name)] = "person"
                flags[("fr", "city", code, name)] = "person"
        else:
            add("ar", "city", code, name)
            if guarded[(script, name)]:
                flags[("ar", "city", code, nfc(name))] = "needs=" + code

    # A demonym or name shared by several countries ("American": US and its
    # territories) is kept only for the most populous of them.
    population = {code: c.get("population", 0) for code, c in load(os.path.join(src, "gazetteer", "geonames", "countries.json")).items()}
    owners = {}
    for lang, kind, code, term in rows:
        if kind in ("country", "demonym"):
            owners.setdefault((lang, fold(term)), set()).add(code)
    # The same across languages: French "Américan" (Northern Mariana Islands)
    # is the English "American" quoted in a French text.
    any_lang = {}
    for lang, kind, code, term in rows:
        if kind in ("country", "demonym"):
            any_lang.setdefault(bare(term), set()).add(code)
    kept = set()
    for lang, kind, code, term in rows:
        codes = owners.get((lang, fold(term)), {code})
        if kind in ("country", "demonym") and len(codes) > 1:
            if code != max(sorted(codes), key=lambda c: population.get(c, 0)):
                continue
        if kind in ("country", "demonym"):
            others = any_lang.get(bare(term), {code})
            if code != max(sorted(others), key=lambda c: population.get(c, 0)):
                continue
        kept.add((lang, kind, code, term))
    return sorted(row + ((flags[row],) if row in flags else ()) for row in kept)


def build_iptc(src):
    path = os.path.join(src, "taxonomy", "iptc", "project_topics_subset.tsv")
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    header, body = lines[0].split("\t"), lines[1:]
    out = ["qcode\tparent\tname_en\tname_fr\tname_ar"]
    for line in body:
        cols = dict(zip(header, line.split("\t")))
        out.append("\t".join([
            cols["NewsCode-QCode (flat)"],
            cols["Level1/NewsCode"],
            cols["Name (en-GB)"],
            cols["Name (fr)"],
            cols["Name (ar)"],
        ]))
    return "\n".join(out) + "\n"


def render_gazetteer(rows):
    header = (
        "# Generated by data/build.py from CLDR 48, mledoze/countries and GeoNames (see data/LICENSES.md).\n"
        "# Do not edit: change data/build.py or data/curated/ and rebuild.\n"
        "# lang\tkind\tcode\tterm\t[flags, as in data/curated/gazetteer.tsv]\n"
    )
    return header + "".join("\t".join(r) + "\n" for r in rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="the shared data directory")
    parser.add_argument("--check", action="store_true", help="verify the committed files instead of writing")
    args = parser.parse_args()
    src = os.path.abspath(args.source)
    if not os.path.isdir(src):
        print(f"build.py: source directory {src} not found", file=sys.stderr)
        return 2

    regions = load(os.path.join(src, "labelled", "regions.json"))
    outputs = {
        "gazetteer.tsv": render_gazetteer(build_gazetteer(src)),
        "iptc_topics.tsv": build_iptc(src),
        "regions.json": json.dumps(regions, ensure_ascii=False, indent=2) + "\n",
    }
    stale = []
    for name, text in outputs.items():
        path = os.path.join(HERE, name)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"build.py: wrote data/{name}")
    if stale:
        print("build.py: stale, run python3 data/build.py: " + ", ".join(stale), file=sys.stderr)
        return 1
    if args.check:
        print("build.py: all generated files are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
