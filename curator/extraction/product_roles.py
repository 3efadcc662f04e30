"""Products listed with their role (CTIS "Product role: Test / Placebo / Auxiliary", EU CTR "IMP role: Test"): the
tested product is the intervention, a placebo or comparator product the comparator, and auxiliary or background
products (a vaccine given to everyone, background methotrexate) neither."""

from __future__ import annotations

import re

Found = tuple[str, int, int]

_ROLES = (r"(Test|Investigational(?:\s+medicinal\s+product)?|Placebo|Comparator|Auxiliary|Background"
          r"|Non-investigational|Reference|Rescue)")
# "Product role: Placebo: Sodium chloride", "Product role: Test; Product name: X; ...", "Product role  Test" (name below).
_ROLE_RE = re.compile(r"\b(?:Product|IMP)\s+role:?\s+" + _ROLES + r"\b(?:[ \t]*[:;][ \t]*(?:Product\s+name:?[ \t]+)?)?"
                      r"[ \t]*([^\n;|]*)", re.I)
# A products table: "Product role | Product name | ..." over "Test | RSV vaccine | ...".
_ROW_RE = re.compile(r"^[ \t]*" + _ROLES + r"[ \t]*\|[ \t]*([^|\n]+?)[ \t]*(?:\||$)", re.I | re.M)
_NAME_RE = re.compile(r"\s*(?:D\.[\d.]+\s+)?(?:Product\s+name|Trade\s+name|Name\s+of\s+product):?\s+(\S[^\n]{1,150}?)\s*$",
                      re.I)
TESTED = ("test", "investigational")
CONTROLS = ("placebo", "comparator", "reference")


def product_roles(text: str, limit: int = 60000) -> list[tuple[str, Found]]:
    """(role, product) for each product the page lists with a role, in page order ("test", "placebo", ...)."""
    if text.find("Product role", 0, limit) < 0 and text.find("IMP role", 0, limit) < 0:
        return []
    out: list[tuple[str, Found]] = []
    if text.find("Product role |", 0, limit) >= 0 or text.find("Product role\t", 0, limit) >= 0:
        for m in _ROW_RE.finditer(text, 0, limit):
            out.append((m.group(1).split()[0].lower(), (m.group(2), m.start(2), m.end(2))))
        if out:
            return out
    roles = list(_ROLE_RE.finditer(text, 0, limit))
    # A name right above the first role line: each product's name comes before its role.
    before = bool(roles) and not roles[0].group(2).strip(" :") and text.find("Product name", roles[0].start(),
                                                                             roles[0].end()) < 0 and _name_before(text, roles[0].start()) is not None
    for k, m in enumerate(roles):
        role = m.group(1).split()[0].lower()
        inline = m.group(2).strip(" :")
        if inline and ":" in inline[:40]:
            inline = ""  # "Product role: Test; Pharmaceutical form: ...": another label, not the product
        if inline:  # "Product role: Placebo: Sodium chloride"
            out.append((role, (inline, m.start(2), m.start(2) + len(inline))))
            continue
        if before:  # "Product name  X" over "Product role  Test"
            got = _name_before(text, m.start())
        else:
            stop = roles[k + 1].start() if k + 1 < len(roles) else min(len(text), m.end() + 600)
            names = _names_between(text, m.end(), stop)
            # The product's name over its trade name ("D.3.1 Product name: Abatacept" after "Trade name: Orencia").
            got = next((g for g in names if "roduct" in g.group(0)), names[0] if names else None)
        if got:
            out.append((role, (got.group(1), got.start(1), got.end(1))))
    return out


def _names_between(text: str, pos: int, stop: int) -> list[re.Match[str]]:
    """The product-name lines from the line after ``pos`` up to ``stop``."""
    names = []
    while pos < stop:
        nl = text.find("\n", pos + 1)
        end = nl if 0 <= nl < stop else stop
        got = _NAME_RE.match(text, pos + 1, end) if pos + 1 < end else None
        if got:
            names.append(got)
        pos = end
    return names


def _name_before(text: str, at: int) -> re.Match[str] | None:
    """The product-name line right above the role line starting at ``at``."""
    end = text.rfind("\n", 0, at)
    start = text.rfind("\n", 0, end) + 1 if end > 0 else -1
    return _NAME_RE.match(text, start, end) if 0 <= start < end else None
