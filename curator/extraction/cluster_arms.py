"""The arms of a cluster trial stated as what its units were randomised to do.

"Schools were randomised to deliver the fluoride varnish programme to children, or to continue their usual dental
health lessons", "practices were randomised to offer proactive telephone counselling ..., or to continue giving usual
brief advice", "wards were randomised to use chlorhexidine cloths ..., or to continue washing patients with soap and
water", "villages were randomised to have their volunteers provide zinc and ORS ..., or to keep referring children to
the health centre as before": the tested arm is what the units deliver, provide, offer or use; the control is what
they continue or keep doing. "randomised to receive X or Y" is read elsewhere (assignment).
"""

from __future__ import annotations

import re

from curator.extraction.assignment import arm_name
from curator.extraction.pico import Found, Span, sentence_end

_TESTED_RE = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\s+(?:\(\d+:\d+\)\s+)?to\s+"
    r"(?:have\s+(?:their\s+|its\s+)?(?:[\w\-]+\s+){0,4}?)?"
    r"(?:deliver|provide|offer|use|run|implement|introduce|adopt|teach|distribute|apply|display|send|hold|give)\s+"
    r"(?:(?:a|an|the|their|its)\s+)?(.{3,240}?),?\s+or\s+(?:to\s+)?"
    r"(?:continue|keep|carry\s+on|maintain|remain|stay)\b\s*(?:with\s+|to\s+)?",
)  # (searched in lower-cased text: a case-folding search is several times slower)
# Whom the units give the arm to, and where, is not the arm ("... to children", "... to all registered smokers").
_TO_WHOM_RE = re.compile(
    r"\s+(?:to|for|among|with)\s+(?:all\s+|their\s+|the\s+|every\s+|each\s+|eligible\s+|registered\s+|adult\s+)*"
    r"(?:children|pupils|students|patients|residents|smokers|caregivers|carers|households|families|mothers|women|men"
    r"|people|adults|participants|staff|members|clients|users|infants|employees|workers)\b"
    r"|\s+for\s+(?:the|a|an)\s|\s+during\s|\s+at\s+(?:home|school|the)\b|\s+as\s+before\b|\s+in\s+(?:routine|their|the)\s",
    re.I,
)
# What a control's units keep doing: the doing, when it is the arm ("giving usual brief advice" is the advice).
_DOING_RE = re.compile(r"^(?:their\s+|its\s+)?(?:giving|providing|delivering|offering|using|running|teaching|holding)\s+"
                       r"(?:(?:a|an|the|their|its)\s+)?", re.I)
_WORDS = ("andomi", "llocat", "ssign")
# One of which every control here says.
_KEEP_RE = re.compile(r"or (?:to )?(?:continu|keep)|or to (?:carry|maintain|remain|stay)")  # (one scan, not eight)


def _name(raw: str, start: int) -> Found | None:
    cut = _TO_WHOM_RE.search(raw)
    x = raw[:cut.start()] if cut and cut.start() >= 3 else raw
    short = arm_name(x)
    x = short if len(short.split()) >= 2 or short == x else x
    x = x.strip(" ,.")
    at = raw.find(x)
    return (x, start + at, start + at + len(x)) if len(x) >= 3 and at >= 0 else None


def cluster_arms(text: str, zones: list[Span]) -> tuple[Found, Found | None] | None:
    """The tested arm and the control of "units were randomised to deliver X, or to continue Y", else None."""
    for s, e in zones:
        if _KEEP_RE.search(text, s, e) is None or not any(text.find(w, s, e) >= 0 for w in _WORDS):
            continue
        low = text[s:e].lower()
        m = _TESTED_RE.search(low) if len(low) == e - s else None  # (a few letters lengthen when lower-cased)
        if m is None:
            continue
        a, b, end_at = s + m.start(1), s + m.end(1), s + m.end()
        tested = _name(text[a:b], a)
        if tested is None:
            continue
        end = sentence_end(text, end_at, min(e, end_at + 200))
        raw = text[end_at:end if end is not None else min(e, end_at + 160)]
        raw = raw.split(", ")[0] if ", for " in raw or ", crossing" in raw else raw
        doing = _DOING_RE.match(raw)
        lead = doing.end() if doing else (6 if raw.lower().startswith(("their ", "its ")) else 0)
        control = _name(raw[lead:], end_at + lead)
        return tested, control
    return None


def cluster_tested(text: str, zones: list[Span]) -> Found | None:
    """The tested arm of :func:`cluster_arms`."""
    got = cluster_arms(text, zones)
    return got[0] if got else None


def cluster_control(text: str, zones: list[Span]) -> Found | None:
    """The control of :func:`cluster_arms`."""
    got = cluster_arms(text, zones)
    return got[1] if got else None
