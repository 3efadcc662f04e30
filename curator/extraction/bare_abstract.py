"""A title and its abstract, and nothing else: a journal abstract pasted or saved as plain text.

Nothing on such a page says what it is - no label, citation line, identifier or heading on a line of its own
("BACKGROUND: ... METHODS: ..." run on in one paragraph) - so the engine leaves it ``unknown`` and keeps no
title. A short first line over paragraphs of a paper's prose is read here as an article: the line is its
title, the paragraphs its abstract, and the PICO is read from them as from a bibliographic entry's. A page
whose prose is no paper's (a letter, a notice) is left as the engine left it. A journal abstract that names its
trial's registration ("TRIAL REGISTRATION ISRCTN59427925") is taken for a registry record by that number alone: when
the page is nothing but such prose and no registry field was read from it, it is an article too.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.authors import author_line
from curator.extraction.entry_pico import entry_pico
from curator.extraction.mail_note import is_mail_note
from curator.extraction.textutil import is_chrome
from curator.extraction.values import put

_MAX_PAGE = 30_000
_MIN_WORDS = 50
# Words of a study's or a paper's abstract that other prose seldom uses; two different ones are needed.
_STUDY_WORDS_RE = re.compile(
    r"\b(?:patients?|participants?|subjects|respondents|randomi[sz]ed|trial|cohort|study|studies|survey|review|"
    r"interventions?|outcomes?|results?|conclusions?|objectives?|methods?|aims?|purpose|background|enroll?ed|"
    r"recruited|randomly|allocated|assigned|baseline|follow-up|primary|secondary|95% CI|clinical|clinicians?|"
    r"treatments?|therapy|diseases?|health|evidence|guidelines?|physicians?|nurses?|hospitals?|research|literature|"
    r"findings|analysis|data|this\s+(?:paper|article)|"
    r"we (?:aimed|conducted|examined|evaluated|assessed|investigated|compared|performed|report|describe))\b",
    re.I,
)
# Lines that end an abstract: the copyright, keywords and identifiers printed after it.
_TRAILER_RE = re.compile(r"^(?:copyright\b|©|\(c\)\s|keywords?\b|key\s?words\b|pmid\b|pmcid\b|doi\b)", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")


def _title_line(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 40 and len(line) <= 300 and not line.endswith(":") and any(c.isalpha() for c in line) \
        and not _laid_out(line)


def _laid_out(line: str) -> bool:
    """A site's menu, a table's row or chrome ("Articles   Case law   Sign in"), not a title's or a paragraph's words."""
    return "   " in line or "\t" in line or " | " in line or is_chrome(line)


# What a registry record states and an abstract does not: one of them read makes the page no bare abstract.
_REGISTRY_FIELDS = ("status", "phase", "study_type", "sponsor", "start_date", "completion_date", "sex", "min_age",
                    "max_age", "countries")


def _prose_only(text: str, body: list[tuple[int, int]]) -> bool:
    """Paragraphs of sentences, not a form's labels and values (most of the words on long lines, no "Label:" line)."""
    long_chars = sum(e - s for s, e in body if e - s >= 60)
    return long_chars >= 0.8 * sum(e - s for s, e in body) and not any(text[e - 1] == ":" for s, e in body)


def untitled_abstract(fields: dict[str, Any]) -> bool:
    """An article read from its structured abstract alone ("Background: ... Methods: ..."), with no title, author or
    journal found: the title over it is the page's first line, as on any bare abstract."""
    return fields.get("kind") == "article" and fields["title"] is None and not fields["authors"] \
        and fields["journal"] is None and fields["abstract"] is not None


def read_bare_abstract(text: str, fields: dict[str, Any]) -> bool:
    """Read an ``unknown`` page, or one taken for a trial by a registration number alone, that is a title over its
    abstract (True when it was one); ``fields`` is updated."""
    kind = fields.get("kind")
    if kind not in ("unknown", "trial") and not untitled_abstract(fields) or len(text) > _MAX_PAGE \
            or kind == "trial" and any(fields.get(key) for key in _REGISTRY_FIELDS):
        return False
    lines: list[tuple[int, int]] = []  # (start, end) of each non-blank line, stripped
    at = 0
    for raw in text.split("\n"):
        s, e = at + len(raw) - len(raw.lstrip()), at + len(raw.rstrip())
        if e > s:
            lines.append((s, e))
        at += len(raw) + 1
    while len(lines) > 2 and is_mail_note(text[lines[0][0]:lines[0][1]]):
        lines.pop(0)  # "Please screen the abstract below.": the sender's note over the pasted title
    if len(lines) < 2 or not _title_line(text[lines[0][0]:lines[0][1]]):
        return False
    body: list[tuple[int, int]] = []
    for s, e in lines[1:]:
        if _TRAILER_RE.match(text[s:e]):
            break
        if _laid_out(text[s:e]):
            return False
        body.append((s, e))
    prose = " ".join(text[s:e] for s, e in body)
    if len(prose.split()) < _MIN_WORDS or len(_SENTENCE_END_RE.findall(prose)) < 3:
        return False
    if len({m.group(0).lower().removesuffix("ies").rstrip("sy") for m in _STUDY_WORDS_RE.finditer(prose)}) < 2 \
            or kind == "trial" and not _prose_only(text, body):
        return False
    byline = author_line(text[body[0][0]:body[0][1]]) if len(body) > 1 and body[0][1] - body[0][0] < 300 else None
    if byline:  # "Lindberg M, Castellano J, Uchida R": the authors under the title, no part of the abstract
        byline_span, body = [list(body[0])], body[1:]
    title = [[lines[0][0], lines[0][1]]]
    pico = entry_pico(text, {"title": title, "abstract": [[s, e] for s, e in body]})  # (may raise: nothing put yet)
    if fields["title"] is None or kind == "unknown":  # (an untitled article's too)
        put(fields, "title", text[title[0][0]:title[0][1]], title)
    if byline and not fields["authors"]:
        put(fields, "authors", byline, byline_span)
    if fields["abstract"] is None:
        put(fields, "abstract", "\n".join(text[s:e] for s, e in body), [[s, e] for s, e in body])
    fields["kind"] = "article"
    fields["profile"] = "journal-abstract"
    for part, (value, spans) in pico.items():
        if fields["pico"][part] is None:
            put(fields, f"pico.{part}", value, spans)
    return True
