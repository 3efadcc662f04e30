"""One-line citations (Vancouver / PubMed, APA): the authors and the title inside them."""

from __future__ import annotations

import re

# Vancouver / PubMed: "Ferraro L, Okafor N, van der Berg JA. Title. Eur Heart J. 2019 Nov 14;40(43):3550-8."
_PARTICLE = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]el|[Dd]os|[Ll]e|[Ll]a)\s)*"
_SURNAME = r"[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'\-]+){0,2}"
_VANCOUVER_NAME = _PARTICLE + _SURNAME + r"\s[A-Z]{1,3}"
_VANCOUVER_RE = re.compile(
    r"^(?P<a>" + _VANCOUVER_NAME + r"(?:,\s" + _VANCOUVER_NAME + r")*(?:,?\set\sal)?)\.\s"
    r"(?P<t>[A-Z0-9\[].{8,400}?[.?!])\s(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s[A-Za-z&'()\-]+){0,8})\.?\s(?:19|20)\d{2}\b"
)
# APA: "Okonkwo, C. N., Larsen, P. B., & Chen, W. (2020). Title. Journal, 30(4), 612–623."
_APA_NAME = _PARTICLE + _SURNAME + r",\s(?:[A-ZÀ-ÖØ-Þ]\.[\s\-]?){1,3}"
_APA_RE = re.compile(
    r"^(?P<a>" + _APA_NAME + r"(?:,\s(?:&\s)?" + _APA_NAME + r")*(?:,?\s(?:&\s)?" + _APA_NAME + r")?)\s?"
    r"\((?:19|20)\d{2}[a-z]?\)\.\s(?P<t>[^()]{8,400}?[.?!])\s[A-Z]"
)
# EPrints: "Harrow, Jane, Bennett, Oliver and Kaur, Simran (2020) Title. Journal, 70 (695). e410-e418."
_GIVEN = r"[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ'\-]+|\.)(?:\s[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ'\-]+|\.))?"
_EPRINTS_NAME = r"(?P<s>" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+),\s(?P<g>" + _GIVEN + r")"
_EPRINTS_NAME_RE = re.compile(_EPRINTS_NAME)
_EPRINTS_RE = re.compile(
    r"^(?P<a>" + _EPRINTS_NAME.replace("?P<s>", "?:").replace("?P<g>", "?:") + r"(?:(?:,\s|,?\sand\s)"
    + _EPRINTS_NAME.replace("?P<s>", "?:").replace("?P<g>", "?:") + r")*)\s\((?:19|20)\d{2}\)\s"
    r"(?P<t>[A-Z0-9][^()]{8,400}?[.?!])\s[A-Z][^,]{2,80},\s\d"
)
_APA_SPLIT_RE = re.compile(r"(?<=\.),\s(?:&\s)?|\s&\s")


def parse_citation(text: str) -> tuple[list[tuple[str, int, int]], tuple[int, int]] | None:
    """Author names (with spans) and the title span of a one-line citation, else None."""
    if len(text) > 1500 or "(" not in text and ". " not in text:
        return None
    m = _APA_RE.match(text)
    if m:
        names: list[tuple[str, int, int]] = []
        pos = 0
        authors = m.group("a").rstrip()
        for part in _APA_SPLIT_RE.split(authors):
            name = part.strip(" ,&")
            i = text.find(name, pos)
            if name and i >= 0:
                names.append((name, i, i + len(name)))
                pos = i + len(name)
        return names, (m.start("t"), m.end("t") - (1 if m.group("t").endswith(".") else 0))
    m = _EPRINTS_RE.match(text)
    if m:
        found = [(f"{n.group('g')} {n.group('s')}", n.start(), n.end())
                 for n in _EPRINTS_NAME_RE.finditer(text, 0, m.end("a"))]
        return found, (m.start("t"), m.end("t") - (1 if m.group("t").endswith(".") else 0))
    m = _VANCOUVER_RE.match(text)
    if m:
        names = []
        pos = 0
        for part in m.group("a").split(", "):
            name = part.strip()
            if name.lower().startswith("et al"):
                continue
            i = text.find(name, pos)
            names.append((name, i, i + len(name)))
            pos = i + len(name)
        title_end = m.end("t") - (1 if m.group("t").endswith(".") else 0)
        return names, (m.start("t"), title_end)
    return None
