"""Lines with offsets, script checks, page-chrome and site-boilerplate recognition, phrase clipping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Only this much of a document is scanned for fields: bounded time on huge inputs.
SCAN_LIMIT = 200_000
#: Longer lines are kept (for the abstract) but never treated as labels.
MAX_LABEL_LINE = 120

_BULLETS = "•·*▪◦●‣○■□-–—>"


@dataclass(slots=True)
class Line:
    """One line of the document: ``text`` is the content without indentation or bullet."""

    idx: int
    start: int  # offset of ``text`` in the document
    end: int
    text: str
    indent: int
    bullet: bool

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with the offsets of their stripped content."""
    out: list[Line] = []
    append = out.append
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        if not raw or not (raw[0].isspace() or raw[0] in _BULLETS):
            # Most lines: not indented, no bullet (the general path below gives the same).
            content = raw.rstrip()
            append(Line(i, pos, pos + len(content), content, 0, False))
            pos += len(raw) + 1
            continue
        stripped = raw.lstrip()
        lead = len(raw) - len(stripped)
        bullet = False
        if stripped[:1] in _BULLETS and len(stripped) > 1 and stripped[1] in " \t\u00a0":
            body = stripped[1:].lstrip()
            lead += len(stripped) - len(body)
            stripped = body
            bullet = True
        content = stripped.rstrip()
        append(Line(i, pos + lead, pos + lead + len(content), content, lead, bullet))
        pos += len(raw) + 1
    return out


# ---------------------------------------------------------------------------- scripts
_NONLATIN_RE = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1100-\u11ff"
                          r"\u3040-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb50-\ufdff\ufe70-\ufeff\uff66-\uff9f]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Runs of either, counted by their lengths: a few strings made rather than one per letter.
_NONLATIN_RUN_RE = re.compile(_NONLATIN_RE.pattern + "+")
_LATIN_RUN_RE = re.compile(_LATIN_RE.pattern + "+")


def is_foreign(text: str) -> bool:
    """True when most letters of ``text`` are in a non-Latin script (Persian, Chinese, Japanese ...)."""
    if text.isascii():
        return False
    # The same lines are tested again and again (each reading of a label's value): cache the
    # usual ones, a few thousand at most (the reuse is within a document); very long lines
    # are rare and would make the cache heavy.
    return _foreign_cached(text) if len(text) <= 2000 else _foreign(text)


def _foreign(text: str) -> bool:
    if not _NONLATIN_RE.search(text):
        return False
    sample = text[:400]
    non = sum(map(len, _NONLATIN_RUN_RE.findall(sample)))
    lat = sum(map(len, _LATIN_RUN_RE.findall(sample)))
    if non <= lat:
        return False  # mostly Latin: no need to count the digits
    # "2020年7月1日" is a date, not foreign prose.
    digits = sum(c.isdigit() for c in sample) if non < 6 else 0
    return non > digits


_foreign_cached = lru_cache(maxsize=1 << 11)(_foreign)


def has_foreign(text: str) -> bool:
    """True when ``text`` contains any letter of a non-Latin script."""
    return not text.isascii() and _NONLATIN_RE.search(text) is not None


def strip_foreign(text: str) -> str:
    """``text`` without its runs of non-Latin script (for bilingual "中文 / English" values)."""
    if not has_foreign(text):
        return text
    parts = re.split(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u3000-\u9fff\uac00-\ud7af"
                     r"\uf900-\ufaff\ufb50-\ufdff\ufe70-\ufeff\uff01-\uff9f]+", text)
    return " ".join(p.strip(" /|:-–()（）") for p in parts if p.strip(" /|:-–()（）")).strip()


