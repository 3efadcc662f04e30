"""The control among interventions listed with their ClinicalTrials.gov types, when no arm is labelled as one.

"Drug: X; Drug: Placebo": the placebo (or sham, or an inactive device). A finder's "Device: Bedside sound generator" /
"Other: Sleep hygiene leaflet" list, with the page saying "Group 2: sleep hygiene leaflet only": the one item typed
"Other" - the type ClinicalTrials.gov gives usual care, leaflets and attention controls - when the page states it
as what one group had alone or as the control. Never guessed from the type alone.
"""

from __future__ import annotations

import re

Spans = list[list[int]]

_CONTROL_NAMES = ("placebo", "sham", "inactive ")
# After the item's name: "... leaflet only", "... alone"; before it: "control group received ...", "compared with ...".
_ALONE_AFTER_RE = re.compile(r"[\w\s-]{0,12}?\b(?:only|alone)\b", re.I)
_CONTROL_BEFORE_RE = re.compile(r"\b(?:control|comparison|compared\s+with|versus|vs\.?|instead\s+of)\b[^.;:\n]{0,40}$",
                                re.I)


def listed_control(text: str, names: list[str], spans: Spans) -> int:
    """The index of the listed control among ``names`` (their evidence ``spans``), else -1."""
    k = next((k for k, n in enumerate(names) if n.lower().startswith(_CONTROL_NAMES)), -1)
    if k >= 0 or len(spans) != len(names) or len(names) < 2:
        return k
    others = [k for k, (s, _) in enumerate(spans) if text[max(0, s - 8):s].rstrip().endswith("Other:")]
    if len(others) != 1:
        return -1
    k = others[0]
    name = names[k].lower()
    low = text.lower()
    at = low.find(name)
    while at >= 0:
        if at != spans[k][0] and (_ALONE_AFTER_RE.match(low, at + len(name))
                                  or _CONTROL_BEFORE_RE.search(low, max(0, at - 60), at)):
            return k
        at = low.find(name, at + len(name))
    return -1
