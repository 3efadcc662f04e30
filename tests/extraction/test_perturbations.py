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


# (h) Site navigation in other languages above the record.
_FOREIGN_HEADER = (
    "Startseite | Studien | Kontakt | Anmelden\n"
    "Accueil › Essais › Oncologie\n"
    "Inicio | Ensayos | Contacto\n"
    "\n"
)
_FOREIGN_HEADER_WORDS = ["Startseite", "Anmelden", "Accueil", "Essais", "Oncologie", "Inicio", "Ensayos",
                         "Contacto"]

# (i) A box about other records in the MIDDLE of the page, under another heading.
_MIDDLE_TRIALS = (
    "Similar studies\n"
    "\n"
    "Canakinumab in Acute Gout Flares\n"
    "NCT03123456 RECRUITING PHASE3\n"
    "Condition: Gouty Arthritis\n"
    "Intervention: Canakinumab\n"
    "\n"
    "Rilonacept for Recurrent Pericarditis\n"
    "NCT04234567 COMPLETED PHASE2\n"
    "Condition: Recurrent Pericarditis\n"
    "Intervention: Rilonacept\n"
)
_MIDDLE_ARTICLES = (
    "Similar studies\n"
    "\n"
    "Canakinumab in acute gout flares: a randomised trial.\n"
    "Jones P, Kim S. Ann Rheum Dis. 2018;77(5):701-8. doi: 10.1136/annrheumdis-2017-212345. PMID: 29412345\n"
    "\n"
    "Rilonacept for recurrent pericarditis.\n"
    "Klein A, Cremer P. N Engl J Med. 2021;384(1):31-41. PMID: 33200890\n"
)
_MIDDLE_WORDS = ["Canakinumab", "Rilonacept", "Gout", "Pericarditis", "NCT03123456", "NCT04234567",
                 "29412345", "33200890", "annrheumdis", "Similar studies"]

# (j) A box about other records that use the record's OWN drug (another trial of the same drug).
_OWN_DRUG_TRIALS = (
    "Other studies of this condition\n"
    "\n"
    "{drug} for Adult-Onset Still's Disease\n"
    "NCT05345678 RECRUITING PHASE2\n"
    "Condition: Adult-Onset Still's Disease\n"
    "Intervention: {drug}\n"
    "\n"
    "{drug} Versus Placebo in Hidradenitis Suppurativa\n"
    "NCT05456789 ACTIVE_NOT_RECRUITING PHASE3\n"
    "Conditions: Hidradenitis Suppurativa\n"
    "Interventions: {drug}, Placebo\n"
)
_OWN_DRUG_ARTICLES = (
    "Other studies of this condition\n"
    "\n"
    "{drug} in adult-onset Still's disease: a case series.\n"
    "Weber T, Rossi L. Clin Rheumatol. 2019;38(2):455-61. doi: 10.1007/s10067-018-4321-0. PMID: 30345678\n"
    "\n"
    "{drug} versus placebo in hidradenitis suppurativa.\n"
    "Ahmed N. Br J Dermatol. 2020;182(4):901-9. PMID: 31456789\n"
)
_OWN_DRUG_WORDS = ["Still's", "Hidradenitis", "NCT05345678", "NCT05456789", "30345678", "31456789",
                   "s10067", "Other studies of this condition"]

# (k) An e-mail sign-up box in the middle of the page.
_SIGNUP = (
    "Get trial updates by email\n"
    "\n"
    "Be the first to hear about new studies like this one.\n"
    "Enter your email\n"
    "Subscribe\n"
)
_SIGNUP_WORDS = ["Get trial updates", "Enter your email", "Subscribe", "Be the first to hear"]


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


def _summary_end(text: str) -> int | None:
    """Offset just after the first long prose paragraph (the record's summary) when more follows it."""
    for m in re.finditer(r"^[ \t]*[^\n]{300,}$", text, re.M):
        end = text.find("\n\n", m.end())
        if end != -1 and text[end:].strip():
            return end + 1
    return None


def _insert_middle(text: str, box: str) -> str:
    at = _summary_end(text)
    if at is None:
        pytest.skip("the summary is the last part of the page: a box after it is the end-of-page case (f)")
    return text[:at] + "\n" + box + "\n" + text[at:]


def _own_drug(expected: dict[str, Any]) -> str:
    drugs = expected["equals"].get("interventions") or expected["contains"].get("interventions") or []
    if not drugs:
        pytest.skip("the record names no intervention")
    drug: str = drugs[0]
    return drug[:1].upper() + drug[1:]


def _foreign_header(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return _FOREIGN_HEADER + text, _with_absent(expected, _FOREIGN_HEADER_WORDS, _TEXT_FIELDS)


def _related_middle(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    box = _MIDDLE_ARTICLES if expected["equals"].get("kind") == "article" else _MIDDLE_TRIALS
    keys = (*_TEXT_FIELDS, "ids", "references")
    return _insert_middle(text, box), _with_absent(expected, _MIDDLE_WORDS, keys)


def _box_heading(perturb: Callable[[str, dict[str, Any]], tuple[str, dict[str, Any]]], old: str, new: str,
                 ) -> Callable[[str, dict[str, Any]], tuple[str, dict[str, Any]]]:
    """The same middle box under another site's heading wording."""
    def retitled(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        changed, expected = perturb(text, expected)
        return changed.replace(old, new), _with_absent(expected, [new], _TEXT_FIELDS)
    return retitled


def _related_own_drug(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    box = _OWN_DRUG_ARTICLES if expected["equals"].get("kind") == "article" else _OWN_DRUG_TRIALS
    keys = (*_TEXT_FIELDS, "ids", "references")
    return (_insert_middle(text, box.format(drug=_own_drug(expected))),
            _with_absent(expected, _OWN_DRUG_WORDS, keys))


def _signup_middle(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return _insert_middle(text, _SIGNUP), _with_absent(expected, _SIGNUP_WORDS, _TEXT_FIELDS)


def _all_hard(text: str, expected: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Foreign navigation, a sign-up box and both kinds of middle related box, on a Windows/nbsp page
    (the boxes go at the end when nothing follows the summary)."""
    middle = (_related_own_drug, _signup_middle, _related_middle) if _summary_end(text) is not None else (_related,)
    for perturb in (*middle, _footer, _foreign_header, _windows_nbsp):
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
    "h_foreign_navigation": _foreign_header,
    "i_related_middle": _related_middle,
    "j_related_own_drug": _related_own_drug,
    "i_related_middle_fr": _box_heading(_related_middle, "Similar studies", "Études similaires"),
    "i_related_middle_like_this": _box_heading(_related_middle, "Similar studies", "Trials like this one"),
    "i_related_middle_de": _box_heading(_related_middle, "Similar studies", "Weitere Studien zu dieser Erkrankung"),
    "i_related_middle_viewed": _box_heading(_related_middle, "Similar studies", "Recently viewed trials"),
    "j_related_own_drug_es": _box_heading(_related_own_drug, "Other studies of this condition",
                                          "Otros ensayos con este medicamento"),
    "j_related_own_drug_same": _box_heading(_related_own_drug, "Other studies of this condition",
                                            "Studies with the same drug"),
    "k_signup_middle": _signup_middle,
    "l_all_hard": _all_hard,
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
