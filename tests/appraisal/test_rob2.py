"""RoB 2's decision rules: every path of each domain's diagram, and every combination of answers.

Each domain has one case per path of its decision diagram (and the test checks that the cases
reach every row of the table), and the table is compared, over every combination of answers
the branching allows, with the diagram written out again as plain if/else in the guidance's words.
"""

from __future__ import annotations

import itertools

import pytest

from curator.appraisal.rob2 import (
    DOMAIN_TABLES,
    DOMAINS,
    HIGH,
    LOW,
    QUESTIONS,
    RULES,
    SOME,
    check_answer,
    check_judgement,
    effective_answers,
    is_asked,
    matching_row,
    propose,
    propose_domain,
    propose_overall,
)

Y, N = {"Y", "PY"}, {"N", "PN"}


# -- the diagrams once more, as nested conditions (an oracle independent of the tables)

def oracle_d1(a: dict[str, str]) -> str:
    if a["1.2"] in N:
        return HIGH
    if a["1.2"] == "NI":
        return HIGH if a["1.3"] in Y else SOME
    if a["1.1"] in N:
        return SOME
    return SOME if a["1.3"] in Y else LOW


def oracle_d2(a: dict[str, str]) -> str:
    aware = not (a["2.1"] in N and a["2.2"] in N)
    if not aware or a["2.3"] in N:
        part1 = LOW
    elif a["2.3"] == "NI" or a["2.4"] in N:
        part1 = SOME
    else:
        part1 = SOME if a["2.5"] in Y else HIGH
    part2 = LOW if a["2.6"] in Y else (SOME if a["2.7"] in N else HIGH)
    if HIGH in (part1, part2):
        return HIGH
    return LOW if part1 == part2 == LOW else SOME


def oracle_d3(a: dict[str, str]) -> str:
    if a["3.1"] in Y or a["3.2"] in Y:
        return LOW
    if a["3.3"] in N:
        return LOW
    return SOME if a["3.4"] in N else HIGH


def oracle_d4(a: dict[str, str]) -> str:
    if a["4.1"] in Y or a["4.2"] in Y:
        return HIGH
    known = a["4.2"] in N
    if a["4.3"] in N or a["4.4"] in N:
        return LOW if known else SOME
    return SOME if a["4.5"] in N else HIGH


def oracle_d5(a: dict[str, str]) -> str:
    if a["5.2"] in Y or a["5.3"] in Y:
        return HIGH
    if "NI" in (a["5.2"], a["5.3"]):
        return SOME
    return LOW if a["5.1"] in Y else SOME


ORACLES = {"D1": oracle_d1, "D2": oracle_d2, "D3": oracle_d3, "D4": oracle_d4, "D5": oracle_d5}


def every_answer_set(domain: str) -> list[dict[str, str]]:
    """Every combination of answers the branching allows in ``domain`` (NA where a question is skipped)."""
    questions = [q for q in QUESTIONS if q.domain == domain]
    found: list[dict[str, str]] = [{}]
    for question in questions:
        grown = []
        for answers in found:
            if is_asked(question.id, answers):
                grown += [answers | {question.id: a} for a in sorted(question.allows)]
            else:
                grown.append(answers | {question.id: "NA"})
        found = grown
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_table_agrees_with_the_diagram_on_every_combination(domain: str) -> None:
    combinations = every_answer_set(domain)
    assert len(combinations) > 10
    for answers in combinations:
        assert propose_domain(domain, answers) == ORACLES[domain](answers), answers


@pytest.mark.parametrize("domain", DOMAINS)
def test_exactly_one_row_of_each_table_matches_a_complete_answer_set(domain: str) -> None:
    from curator.appraisal.rob2 import _holds, applicable_answers

    for answers in every_answer_set(domain):
        kept = applicable_answers(answers)
        for table in DOMAIN_TABLES[domain]:
            assert sum(_holds(condition, kept) for condition, _ in RULES[table]) == 1, (table, answers)


# -- one case per path of each diagram, in the guidance's order

