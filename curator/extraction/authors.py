"""Authors' names as pages write them: a by-line's names, a citation's author list, one name's shape."""

from __future__ import annotations

import re

from curator.extraction.hidden_authors import without_hidden_authors

_PARTICLE = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]el|[Dd]os|[Ll]e|[Ll]a)\s)*"
#: One author's name in the shapes pages write it (Rau R, Rudolf Rau, R Rau, van der Berg JA).
AUTHOR_ITEM_RE = re.compile(
    r"^(?:" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'\-]+){0,2}\s[A-Z]{1,3}"  # Rau R, van der Berg JA
    r"|[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s(?:[A-ZÀ-ÖØ-Þ]\.?|[A-ZÀ-ÖØ-Þ][\w'\-]+)){0,2}\s" + _PARTICLE
    + r"[A-ZÀ-ÖØ-Þ][\w'\-]+"  # Rudolf Rau, Giacomo De Luca, Fatima Zahra Benali
    r"|[A-ZÀ-ÖØ-Þ]\.?(?:\s?[A-ZÀ-ÖØ-Þ]\.?)?\s" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+)$"  # R Rau, H de Koning
)
# "Berg1,2*", "Mei Lin 1 2" (PubMed writes the marks apart), "Rau (1, 2)".
_AUTHOR_MARKS_RE = re.compile(r"(?:\s?[\d*†‡§,]+)+$|\s*(?:\(\d+(?:,\s*\d+)*\))+$")  # PubMed's "Rasmussen LK(1)(2)" too
# An affiliation in brackets after a name (letters, not the numbers of affiliation marks).
_AFFILIATION_RE = re.compile(r"\s*\((?=[^()]*[A-Za-z]{3})[^()]{3,120}\)")
_LEADING_MARKS_RE = re.compile(r"^[\d*†‡§]+\s+")
# Affiliation letters after a name ("Anna Berg a b", "Jonas Lind c"): single lower-case letters, never a name's part.
_LETTER_MARKS_RE = re.compile(r"(?:\s[a-z])+$")
# A full given name and surname, then a Roman numeral ("Ana Carvalho II"): an affiliation mark.
_ROMAN_MARK_RE = re.compile(r"^([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\-]+\s[A-ZÀ-ÖØ-Þ][\w'\-]+)\s(?:I{1,3}|IV|VI{0,3}|IX|X)$")
# "Asante, Kofi", "Owusu, Esi Ama": one name, surname first, and nothing else on the line.
_INVERTED_RE = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w'’\-]+),\s([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+(?:\s[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+)?)$")
_INITIAL_STOP_RE = re.compile(r"(?<=\s[A-Z])\.$|(?<=\s[A-Z]\.[A-Z])\.$")
# The by-line's separators, "\s*(?:,|;|·|•|\band\b|&)\s*" split on: found from their first character (a pattern opening
# with white space is tried at every offset), the white space beside each then stripped from the parts (see _byline_parts).
_BYLINE_SEP_RE = re.compile(r"[,;·•&a](?:(?<=[,;·•&])|(?<!\wa)nd\b)")
_AUTHORS_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
# ScienceDirect's link text before the names ("Author links open overlay panel   Camille Bouchard a, ...") too.
_BYLINE_LABEL_RE = re.compile(r"^(?:author links open overlay panel|by|authors?:?)\s+", re.I)
_AFFILIATIONS_AFTER_RE = re.compile(r"(?<=\d|\*)\.\s+1\s?[A-Z][a-z]")
_TITLE_PREFIX_RE = re.compile(r"^(?:Prof\.?|Dr\.?)\s+")
# Link text beside a name on preprint servers ("View ORCID Profile Mei Chen").
# SAGE writes the ORCID link itself after the name ("Wei Zhang https://orcid.org/0000-0003-1111-2222").
_ORCID_RE = re.compile(r"\s*https?://orcid\.org/[\dX-]{15,19}|\b(?:View\s+)?ORCID(?:\s+(?:Profile|iD))?\s*", re.I)
# Degrees written after a name ("Helena Marsh MD", "Ravi Patel MBBS, FRCP"): not part of it.
_DEGREES = ("MD", "PhD", "MSc", "BSc", "MBBS", "MBChB", "MPH", "FRCP", "FRCS", "FRACP", "DPhil", "PharmD", "RN", "MA", "BA",
            "DO", "DrPH")
_DEGREE_TAIL_RE = re.compile(r"(?:\s+(?:" + "|".join(_DEGREES) + r"))+$")
# The last characters the two end-anchored patterns can match (a line ending otherwise is not searched: the
# search for an end-anchored pattern is tried from every offset, slow on a long part).
_MARK_ENDS = frozenset("*†‡§,)")
_DEGREE_ENDS = frozenset(d[-1] for d in _DEGREES)


def _without_marks(part: str) -> str:
    """``part`` without its affiliation marks (``_AUTHOR_MARKS_RE``)."""
    end = part[-1:]
    return _AUTHOR_MARKS_RE.sub("", part) if end.isdecimal() or end in _MARK_ENDS or "\n" in part else part


