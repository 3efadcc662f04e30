"""Words that are spelt alike and mean different things: two titles one such word apart are two documents.

A title word and another at least 75% alike are taken as one word misspelt
(:func:`curator.duplicates.title_match.words_agree`), but an author's series of
papers differs by just such a word: *hypertension* and *hypotension*, *pre-* and
*postoperative*, *men* and *women*, *typical* and *atypical*; another drug of one
class (*losartan* and *valsartan*, *omeprazole* and *esomeprazole*); another
country (*Austria* and *Australia*, *Iran* and *Iraq*). Those are never one
spelling. What is recognised:

* a word is the other with a prefix of opposite or other meaning added or changed
  (``hyper``/``hypo``, ``pre``/``post``, ``non``, ``un``, ``a``, ``anti``, ``es``,
  ``levo``, ``dex``, ...): one word's beginning, the rest the same;
* two words that end alike (a drug class's stem, ``-sartan``, ``-prazole``) and
  begin with different letters, each with a letter of its own before the common
  ending and four between them (``lo|sartan``/``val|sartan``, ``o|floxacin``/
  ``levo|floxacin``), or one the other with three letters or more before it
  (``methyl|prednisolone``): two names, not a typing error (a typing error changes a
  letter or two; a British spelling, ``oesophageal``, adds one);
* a word is the other with two or more letters, a consonant among them, inserted inside it
  (``predniso|lo|ne``): a spelling variant or a typing error adds one (``oesophageal``);
* two words that differ in their first letter only (*depression*/*repression*, *weight*/*height*), unless the two
  letters are ones systems of transliteration or spelling write for one sound (j/y, g/h, c/k, v/w, ...:
  *jazvennoj*/*yazvennoj*, *Hryhorenko*/*Gryhorenko*): a typing error seldom falls on a word's first letter;
* two names of countries;
* two words of medicine that a letter or two tell apart and every other rule would take for one spelling
  (*ilium*/*ileum*, *perineal*/*peroneal*, *affect*/*effect*, *reflex*/*reflux*, *dysphagia*/*dysphasia*,
  *facial*/*fascial*): a list, as no rule of spelling tells them from *grey*/*gray* or *artefact*/*artifact*.
"""

from __future__ import annotations

from functools import lru_cache
from os.path import commonprefix

# Prefixes that make another word of a word: (one, other), either may be added to or replace the other.
_PREFIX_PAIRS = frozenset([
    ("hyper", "hypo"), ("hyper", "hyp"), ("hyper", "normo"), ("hypo", "normo"), ("pre", "post"), ("ante", "post"), ("pre", "peri"),
    ("peri", "post"), ("intra", "extra"), ("inter", "intra"), ("sub", "supra"), ("over", "under"), ("in", "out"),
    ("in", "de"), ("in", "ex"), ("im", "ex"), ("uni", "bi"), ("mono", "bi"), ("mono", "poly"), ("bi", "tri"),
    ("ipsi", "contra"), ("endo", "exo"), ("pro", "anti"), ("up", "down"), ("micro", "macro"), ("hetero", "homo"),
    ("tachy", "brady"), ("inf", "sup"), ("max", "min"), ("ag", "antag"), ("re", ""), ("co", ""), ("pre", ""),
    ("post", ""), ("non", ""), ("un", ""), ("in", ""), ("im", ""), ("ir", ""), ("il", ""), ("dis", ""), ("a", ""),
    ("anti", ""), ("wo", ""), ("fe", ""), ("es", ""), ("levo", ""), ("dex", ""), ("methyl", ""), ("hydro", ""),
    ("iso", ""), ("nor", ""), ("des", ""), ("peri", ""), ("intra", ""), ("extra", ""), ("inter", ""),
    ("multi", ""), ("poly", ""), ("semi", ""), ("self", ""), ("counter", ""), ("neo", ""),
])
_PREFIXES = _PREFIX_PAIRS | {(b, a) for a, b in _PREFIX_PAIRS}
#: The rest of a word after a prefix is at least this long (``women``/``men``: the rest is a word of its own).
_STEM = 3
#: Two names with one ending (``losartan``/``valsartan``) share at least this many letters at their end.
_COMMON_ENDING = 4

