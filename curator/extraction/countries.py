"""A small built-in table of country names (English short names) and common variants."""

from __future__ import annotations

import re
from collections.abc import Iterator

from curator.extraction.textutil import caseless, folded

_NAMES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh
|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria
|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros
|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador
|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece
|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq
|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon
|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania
|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand
|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay
|Peru|Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Seychelles
|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname
|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan
|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia
|Zimbabwe
"""

# Variants (other English forms, registry spellings, a few local names) -> short name.
_VARIANTS = {
    "usa": "United States", "u.s.a.": "United States", "us": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "great britain": "United Kingdom", "britain": "United Kingdom",
    "england": "United Kingdom", "scotland": "United Kingdom", "wales": "United Kingdom",
    "northern ireland": "United Kingdom", "korea, republic of": "South Korea", "republic of korea": "South Korea",
    "korea": "South Korea", "korea, democratic people's republic of": "North Korea", "russian federation": "Russia",
    "iran, islamic republic of": "Iran", "islamic republic of iran": "Iran", "czech republic": "Czechia",
    "the netherlands": "Netherlands", "holland": "Netherlands", "viet nam": "Vietnam", "türkiye": "Turkey",
    "turkiye": "Turkey", "côte d'ivoire": "Ivory Coast", "cote d'ivoire": "Ivory Coast",
    "taiwan, province of china": "Taiwan", "republic of china": "Taiwan", "people's republic of china": "China",
    "pr china": "China", "p.r. china": "China", "hong kong sar": "Hong Kong", "macedonia": "North Macedonia",
    "syrian arab republic": "Syria", "lao people's democratic republic": "Laos", "moldova, republic of": "Moldova",
    "tanzania, united republic of": "Tanzania", "bolivia, plurinational state of": "Bolivia", "swaziland": "Eswatini",
    "venezuela, bolivarian republic of": "Venezuela", "brunei darussalam": "Brunei", "burma": "Myanmar",
    "deutschland": "Germany", "österreich": "Austria", "schweiz": "Switzerland", "frankreich": "France",
    "italien": "Italy", "spanien": "Spain", "niederlande": "Netherlands", "belgien": "Belgium", "polen": "Poland",
    "españa": "Spain", "italia": "Italy", "suisse": "Switzerland", "belgique": "Belgium",
    "中国": "China", "日本": "Japan", "韓国": "South Korea", "台湾": "Taiwan", "香港": "Hong Kong", "ایران": "Iran",
    "alemania": "Germany", "brasil": "Brazil", "méxico": "Mexico",
}

_TABLE: dict[str, str] = {n.strip().lower(): n.strip() for n in _NAMES.replace("\n", "").split("|") if n.strip()}
_TABLE.update(_VARIANTS)
# Two-letter abbreviations are too ambiguous in running text; only whole-value matches use them.
_SHORT = {"us", "uk", "usa"}
_PATTERN = re.compile(
    r"(?<![\w'])(" + "|".join(re.escape(k) for k in sorted(_TABLE, key=len, reverse=True) if k not in _SHORT)
    + r")(?![\w'])",
    re.I,
)
# Its case-sensitive twin, searched over the lower-cased text (:func:`caseless`): far faster than ``re.I``.
_FOLDED = folded(_PATTERN)
# "Georgia" and "Jordan" are also a US state and a surname; "Guinea" is part of longer names.
_AMBIGUOUS_AFTER = re.compile(r"^\s*,\s*(?:united states|usa|us)\b", re.I)


def find_countries(text: str) -> Iterator[tuple[str, int, int]]:
    """Country names in ``text`` as (short name, start, end)."""
    whole = text.strip().lower().rstrip(".")
    if whole in _SHORT:
        i = text.lower().find(whole)
        yield _TABLE[whole], i, i + len(whole)
        return
    low = caseless(text)
    for m in _FOLDED.finditer(low) if low is not None else _PATTERN.finditer(text):
        name = _TABLE[text[m.start(1):m.end(1)].lower()]
        if name == "Georgia" and _AMBIGUOUS_AFTER.match(text[m.end():m.end() + 20]):
            continue
        yield name, m.start(), m.end()
    # "City, State, USA" on ClinicalTrials.gov-style location lines.
    for m in re.finditer(r",\s*(USA|U\.S\.A\.|UK)\b", text):
        yield _TABLE[m.group(1).lower()], m.start(1), m.end(1)


def country_name(text: str) -> str | None:
    """The short name when ``text`` is exactly a country name or variant."""
    return _TABLE.get(text.strip().lower().rstrip("."))