# ---------------------------------------------------------------------------- chrome
# Whole lines that are navigation, sharing or account links (compared lower-cased,
# without trailing arrows); a set lookup keeps this cheap on every line.
_CHROME_LINES = frozenset(
    """sign up|sign in|sign out|log in|login|log out|logout|register|subscribe|start over|back|next|previous|home
    |menu|search|share|print|save this study|email|e-mail|connect|cookie|cookies|cookie settings|accept|accept all|accept cookies
    |accept all cookies|reject all|back to top|back to results|back to search|download|download pdf|full text links
    |full text link|cite|save|follow|more|expand|collapse|toggle navigation|view more|view all|view full text|show more|show less
    |show all|read more|see all|see more|help|contact us|about us|about|privacy|privacy policy|terms|terms of use
    |terms of service|feedback|tweet|facebook|twitter|linkedin|copy link|permalink|actions|display options
    |add to collections|add to favorites|my ncbi|free article|free pmc article|pmc free article|full text|pdf|html
    |export citation|rss|newsletter|advanced search|find a study|clear|filter|filters|page navigation|breadcrumb
    |you are here|comment & related|multimedia|supplemental content|trending|go to|jump to|loading|got it|outcomes & findings|outcomes and findings|translate|english|deutsch|español|français|中文|日本語|فارسی""".replace(
        "\n", "").replace("    ", "").split("|")
)
_CHROME_PREFIXES = ("skip to", "all rights reserved", "©", "copyright", "you are here", "home >", "home ›", "home »",
                    "now recruiting in ", "this article is part of the research topic")
_CHROME_PHRASES = (
    "receive email", "receive e-mail", "sign up for", "sign up to", "sign up now", "sign up today", "subscribe to",
    "newsletter", "we use cookies", "this site uses", "this website uses", "cookie policy", "accept cookies",
    "accept all cookies", "create a free account", "create an account", "free service", "log in to", "login to",
    "sign in to", "email notifications", "email alerts", "e-mail alerts", "notify me", "already a member",
    "not a member", "click here", "javascript", "your browser", "enable cookies", "share this", "follow us",
    "uses cookies", "use cookies", "use of cookies", "cookies help", "mirrored from", "last synced", "a service of the u.s.", "cached copy of",
    "your privacy", "information on your device", "back to results", "back to search results", "back to list",
)




@lru_cache(maxsize=1 << 15)
def is_chrome(text: str) -> bool:
    """True for navigation, sign-up, cookie and share lines that are no part of a record."""
    if len(text) > 300:
        return False
    low = text.lower()
    bare = low.rstrip(" .!»›>").lstrip(" «‹<")
    if bare in _CHROME_LINES or low.startswith(_CHROME_PREFIXES) or text.endswith("»") or text.startswith("«"):
        return True
    # Menus and breadcrumbs: "Home | Search | Help", "Home › Trials › NCT…", "Home Search".
    if text.count(" | ") >= 2 and not text.rstrip().endswith("|") or text.count("›") >= 2 or text.count(" > ") >= 2 \
            or text.count(" » ") >= 2 or text.count(" / ") >= 2 and low.startswith("home /"):
        return True
    words = [w.strip(",") for w in bare.split()]
    if 1 < len(words) <= 10 and _all_links(words):
        return True
    # (one str.find a phrase: far cheaper than a search for any of them, which is tried at every offset)
    return any(map(low.__contains__, _CHROME_PHRASES))


def _all_links(words: list[str]) -> bool:
    """Every word belongs to a link name of up to three words ("Menu Search Log in Register")."""
    i = 0
    while i < len(words):
        step = next((n for n in (3, 2, 1) if " ".join(words[i:i + n]) in _CHROME_LINES), 0)
        if not step:
            return False
        i += step
    return True


# ---------------------------------------------------------------------------- site boilerplate
_IMPERATIVES = frozenset(
    ["review", "get", "see", "learn", "explore", "meet", "identify", "understand", "check", "dive", "discover", "find", "browse", "view", "read", "track", "access", "compare", "visit", "search", "share", "take", "follow", "use", "click", "contact", "ask", "look", "download", "know"]
)
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "each", "all", "how", "what", "where", "which", "whether", "who", "about", "into", "more", "additional", "related", "back", "key", "this", "these", "our", "their", "its", "any", "every", "other", "out", "up", "here", "further", "in", "at", "details", "information"]
)
_HELPER_RE = re.compile(
    r"check back later|based on similarity|may be relevant|has not (?:yet )?(?:published|posted)|not (?:yet )?available "
    r"for this (?:trial|study)|information (?:is )?provided by|this section (?:shows|lists|describes)"
    r"|click (?:here|below)|for more information,? (?:see|visit|contact)|\byou\b|\byour\b",
    re.I,
)


_HELPER_KEYS = ("you", "later", "similar", "relevant", "publish", "posted", "available", "provided", "section",
                "click", "information")


