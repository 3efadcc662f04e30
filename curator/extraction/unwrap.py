"""A text whose lines were broken at a fixed width (PubMed's "Abstract (text)" format, a mail, a PDF saved as text),
read as its sentences were written.

Such a text breaks a title, an author list or a sentence where the width ran out ("... patients with heart\\nfailure:
HeartMed randomised controlled trial"), and the readers, which take a value from its line, keep half of it. The line
breaks that only wrap are turned into spaces - the text keeps its length, so every position found in it is a
position in the page as it was given. A break stays where a paragraph, a heading ("DESIGN:"), a label line
("Author information:") or a list item begins, where a line ends a sentence (the next may be a run-in heading,
"Design Randomised trial."), and where the line was not full.

Two marks of the wrapping go too, still in the same length: a mail's quote marks ("> ") at the head of every quoted
line become spaces, and a word broken with a hyphen at the line's end ("random-" / "ised") is written whole after the
spaces the hyphen and the break leave ("   randomised"), unless the text writes it with its hyphen elsewhere or its
first part is a word of its own ("single-" / "arm" stays "single-arm").
"""

from __future__ import annotations

import re

_MIN_WIDTH, _MAX_WIDTH = 60, 100
# A line longer than any wrapping width: the first, or one after a line break (a literal scanned for at C speed).
_LONG_FIRST_RE = re.compile(r"[^\n]{111}")
_LONG_LINE_RE = re.compile(r"\n[^\n]{111}")
# What begins a line of its own: a heading or label ("DESIGN:", "Author information:"), a list item, an identifier line.
_OWN_LINE_RE = re.compile(r"\s*(?:[A-Z][A-Za-z ,/&-]{1,60}:(?:\s|$)|\d{1,3}[.)]\s|[-•*]\s|(?:PMID|PMCID|DOI)\b)")


# First parts of a compound that are words of their own: the hyphen at the line's end is the compound's.
_COMPOUND_HEADS = frozenset((
    "self", "single", "double", "triple", "well", "one", "two", "three", "four", "five", "six", "non", "long", "short",
    "high", "low", "cross", "open", "part", "full", "half", "multi", "first", "second", "third", "all", "post", "pre",
    "co", "anti", "day", "time", "face", "web", "peer", "nurse", "home", "school", "group", "care", "dose", "end",
    "follow", "wait", "run", "add", "step", "user", "text", "year", "week", "month"))
_QUOTE_RE = re.compile(r"^(?:> ?)+", re.M)


def _unquoted(text: str) -> str:
    """A mail's quoted lines ("> Background: ...") without their quote marks (spaces in their place)."""
    if text.count("\n>") + text.startswith(">") < 3:
        return text
    return _QUOTE_RE.sub(lambda m: " " * len(m.group()), text)


def _whole_word(text: str, out: list[str], at: int) -> None:
    """The word broken at ``at`` (the break after its hyphen) written whole, the freed places spaces before it."""
    hyphen = at - 1
    ws = hyphen
    while ws > 0 and text[ws - 1].isalpha():
        ws -= 1
    rs = at + 1
    while rs < len(text) and text[rs] == " ":
        rs += 1
    re_ = rs
    while re_ < len(text) and text[re_].isalpha():
        re_ += 1
    left, right = text[ws:hyphen], text[rs:re_]
    if hyphen - ws < 2 or not right[:1].islower() or not left[-1:].islower():
        return
    keep = left.lower() in _COMPOUND_HEADS or f"{left}-{right}" in text
    word = f"{left}-{right}" if keep else left + right
    out[ws:re_] = " " * (re_ - ws - len(word)) + word


def unwrapped(text: str) -> str:
    """``text`` with the line breaks that only wrap a fixed width turned into spaces (same length); ``text`` itself when
    it was not wrapped at a fixed width and quotes no mail."""
    if ">" in text:
        text = _unquoted(text)
    if text.count("\n") < 6 or len(text) > 200_000 or _LONG_FIRST_RE.match(text) or _LONG_LINE_RE.search(text):
        return text  # (one line longer than any wrapping width: not wrapped - the common case, found at C speed)
    lines = text.split("\n")
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    width = lengths[int(len(lengths) * 0.95) - 1] if len(lengths) >= 6 else 0
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or lengths[-1] > width + 10:
        return text
    full = width - 18
    if len(lengths) < 12 or sum(1 for n in lengths if n >= width - 15) < max(6, len(lengths) // 4):
        return text  # a form of short lines with a few long ones, or too few lines to show a width
    out = list(text)
    at = 0
    for k, line in enumerate(lines[:-1]):
        at += len(line)
        nxt = lines[k + 1]
        body = line.rstrip()
        if len(body) >= full and nxt.strip() and body[-1] not in ":.!?" and not _OWN_LINE_RE.match(nxt):
            out[at] = " "
            if body[-1] == "-":
                _whole_word(text, out, at)
        at += 1
    return "".join(out)


_JOINED_RE = re.compile(r"(?<=\S) {2,5}(?=\S)")


def single_spaced(fields: dict[str, object]) -> None:
    """The values read from an unwrapped text without the double space a wrap left ("heart  failure")."""
    for key, value in fields.items():
        if key in ("evidence", "source"):
            continue
        if isinstance(value, str) and "  " in value:
            fields[key] = _JOINED_RE.sub(" ", value)
        elif isinstance(value, list):
            fields[key] = [_JOINED_RE.sub(" ", v) if isinstance(v, str) and "  " in v else v for v in value]
        elif isinstance(value, dict):
            single_spaced(value)