PATHS = {
    "D1": [
        ({"1.1": "Y", "1.2": "Y", "1.3": "N"}, LOW),
        ({"1.1": "NI", "1.2": "PY", "1.3": "NI"}, LOW),
        ({"1.1": "Y", "1.2": "Y", "1.3": "PY"}, SOME),
        ({"1.1": "N", "1.2": "Y", "1.3": "N"}, SOME),
        ({"1.1": "Y", "1.2": "NI", "1.3": "PN"}, SOME),
        ({"1.1": "Y", "1.2": "NI", "1.3": "Y"}, HIGH),
        ({"1.1": "Y", "1.2": "PN", "1.3": "N"}, HIGH),
    ],
    "D2": [
        ({"2.1": "N", "2.2": "PN", "2.6": "Y"}, LOW),
        ({"2.1": "Y", "2.2": "N", "2.3": "N", "2.6": "PY"}, LOW),
        ({"2.1": "N", "2.2": "NI", "2.3": "NI", "2.6": "Y"}, SOME),
        ({"2.1": "Y", "2.2": "Y", "2.3": "Y", "2.4": "PN", "2.6": "Y"}, SOME),
        ({"2.1": "Y", "2.2": "Y", "2.3": "PY", "2.4": "Y", "2.5": "Y", "2.6": "Y"}, SOME),
        ({"2.1": "Y", "2.2": "Y", "2.3": "Y", "2.4": "NI", "2.5": "NI", "2.6": "Y"}, HIGH),
        ({"2.1": "N", "2.2": "N", "2.6": "N", "2.7": "PN"}, SOME),
        ({"2.1": "N", "2.2": "N", "2.6": "NI", "2.7": "NI"}, HIGH),
    ],
    "D3": [
        ({"3.1": "Y"}, LOW),
        ({"3.1": "N", "3.2": "PY"}, LOW),
        ({"3.1": "NI", "3.2": "N", "3.3": "PN"}, LOW),
        ({"3.1": "N", "3.2": "N", "3.3": "Y", "3.4": "N"}, SOME),
        ({"3.1": "N", "3.2": "PN", "3.3": "NI", "3.4": "NI"}, HIGH),
    ],
    "D4": [
        ({"4.1": "Y", "4.2": "N"}, HIGH),
        ({"4.1": "N", "4.2": "PY"}, HIGH),
        ({"4.1": "N", "4.2": "N", "4.3": "N"}, LOW),
        ({"4.1": "NI", "4.2": "N", "4.3": "Y", "4.4": "PN"}, LOW),
        ({"4.1": "N", "4.2": "N", "4.3": "Y", "4.4": "Y", "4.5": "N"}, SOME),
        ({"4.1": "N", "4.2": "PN", "4.3": "NI", "4.4": "NI", "4.5": "NI"}, HIGH),
        ({"4.1": "N", "4.2": "NI", "4.3": "N"}, SOME),
        ({"4.1": "N", "4.2": "NI", "4.3": "Y", "4.4": "N"}, SOME),
        ({"4.1": "N", "4.2": "NI", "4.3": "Y", "4.4": "Y", "4.5": "PN"}, SOME),
        ({"4.1": "N", "4.2": "NI", "4.3": "Y", "4.4": "Y", "4.5": "Y"}, HIGH),
    ],
    "D5": [
        ({"5.1": "Y", "5.2": "Y", "5.3": "N"}, HIGH),
        ({"5.1": "Y", "5.2": "N", "5.3": "PY"}, HIGH),
        ({"5.1": "Y", "5.2": "N", "5.3": "N"}, LOW),
        ({"5.1": "NI", "5.2": "PN", "5.3": "N"}, SOME),
        ({"5.1": "Y", "5.2": "NI", "5.3": "N"}, SOME),
        ({"5.1": "Y", "5.2": "N", "5.3": "NI"}, SOME),
    ],
}


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_path_of_the_diagram(domain: str) -> None:
    reached: set[tuple[str, int]] = set()
    for answers, expected in PATHS[domain]:
        assert propose_domain(domain, answers) == expected, answers
        for table in DOMAIN_TABLES[domain]:
            row = matching_row(table, answers)
            assert row is not None
            reached.add((table, row))
    every_row = {(table, row) for table in DOMAIN_TABLES[domain] for row in range(len(RULES[table]))}
    assert reached == every_row


