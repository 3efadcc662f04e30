"""Generalisation by perturbation: each seed, changed the way another site would render the same record.

Every perturbation keeps what a reviewer reads off the record (it only adds page chrome, boxes about
other records, or changes whitespace and list markers), so the seed's expectations must still hold,
plus a few extra ``absent`` checks that the added material did not leak into the fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from extraction_expect import check, check_evidence, load_expectations

from curator.extraction import decode_bytes, extract

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "resources" / "samples"
EXPECTED = load_expectations(HERE / "seeds_expected.json")

_TEXT_FIELDS = ("title", "official_title", "sponsor", "abstract", "conditions", "interventions",
                "pico.population", "pico.intervention", "pico.comparator", "pico.outcome")

# (a) Site navigation above the record.
_HEADER = (
    "Skip to main content\n"
    "English | Français | Deutsch | Español\n"
    "Home › Clinical research › Study search › Study details\n"
    "Menu  Search  Log in  Register\n"
    "\n"
)
_HEADER_WORDS = ["Skip to main content", "Français", "Home ›", "Log in"]

# (b) Cookie banner and site footer below it.
_FOOTER = (
    "\n\nWe use cookies to improve your experience on our website. By continuing to browse, you agree"
    " to our use of cookies.\n"
    "Accept all cookies\n"
    "Manage preferences\n"
    "\n"
    "© 2024 Health Research Network. All rights reserved.\n"
    "Privacy\n"
    "Terms of use\n"
    "Contact\n"
)
_FOOTER_WORDS = ["cookies", "All rights reserved", "Privacy", "Terms of use"]

# (f) A box about two other records, inserted at the end of the record's own part.
_RELATED_TRIALS = (
    "\n\nRelated trials\n"
    "\n"
    "Pembrolizumab Versus Chemotherapy in Advanced Melanoma\n"
    "NCT03712345 RECRUITING PHASE3\n"
    "Condition: Metastatic Melanoma\n"
    "Intervention: Pembrolizumab\n"
    "\n"
    "Metformin for the Prevention of Type 2 Diabetes in Adolescents\n"
    "NCT04456789 COMPLETED PHASE2\n"
    "Condition: Prediabetes\n"
    "Intervention: Metformin\n"
)
_RELATED_ARTICLES = (
    "\n\nSimilar articles\n"
    "\n"
    "Pembrolizumab versus chemotherapy in advanced melanoma: a randomised trial.\n"
    "Smith J, Lee K. Lancet Oncol. 2019;20(3):123-31. doi: 10.1016/S1470-2045(19)30001-2. PMID: 30712345\n"
    "\n"
    "Metformin for the prevention of type 2 diabetes in adolescents with prediabetes.\n"
    "Brown A, Garcia M. Diabetes Care. 2020;43(1):45-52. PMID: 31845678\n"
)
_RELATED_WORDS = ["Pembrolizumab", "Metformin", "Melanoma", "Prediabetes", "NCT03712345", "NCT04456789",
                  "30712345", "31845678", "S1470-2045"]


def _with_absent(expected: dict[str, Any], words: list[str], keys: tuple[str, ...]) -> dict[str, Any]:
    absent = {k: list(v) for k, v in (expected.get("absent") or {}).items()}
    for key in keys:
        absent.setdefault(key, []).extend(words)
    return {**expected, "absent": absent}


def _header(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return _HEADER + text, _with_absent(expected, _HEADER_WORDS, _TEXT_FIELDS)


def _footer(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return text.rstrip("\n") + _FOOTER, _with_absent(expected, _FOOTER_WORDS, _TEXT_FIELDS)


def _windows_nbsp(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    # HTML exports put &nbsp; in indentation and in short label/value lines ("Status:&nbsp;Open").
    out = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        body = line[indent:]
        if len(body) <= 40:
            body = body.replace(" ", "\u00a0")
        out.append("\u00a0" * indent + body)
    return "\r\n".join(out), expected


def _bullets(marker: str) -> Callable[[str, dict[str, Any]], tuple[str, dict[str, Any]]]:
    def perturb(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        lines = []
        for line in text.split("\n"):
            body = line.lstrip(" \t")
            if body.startswith(("• ", "* ")):
                body = f"{marker} {body[2:]}"
            lines.append(body)
        return "\n".join(lines), expected
    return perturb


# A bulleted label with its value indented under it (not a bulleted value followed by a plain line).
_BULLET_LABEL_RE = re.compile(r"^([ \t]*)•[ \t]+([^\n]+)\n\n\1[ \t]+([^\n]+)", re.M)
_COLON_LABEL_RE = re.compile(r"^([^\n:]{2,40}):[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:•[ \t]+)?([^\n]*[^\n:])$", re.M)
# The aggregator seed's label lines (field labels, not section headings that carry helper sentences).
_AGGREGATOR_LABELS = (
    "Recruitment Status", "Clinical Phase", "Total Enrollment", "Study Classification", "Study Start Date",
    "Study Completion Date", "Allocation Method", "Intervention Model", "Primary Study Purpose",
    "Blinding Strategy", "Minimum Eligible Age", "Maximum Eligible Age", "Eligible Sex",
    "Accepts Healthy Volunteers",
)


def _inline_labels(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    new = _BULLET_LABEL_RE.sub(r"\1• \2: \3", text)
    new = _COLON_LABEL_RE.sub(r"\1: \2", new)
    for label in _AGGREGATOR_LABELS:
        new = re.sub(rf"^{re.escape(label)}\n\n([^\n]+)$", rf"{label}: \1", new, flags=re.M)
    if new == text:
        pytest.skip("no label-line / value-line pairs in this layout")
    return new, expected


def _related(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    box = _RELATED_ARTICLES if expected["equals"].get("kind") == "article" else _RELATED_TRIALS
    keys = (*_TEXT_FIELDS, "ids", "references")
    return text.rstrip("\n") + box, _with_absent(expected, _RELATED_WORDS, keys)


def _all_chrome(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Related box, footer, header and Windows/nbsp together, as one saved page would have them."""
    for perturb in (_related, _footer, _header, _windows_nbsp):
        text, expected = perturb(text, expected)
    return text, expected


