"""Lines with offsets, script checks, page-chrome and site-boilerplate recognition, phrase clipping."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.lstrip()
        lead = len(raw) - len(stripped)
        bullet = False
        if stripped[:1] in _BULLETS and len(stripped) > 1 and stripped[1] in " \t\u00a0":
            body = stripped[1:].lstrip()
            lead += len(stripped) - len(body)
            stripped = body
            bullet = True
        content = stripped.rstrip()
        out.append(Line(i, pos + lead, pos + lead + len(content), content, lead, bullet))
        pos += len(raw) + 1
    return out


# ---------------------------------------------------------------------------- scripts
_NONLATIN_RE = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1100-\u11ff"
                          r"\u3040-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb50-\ufdff\ufe70-\ufeff\uff66-\uff9f]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_foreign(text: str) -> bool:
    """True when most letters of ``text`` are in a non-Latin script (Persian, Chinese, Japanese ...)."""
    if not _NONLATIN_RE.search(text):
        return False
    sample = text[:400]
    non = len(_NONLATIN_RE.findall(sample))
    lat = len(_LATIN_RE.findall(sample))
    return non > lat


def has_foreign(text: str) -> bool:
    """True when ``text`` contains any letter of a non-Latin script."""
    return _NONLATIN_RE.search(text) is not None


def strip_foreign(text: str) -> str:
    """``text`` without its runs of non-Latin script (for bilingual "中文 / English" values)."""
    if not has_foreign(text):
        return text
    parts = re.split(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u3000-\u9fff\uac00-\ud7af"
                     r"\uf900-\ufaff\ufb50-\ufdff\ufe70-\ufeff\uff01-\uff9f]+", text)
    return " ".join(p.strip(" /|:-–()（）") for p in parts if p.strip(" /|:-–()（）")).strip()


# ---------------------------------------------------------------------------- chrome
_CHROME_LINE_RE = re.compile(
    r"^(?:sign (?:up|in|out)|log ?in|log ?out|register|subscribe|start over|back|next|previous|home|menu|search"
    r"|share|print|e-?mail|connect|cookies?|cookie settings|accept(?: all)?(?: cookies)?|reject all|skip to .{0,20}"
    r"|back to (?:top|results|search)|download(?: pdf)?|full text links?|cite|save|follow|more|close|open"
    r"|toggle navigation|view (?:more|all|full text)|show (?:more|less|all)|read more|see (?:all|more)|help"
    r"|contact us|about us|about|privacy(?: policy)?|terms(?: of (?:use|service))?|feedback|tweet|facebook|twitter"
    r"|linkedin|copy link|permalink|actions|display options|add to (?:collections|favorites)|my ncbi|free article"
    r"|free pmc article|pmc free article|full text|pdf|html|export citation|rss|newsletter|advanced search"
    r"|find a study|clear|filter|filters|page navigation|breadcrumb|you are here|go to|jump to|loading\.*"
    r"|translate|english|deutsch|español|français|中文|日本語|فارسی|all rights reserved.*|©.*|copyright.*)[\s.!»›>]*$",
    re.I,
)
_CHROME_PHRASE_RE = re.compile(
    r"receive e-?mails?|sign up (?:for|to|now|today)|subscribe to|newsletter|we use cookies|this (?:web)?site uses"
    r"|cookie policy|accept (?:all )?cookies|create (?:a free |an )?account|free service|log ?in to|sign in to"
    r"|email notifications|email alerts?|notify me|already a member|not a member|click here|javascript"
    r"|your browser|enable cookies|share this|follow us|»\s*$|^\s*«",
    re.I,
)


def is_chrome(text: str) -> bool:
    """True for navigation, sign-up, cookie and share lines that are no part of a record."""
    if len(text) > 300:
        return False
    return bool(_CHROME_LINE_RE.match(text) or _CHROME_PHRASE_RE.search(text))


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


def is_site_helper(text: str) -> bool:
    """True for a sentence a site writes under a heading ("Review the sponsor-provided synopsis ...").

    Aggregators put such a line under every heading; it is never the record's value.
    Recognised generically: an imperative verb followed by a function word, or a short
    second-person / "check back later" sentence.
    """
    if not text or len(text) > 260:
        return False
    words = text.split(None, 2)
    if len(words) >= 2 and words[0].lower() in _IMPERATIVES and words[1].lower().strip(",") in _FUNCTION_WORDS:
        return True
    return len(words) >= 2 and len(text) < 200 and bool(_HELPER_RE.search(text)) and text.count(". ") <= 1


# ---------------------------------------------------------------------------- phrases
_SENT_END_RE = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bet al)(?<!\b[A-Z])[.!?](?=\s+[A-Z(\[]|\s*$)|\n\s*\n|;")


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
