"""Lines above a record's heading that are not its title (a status badge is status_badge.py's): a trial finder's
action bar, a site's links to its services and its own notices, a mirror's line naming its source, a journal's issue line, the site's name over its menu; and a
title value that runs on into the next label ("... Trial short title RSV-3", "... Secondary IDs if Any").
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.textutil import Line

_GAP_RE = re.compile(r"\s{3,}|\t")
# "Source registry: ANZCTR   Registry ID: ACTRN...": two "Label: value" cells on one line, a wide gap between them.
_TWO_ROWS_RE = re.compile(r"^[^:\n]{2,40}:\s*\S[^\n]*?(?:\s{3,}|\t)[A-Z][^:\n]{1,40}:\s*\S")
# A journal's issue line: "Rev. Saúde Pública vol.58 São Paulo 2024 Epub 12-Ago-2024", "Cad. Saúde Pública v.40 n.2".
_ISSUE_RE = re.compile(r"\b(?:vol\.|v\.)\s?\d{1,4}\b.*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*\b(?:vol\.|v\.)\s?\d", re.I)
# Words of a trial finder's action bar ("Compare trials   Share   Print   Save to my list").
_ACTIONS = ("compare", "share", "print", "save", "email", "e-mail", "add to", "download", "export", "cite", "bookmark",
            "follow", "subscribe", "contact", "send")
# A site's link to one of its services ("Submit a study", "Register a trial", "Find a clinical trial"): a menu item.
_SITE_LINK_RE = re.compile(r"^(?:(?:submit|register|find|search\s+for|join|browse|add|take\s+part\s+in|volunteer\s+for)"
                           r"\s+(?:(?:a|an|your|our|new|all)\s+)?(?:clinical\s+)?(?:study|studies|trials?|research)$"
                           r"|back\s+to\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:results|search|list|finder)\b)", re.I)
# The site's own notices: the US government's banner, a charity's or a company's registration line.
_SITE_NOTICE_RE = re.compile(r"(?:an\s+official\s+website\s+of\b|registered\s+charity\b|charity\s+(?:registration\s+)?"
                             r"(?:no|number)\b|company\s+(?:registration\s+)?(?:no|number)\b)", re.I)
# Labels that follow a title on a flattened page, with their value or none: where the title ends.
_RUN_ON_LABELS = (" Trial short title", " Short title", " Secondary IDs if Any", " Secondary ID", " Acronym ")


def not_title(t: str) -> bool:
    """True for a line that is the page's furniture, not the record's heading (see the module's note)."""
    if ":" in t and _TWO_ROWS_RE.match(t):
        return True
    if ("vol" in t or "v." in t) and _ISSUE_RE.search(t):
        return True
    if t.count(" ") <= 6 and _SITE_LINK_RE.match(t):
        return True
    return _action_bar(t) or (t[:1] in "ARCarc" and _SITE_NOTICE_RE.match(t) is not None)


def menu_item(lines: list[Line], line: Line) -> bool:
    """A line of at most three words between two others like it: an item of a menu written one link a line
    ("Find Studies" / "Study Basics" / "Submit Studies"), not a heading (a short title stands apart)."""
    i = line.idx
    if line.text.count(" ") > 2 or i == 0 or i + 1 >= len(lines):
        return False
    return all(0 < len(t) <= 30 and t.count(" ") <= 2 and t[-1:] not in ".:" for t in (lines[i - 1].text, lines[i + 1].text))


def _action_bar(t: str) -> bool:
    """A row of three or more short actions set apart by wide gaps, one at least a known action."""
    if "   " not in t and "\t" not in t:
        return False
    parts = _GAP_RE.split(t.strip())
    return len(parts) >= 3 and all(len(p) <= 26 and p.count(" ") <= 3 for p in parts) \
        and any(p.lower().startswith(_ACTIONS) for p in parts)


_DOMAIN_RE = re.compile(r"\w\.(?:org|com|gov|net|info|eu)\b")


def site_name_over_menu(lines: list[Line], line: Line, is_menu: Any, study_words: re.Pattern[str]) -> bool:
    """One of the first lines, with the site's menu right under it, that names no study or reads as a site's name
    and motto ("TrialScope Mirror — registry records, one place", "FindMyTrial.org"): the site's name. (A record's
    heading over its tabs, "Study Details   Researcher View", stays the title.)"""
    if line.idx > 2 or line.idx + 1 >= len(lines) or not lines[line.idx + 1].text \
            or not is_menu(lines[line.idx + 1].text):
        return False
    t = line.text
    return " — " in t or " | " in t or _DOMAIN_RE.search(t) is not None or study_words.search(t) is None


def cut_run_on(fields: dict[str, Any]) -> None:
    """A title or official title that ran on into the next label ends before that label."""
    for key in ("title", "official_title"):
        value = fields[key]
        if not value or ("itle" not in value and "ID" not in value and "Acronym" not in value):
            continue
        at = min((i for lab in _RUN_ON_LABELS if (i := value.find(lab)) >= 20), default=-1)
        if at < 0:
            continue
        ev = fields["evidence"].get(key) or []
        fields[key] = value[:at].rstrip(" ,;:-")
        if len(ev) == 1 and ev[0][1] - ev[0][0] == len(value):
            fields["evidence"][key] = [[ev[0][0], ev[0][0] + len(fields[key])]]