PERTURBATIONS: dict[str, Callable[[str, dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    "a_navigation_header": _header,
    "b_cookie_footer": _footer,
    "c_crlf_nbsp": _windows_nbsp,
    "d_bullets_dash": _bullets("-"),
    "d_bullets_star": _bullets("*"),
    "e_inline_labels": _inline_labels,
    "f_related_box": _related,
    "g_all_chrome": _all_chrome,
}

# Perturbations that do not apply to a seed, and why.
_NOT_APPLICABLE = {
    ("001_1da9af6b36aa5d1e.txt", "d_bullets_dash"): "no bulleted lines or indentation",
    ("001_1da9af6b36aa5d1e.txt", "d_bullets_star"): "no bulleted lines or indentation",
    ("004_d447a14818565f2a.txt", "d_bullets_star"): "already uses '*' bullets without indentation",
}

# Failures not fixed yet (strict: an unexpected pass fails, so the list shrinks as the engine improves).
_KNOWN_FAILURES: dict[tuple[str, str], str] = {
}


@pytest.mark.parametrize("perturbation", sorted(PERTURBATIONS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_survives_perturbation(name: str, perturbation: str, request: pytest.FixtureRequest) -> None:
    if (name, perturbation) in _NOT_APPLICABLE:
        pytest.skip(_NOT_APPLICABLE[name, perturbation])
    if (name, perturbation) in _KNOWN_FAILURES:
        request.applymarker(pytest.mark.xfail(reason=_KNOWN_FAILURES[name, perturbation], strict=True))
    text = (SAMPLES / name).read_text(encoding="utf-8")
    changed, expected = PERTURBATIONS[perturbation](text, EXPECTED[name])
    assert changed != text
    # As the importer reads a saved page: bytes decoded (newlines normalised), then extracted.
    decoded = decode_bytes(changed.encode("utf-8"))
    fields = extract(decoded, source=name)
    problems = check(fields, expected) + check_evidence(fields, decoded)
    assert not problems, "\n".join(problems)
