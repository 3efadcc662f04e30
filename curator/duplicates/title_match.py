"""How the titles of two records match: the same, nearly, one the other's main title or cut short, or the same
once their transliterations are folded together; and how sure that is (evidence's name for it). A notice about
a paper titled with the paper's title after it ("Correction to: ...", "Retracted: ...") never matches the paper,
nor does a comment or a reply so titled ("Comment on: ...", "Re: ...", "Response to: ...").

:mod:`curator.duplicates.matching` finds the pairs to compare; :mod:`curator.duplicates.evidence` weighs
the rest of the citation.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from curator.duplicates import evidence
from curator.duplicates.keys import Candidate
from curator.duplicates.look_alikes import different_words, look_alikes_apart
from curator.duplicates.transliteration import transliteration_key

#: Titles at least this similar (0-100, normalised Indel similarity) are near-identical.
TITLE_THRESHOLD = 93.0
#: Titles shorter than this (normalised characters) must match exactly, with year and author present.
SHORT_TITLE = evidence.SHORT_TITLE
#: A main title (the title before its subtitle) has at least this many words that are not stop words.
MAIN_TITLE_WORDS = 2
#: A title cut short in the middle of a word keeps at least this many characters (normalised) to match the whole.
CUT_TITLE = 150
#: A title cut short between two words keeps at least this many characters to match the whole.
LONG_CUT_TITLE = 200
#: A title cut short in the middle of a word to fewer than CUT_TITLE characters (but this many) matches the whole
#: as a main title does: only if the citation agrees.
SHORT_CUT_TITLE = 80
#: A title ending in an ellipsis ("...", "…") keeps at least this many characters to match the whole (weighed as a
#: main title unless evidence.MARKED_CUT are left).
ELLIPSIS_CUT_TITLE = 40
#: Titles at least this similar as written (0-100) are compared again with their transliterations folded together.
TRANSLITERATION_FLOOR = 75.0

# A notice about a paper, titled with the paper's title after it: a document of its own, never the paper.
_NOTICE = re.compile(r"(?:correction|corrections|erratum|errata|corrigendum|addendum|retraction|retracted|withdrawn|"
                     r"withdrawal|notice of retraction|retraction note|retraction notice|expression of concern|"
                     r"editorial expression of concern)(?: to| for| of| on| in| about)?(?: the (?:article|paper))?(?: the| a| an)?")
# A comment on a paper, or a reply to one, titled with the paper's title after what it is: a document of its own too.
_RESPONSE = re.compile(r"(?:(?:a |an )?(?:comments?|commentary|invited commentary|editorial comment|letter|"
                       r"letter to the editor|response|reply|authors? reply|authors? response)(?: on| to| regarding| about)?"
                       r"|re|regarding|in reply to|in response to)(?: the (?:article|paper))?(?: the| a| an)?")
_STOPWORDS = frozenset(["a", "an", "the", "of", "in", "on", "for", "and", "with", "to", "at", "by", "from", "versus", "vs", "or"])


def words_agree(a: str, b: str) -> bool:
    """Every word one title has and the other lacks is a spelling variant of one there, or a stop word.

    "randomised"/"randomized" and typos agree; "early"/"established" do not, however
    similar the whole titles are; nor do look-alikes of different meaning, "hypertension"/"hypotension",
    "losartan"/"valsartan", "Austria"/"Australia" (:mod:`curator.duplicates.look_alikes`).
    """
    ours, theirs = set(a.split()), set(b.split())
    only_ours = [w for w in ours - theirs if w not in _STOPWORDS]
    only_theirs = [w for w in theirs - ours if w not in _STOPWORDS]
    for word in only_ours:
        if not any(_one_word(word, other) for other in only_theirs):
            return False
    return all(any(_one_word(word, other) for other in only_ours) for word in only_theirs)


def _one_word(word: str, other: str) -> bool:
    """Two spellings of one word: alike, and not look-alikes of different meaning (hypertension, hypotension)."""
    return Indel.normalized_similarity(word, other) >= 0.75 and not different_words(word, other)


def enough_words(title: str) -> bool:
    return sum(1 for w in title.split() if w not in _STOPWORDS) >= MAIN_TITLE_WORDS


def cut_short(shorter: str, longer: str, ellipsis: bool) -> bool:
    """``shorter`` is ``longer`` cut short by a database: at 250 characters, say, in the middle of a word or late
    enough that what is left is not a main title but most of a title; or where an ellipsis marks the cut."""
    if not longer.startswith(shorter):
        return False
    if len(shorter) >= LONG_CUT_TITLE or (len(shorter) >= SHORT_CUT_TITLE and longer[len(shorter)] != " "):
        return True
    return ellipsis and len(shorter) >= ELLIPSIS_CUT_TITLE and enough_words(shorter)


def title_match(a: Candidate, b: Candidate, cut_only: bool = False) -> tuple[float, str] | None:
    """How the titles match (score 0-100 and evidence's name for it), or None when they do not; with ``cut_only``
    (the numbers in the titles differ) only one title cut short of the other matches."""
    if not cut_only and (a.title_key == b.title_key or a.title_key.replace(" ", "") == b.title_key.replace(" ", "")):
        return 100.0, evidence.SAME_TITLE  # (words joined or not: "l'enfant", "l enfant"; "e-mail", "email")
    short, long = (a, b) if len(a.title_key) <= len(b.title_key) else (b, a)
    shorter, longer = short.title_key, long.title_key
    if longer.endswith(shorter) and (_NOTICE.fullmatch(longer, 0, len(longer) - len(shorter) - 1) or
                                     _RESPONSE.fullmatch(longer, 0, len(longer) - len(shorter) - 1)):
        return None  # "Correction to: <title>", "Comment on: <title>": a notice about the paper, or a letter

    if cut_only:  # (the numbers at the end of the whole title are gone: they may be what told two documents apart)
        cut = cut_short(shorter, longer, short.cut) or (len(shorter) >= CUT_TITLE and longer.startswith(shorter + " "))
        return (round(100.0 * len(shorter) / len(longer), 1), evidence.NUMBERS_CUT_TITLE) if cut else None
    if cut_short(shorter, longer, short.cut):
        return round(100.0 * len(shorter) / len(longer), 1), evidence.CUT_TITLE
    # The title without its subtitle, or without a name before it ("HYRED: hybrid job recommendation system").
    if (longer.startswith(shorter + " ") or longer.endswith(" " + shorter)) and enough_words(shorter):
        return round(100.0 * len(shorter) / len(longer), 1), evidence.MAIN_TITLE
    if len(shorter) < SHORT_TITLE:
        return None
    score = float(Indel.normalized_similarity(a.title_key, b.title_key) * 100)
    if score >= TITLE_THRESHOLD and words_agree(a.title_key, b.title_key):
        return score, evidence.SIMILAR_TITLE
    if score >= TRANSLITERATION_FLOOR:  # Kharakteristika/Harakteristika, zabolevayemosti/zabolevaemosti, ...
        ours, theirs = transliteration_key(a.title_key), transliteration_key(b.title_key)
        score = float(Indel.normalized_similarity(ours, theirs) * 100)
        if score >= TITLE_THRESHOLD and words_agree(ours, theirs) and not look_alikes_apart(a.title_key, b.title_key):
            return score, evidence.TRANSLITERATED_TITLE
    return None


__all__ = ["CUT_TITLE", "ELLIPSIS_CUT_TITLE", "LONG_CUT_TITLE", "MAIN_TITLE_WORDS", "SHORT_CUT_TITLE", "SHORT_TITLE",
           "TITLE_THRESHOLD", "TRANSLITERATION_FLOOR", "cut_short", "enough_words", "title_match", "words_agree"]