_COUNTRY_NAMES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon
canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica dominican ecuador
egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala
guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway
oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
venezuela vietnam yemen zambia zimbabwe
"""
_COUNTRIES = frozenset(_COUNTRY_NAMES.split())
# Words of medicine spelt a letter or two apart, each meaning something else (each line: one pair's forms).
_CONFUSED_PAIRS = """
ilium ileum; iliac ileac; ilial ileal; perineal peroneal; affect effect; affects effects; complement compliment
reflex reflux; dysphagia dysphasia; aphagia aphasia; abduction adduction; abductor adductor; prostate prostrate
ureteral urethral; fundus fungus; enuresis anuresis; principal principle; discreet discrete; facial fascial
hepatoma hematoma; arteritis arthritis; vesical vesicle; osteal ostial
"""
_CONFUSED = frozenset(frozenset(pair.split()) for line in _CONFUSED_PAIRS.split("\n") for pair in line.split(";")
                      if pair.strip())
# First letters that one sound is written with in two systems of transliteration or spelling (Jakovlev, Yakovlev;
# Iudin, Yudin; Gerasimov, Herasymov; Kardiologie, Cardiologie; Wirkung written Virkung; Greek β as b or v, η as e
# or i, χ as h or x; х written ch, which folded transliterations read as ч, s; ä and ö written a and o, or ae and
# oe, which a title key reads as the British spelling's e, as in aetiology): a word's first letter changed among
# these is the word spelt another way.
_ONE_SOUND = frozenset(map(frozenset, ("jy", "iy", "ij", "gh", "ck", "cs", "cz", "sz", "vw", "bv", "ei", "hx",
                                       "kq", "fv", "hs", "ae", "eo")))


_PARTNERS: dict[str, frozenset[str]] = {}
for _one, _other in _PREFIXES:
    _PARTNERS[_one] = _PARTNERS.get(_one, frozenset()) | {_other}


def look_alikes_apart(title: str, other: str) -> bool:
    """Two titles differ by a look-alike word of another meaning, a prefix or a country (not a name's ending)."""
    ours, theirs = set(title.split()), set(other.split())
    only_theirs = theirs - ours
    return any(different_words(word, their, names=False) for word in ours - theirs for their in only_theirs)


@lru_cache(maxsize=65536)
def different_words(word: str, other: str, names: bool = True) -> bool:
    """``word`` and ``other`` (lower case, different) are two words, however alike they are spelt; without
    ``names``, two words that end alike are not compared (``zhurnal``/``jurnal``: one word transliterated twice)."""
    if word in _COUNTRIES and other in _COUNTRIES or frozenset((word, other)) in _CONFUSED:
        return True
    for size in range(min(7, len(word) - _STEM) + 1):
        partners = _PARTNERS.get(word[:size])
        if partners:
            rest = word[size:]
            added = other[:len(other) - len(rest)]
            if other.endswith(rest) and added in partners and not (rest[0] == "e" and "a" in (added, word[:size])):
                return True  # hyper|tension, hypo|tension; |men, wo|men; |typical, a|typical (not a|etiology)
    if _letters_inserted(word, other) or _letters_inserted(other, word):
        return True  # predniso|lo|ne, predniso|ne
    if len(word) == len(other) >= 4 and word[1:] == other[1:] and frozenset((word[0], other[0])) not in _ONE_SOUND:
        return True  # depression, repression; weight, height (not jazvennoj, yazvennoj)
    if not names:
        return False
    ending = len(commonprefix((word[::-1], other[::-1])))
    heads = sorted((len(word) - ending, len(other) - ending))
    if heads[0] == 0:  # one word is the other with letters before it: three or more make another word
        return ending >= _COMMON_ENDING and heads[1] >= 3  # (levo|floxacin, methyl|prednisolone)
    return ending >= _COMMON_ENDING and word[0] != other[0] and heads[0] + heads[1] >= 4


def _letters_inserted(short: str, long: str) -> bool:
    """``long`` is ``short`` with two or more letters, a consonant among them, inserted inside it (not in its first
    three letters nor its last two): another word (*prednisone*, *prednisolone*), where a spelling variant or a
    typing error adds one letter (*oesophageal*, *paediatric*) and an ending is a word's form (*programme*)."""
    added = len(long) - len(short)
    if added < 2 or len(short) < 6:
        return False
    head = len(commonprefix((short, long)))
    if head < 3 or len(short) - head < 2 or not long.endswith(short[head:]):
        return False
    return any(letter not in "aeiouy" for letter in long[head:head + added])


__all__ = ["different_words", "look_alikes_apart"]
