"""Titles as duplicate finding compares them: the words of the title, without what a database added.

Databases decorate the titles they export: Ovid and Embase end a translated
title with its language (``[Chinese]``), a review with ``[Review] [45 refs]``,
a corrected paper with ``[Erratum appears in ...]``; the Cochrane Library's
DARE adds ``(Provisional abstract)``; letters pages add ``(multiple letters)``
or ``[1]``; PubMed puts a translated title in brackets, and an in-process record ends with
``Epub ahead of print``. None of that is part of
the title an author wrote, so it is taken off before titles are compared.

A trailing ``- Reply`` (or ``Reply``, ``Author reply``) is taken off too, but
remembered: a reply and the letter it answers share a title and are different
documents, so :mod:`curator.duplicates.evidence` asks for more before linking
a reply to a record that is not one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from curator.duplicates.transliteration import latin_letters

# Every ASCII character that is not a letter or a digit separates words (as [^\W_]+ finds them).
_ASCII_SEPARATORS = {c: " " for c in range(128) if not chr(c).isalnum()}

# A bracketed group at the very end of a title: always a database's note (language, references, erratum,
# section, the title in the original language), never the author's words. Nested one level deep at most.
_TRAILING_BRACKETS = re.compile(r"\s*\[(?:[^\[\]]|\[[^\[\]]*\])*\]?[\s.*]*$")
# Parenthesised notes at the end are the author's words too often ("(NEURITES)"): only the known ones go.
_NOTE = (r"provisional abstract|epub ahead of print|structured abstract|abstract|multiple letters|letter|editorial|review|"
         r"see comments?|comment|author'?s transl?|english abstract|[a-z]+ abstract|\d+ refs?")
_TRAILING_NOTES = re.compile(rf"\s*\((?:{_NOTE})\)[\s.*]*$", re.I)
_IS_NOTE = re.compile(_NOTE, re.I)
# "- Reply", ": reply", "Author reply", "Reply by the authors" at the end.
_TRAILING_REPLY = re.compile(r"[\s.:;,-]*\b(?:authors?'?\s+)?reply(?:\s+(?:by|from)\s+the\s+authors?)?[\s.*]*$", re.I)
# "Epub ahead of print" after the title (MEDLINE's in-process records), in brackets or not.
_TRAILING_EPUB = re.compile(r"[\s.:;,-]*\(?\bepub ahead of print\)?[\s.*]*$", re.I)
_TRAILING_MARKS = re.compile(r"[\s.*]+$")
# Markup a database leaves in a title: <i>Escherichia coli</i>, m<sup>2</sup>, &amp;, &#946;.
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:_-]*(?:\s[^<>]*)?/?>")


def strip_decorations(title: str) -> tuple[str, bool]:
    """The title without the notes a database appended, and whether it was marked as a reply.

    ``"Tai chi for stroke. [Chinese]"`` gives ``("Tai chi for stroke", False)``;
    ``"Tai chi for stroke - Reply"`` gives ``("Tai chi for stroke", True)``. A title
    that is nothing but a bracketed group (PubMed's translated title) keeps its words.
    """
    text = without_markup(title).strip()
    reply = False
    end = text.rstrip(" .*")
    if end and "[" not in end and end[-5:].lower() not in ("reply", "print"):  # the common case: nothing appended
        if end[-1] != ")":
            return end, False
        opening = end.rfind("(")
        if opening <= 0 or not _IS_NOTE.fullmatch(end, opening + 1, len(end) - 1):
            return end, False  # the author's own "(NEURITES)"
    while text:
        before = text
        text = _TRAILING_MARKS.sub("", text)
        match = _TRAILING_BRACKETS.search(text)
        if match and match.start() > 0:
            text = text[:match.start()]
        text = _TRAILING_NOTES.sub("", text)
        text = _TRAILING_EPUB.sub("", text)
        match = _TRAILING_REPLY.search(text)
        if match and match.start() > 0:
            text, reply = text[:match.start()], True
        if text == before:
            break
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return text, reply


def without_markup(text: str) -> str:
    """The text without HTML tags and with its entities read (``<i>E. coli</i> &amp; ...`` gives ``E. coli & ...``)."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text and ";" in text:
        text = html.unescape(text)
    return text


def normalise_title(title: str) -> str:
    """The title as duplicate finding compares it: its words (:func:`title_key`) without a database's decorations."""
    if not title:
        return ""
    stripped = strip_decorations(title)[0]
    return title_key(stripped)


def title_words(text: str) -> str:
    """The words of ``text``, lower case, without accents or punctuation, one space apart."""
    return " ".join(_word_list(text))


_SIGN_TYPED_AS_QUOTE = re.compile(r'(?<=[^\W\d_])"(?=[^\W\d_])')


def _word_list(text: str) -> list[str]:
    # An apostrophe joins: "Editor's" is one word, "editors", however a database writes the apostrophe.
    if "'" in text or "\u2019" in text or "`" in text:
        text = text.replace("'", "").replace("\u2019", "").replace("`", "")
    if "&" in text:
        text = text.replace("&", " and ")
    if '"' in text:  # a quote between two letters is a hard sign typed as one (ob"ekt), not a quotation: it joins
        text = _SIGN_TYPED_AS_QUOTE.sub("", text)
    if text.isascii():
        # The same words as the pattern below, found by str.translate: five times faster on the common case.
        return text.lower().translate(_ASCII_SEPARATORS).split()
    decomposed = unicodedata.normalize("NFKD", text)
    return re.findall(r"[^\W_]+", latin_letters("".join(c for c in decomposed if not unicodedata.combining(c)).lower()))


# Numbers written as words, and Roman numerals after the words that number a type, phase or part:
# "two-year" and "2-year", "type II" and "type 2" are one title.
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_NUMBER_WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_NUMBERED = frozenset(["type", "types", "phase", "phases", "stage", "stages", "grade", "grades", "class",
                       "part", "parts", "level", "levels", "category", "generation", "trial", "study",
                       "chapter", "volume"])
# British and American spellings of one word: each is folded to one form. Only endings and stems whose
# two forms are the same word (colour/color, centre/center, paediatric/pediatric, modelling/modeling).
_SPELLINGS = {"programme": "program", "programmes": "programs", "ageing": "aging", "judgement": "judgment",
              "grey": "gray", "enrolment": "enrollment", "fulfil": "fulfill", "skilful": "skillful",
              "defence": "defense", "offence": "offense", "licence": "license", "practise": "practice",
              "mould": "mold", "plough": "plow", "sceptical": "skeptical", "tyre": "tire", "cheque": "check",
              "diarrhoea": "diarrhea", "manoeuvre": "maneuver", "storey": "story", "aluminium": "aluminum"}
_BRITISH_FORMS = (
    (re.compile(r"(?<=[a-z]{3})our(?=s?$|ed$|ing$|ite$|ites$|al$|ally$|able$|ful$|less$|ers?$)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=e$|es$|ed$|ing$|ation$|ations$|er$|ers$)"), "iz"),
    (re.compile(r"(?<=[a-z])ys(?=e$|es$|ed$|ing$|er$|ers$)"), "yz"),
    (re.compile(r"(?<=[a-z]{2})(?:tre|bre)(?=s?$)"), lambda m: m.group()[0] + "er"),
    (re.compile(r"(?<=[a-z][aeou])ll(?=ing$|ed$|ers?$)"), "l"),
    (re.compile(r"(?<=[a-z]{2})ogue(?=s?$)"), "og"),
    (re.compile(r"(?:^|(?<=[b-df-hj-np-tv-z]))(?:ae|oe)(?=[b-df-hj-np-tv-z])(?!s$)"), "e"),
)


_ARTICLES = frozenset(["the", "a", "an"])


@lru_cache(maxsize=65536)  # an export of 100,000 records uses some tens of thousands of distinct words
def _one_spelling(word: str) -> str:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    if len(word) < 5 or not word.isalpha():
        return word
    for pattern, replacement in _BRITISH_FORMS:
        word = pattern.sub(replacement, word)
    return word


def title_key(text: str) -> str:
    """The words of a title as duplicate finding compares them: :func:`title_words`, each in one spelling
    (British and American spellings, numbers as words and digits, Roman numerals after "type" or "phase"),
    without a leading article."""
    words = list(map(_one_spelling, _word_list(text)))
    if len(words) > 2 and words[0] in _ARTICLES:
        del words[0]  # "The effect of ..." and "Effect of ...": some databases drop a leading article
    if not _NUMBERED.isdisjoint(words):
        for position in range(1, len(words)):
            if words[position] in _ROMAN and words[position - 1] in _NUMBERED:
                words[position] = _ROMAN[words[position]]
    return " ".join(words)


# The words of a column's or an editor's title: a title made of these alone is generic, however long.
_EDITORIAL = """
editorial editorials editor editors chief guest introduction introducing special issue issues this these our new
letter letters reply response responses comment comments commentary correspondence preface foreword abstracts
abstract meeting meetings annual report reports news highlights review reviews reviewer reviewers book books obituary
president presidential message messages year years conference congress proceedings society update updates note notes
announcement announcements acknowledgement acknowledgements acknowledgment acknowledgments index contents volume
welcome journal readers thanks thank you call papers column corner perspective opinion viewpoint brief summary
selected desk word words remarks closing opening farewell board members award awards lecture minutes invited
session sessions symposium workshop current part reflections
"""
_EDITORIAL_WORDS = frozenset(_EDITORIAL.split())
_FILLER = frozenset(["a", "an", "the", "of", "in", "on", "for", "and", "to", "at", "by", "from", "with", "s"])


def generic_title(key: str) -> bool:
    """The title (a :func:`title_key`) is an editor's or a column's, words every issue may print: "Introduction to
    the special issue", "Message from the editor-in-chief", "Editorial: the year in review"."""
    return all(word in _EDITORIAL_WORDS or word in _FILLER or word.isdigit() for word in key.split())


# Words an English title has and a title in another language of Latin letters lacks; and the small words of those
# languages, one of which an original title of three words or more has (an English title's first words have none).
_ENGLISH_ONLY = frozenset(["the", "of", "and", "with", "for", "on", "to", "from", "by", "among", "after", "between",
                           "is", "are", "versus", "its", "their", "during", "without", "into", "how", "what", "does"])
_FOREIGN_SMALL_WORDS = frozenset([
    "der", "das", "und", "mit", "von", "fur", "bei", "im", "zur", "zum", "des", "dem", "ein", "eine", "einer", "nach",
    "uber", "auf", "aus", "oder", "de", "la", "le", "les", "du", "et", "pour", "avec", "dans", "sur", "au", "aux",
    "une", "el", "los", "las", "en", "del", "con", "para", "por", "da", "dos", "em", "na", "nas", "com", "pela",
    "pelo", "il", "della", "delle", "degli", "di", "nel", "nella", "sulla", "sul", "gli", "oraz", "przy", "dla", "ze",
    "och", "av", "med", "hos", "vid", "van", "het", "een", "voor", "met", "bij", "og", "af", "ved", "paa",
])
_BRACKETED_TRANSLATION = re.compile(r"(?P<original>.+?)\s*\[(?P<english>[^\[\]]+)\]")


def translation_after_original(title: str) -> str:
    """The English title a database gives after the original: "original [English]", "original = English" or
    "original. English"; "" unless the part before it reads as another language (three words or more, one of that
    language's small words or a letter with an accent among them, no word only English has) and the part after it
    as English (a word only English has, four words or more)."""
    text = title.strip().rstrip(" .*")
    if text.endswith("]"):
        match = _BRACKETED_TRANSLATION.fullmatch(without_markup(text))
        if not match:
            return ""
        original, english = match.group("original"), match.group("english")
    else:
        separator = " = " if " = " in text else ". "
        original, _, english = text.partition(separator)
        if not english:
            return ""  # (the common case: no translation after the title)
    if not _ENGLISH_ONLY.isdisjoint(original.lower().split()):
        return ""  # (an English title with its subtitle, found without reading its words)
    original_words, english_words = set(title_words(original).split()), title_words(english).split()
    if (len(original_words) < 3 or len(english_words) < 4 or not _ENGLISH_ONLY.isdisjoint(original_words)
            or _ENGLISH_ONLY.isdisjoint(english_words)):
        return ""
    return without_markup(english).strip() if not _FOREIGN_SMALL_WORDS.isdisjoint(original_words) or not \
        original.isascii() else ""


__all__ = ["generic_title", "normalise_title", "strip_decorations", "title_key", "title_words",
           "translation_after_original", "without_markup"]