def is_site_helper(text: str) -> bool:
    """True for a sentence a site writes under a heading ("Review the sponsor-provided synopsis ...").

    Aggregators put such a line under every heading; it is never the record's value.
    Recognised generically: an imperative verb followed by a function word, or a short
    second-person / "check back later" sentence.
    """
    if not text or len(text) > 260:
        return False
    return _site_helper(text)


@lru_cache(maxsize=1 << 13)
def _site_helper(text: str) -> bool:
    """:func:`is_site_helper` of a non-empty line of at most 260 characters (cached: lines are tested repeatedly)."""
    words = text.split(None, 2)
    if len(words) < 2:
        return False
    if words[0].lower() in _IMPERATIVES and words[1].lower().strip(",") in _FUNCTION_WORDS:
        return True
    if len(text) >= 200 or text.count(". ") > 1:
        return False
    low = text.lower()
    return any(k in low for k in _HELPER_KEYS) and bool(_HELPER_RE.search(text))


# ---------------------------------------------------------------------------- case
# The only characters whose ``re.I`` matching differs from matching their ``str.lower()``
# (checked over all of Unicode): İ lower-cases to two characters, ı matches "i" and ſ "s".
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")


def caseless(text: str, lowered: str | None = None) -> str | None:
    """``text`` lower-cased, when searching it with a lower-case pattern finds what ``re.I`` finds in ``text``.

    Offsets are the same in both. ``re.I`` makes the regex engine fold every character it
    tries, several times slower than a case-sensitive search; documents are lower-cased
    once instead. None for the rare text where the two would differ. ``lowered``: ``text.lower()``, when made already.
    """
    if not text.isascii() and any(c in text for c in _CASE_TRAPS):  # str's search: far faster than a pattern
        return None
    return text.lower() if lowered is None else lowered


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a lower-case ``re.I`` pattern, to search text lower-cased by :func:`caseless`."""
    assert pattern.flags & re.I and pattern.pattern == pattern.pattern.lower()
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def first_letter_guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive ``\\b(?:word|word...)...`` pattern with a look-ahead for the words' first letters.

    Same matches; but at the many offsets where no word can start, the search fails on one
    class test instead of trying every word of the alternation in turn (and the words are grouped
    by their first letters: see :func:`_factored`).
    """
    src = pattern.pattern
    assert src.startswith(r"\b(?:") and not pattern.flags & re.I
    body = src[len(r"\b(?:"):src.index(")")]
    words = body.split("|")
    assert all(w[:1].isalpha() and "(" not in w for w in words)
    first = "".join(sorted({w[0] for w in words}))
    return re.compile(r"\b(?=[" + first + "])(?:" + _factored(words) + src[len(r"\b(?:") + len(body):], pattern.flags)


