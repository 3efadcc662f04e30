"""Writing a registry record (ClinicalTrials.gov, EU CTR) as a labelled page: the parts every registry shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from curator.importers import Entry
from curator.importers._page import Page
from curator.importers._vocabulary import iso_date, phase_of, sex_of, status_of, study_type_of


@dataclass
class Trial:
    """The registry's values, as the registry writes them, before they are mapped onto fields.md."""

    registry: str
    ids: list[tuple[str, str | None]] = field(default_factory=list)  # (as shown, canonical)
    title: str | None = None
    official_title: str | None = None
    status: str | None = None
    phases: list[str] | str | None = None
    study_type: str | None = None
    enrollment: int | None = None
    enrollment_label: str | None = None
    sponsor: str | None = None
    conditions: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    comparators: list[str] = field(default_factory=list)
    tested: list[str] = field(default_factory=list)  # the interventions of the experimental arms, when arms say so
    outcomes: list[str] = field(default_factory=list)
    start_date: str | None = None
    completion_date: str | None = None
    last_updated: str | None = None
    sex: str | None = None
    min_age: str | None = None
    max_age: str | None = None
    countries: list[str] = field(default_factory=list)
    summary: str | None = None
    description: str | None = None
    eligibility: str | None = None
    references: list[str] = field(default_factory=list)


def _age(value: str | None) -> str | None:
    if not value or value.strip().upper() in ("N/A", "NA", "NONE", ""):
        return None
    return value.strip()


def trial_page(trial: Trial, profile: str) -> Page:
    """The labelled page of a registry record, with the fields (kind trial) and their evidence."""
    page = Page(profile, "trial")
    page.heading(trial.registry)
    for shown, canonical in trial.ids:
        page.identifier("Identifier", shown, canonical)
    page.line("Title", trial.title, "title")
    title_at = page.fields["evidence"].get("title", [None])[0]
    official_at = None
    if trial.official_title and trial.official_title != trial.title:
        page.line("Official title", trial.official_title, "official_title")
        official_at = page.fields["evidence"].get("official_title", [None])[0]
    if trial.status:
        page.line("Status", trial.status, "status_raw")
        status = status_of(trial.status)
        if status:
            page.fields["status"] = status
            page.evidence_for("status", "status_raw")
    if trial.phases:
        shown = ", ".join(trial.phases) if isinstance(trial.phases, list) else trial.phases
        page.line("Phase", shown, "phase", field_value=phase_of(trial.phases))
        if page.fields["phase"] is None:
            page.fields["evidence"].pop("phase", None)
    if trial.study_type:
        page.line("Study type", trial.study_type, "study_type", field_value=study_type_of(trial.study_type))
    if trial.enrollment is not None:
        label = f"Enrollment ({trial.enrollment_label})" if trial.enrollment_label else "Enrollment"
        page.line(label, str(trial.enrollment), "enrollment", field_value=trial.enrollment)
    page.line("Sponsor", trial.sponsor, "sponsor")
    page.items("Conditions", trial.conditions, "conditions")
    page.items("Interventions", trial.interventions, "interventions")
    for key, raw, label in (("start_date", trial.start_date, "Start date"),
                            ("completion_date", trial.completion_date, "Completion date"),
                            ("last_updated", trial.last_updated, "Last updated")):
        if raw:
            iso = iso_date(raw)
            page.line(label, raw, key if iso else None, field_value=iso)
    if trial.sex:
        page.line("Sex", trial.sex, "sex" if sex_of(trial.sex) else None, field_value=sex_of(trial.sex))
    page.line("Minimum age", _age(trial.min_age), "min_age")
    page.line("Maximum age", _age(trial.max_age), "max_age")
    page.items("Countries", list(dict.fromkeys(trial.countries)), "countries")
    page.items("Primary outcomes", trial.outcomes, "pico.outcome", separator=" | ")
    page.items("Comparators", trial.comparators, "pico.comparator", separator=" | ")
    page.block("Summary", trial.summary, "abstract")
    page.block("Description", trial.description)
    page.block("Eligibility", trial.eligibility)
    page.items("References", trial.references, "references", separator=" | ")
    _pico(page, trial, title_at, official_at)
    return page


# An intervention that is the control's: named by a comparator arm, or a placebo, sham or usual care by its words.
_CONTROL_WORDS = ("placebo", "sham", "usual care", "standard care", "standard of care", "no intervention", "vehicle",
                  "saline")


def control_names(names: list[str]) -> list[str]:
    """Of a control arm's interventions, the control's own when it names one ("Sham stimulation" of a cross-over's
    sham-first sequence that also lists the active device), else all."""
    own = [n for n in names if _is_control(n, [])]
    return own or names


def _is_control(name: str, comparators: list[str]) -> bool:
    low = name.lower()
    return any(low == c.lower() or low in [p.strip().lower() for p in c.split(",")] for c in comparators) \
        or any(word in low for word in _CONTROL_WORDS)


def _pico(page: Page, trial: Trial, title_at: list[int] | None, official_at: list[int] | None) -> None:
    """PICO from the record's parts, each value pointing to its words on the page: the people its titles name (else
    its conditions), the experimental arms' interventions (else those that are not the control's), the comparator
    arms' and the first primary outcome."""
    from curator.extraction.title_pico import people_in_title  # loaded only when a registry record is read

    fields, evidence = page.fields, page.fields["evidence"]
    pico = fields["pico"]
    people = None
    for span, title in ((official_at, trial.official_title), (title_at, trial.title)):
        if span is not None and title and people is None:
            found = people_in_title(" ".join(title.split()))  # as the line shows it
            people = (found[0], [[span[0] + found[1], span[0] + found[2]]]) if found else None
    if people is not None:
        pico["population"], evidence["pico.population"] = people
    elif trial.conditions:
        pico["population"] = "; ".join(fields["conditions"])
        page.evidence_for("pico.population", "conditions")
    names, spans = fields["interventions"], evidence.get("interventions") or []
    experimental = {" ".join(n.split()) for n in trial.tested}
    tested = [(n, s) for n, s in zip(names, spans, strict=True)
              if (n in experimental if experimental else not _is_control(n, trial.comparators))]
    if any(not _is_control(n, []) for n, _ in tested):
        tested = [(n, s) for n, s in tested if not _is_control(n, [])]  # a cross-over's sham is no tested arm
    if tested:
        pico["intervention"] = "; ".join(n for n, _ in tested)
        evidence["pico.intervention"] = [list(s) for _, s in tested]
    if not trial.comparators and not experimental:
        controls = [(n, s) for n, s in zip(names, spans, strict=True) if _is_control(n, [])]
        if controls and tested:  # "Drug: X; Drug: Placebo" without arms: the placebo is the control
            pico["comparator"] = "; ".join(n for n, _ in controls)
            evidence["pico.comparator"] = [list(s) for _, s in controls]
    outcomes = pico.get("outcome")
    if isinstance(outcomes, list):
        pico["outcome"] = outcomes[0]
        evidence["pico.outcome"] = evidence["pico.outcome"][:1]
    controls = pico.get("comparator")
    if isinstance(controls, list):
        pico["comparator"] = "; ".join(controls)


def trial_entry(trial: Trial, profile: str, source: str, source_name: str) -> Entry:
    """A registry record as an entry of its file: its labelled page and fields (the reader says it is from a register)."""
    page = trial_page(trial, profile)
    return Entry(source, page.text(), page.fields, source_name=source_name)
