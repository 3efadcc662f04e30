"""Where the people a sentence names begin and end: the words between their count and them ("180 office workers"),
and the arms that follow an allocation verb ("assigned 2000 women aged 70 or older to vitamin D")."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# "We randomly assigned 2000 women aged 70 or older to vitamin D or placebo": after an allocation verb the people
# end where their arms begin ("to X", "into two groups", "between X and Y"); "aged 6 to 8 weeks" is no arm.
_ALLOCATED_BEFORE_RE = re.compile(r"\b(?:assigned|allocated|randomi[sz]ed|randomly\s+divided)\s+(?:\d[\d,]*\s+)?$", re.I)
_ARMS_START_RE = re.compile(r"\s+(?:to|into|between)\s+(?!\d)", re.I)
# "... and randomly assigned them", "... and were randomised": the allocation after the people (and the places they
# were enrolled at before it: "at three hospitals").
_ALLOCATED_AFTER_RE = re.compile(r"(?:then\s+)?(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\b", re.I)


def _allocated_after(phrase: str) -> int:
    """Where ``phrase`` ends before an allocation that follows its people, else -1."""
    at = phrase.find(" and ")
    while at >= 0:
        if _ALLOCATED_AFTER_RE.match(phrase, at + 5):
            place = phrase.rfind(" at ", max(0, at - 45), at)
            return place if place > 0 and "," not in phrase[place:at] else at
        at = phrase.find(" and ", at + 5)
    return -1


# "180 office workers with neck pain": the words between a count and its people word belong to the people.
_COUNTED_BEFORE_RE = re.compile(r"\b\d[\d,]*\s+((?:(?!(?:of|and|or|the|in|to|were|was)\s)[a-z][\w\-]*\s+){1,2})$")


# (every count opens with a digit: the count's pattern is tried only when the words before the people hold one)
_DIGIT_RE = re.compile(r"\d")


def counted_from(text: str, at: int, floor: int) -> int:
    """Where the people starting at ``at`` begin, with the words between their count and them."""
    start = max(floor, at - 40)
    m = _COUNTED_BEFORE_RE.search(text, start, at) if _DIGIT_RE.search(text, start, at) else None
    return at - len(m.group(1)) if m else at


def _may_follow_allocation(before: str) -> bool:
    """False when ``before`` is ASCII and holds no allocation verb: ``re.I`` matches ASCII letters as their lower case
    does (its other equivalents, "ſ" or the Kelvin sign, are not ASCII), so the verb would be in the lower case."""
    if not before.isascii():
        return True
    low = before.lower()
    return "assigned" in low or "allocated" in low or "random" in low


def before_the_arms(text: str, phrase: Found, at: int, floor: int = 0) -> Found:
    """``phrase`` (people starting at ``at``) cut where their arms begin when an allocation verb precedes them, or
    where the allocation follows them ("women presenting with X at three hospitals and randomly assigned them")."""
    cut = _allocated_after(phrase[0])
    if cut >= 0:
        phrase = phrase[0][:cut], phrase[1], phrase[1] + cut
    start = max(floor, at - 40)
    if not _may_follow_allocation(text[start:at]) or not _ALLOCATED_BEFORE_RE.search(text, start, at):
        return phrase
    arms = _ARMS_START_RE.search(phrase[0])
    if arms is None:
        return phrase
    return phrase[0][:arms.start()], phrase[1], phrase[1] + arms.start()


# "critically ill adults", "frail older patients", "postmenopausal women", "community-dwelling adults": the words
# before the people that say which of them took part (never a verb or a preposition: "assigned | adults").
_MODIFIERS = frozenset(("older", "elderly", "young", "younger", "frail", "prefrail", "pre-frail", "healthy", "pregnant",
                        "postmenopausal", "premenopausal", "perimenopausal", "obese", "overweight", "hospitalised",
                        "hospitalized", "adult", "adolescent", "male", "female", "preterm", "premature", "asymptomatic",
                        "symptomatic", "ambulatory", "school-age", "school-aged", "preschool", "low-income", "old",
                        "postpartum", "postnatal", "nulliparous", "primiparous", "multiparous", "lactating"))
_ILL = frozenset(("critically", "acutely", "seriously", "chronically"))
_HYPHEN_ENDS = ("-dwelling", "-naive", "-naïve", "-positive", "-negative", "-infected", "-dependent", "-resistant",
                "-exposed", "-experienced")


def _modifier(word: str) -> bool:
    return word in _MODIFIERS or ("-" in word and word.endswith(_HYPHEN_ENDS))


def _word_before(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """Where the word before ``start`` (after one space, not before ``floor``) begins, and the word; None at a line's
    or the zone's start."""
    if start - 2 < floor or text[start - 1] != " ":
        return None
    cut = max(text.rfind(" ", floor, start - 1), text.rfind("\n", floor, start - 1)) + 1
    return cut, text[max(cut, floor):start - 1]


def with_modifiers(text: str, at: int, floor: int) -> int:
    """Where the people starting at ``at`` begin, with the words before them that qualify them."""
    start = at
    for _ in range(3):
        before = _word_before(text, start, floor)
        if before is None:
            break
        cut, word = before[0], before[1].lower()
        if word == "ill":
            cut2 = text.rfind(" ", floor, cut - 1) + 1
            if cut < 2 or text[max(cut2, floor):cut - 1].lower() not in _ILL:
                break
            start = max(cut2, floor)
        elif word == "old" and text[max(floor, cut - 5):cut - 1].lower() == "very":
            start = cut - 5
        elif _modifier(word):
            start = max(cut, floor)
        elif word in ("or", "and") and start < at and (two := _word_before(text, cut, floor)) and _modifier(two[1].lower()):
            start = max(two[0], floor)  # "pregnant or postpartum women"
        else:
            break
    return start


# "traffic police personnel", "call-centre workers", "recreational club runners": the nouns before the people that say
# which of them took part (never a verb, a number, a preposition or an article: "randomises 140 | male ...").
_NOT_NOUNS = frozenset(("the", "a", "an", "of", "in", "on", "at", "for", "to", "with", "without", "and", "or", "by",
                        "from", "among", "amongst", "between", "versus", "vs", "than", "as", "into", "all", "these",
                        "those", "their", "our", "its", "both", "each", "eligible", "control", "intervention", "study",
                        "trial", "other", "such", "per", "who", "which", "that", "were", "are", "was", "is", "be",
                        "been", "we", "not", "no", "only", "many", "most", "some", "few"))
# Words in -ing that name a trade or a place, not a verb ("nursing staff", "nursing home residents").
_ING_NOUNS = frozenset(("nursing", "teaching", "building", "mining", "farming", "banking", "catering", "cleaning",
                        "fishing", "boarding", "manufacturing", "housing", "hearing", "training"))
_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                           "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"))


def with_nouns(text: str, at: int, floor: int) -> int:
    """Where the people starting at ``at`` begin, with up to three nouns before them that name who they are."""
    start = at
    for _ in range(3):
        before = _word_before(text, start, floor)
        if before is None:
            break
        cut, word = before
        low = word.lower()
        if (not word or not word.replace("-", "").isalpha() or low in _NOT_NOUNS or low.split("-")[0] in _NUMBER_WORDS
                or low.endswith(("ed", "ly", "es")) or low.endswith("ing") and low not in _ING_NOUNS
                or low.endswith("s") and not low.endswith(("ss", "us"))):
            break
        start = max(cut, floor)
    return start
