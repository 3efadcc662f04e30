"""RoB 2 for individually randomised, parallel-group trials (effect of assignment to intervention), as data.

The five domains, their signalling questions and the answers each allows; which questions the
tool's branching asks given the answers so far; and the decision rules of the RoB 2 guidance
(Sterne et al., BMJ 2019;366:l4898, and the guidance document of 22 August 2019) written as
tables: each row is one path of a domain's decision diagram, every answer along it, and the
judgement it leads to. The rows of a domain never overlap and, once its questions are answered,
exactly one matches. Domain 2 is judged in two parts (2.1-2.5, then 2.6-2.7); its judgement is
the worse of the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

TOOL = "rob2"
ANSWERS = ("Y", "PY", "PN", "N", "NI", "NA")
LOW, SOME, HIGH = "low", "some concerns", "high"
JUDGEMENTS = (LOW, SOME, HIGH)
DOMAINS = ("D1", "D2", "D3", "D4", "D5")
OVERALL = "overall"
DOMAIN_NAMES = {
    "D1": "Risk of bias arising from the randomization process",
    "D2": "Risk of bias due to deviations from the intended interventions (effect of assignment to intervention)",
    "D3": "Risk of bias due to missing outcome data",
    "D4": "Risk of bias in measurement of the outcome",
    "D5": "Risk of bias in selection of the reported result",
}

YES = frozenset({"Y", "PY"})
NO = frozenset({"N", "PN"})
NI = frozenset({"NI"})
YES_NI = YES | NI
NO_NI = NO | NI
ANY = YES | NO | NI

#: A condition: question id (or a tuple of ids, any of which may satisfy it) -> the answers that satisfy it.
Condition = Mapping[str | tuple[str, ...], frozenset[str]]


@dataclass(frozen=True)
class Question:
    """One signalling question: its id (``2.3``), domain, words, the answers it allows and when it is asked."""

    id: str
    domain: str
    text: str
    allows: frozenset[str] = ANY
    asked_if: Condition | None = None  # None: always asked

    @property
    def may_be_not_applicable(self) -> bool:
        """True for a question the branching can skip (it then takes NA)."""
        return self.asked_if is not None


AWARE = ("2.1", "2.2")

QUESTIONS: tuple[Question, ...] = (
    Question("1.1", "D1", "Was the allocation sequence random?"),
    Question("1.2", "D1", "Was the allocation sequence concealed until participants were enrolled and assigned"
                          " to interventions?"),
    Question("1.3", "D1", "Did baseline differences between intervention groups suggest a problem with the"
                          " randomization process?"),
    Question("2.1", "D2", "Were participants aware of their assigned intervention during the trial?"),
    Question("2.2", "D2", "Were carers and people delivering the interventions aware of participants' assigned"
                          " intervention during the trial?"),
    Question("2.3", "D2", "Were there deviations from the intended intervention that arose because of the trial"
                          " context?", asked_if={AWARE: YES_NI}),
    Question("2.4", "D2", "Were these deviations likely to have affected the outcome?", asked_if={"2.3": YES}),
    Question("2.5", "D2", "Were these deviations from intended intervention balanced between groups?",
             asked_if={"2.4": YES_NI}),
    Question("2.6", "D2", "Was an appropriate analysis used to estimate the effect of assignment to intervention?"),
    Question("2.7", "D2", "Was there potential for a substantial impact (on the result) of the failure to analyse"
                          " participants in the group to which they were randomized?", asked_if={"2.6": NO_NI}),
    Question("3.1", "D3", "Were data for this outcome available for all, or nearly all, participants randomized?"),
    Question("3.2", "D3", "Is there evidence that the result was not biased by missing outcome data?",
             allows=YES | NO, asked_if={"3.1": NO_NI}),
    Question("3.3", "D3", "Could missingness in the outcome depend on its true value?", asked_if={"3.2": NO}),
    Question("3.4", "D3", "Is it likely that missingness in the outcome depended on its true value?",
             asked_if={"3.3": YES_NI}),
    Question("4.1", "D4", "Was the method of measuring the outcome inappropriate?"),
    Question("4.2", "D4", "Could measurement or ascertainment of the outcome have differed between intervention"
                          " groups?"),
    Question("4.3", "D4", "Were outcome assessors aware of the intervention received by study participants?",
             asked_if={"4.1": NO_NI, "4.2": NO_NI}),
    Question("4.4", "D4", "Could assessment of the outcome have been influenced by knowledge of intervention"
                          " received?", asked_if={"4.3": YES_NI}),
    Question("4.5", "D4", "Is it likely that assessment of the outcome was influenced by knowledge of intervention"
                          " received?", asked_if={"4.4": YES_NI}),
    Question("5.1", "D5", "Were the data that produced this result analysed in accordance with a pre-specified"
                          " analysis plan that was finalized before unblinded outcome data were available for"
                          " analysis?"),
    Question("5.2", "D5", "Is the numerical result being assessed likely to have been selected, on the basis of the"
                          " results, from multiple eligible outcome measurements (e.g. scales, definitions, time"
                          " points) within the outcome domain?"),
    Question("5.3", "D5", "Is the numerical result being assessed likely to have been selected, on the basis of the"
                          " results, from multiple eligible analyses of the data?"),
)
QUESTION_BY_ID = {q.id: q for q in QUESTIONS}
QUESTION_IDS = tuple(QUESTION_BY_ID)

#: The decision diagrams: per domain (domain 2 in its two parts), one row per path, in the diagram's order.
RULES: dict[str, tuple[tuple[Condition, str], ...]] = {
    "D1": (
        ({"1.2": YES, "1.1": YES_NI, "1.3": NO_NI}, LOW),
        ({"1.2": YES, "1.1": YES_NI, "1.3": YES}, SOME),
        ({"1.2": YES, "1.1": NO}, SOME),
        ({"1.2": NI, "1.3": NO_NI}, SOME),
        ({"1.2": NI, "1.3": YES}, HIGH),
        ({"1.2": NO}, HIGH),
    ),
    "D2 part 1": (
        ({"2.1": NO, "2.2": NO}, LOW),
        ({AWARE: YES_NI, "2.3": NO}, LOW),
        ({AWARE: YES_NI, "2.3": NI}, SOME),
        ({AWARE: YES_NI, "2.3": YES, "2.4": NO}, SOME),
        ({AWARE: YES_NI, "2.3": YES, "2.4": YES_NI, "2.5": YES}, SOME),
        ({AWARE: YES_NI, "2.3": YES, "2.4": YES_NI, "2.5": NO_NI}, HIGH),
    ),
    "D2 part 2": (
        ({"2.6": YES}, LOW),
        ({"2.6": NO_NI, "2.7": NO}, SOME),
        ({"2.6": NO_NI, "2.7": YES_NI}, HIGH),
    ),
    "D3": (
        ({"3.1": YES}, LOW),
        ({"3.1": NO_NI, "3.2": YES}, LOW),
        ({"3.1": NO_NI, "3.2": NO, "3.3": NO}, LOW),
        ({"3.1": NO_NI, "3.2": NO, "3.3": YES_NI, "3.4": NO}, SOME),
        ({"3.1": NO_NI, "3.2": NO, "3.3": YES_NI, "3.4": YES_NI}, HIGH),
    ),
    "D4": (
        ({"4.1": YES}, HIGH),
        ({"4.1": NO_NI, "4.2": YES}, HIGH),
        ({"4.1": NO_NI, "4.2": NO, "4.3": NO}, LOW),
        ({"4.1": NO_NI, "4.2": NO, "4.3": YES_NI, "4.4": NO}, LOW),
        ({"4.1": NO_NI, "4.2": NO, "4.3": YES_NI, "4.4": YES_NI, "4.5": NO}, SOME),
        ({"4.1": NO_NI, "4.2": NO, "4.3": YES_NI, "4.4": YES_NI, "4.5": YES_NI}, HIGH),
        ({"4.1": NO_NI, "4.2": NI, "4.3": NO}, SOME),
        ({"4.1": NO_NI, "4.2": NI, "4.3": YES_NI, "4.4": NO}, SOME),
        ({"4.1": NO_NI, "4.2": NI, "4.3": YES_NI, "4.4": YES_NI, "4.5": NO}, SOME),
        ({"4.1": NO_NI, "4.2": NI, "4.3": YES_NI, "4.4": YES_NI, "4.5": YES_NI}, HIGH),
    ),
    "D5": (
        ({"5.2": YES}, HIGH),
        ({"5.2": NO_NI, "5.3": YES}, HIGH),
        ({"5.2": NO, "5.3": NO, "5.1": YES}, LOW),
        ({"5.2": NO, "5.3": NO, "5.1": NO_NI}, SOME),
        ({"5.2": NI, "5.3": NO_NI}, SOME),
        ({"5.2": NO, "5.3": NI}, SOME),
    ),
}
#: The tables that make up each domain; a domain with two parts takes the worse judgement.
DOMAIN_TABLES = {"D1": ("D1",), "D2": ("D2 part 1", "D2 part 2"), "D3": ("D3",), "D4": ("D4",), "D5": ("D5",)}


def check_answer(question_id: str, answer: str) -> str:
    """The answer in its canonical spelling (``py`` -> ``PY``); ValueError for an unknown question or answer."""
    question = QUESTION_BY_ID.get(str(question_id).strip())
    if question is None:
        raise ValueError(f"RoB 2 has no question {question_id!r}; its questions are {', '.join(QUESTION_IDS)}")
    spelled = str(answer).strip().upper()
    if spelled == "NA" and not question.may_be_not_applicable:
        raise ValueError(f"question {question.id} always applies, so it cannot be answered NA")
    allowed = [a for a in ANSWERS if a in question.allows or (a == "NA" and question.may_be_not_applicable)]
    if spelled not in allowed:
        raise ValueError(f"question {question.id} takes {', '.join(allowed[:-1])} or {allowed[-1]},"
                         f" not {str(answer).strip()!r}")
    return spelled


def _holds(condition: Condition, answers: Mapping[str, str]) -> bool:
    for key, allowed in condition.items():
        ids = key if isinstance(key, tuple) else (key,)
        if not any(answers.get(q) in allowed for q in ids):
            return False
    return True


def applicable_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """The answers of the questions the branching asks, in question order (answers to skipped ones left out)."""
    kept: dict[str, str] = {}
    for question in QUESTIONS:
        if question.asked_if is not None and not _holds(question.asked_if, kept):
            continue
        answer = answers.get(question.id)
        if answer is not None and answer != "NA":
            kept[question.id] = answer
    return kept


def is_asked(question_id: str, answers: Mapping[str, str]) -> bool:
    """True when the branching asks ``question_id`` given ``answers`` (False while what it depends on is open)."""
    question = QUESTION_BY_ID[question_id]
    return question.asked_if is None or _holds(question.asked_if, applicable_answers(answers))


def effective_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """Every question that has an answer or is skipped: the answers that count, NA where the branching skips."""
    kept = applicable_answers(answers)
    shown: dict[str, str] = {}
    for question in QUESTIONS:
        if question.id in kept:
            shown[question.id] = kept[question.id]
        elif not is_asked(question.id, kept) and _decided(question, kept):
            shown[question.id] = "NA"
    return shown


def _decided(question: Question, kept: Mapping[str, str]) -> bool:
    # Skipped for good: every question its condition reads is answered, or itself skipped for good
    # (4.4 is not NA while 4.3 waits for 4.1 and 4.2).
    assert question.asked_if is not None
    for key in question.asked_if:
        for q in key if isinstance(key, tuple) else (key,):
            if q in kept:
                continue
            if is_asked(q, kept) or not _decided(QUESTION_BY_ID[q], kept):
                return False
    return True


def _worse(a: str, b: str) -> str:
    return a if JUDGEMENTS.index(a) >= JUDGEMENTS.index(b) else b


def matching_row(table: str, answers: Mapping[str, str]) -> int | None:
    """The index of the row of ``table`` that the (applicable) answers follow, None while the path is open."""
    kept = applicable_answers(answers)
    for index, (condition, _judgement) in enumerate(RULES[table]):
        if _holds(condition, kept):
            return index
    return None


def propose_domain(domain: str, answers: Mapping[str, str]) -> str | None:
    """The judgement the decision rules propose for ``domain``; None until the answers on its path are given."""
    judgement: str | None = None
    for table in DOMAIN_TABLES[domain]:
        row = matching_row(table, answers)
        if row is None:
            return None
        part = RULES[table][row][1]
        judgement = part if judgement is None else _worse(judgement, part)
    return judgement


def propose_overall(domains: Mapping[str, str | None]) -> str | None:
    """Low if every domain is low, high if any is high, some concerns otherwise; None while a domain is open.

    The guidance lets the reviewer raise "some concerns" in several domains to high: that is an override.
    """
    judgements = [domains.get(d) for d in DOMAINS]
    if any(j is None for j in judgements):
        return None
    if HIGH in judgements:
        return HIGH
    return LOW if all(j == LOW for j in judgements) else SOME


def propose(answers: Mapping[str, str]) -> dict[str, str | None]:
    """Every domain's proposed judgement and the overall one (``D1``..``D5``, ``overall``)."""
    proposed: dict[str, str | None] = {d: propose_domain(d, answers) for d in DOMAINS}
    proposed[OVERALL] = propose_overall(proposed)
    return proposed


def check_judgement(judgement: str) -> str:
    """``low``, ``some concerns`` or ``high`` (``some`` and ``some-concerns`` accepted); ValueError otherwise."""
    spelled = " ".join(str(judgement).strip().lower().replace("-", " ").replace("_", " ").split())
    if spelled in ("some", "some concern"):
        spelled = SOME
    if spelled not in JUDGEMENTS:
        raise ValueError(f"a judgement is low, some concerns or high, not {judgement!r}")
    return spelled


def check_domain(domain: str) -> str:
    """``D1``..``D5`` or ``overall`` in canonical spelling; ValueError otherwise."""
    spelled = str(domain).strip()
    if spelled.lower() == OVERALL:
        return OVERALL
    if spelled.upper() in DOMAINS:
        return spelled.upper()
    raise ValueError(f"RoB 2's domains are {', '.join(DOMAINS)} and overall, not {domain!r}")
