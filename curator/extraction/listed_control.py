"""The control among the interventions a registry record lists: "INTERVENTION: Behavioral: Tai Chi; Behavioral: Health
education" under the title "Tai Chi for knee osteoarthritis" tests Tai Chi against health education; "Other: standard
preoperative care" is the usual way, the control. The tested intervention is then the other listed names."""

from __future__ import annotations

import re

from curator.extraction.pico import comp_words

Got = dict[str, tuple[str, list[list[int]]]]

# The usual way named as a listed intervention: "standard preoperative care", "usual physiotherapy", "routine advice".
_USUAL_WAY_RE = re.compile(r"^(?:standard|usual|routine|conventional|current|existing)\s+(?:[\w\-]+\s+){0,2}?(?:care|practice"
                           r"|treatment|management|therapy|physiotherapy|advice|information|education|follow-up)$", re.I)


def _is_usual(name: str) -> bool:
    return comp_words(name, anywhere=True) or _USUAL_WAY_RE.match(name) is not None


def listed_control(text: str, got: Got, title_zones: list[tuple[int, int]]) -> None:
    """Split a joined intervention of two or three listed names into the tested ones and the control, when one name
    is the usual way or a control, or when the title names every listed name but one (that one is the control)."""
    tested = got.get("intervention")
    if tested is None or got.get("comparator") is not None or "; " not in tested[0]:
        return
    names = tested[0].split("; ")
    if not 2 <= len(names) <= 3 or len(tested[1]) != len(names) or \
            any(not text[s:e].endswith(n) for n, (s, e) in zip(names, tested[1], strict=True)):
        return
    spans = [[e - len(n), e] for n, (_, e) in zip(names, tested[1], strict=True)]  # "Behavioral: Tai Chi" read as Tai Chi
    usual = [k for k, n in enumerate(names) if _is_usual(n)]
    if len(usual) != 1 and len(names) == 2 and title_zones:
        title = text[title_zones[0][0]:title_zones[0][1]].lower()
        usual = [k for k, n in enumerate(names) if n.lower() not in title]
    if len(usual) != 1 or usual[0] == 0 and len(names) == 3:
        return
    k = usual[0]
    rest = [j for j in range(len(names)) if j != k]
    got["comparator"] = (names[k], [spans[k]])
    got["intervention"] = ("; ".join(names[j] for j in rest), [spans[j] for j in rest])
