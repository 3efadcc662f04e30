"""A journal line whose parts are separated by commas, without a label: "Clinical Rehabilitation, 2024, 38(7),
912-923" (Cochrane CENTRAL's record, Elsevier and Taylor & Francis "cite this" lines, reference managers' exports).

The journal's name, then the year, then the volume with its issue and the pages: the year is where the form is
recognised (a name followed by a comma and a four-digit year then a volume), so an author line ("Smith J, 2020") or a
sentence is not read as one. CENTRAL runs on after a bar: "... 912-923 | added to CENTRAL: 31 May 2024 | 2024 Issue 5".
"""

from __future__ import annotations

import re

# "Journal of Orthopaedic & Sports Physical Therapy, 2024, 54(3), 150-159", "Physiotherapy, 2022, 115, 45-53",
# "Journal of the American Medical Directors Association, 2023, 24(11), 1705-1713.e2".
COMMA_CITATION_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&'() -]{2,100}?[A-Za-z)]),\s(?P<y>(?:19|20)\d{2}),\s(?:Vol\.?\s?)?\d{1,4}(?:\s?\([\w/ ‐-]{1,12}\))?"
    r"(?:,\s(?:pp?\.\s?)?[A-Za-z]?\d+(?:[-–‐][A-Za-z]?\d+)?(?:\.e\d+)?)?\.?(?:\s+\|\s.*)?$")


def comma_citation(line: str) -> re.Match[str] | None:
    """The match of :data:`COMMA_CITATION_RE` on ``line`` (looked for only where a comma comes before a year)."""
    return COMMA_CITATION_RE.match(line) if ", 20" in line or ", 19" in line else None
