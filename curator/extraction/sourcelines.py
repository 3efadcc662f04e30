"""A journal's name and year written in source lines the citation patterns of articlefields do not know.

"Citation Annals of Oncology (2022) 33 (suppl_7): S1502" and a PDF's running head "Berg et al. Trials (2021) 22:345";
LILACS's "Rev. méd. Chile ; 149(6): 845-853, jun. 2021"; a masthead "Health Technology Assessment   Volume 26
Issue 12   February 2022"; DergiPark's "Journal > Cilt: 41 Sayı: 2" over "Yıl 2021, Cilt: 41"; a Chinese issue line
"中国针灸   2022年   第42卷   第3期"; J-GLOBAL's "... Publication year: 2021"; "Version published: 18 March 2021".
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.normalise import parse_date
from curator.extraction.scanned import OWN
from curator.extraction.values import put

_NAME = r"(?P<j>[A-Z][\w.&'’\- ]{1,80}?)"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_LINE_RES = (
    # "Citation Annals of Oncology (2022) 33 (suppl_7)", "Berg et al. Trials   (2021) 22:345"
    ("(", re.compile(rf"^(?:Citation:?\s+|[A-Z][\w'’\-]+\s+et\s+al\.\s+){_NAME}\s+\({_YEAR}\)\s+\d+")),
    # A PDF's running head: "Journal of Physiotherapy 66 (2020) 112–119", "Trials (2022) 23:418"
    (" (", re.compile(rf"^{_NAME}\s+(?:\d+\s+)?\({_YEAR}\)\s+\d+(?:[:\-–]\S*)?(?:\s{{2,}}|$)")),
    # "Pediatrics (2021) 148 (5): e2021052345": the year after the name, then volume (issue): page
    (" (", re.compile(rf"^{_NAME}\s+\({_YEAR}\)\s+\d+\s?\(\d+\):\s?[A-Za-z]{{0,2}}\d+")),
    # A meeting abstract's "Citation: J Clin Oncol 41, 2023 (suppl 17; abstr LBA500)"
    ("suppl", re.compile(rf"^(?:Citation:?\s+)?{_NAME}\s+\d+,\s{_YEAR}\s\(suppl")),
    # A citation among other cells of a line: "Originally published ...   Circulation. 2022;146:A13412"
    (";", re.compile(rf"^(?:.*\s{{3,}})?(?P<j>[A-Z][A-Za-z&' ]{{2,60}}?)\.\s{_YEAR};\s?\d+:\s?[A-Z]{{0,2}}\d+\b")),
    # A citation without the period among the cells of a line: "Published ... · N Engl J Med 2024;391:1573-1583 · DOI"
    (";", re.compile(rf"^(?:.*\s[·•|]\s)?(?P<j>[A-Z][A-Za-z&' ]{{2,60}}?)\s{_YEAR};\s?\d+:\s?[A-Za-z]{{0,2}}\d+\b")),
    # Wiley's header "Journal of Clinical Periodontology   Volume 50, Issue 4 p. 512-523" (no year)
    ("Vol", re.compile(rf"^{_NAME}\s{{2,}}Volume\s+\d+,\s+Issue\s+\d+\b")),
    # "Rev. méd. Chile ; 149(6): 845-853, jun. 2021"
    (";", re.compile(rf"^{_NAME}\s?;\s?\d+\s?\(\d+\):\s?[\w\-]+,\s(?:[a-z]{{3,4}}\.?\s)?{_YEAR}\b")),
    # "Health Technology Assessment   Volume 26   Issue 12   February 2022"
    ("Vol", re.compile(rf"^{_NAME}\s{{2,}}(?:Volume|Vol\.?)\s+\d+\s+(?:Issue|No\.?|Number)\s+\d+\s+(?:[A-Z][a-z]+\s+)?{_YEAR}$")),
    # "Türkiye Klinikleri Tıp Bilimleri Dergisi > Cilt: 41 Sayı: 2" (the year on a line of its own)
    (" > ", re.compile(rf"^{_NAME}\s>\s(?:Cilt|Volume|Vol\.?)\s?:?\s?\d+")),
    # The Cochrane Library's masthead "Cochrane Database of Systematic Reviews   Review - Intervention"
    ("Cochrane", re.compile(r"^(?P<j>Cochrane Database of Systematic Reviews)(?:\s{2,}|$)")),
    # PubMed's citation cell with the full stop set apart: "Randomized Controlled Trial   Lancet Glob Health   . 2022 Mar"
    (" . ", re.compile(rf"^(?:[A-Z][\w ,'\-]{{2,60}}\s{{3,}})?{_NAME}\s+\.\s{_YEAR}\b")),
    # Oxford's running head "BJS Open, 2024, 8(1), zrad142": name, year, volume(issue), article number
    ("), ", re.compile(rf"^{_NAME},\s{_YEAR},\s\d+\s?\(\d+\),\s[a-z]{{0,6}}\d+$")),
    # "中国针灸   2022年   第42卷"
    ("年", re.compile(rf"^(?P<j>[^\x00-\x7f\s]{{2,30}})\s+{_YEAR}年\s+第\s?\d+\s?卷")),
)
# "Yıl 2021, Cilt: 41 Sayı: 2", "Volume: 21   Issue: 8   Page: 712-719   Publication year: 2021"
_YEAR_ONLY_RE = re.compile(rf"^(?:Yıl|Year|Año|Ano|Jahr|Année)\s+{_YEAR},\s+(?:Cilt|Vol|Volume|Band|Tome)\b"
                           r"|\bPublication\s+year\s*:\s*((?:19|20)\d{2})\b")
# The words every match of _YEAR_ONLY_RE opens with or holds (tested before the pattern, tried at every offset).
_YEAR_WORDS = ("Yıl", "Year", "Año", "Ano", "Jahr", "Année")
# "Version published: 18 March 2021", "PREPRINT   Version 1   posted 18 Jan, 2022"
# SAGE's masthead: the journal's name on its line, under it "2024, Vol. 38(2) 201–213".
_ISSUE_UNDER_NAME_RE = re.compile(rf"^{_YEAR},\s+Vol\.\s?\d+\s?\(\d+\)\s+[A-Za-z]?\d+\s?[-–]\s?[A-Za-z]?\d+$")
_NAME_LINE_RE = re.compile(r"^[A-Z][A-Za-z&'’\-]+(?: (?:[A-Z][A-Za-z&'’\-]+|of|and|in|for|the|&)){0,8}$")
_VERSION_DATE_RE = re.compile(r"\b(?:[Vv]ersion\s+published|[Pp]ublished\s+online|posted)\s*:?\s+(\d{1,2}\s[A-Z][a-z]{2,8},?\s"
                              r"(?:19|20)\d{2})")


# A labelled journal's value running on into its issue: "Pediatric Emergency Care. 38(2):e612-e617, 2022 Feb 01",
# "The Lancet Global Health  ·  2023  ·  Vol 11, Issue 2", "New England Journal of Medicine   Volume 390 • Number 11".
_VALUE_TAIL_RE = re.compile(r"\s{3,}(?=(?:Volume|Vol\.?|Issue|Number|No\.)\s?\d)|\.\s+(?=\d)|\s*;\s+(?=\d)|\s+[·•|]\s+|,\s+(?=(?:Vol|Volume|\d))|\s+(?=\d+\s?\()")
_TAIL_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def journal_value(value: str) -> tuple[str, int | None, int]:
    """A labelled journal value without the issue details after the name: (name, year in them, its offset)."""
    if not any(c.isdigit() for c in value):
        return value, None, -1
    m = _VALUE_TAIL_RE.search(value)
    if m is None or m.start() < 3:
        return value, None, -1
    y = _TAIL_YEAR_RE.search(value, m.end())
    return value[:m.start()].strip(" .,"), (int(y.group()) if y else None), (y.start() if y else -1)


def _issue_under_name(doc: Document, idx: int, fields: dict[str, Any]) -> int:
    """SAGE's masthead: a journal's name over its issue line ("2024, Vol. 38(2) 201–213"); how many were found."""
    line = doc.lines[idx]
    m = _ISSUE_UNDER_NAME_RE.match(line.text)
    above = doc.lines[idx - 1] if idx > 0 else None
    if m is None or above is None or doc.box[above.idx] != OWN or not _NAME_LINE_RE.match(above.text):
        return 0
    found = 0
    if fields["journal"] is None:
        put(fields, "journal", above.text, [[above.start, above.end]])
        found += 1
    if fields["year"] is None:
        put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
        found += 1
    return found


def source_lines(doc: Document, fields: dict[str, Any]) -> int:
    """Fill a missing journal and year from the lines above; returns how many were found."""
    found = 0
    for line in doc.lines_holding(("19", "20", " > ", "Cochrane D", ", Issue ", " . "), 60):
        if fields["journal"] is not None and fields["year"] is not None:
            break
        t = line.text
        if doc.box[line.idx] != OWN or len(t) > 300:
            continue
        m = next((m for m in (r.match(t) for needle, r in _LINE_RES if needle in t) if m), None)
        if m is None and ", Vol." in t[:12]:
            found += _issue_under_name(doc, line.idx, fields)
        if m and fields["journal"] is None:
            name = m.group("j").strip(" .;")
            if len(name) > 2:
                start = line.start + m.start("j")
                put(fields, "journal", name, [[start, start + len(name)]])
                found += 1
        if m and "y" in m.re.groupindex and fields["year"] is None:
            put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
            found += 1
        y = _YEAR_ONLY_RE.search(t) if fields["year"] is None and m is None and (
            "Publication" in t or t.startswith(_YEAR_WORDS)) else None
        if y:
            g = 1 if y.group(1) else 2
            put(fields, "year", int(y.group(g)), [[line.start + y.start(g), line.start + y.end(g)]])
            found += 1
        d = _VERSION_DATE_RE.search(t) if fields["year"] is None and (
            "ersion" in t or "ublished" in t or "posted" in t) else None
        parsed = parse_date(d.group(1)) if d else None
        if d and parsed:
            put(fields, "year", int(parsed[0][:4]), [[line.start + d.start(1), line.start + d.end(1)]])
            found += 1
    return found
