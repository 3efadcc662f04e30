"""How many reviewers screen each stage (single or dual screening) and who leads the team.

In single screening one reviewer's verdict is the record's verdict. In dual screening two
reviewers decide each record independently and blind to each other; a record has a verdict
at the stage only when two reviewers agree, or when a resolution settles their conflict
(see :mod:`curator.review.resolution`). Switching mode keeps every decision: only how they
are read changes. Both are settings of the review, so every window and command sees them.
"""

from __future__ import annotations

from collections.abc import Iterable

from curator.store.audit import log_change
from curator.store.database import Review, get_setting
from curator.store.models import STAGES, Setting

SINGLE = "single"
DUAL = "dual"
MODES = (SINGLE, DUAL)
#: The setting holding ``{stage: mode}`` (a stage not in it is screened singly).
MODE_SETTING = "screening_mode"
#: The setting holding the lead reviewer's name: who sees every verdict and may settle any conflict.
LEAD_SETTING = "lead_reviewer"


def _check_stages(stages: Iterable[str]) -> list[str]:
    chosen = list(stages)
    for stage in chosen:
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
    return chosen


def screening_modes(review: Review) -> dict[str, str]:
    """The screening mode of every stage, in stage order: ``{"title-abstract": "dual", "full-text": "single"}``."""
    stored = get_setting(review, MODE_SETTING) or {}
    return {stage: stored.get(stage) if stored.get(stage) in MODES else SINGLE for stage in STAGES}


def is_dual(review: Review, stage: str) -> bool:
    """True when ``stage`` is screened by two reviewers."""
    return screening_modes(review).get(stage) == DUAL


def set_screening_mode(review: Review, mode: str, stages: Iterable[str] = STAGES, *,
                       reviewer: str) -> dict[str, str]:
    """Screen ``stages`` in ``mode`` (single or dual); every decision is kept. Returns every stage's mode."""
    if mode not in MODES:
        raise ValueError(f"screening mode must be one of {', '.join(MODES)}, not {mode!r}")
    chosen = _check_stages(stages)
    if not chosen:
        raise ValueError("name at least one stage")
    with review.transaction() as session:
        setting = session.get(Setting, MODE_SETTING)
        old = dict(setting.value or {}) if setting is not None else {}
        new = {stage: old.get(stage, SINGLE) for stage in STAGES} | {stage: mode for stage in chosen}
        if setting is None:
            session.add(Setting(key=MODE_SETTING, value=new))
        else:
            setting.value = new
            session.add(setting)
        log_change(session, reviewer, "set screening mode", old=old or None, new=new)
    return screening_modes(review)


def lead_reviewer(review: Review) -> str | None:
    """The lead reviewer's name, or None when the review has no lead."""
    name = get_setting(review, LEAD_SETTING)
    return name if isinstance(name, str) and name.strip() else None


def set_lead_reviewer(review: Review, name: str | None, *, reviewer: str) -> str | None:
    """Name the lead reviewer (None or blank: no lead); returns the lead now."""
    name = (name or "").strip() or None
    with review.transaction() as session:
        setting = session.get(Setting, LEAD_SETTING)
        old = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=LEAD_SETTING, value=name))
        else:
            setting.value = name
            session.add(setting)
        log_change(session, reviewer, "set lead reviewer", old=old, new=name)
    return name
