"""Where a ``Label: value`` line's label ends, also when the label is written twice ("研究类型：Study type：")."""

from __future__ import annotations

from curator.extraction.labels import LABELS, norm_label


def label_colon(head: str, colon: int) -> int:
    """The index of the colon that ends the label of ``head``, whose first colon is the full-width one at ``colon``.

    ChiCTR and other bilingual registries write the label in their language, a colon, the label in
    English and a second colon ("研究类型：Study type：  干预性研究 Interventional study"): the label ends
    at the second colon when the first part has no Latin letter and the second is a known label.
    """
    if colon <= 0 or any("a" <= c <= "z" or "A" <= c <= "Z" for c in head[:colon]):
        return colon
    n1, n2 = head.find(":", colon + 1, colon + 102), head.find("：", colon + 1, colon + 102)
    second = n1 if n2 < 0 or 0 <= n1 < n2 else n2
    if second < 0:
        return colon
    english = head[colon + 1:second].strip()
    if english.isascii() and english[:1].isalpha() and LABELS.get(norm_label(english)) is not None:
        return second
    return colon


def without_empty_label(value: str) -> str:
    """``value`` without the empty label after its last wide gap: ChiCTR's "Nurse-led early mobilization
    干预措施代码 Intervention code:" (the code left blank) is the intervention's name alone."""
    gap = value.rfind("   ")
    last = value[gap:].strip()
    if gap < 3 or len(last) > 60 or last[-1:] not in ":：" or last.count(":") + last.count("：") != 1:
        return value
    return value[:gap].rstrip()
