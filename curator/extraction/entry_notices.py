"""Entries that are notices, not studies: a letter, editorial, erratum or comment without an abstract.

Their title names a topic ("SGLT2 inhibitors: the fourth pillar of heart failure therapy"), or another paper
("Erratum: Efficacy of dapagliflozin in ..."), not what a study did, so no PICO is read from it. The rule for a
record with a title only: no PICO when the title starts as a notice ("Erratum:", "Correction to", "Reply",
"Editorial:", "Comment on") or the record's type is a notice (Letter, Editorial, Erratum, Comment, News,
Correction) and the title names no trial; a title-only research letter that names its trial ("X versus placebo in
patients with Y: a randomized pilot trial") keeps the PICO its title states.
"""

from __future__ import annotations

import re

_NOTICE_TITLE_RE = re.compile(r"\W*(?:erratum|errata|corrigendum|correction|retraction|retracted|expression\s+of\s+concern"
                              r"|editorial|comment(?:ary)?\s+on|letter|reply|in\s+reply|response\s+to|re:)\b", re.I)
_NOTICE_TYPE_RE = re.compile(r"^(?:Type|Publication type|Document type): .*\b(?:Letter|Editorial|Erratum|Errata|Comment"
                             r"|News|Correction|Corrigendum|Published Erratum|Retraction)\b", re.I | re.M)
_NAMES_TRIAL_RE = re.compile(r"\btrial\b|\brandomi[sz]ed\b", re.I)


def is_notice(text: str, title_zones: list[tuple[int, int]]) -> bool:
    """Whether an entry with no abstract (its page ``text``, its title at ``title_zones``) is a notice, not a study."""
    title = " ".join(text[s:e] for s, e in title_zones)
    if _NOTICE_TITLE_RE.match(title):
        return True
    if ": " not in text or _NAMES_TRIAL_RE.search(title):
        return False
    return _NOTICE_TYPE_RE.search(text) is not None