def test_a_domain_stays_open_until_its_path_is_answered() -> None:
    assert propose_domain("D1", {"1.1": "Y", "1.2": "Y"}) is None
    assert propose_domain("D1", {"1.2": "N"}) == HIGH  # the diagram needs nothing more
    assert propose_domain("D2", {"2.1": "Y", "2.2": "N"}) is None


def test_answers_to_skipped_questions_do_not_count_and_show_as_na() -> None:
    answers = {"2.1": "N", "2.2": "N", "2.3": "Y", "2.4": "Y", "2.5": "N", "2.6": "Y"}
    assert propose_domain("D2", answers) == LOW
    shown = effective_answers(answers)
    assert shown["2.3"] == shown["2.4"] == shown["2.5"] == shown["2.7"] == "NA"
    assert "3.2" not in shown  # 3.1 is not answered yet: whether 3.2 is asked is still open
    assert "4.4" not in shown and "4.5" not in shown  # 4.3 waits for 4.1 and 4.2: so do the questions after it
    assert effective_answers({"4.1": "Y", "4.2": "N"})["4.5"] == "NA"  # 4.3 skipped for good, and all after it


def test_overall_low_high_and_some_concerns() -> None:
    assert propose_overall(dict.fromkeys(DOMAINS, LOW)) == LOW
    assert propose_overall(dict.fromkeys(DOMAINS, LOW) | {"D3": HIGH, "D1": SOME}) == HIGH
    assert propose_overall(dict.fromkeys(DOMAINS, LOW) | {"D2": SOME, "D4": SOME}) == SOME
    assert propose_overall(dict.fromkeys(DOMAINS, LOW) | {"D5": None}) is None
    complete = {q: a for domain in DOMAINS for q, a in PATHS[domain][0][0].items()}
    assert propose(complete) == {"D1": LOW, "D2": LOW, "D3": LOW, "D4": HIGH, "D5": HIGH, "overall": HIGH}


@pytest.mark.parametrize(("question", "answer", "message"), [
    ("9.9", "Y", "RoB 2 has no question '9.9'"),
    ("1.1", "yes", "question 1.1 takes Y, PY, PN, N or NI, not 'yes'"),
    ("2.3", "maybe", "question 2.3 takes Y, PY, PN, N, NI or NA, not 'maybe'"),
    ("1.1", "NA", "question 1.1 always applies"),
    ("3.2", "NI", "question 3.2 takes Y, PY, PN, N or NA, not 'NI'"),
])
def test_bad_answers_are_refused_in_one_sentence(question: str, answer: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(".", r"\.")):
        check_answer(question, answer)


def test_answers_and_judgements_are_spelled_canonically() -> None:
    assert check_answer(" 2.3", "py") == "PY"
    assert check_answer("2.3", "na") == "NA"
    assert [check_judgement(j) for j in ("Low", "some-concerns", "Some", "HIGH")] == [LOW, SOME, SOME, HIGH]
    with pytest.raises(ValueError, match="low, some concerns or high"):
        check_judgement("moderate")


def test_every_question_belongs_to_a_domain_in_order() -> None:
    ids = [q.id for q in QUESTIONS]
    counts = {d: sum(q.domain == d for q in QUESTIONS) for d in DOMAINS}
    assert counts == {"D1": 3, "D2": 7, "D3": 4, "D4": 5, "D5": 3}
    assert ids == sorted(ids, key=lambda i: tuple(map(int, i.split("."))))
    assert all(q.id.startswith(q.domain[1]) for q in QUESTIONS)
    assert list(itertools.chain.from_iterable(DOMAIN_TABLES.values()))  # every domain has a table
