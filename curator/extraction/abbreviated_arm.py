"""An arm named by an abbreviation the page defined earlier ("eight weekly IPT-G sessions", "Active taVNS at the
left cymba conchae ..."): the reviewer's intervention is the name the page spells out ("group interpersonal
psychotherapy", "transcutaneous auricular vagus nerve stimulation"), kept with its abbreviation when the page writes
both together."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

# An abbreviation: two capitals at least, maybe a lower-case prefix or a hyphenated tail ("taVNS", "IPT-G", "CST").
_TOKEN_RE = re.compile(r"(?<![\w-])([a-z]{0,3}[A-Z]{2,}[A-Za-z0-9]*(?:-[A-Z0-9]{1,3})?)(?![\w-])")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\-']*")


def _letters(abbr: str) -> set[str]:
    return {c.lower() for c in abbr if c.isalpha()}


def definition(text: str, abbr: str, limit: int = 30000) -> Found | None:
    """The words the page defines ``abbr`` by ("group interpersonal psychotherapy (IPT-G)"): the longest run of words
    right before "(abbr" whose first letters are letters of the abbreviation, covering all of them but one at most."""
    letters = _letters(abbr)
    at = text.find("(" + abbr, 0, limit)
    while at >= 0:
        after = text[at + 1 + len(abbr):at + 2 + len(abbr)]
        if after in (")", ",", ";", " "):
            words = list(_WORD_RE.finditer(text, max(0, at - 160), at))
            if words and text[words[-1].end():at].strip() == "":
                kept = []
                for w in reversed(words):
                    if w.group()[0].lower() not in letters or len(kept) >= len(letters) + 1:
                        break
                    kept.append(w)
                got = {w.group()[0].lower() for w in kept}
                if len(kept) >= 2 and len(got) >= len(letters) - 1:
                    start, end = kept[-1].start(), kept[0].end()
                    tail = text[end:at + 2 + len(abbr)]
                    if tail == " (" + abbr + ")":
                        end = at + 2 + len(abbr)
                    return text[start:end], start, end
        at = text.find("(" + abbr, at + 1, limit)
    return _after(text, abbr, letters, limit)


def _after(text: str, abbr: str, letters: set[str], limit: int) -> Found | None:
    """"IPT-G (group interpersonal psychotherapy, eight weekly sessions)": the words inside the bracket after it."""
    at = text.find(abbr + " (", 0, limit)
    if at < 0:
        return None
    start = at + len(abbr) + 2
    end = start
    words = list(_WORD_RE.finditer(text, start, min(len(text), start + 120)))
    kept = []
    for w in words:
        if w.group()[0].lower() not in letters or len(kept) >= len(letters) + 1 or text[end:w.start()].strip():
            break
        kept.append(w)
        end = w.end()
    got = {w.group()[0].lower() for w in kept}
    if len(kept) >= 2 and len(got) >= len(letters) - 1 and text[end:end + 1] in (",", ")", ";"):
        return text[start:end], start, end
    return None


# Words before an abbreviation that say how much or how it was given, not what ("eight weekly IPT-G sessions").
_SCHEDULE = frozenset(("active", "real", "true", "weekly", "daily", "monthly", "twice", "once", "one", "two", "three",
                       "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "a", "an", "the", "individual",
                       "standard", "full", "group"))


def spelled_arm(text: str, value: str) -> Found | None:
    """The page's name for an arm whose value opens with an abbreviation it defines (after words of schedule or
    number only: "mailed FIT outreach" is not "FIT")."""
    for m in _TOKEN_RE.finditer(value, 0, min(len(value), 60)):
        before = value[:m.start()].split()
        if len(before) > 2 or any(w.lower() not in _SCHEDULE and not w.isdigit() for w in before):
            break
        got = definition(text, m.group(1))
        if got and got[0].split(" (")[0].lower() not in value.lower():
            return got
    return None
