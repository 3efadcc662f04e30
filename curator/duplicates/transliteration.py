"""Words of other scripts in Latin letters, and the forms in which systems of transliteration agree.

A title or name written in Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian, Macedonian) or in Greek
reaches one database in its own letters and another in one of several systems of Latin letters: Scopus uses
BGN/PCGN (Yakovlev, Kharakteristika), MEDLINE the Library of Congress's (Iakovlev), others ISO 9 or the scholarly
system (Jakovlev, Harakteristika, Žukov), German sources Duden's (Jakowlew, Schtschukin, Tschaikowski), Ukrainian
ones the national system (h for г: Hryhorenko). :func:`latin_letters` reads the other scripts in Latin letters
(one system); :func:`transliteration_key` and :func:`transliterated_name` fold what the systems write differently
into one form. The folded forms are coarser than a title key (they also fold English words that differ only in
those letters), so :mod:`curator.duplicates.title_match` compares them only where titles already nearly agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Greek letters, which one database prints and another spells out (α-synuclein, alpha-synuclein): a letter alone,
# or two (γδ T cells), is spelt out; a Greek word (three letters or more) is read letter by letter (ELOT 743: ου
# as ou, υ otherwise as y).
_GREEK_NAMES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi",
                "omega")
_GREEK_LETTERS = dict(zip("αβγδεζηθικλμνξοπρςστυφχψω", ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m",
                                                          "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch",
                                                          "ps", "o"], strict=True))
_GREEK_WORD = re.compile("[\u03b1-\u03c9]{3,}")
_GREEK_IN_LETTERS = str.maketrans(_GREEK_LETTERS)
# Cyrillic letters in Latin ones (one system: the folds below bring the others to it); Serbian and Macedonian
# letters as Gaj's Latin alphabet writes them without its accents (ђ dj, ћ c, џ dz, љ lj, њ nj).
_CYRILLIC = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
             "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
             "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
             "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "ye", "ґ": "g", "ў": "u",
             "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz"}
# Letters that have no accent to drop but another spelling in another database (ø/o, ß/ss, æ/ae, ł/l), and the
# primes some systems write for the soft and hard signs (Ilʹin, obʺekt), dropped as an apostrophe is.
_SPELT_OUT = str.maketrans({"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                            "ı": "i", **{chr(0x3B1 + i): name for i, name in enumerate(_GREEK_NAMES)},
                            "ϐ": "beta", "ϑ": "theta", "ϕ": "phi", "ϵ": "epsilon", "ϰ": "kappa", **_CYRILLIC,
                            "ʹ": "", "ʺ": "", "ʼ": ""})


def latin_letters(text: str) -> str:
    """Lower-case ``text`` without accents (its combining marks already dropped) in Latin letters: Cyrillic read in
    one system, a Greek word letter by letter, a Greek letter alone spelt out (α-synuclein, alpha-synuclein)."""
    if text and max(text) >= "\u03b1" and _GREEK_WORD.search(text):
        text = _GREEK_WORD.sub(lambda word: word.group().replace("ου", "ou").translate(_GREEK_IN_LETTERS), text)
    return text.translate(_SPELT_OUT)


# What the systems write differently, folded to one form: х kh/h/ch (German), ж zh/z (ž)/sh (German), ц ts/c/tz/z
# (German), ч ch/c (č)/tch/tsch, ш sh/s (š)/sch, щ shch/sc (šč)/schtsch, кс ks/x, в v/w (German); й, ы and the y, j
# or i before a vowel (я ya/ja/ia, ю yu/ju/iu, ий iy/ij/ii/y); ü ue/u, ö oe/o, ä ae/a. The sibilants that one
# system writes z and another s or c (з z/s, ц c/z, ж z/s) are folded to s; г as g (Russian) or h (Ukrainian) to h.
_DIGRAPHS = (("tsch", "c"), ("shch", "sc"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("zh", "z"), ("ch", "c"),
             ("sh", "s"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ph", "f"))
_LETTERS = str.maketrans({"w": "v", "y": "i", "j": "i", "z": "s", "c": "s", "g": "h"})
_SHORT_NAME_LETTERS = str.maketrans({"y": "i", "j": "i"})
_SOFT_VOWEL = re.compile(r"i+(?=[aeiou])")
# ё written yo, jo or ë (e): "io" as e, but not in the ending of English nouns (-ion, -ions).
_YO = re.compile(r"io(?!ns?$)")
# Greek and German vowel pairs one system writes as two letters and another as one (αι ai/e, ου ou/u, ει ei/i).
_VOWEL_PAIRS = (("ou", "u"), ("ai", "e"), ("ei", "i"), ("oi", "i"))
# In a title key ae and oe are already e between consonants (haemorrhage, oesophageal): the same here, everywhere.
_TITLE_UMLAUTS = (("ae", "e"), ("oe", "e"), ("ue", "u"))
_NAME_UMLAUTS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
#: Names at least this long fold g and h, the sibilants and w and v together (Grigorenko, Hryhorenko; Zhukovskii,
#: Schukowski); shorter ones are often two names (Gu and Hu, Zhao and Shao, Chen and Shen, Wu and Vu).
COARSE_NAME = 7


def _folded(word: str, umlauts: tuple[tuple[str, str], ...], letters: dict[int, str]) -> str:
    if not word.isalpha():
        return word
    for written, folded in _DIGRAPHS:
        if written in word:
            word = word.replace(written, folded)
    word = word.translate(letters)
    if "i" in word:
        word = _YO.sub("e", word)
        word = _SOFT_VOWEL.sub("", word).replace("ii", "i")
    for written, folded in (*umlauts, *_VOWEL_PAIRS):
        if written in word:
            word = word.replace(written, folded)
    return word.replace("ss", "s")


@lru_cache(maxsize=65536)
def transliterated_word(word: str) -> str:
    """One word of a title key in the form :func:`transliteration_key` gives."""
    return _folded(word, _TITLE_UMLAUTS, _LETTERS)


def _german_read(text: str) -> str:
    """Russian the German way (Duden) in the English way's letters where they differ in meaning: German ch is х
    (kh), as tsch is ч (ch) and sch ш (sh)."""
    return text.replace("tsch", "\0").replace("sch", "\1").replace("ch", "kh").replace("\0", "ch").replace(
        "\1", "sh")


_ENGLISH_SMALL_WORDS = frozenset(["the", "of", "and", "in", "a", "an", "with", "for", "on", "to", "from", "by", "at",
                                  "after", "among", "between", "is", "are", "or", "versus", "vs", "its", "their"])


def transliteration_key(key: str) -> str:
    """A title key with the letters that systems of transliteration write differently folded into one form:
    "Kharakteristika zabolevayemosti", "Harakteristika zabolevaemosti" and "Charakteristika sabolewajemosti" give
    one key. A title with a "tsch" (ч the German way) reads its "ch" as х, as German does.
    """
    if "tsch" in key:
        key = _german_read(key)
    words = key.split()
    folded = " ".join(map(transliterated_word, words))
    # Greek η is e in the classical system and i in ELOT 743 (Kretes, Kritis): in a title with no English small word,
    # e and i are one letter too (not in English, where ilium and ileum, complement and compliment are two words).
    return folded if not _ENGLISH_SMALL_WORDS.isdisjoint(words) else folded.replace("e", "i")


@lru_cache(maxsize=4096)
def transliterated_name(surname: str) -> str:
    """A surname (lower case, one word) in the form :func:`transliteration_key` gives: Iakovlev, Yakovlev, Jakovlev
    and Jakowlew give one name, as Müller (muller) and Mueller, Hryhorenko and Grigorenko do; and ё as e
    (Fyodorov, Fjodorov, Fedorov), as names are often written without its dots."""
    if "ch" in surname and ("tsch" in surname or surname.endswith(("ow", "ew", "ewa", "owa"))):
        surname = _german_read(surname)  # Tschernow, Chochlow: Duden's Chernov, Khokhlov
    return _folded(surname, _NAME_UMLAUTS, _LETTERS if len(surname) >= COARSE_NAME else _SHORT_NAME_LETTERS)


_DUDEN_ENDINGS = ("ow", "ew", "owa", "ewa", "ij", "ijs")


def written_the_german_way(surname: str) -> bool:
    """The surname (lower case) looks Russian written the German way: a "tsch" or "sch", or a Duden ending (Jeshow,
    Suew, Iwanowa, Dostojewskij); at least four letters (Low and Lew are names of their own); or a short name with
    Duden's z for ц and j for й (Zoj: Tsoy, Coj), which no English, Chinese or Indian name has."""
    if len(surname) < 4:
        return len(surname) == 3 and surname[0] == "z" and surname[1] in "aeou" and surname[2] == "j"
    return "sch" in surname or surname.endswith(_DUDEN_ENDINGS)


@lru_cache(maxsize=4096)
def coarse_name(surname: str) -> str:
    """A surname folded as a long one is whatever its length (Eshow and Ezhov, Suew and Zuev give one name): only
    for a name :func:`written_the_german_way`, whose short forms differ in more letters than one."""
    if "ch" in surname:
        surname = _german_read(surname)
    return _folded(surname, _NAME_UMLAUTS, _LETTERS)


__all__ = ["COARSE_NAME", "coarse_name", "latin_letters", "transliterated_name", "transliterated_word",
           "transliteration_key", "written_the_german_way"]