def _without_degrees(part: str) -> str:
    """``part`` without the degrees written after it (``_DEGREE_TAIL_RE``)."""
    return _DEGREE_TAIL_RE.sub("", part) if part[-1:] in _DEGREE_ENDS or "\n" in part else part
_DEGREE_RE = re.compile(r"^(?:m\.?d\.?|ph\.?d\.?|m\.?b\.?|b\.?ch\.?|m\.?sc\.?|b\.?sc\.?|mbbs|mph|frcp|rn|dr|prof"
                        r"|m\.?p\.?h\.?|d\.?phil|ma|ba|bs|ms|pharmd|et al\.?"
                        # therapists', nurses', dentists' and psychologists' degrees ("Giulia Romano, PT, PhD")
                        r"|pt|dpt|ot|rd|bsn|msn|np|mbchb|frcs|frcpc|facp|mrcp|dds|dmd|bds|psyd|msw|edd)$", re.I)


def _byline_parts(t: str) -> list[str]:
    r"""``re.split(r"\s*(?:,|;|·|•|\band\b|&)\s*", t)``: the parts between separators, without the white space
    beside a separator (the first part keeps its head, the last its tail: only a separator's own white space goes)."""
    parts = _BYLINE_SEP_RE.split(t)
    if len(parts) > 1:
        last = len(parts) - 1
        parts = [p.rstrip() if k == 0 else p.lstrip() if k == last else p.strip() for k, p in enumerate(parts)]
    return parts


def author_line(text: str) -> list[str] | None:
    """The names of a by-line ("A Smith, professor1, B Jones, M.D., and C Lee for the X Investigators"), else None."""
    t = text.strip()
    if len(t) > 600 or len(t) < 5 or t.count(" ") < 1:
        return None
    if "," not in t and ";" not in t and "·" not in t and "•" not in t and "&" not in t and "and" not in t:
        return None  # one part: never two names
    if "+" in t or " others" in t:
        t = without_hidden_authors(t)  # "A Smith, B Jones, +2 authors, C Lee"
    if ". 1" in t:
        m = _AFFILIATIONS_AFTER_RE.search(t)  # a meeting abstract's "L Ashworth1*, H Begum2. 1Population Health ..."
        t = t[:m.start()] if m else t
    if t[:1] in "BbAa":
        # "By A Smith, ...", and Dove's "Authors Zhang L, Wang Y": the by-line's own label, not a name's part.
        t = _BYLINE_LABEL_RE.sub("", t)
    names: list[str] = []
    misses = 0
    parts = _byline_parts(t)
    for k, part in enumerate(parts):
        if part[-2:] == ")." and k == len(parts) - 1:
            part = part[:-1]  # PubMed's "..., Sandberg A(1).": the list's full stop after the last mark
        if "rcid" in part or "RCID" in part:  # (the pattern only where it can match)
            part = _ORCID_RE.sub("", part)
        p = _without_marks(part.strip(" *†‡§")).strip(" *†‡§")
        if p[:1].isdigit():
            p = _LEADING_MARKS_RE.sub("", p)  # "Park,1 Soo-Yeon Kim,2": the mark after the comma is the last name's
        p = _without_degrees(_TITLE_PREFIX_RE.sub("", p))
        if p[-2:-1] == " " and p[-1:].islower():
            p = _LETTER_MARKS_RE.sub("", p)
        if k == len(parts) - 1 and p.endswith("."):
            p = _INITIAL_STOP_RE.sub("", p)  # PubMed's "..., Hall R, Harvey I.": the list's full stop
        if not p or _DEGREE_RE.match(p) or p[:1].islower() or p.lower().startswith(("for the", "on behalf")):
            continue  # a degree, a role ("professor1") or the group the authors write for
        if AUTHOR_ITEM_RE.match(p):
            names.append(p)
        else:
            misses += 1
            left = len(parts) - k - 1
            if misses > (len(names) + left) // 3 or len(names) + left < 2:
                return None  # even if every part left were a name, too few names or too many misses
    if len(names) >= 2 and misses <= len(names) // 3:
        if all(_ROMAN_MARK_RE.search(n) for n in names):
            # "Ana Carvalho I, Bruno Lima II": Roman affiliation marks (SciELO), not initials.
            names = [_ROMAN_MARK_RE.sub(r"\1", n) for n in names]
        return names
    return None


def split_authors(text: str) -> list[str]:
    """The names of an author list ("Rau R, Sander O and Wassenberg S1"), affiliation marks dropped."""
    if "(" in text:
        text = _AFFILIATION_RE.sub("", text)  # J-GLOBAL's "Takahashi Yuki (Kyoto University) ; Sato Kenji (...)"
    t = text.strip().rstrip(".")
    inverted = _INVERTED_RE.match(t)
    if inverted:
        return [f"{inverted.group(2)} {inverted.group(1)}"]  # a repository's "Asante, Kofi" on a line of its own
    parts = _AUTHORS_SPLIT_RE.split(t)
    # "Bianchi L.; Costa R." (Embase): the full stop after an initial is not part of the name.
    return [_INITIAL_STOP_RE.sub("", _without_marks(p).strip()) for p in parts if p.strip()]