def letters_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive ``\\b(?:word|word...)...`` pattern that reads a word's first letter before it looks behind for
    the word's start: "(?:c(?<!\\w.)ompared|v(?<!\\w.)(?:ersus|s))...".

    Same matches (a letter is a word character, so no word character before it is what ``\\b`` asked; words sharing
    a first letter keep their order, and words starting otherwise never match at the same offset). The regex engine
    then skips at once every character that starts none of the words, instead of trying the pattern at each offset:
    worth it when the words start with few letters ("primary" / "main"), not with half the alphabet.
    """
    src = pattern.pattern
    assert src.startswith(r"\b(?:") and not pattern.flags & re.I
    words, depth, k = [""], 0, len(r"\b(?:")
    while depth or src[k] != ")":
        c = src[k:k + 2] if src[k] == "\\" else src[k:src.index("]", k + 2) + 1] if src[k] == "[" else src[k]
        depth += c == "(" or -(c == ")")
        if c == "|" and not depth:
            words.append("")
        else:
            words[-1] += c
        k += len(c)
    assert all(w[:1].isalpha() and w[:1].islower() and w[1:2] not in ("?", "*", "+", "{") for w in words), words
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alternation = "|".join(c + r"(?<!\w.)" + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0])
                           for c, rest in groups.items())
    return re.compile("(?:" + alternation + src[k:], pattern.flags)


_PLAIN_ATOM_RE = re.compile(r"[a-z0-9 ]")


def _factored(words: list[str]) -> str:
    """The alternation of ``words`` (pattern sources, in order) with their common first letters taken out
    ("p(?:atients?|eople)|c(?:hildren)"): the engine then tries one letter per group, not every word. The
    order of the words sharing a letter is kept, and words starting with different letters never match
    at the same offset, so the matches are the same."""
    if len(words) < 2 or any(not _PLAIN_ATOM_RE.fullmatch(w[:1]) or w[1:2] in ("?", "*", "+", "{") for w in words):
        return "|".join(words)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(c + (f"(?:{_factored(rest)})" if len(rest) > 1 else rest[0]) for c, rest in groups.items())


# ---------------------------------------------------------------------------- capitals
_ASCII_CAPITALS = bytes(range(65, 91))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(97, 123))


def mostly_capitals(text: str, share: float = 0.6) -> bool:
    """True when more than ``share`` of the letters of ``text`` are capitals (a banner, not a title).

    An ASCII text's letters are counted by deleting them from its bytes (C-level), not one call per character.
    """
    if text.isascii():
        raw = text.encode()
        return len(raw) - len(raw.translate(None, _ASCII_CAPITALS)) > share * (len(raw) - len(raw.translate(None, _ASCII_LETTERS)))
    return sum(map(str.isupper, filter(str.isalpha, text))) > share * sum(map(str.isalpha, text))


# ---------------------------------------------------------------------------- years
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")


def has_year(text: str) -> bool:
    """True when ``text`` holds a year 1900-2099 as a whole number."""
    # A pattern that starts with ``\b`` is tried at every offset; most lines hold neither
    # "19" nor "20", and ``in`` rules them out far faster.
    return ("19" in text or "20" in text) and _YEAR_RE.search(text) is not None


# ---------------------------------------------------------------------------- phrases
# The end's character is read first and only then looked behind: the engine skips every other character at once
# instead of trying the look-behinds at each offset.
_SENT_END_RE = re.compile(r"[.!?\n;](?:(?<=[.!?])(?<!\be\.g[.!?])(?<!\bi\.e[.!?])(?<!\bvs[.!?])(?<!\bet al[.!?])"
                          r"(?<!\b[A-Z][.!?])(?=\s+[A-Z(\[]|\s*$)|(?<=\n)\s*\n|(?<=;))")


def sentence_end(text: str, start: int, limit: int = 400) -> int:
    """Offset where the sentence containing ``start`` ends (exclusive), at most ``limit`` characters on."""
    m = _SENT_END_RE.search(text, start, min(len(text), start + limit))
    return m.start() if m else min(len(text), start + limit)


def clip(text: str, limit: int = 300) -> str:
    """``text`` whitespace-collapsed and cut at a word boundary to at most ``limit`` characters."""
    s = " ".join(text.split())
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    return s[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


_LANG_TAGS = frozenset(["en", "eng", "en-us", "en-gb", "pt", "pt-br", "es", "es-es", "fr", "de", "it", "nl", "ja", "zh",
                        "ko", "ru", "ar", "fa", "tr", "th"])
_TAG_STARTS = frozenset(t[:2] for t in _LANG_TAGS)


def english_version(lines: list[Line]) -> list[Line]:
    """A bilingual value's English version: the lines after an "en" tag, not those after "pt-br" / "es" (a tag alone
    on its line becomes a paragraph break). A tag before the text on the same line ("pt-br Dor lombar" /
    "en Low back pain") counts only when two lines of the value have one."""
    for line in lines:
        t = line.text
        if t[:2] in _TAG_STARTS and (len(t) == 2 or t[2] in " -" or t[:4] == "eng "):
            break
    else:
        return lines  # no line starts with a tag's letters (nearly every value): nothing to do
    inline = sum(ln.text[:6].split(" ", 1)[0] in _LANG_TAGS for ln in lines[:12]) >= 2
    out: list[Line] = []
    other_language = False
    for line in lines:
        tag = line.text[:6].split(" ", 1)[0]
        alone = len(tag) == len(line.text)
        if line.text and tag in _LANG_TAGS and (inline or alone):
            other_language = not tag.lower().startswith("en")
            if alone or other_language:
                out.append(Line(line.idx, line.start, line.start, "", line.indent, line.bullet))
                continue
            k = len(tag) + 1
            line = Line(line.idx, line.start + k, line.end, line.text[k:], line.indent, line.bullet)
        if not other_language or not line.text:
            out.append(line)
    return out
