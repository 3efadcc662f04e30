"""A text whose lines were broken at a fixed width (PubMed's "Abstract (text)" format, a mail, a PDF saved as text),
read as its sentences were written.

Such a text breaks a title, an author list or a sentence where the width ran out ("... patients with heart\\nfailure:
HeartMed randomised controlled trial"), and the readers, which take a value from its line, keep half of it. The line
breaks that only wrap are turned into spaces - the text keeps its length, so every position found in it is a
position in the page as it was given. A break stays where a paragraph, a heading ("DESIGN:"), a label line
("Author information:") or a list item begins, where a line ends a sentence (the next may be a run-in heading,
"Design Randomised trial."), and where the line was not full.
"""

from __future__ import annotations

import re

_MIN_WIDTH, _MAX_WIDTH = 60, 100
_LONG_LINE_RE = re.compile(r"^[^\n]{111}", re.M)
# What begins a line of its own: a heading or label ("DESIGN:", "Author information:"), a list item, an identifier line.
_OWN_LINE_RE = re.compile(r"\s*(?:[A-Z][A-Za-z ,/&-]{1,60}:(?:\s|$)|\d{1,3}[.)]\s|[-•*]\s|(?:PMID|PMCID|DOI)\b)")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks that only wrap a fixed width turned into spaces (same length); ``text`` itself when
    it was not wrapped at a fixed width."""
    if text.count("\n") < 6 or len(text) > 200_000 or _LONG_LINE_RE.search(text):
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
        at += 1
    return "".join(out)


_JOINED_RE = re.compile(r"(?<=\S)  (?=\S)")


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
