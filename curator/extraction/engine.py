"""``extract``: one document's text to a fields object (fields.md JSON shape) with evidence spans."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction import assignment
from curator.extraction import pico as pico_finders
from curator.extraction.arm_leadin import leadin_arm, own_clause, without_leadin
from curator.extraction.arm_order import control_named_first, control_not_tested
from curator.extraction.arm_repair import repair_arms
from curator.extraction.arms import arm_comparators, inline_arms, is_comparator_arm_at, names_comparator
from curator.extraction.articlefields import abstract, article_fields, own_doi_first
from curator.extraction.blocks import described_outcome, typed_primary_outcome
from curator.extraction.cluster_arms import cluster_control
from curator.extraction.combined_arm import combined_first
from curator.extraction.condition_categories import specific_conditions
from curator.extraction.fuller_control import fuller_comparator, spelled_out
from curator.extraction.group_text import group_text_arms
from curator.extraction.kind import kind, structured_abstract
from curator.extraction.labels import label_slot
from curator.extraction.layout import Document, Hit
from curator.extraction.listed_other_control import listed_control
from curator.extraction.listitems import label_items, no_intervention
from curator.extraction.named_product import named_product
from curator.extraction.numbered_arms import numbered_arms, typed_arm_lines
from curator.extraction.paired_arms import paired_arms
from curator.extraction.pico_scope import page_within_pico_scope
from curator.extraction.pico_tidy import tidy_pico
from curator.extraction.plain_arms import plain_control, plain_tested
from curator.extraction.plain_outcome import plain_outcome, set_off_outcome, without_aim
from curator.extraction.population_pick import fill_population
from curator.extraction.profile import layout_profile
from curator.extraction.prose_intervention import guess_intervention
from curator.extraction.record_ids import ids_and_references
from curator.extraction.result_groups import result_groups, titled_primary_outcome
from curator.extraction.result_time import index_test_not_time
from curator.extraction.runin import run_in_value
from curator.extraction.terms import (
    find_abbreviations,
    find_conditions,
    find_drugs,
    spell_out_arms,
    top_drugs,
)
from curator.extraction.textutil import caseless, clip, strip_foreign
from curator.extraction.titles import title_fields
from curator.extraction.trialfields import registry_fields, summary_phase
from curator.extraction.typed_interventions import TYPED_FOUND
from curator.extraction.unasked import drop_unasked_arms
from curator.extraction.value_bars import value_bar_fields
from curator.extraction.values import Spans, put
from curator.fields import empty_fields

# Answers of a form that name no control ("Control: Other"), and the kind of control a form asks for ("Control: Active").
_NO_VALUE = frozenset(("other", "yes", "no", "n/a", "na", "none", "nil", "not applicable", "-", "unknown",
                       "active", "active control", "uncontrolled", "dose comparison", "historical"))
# A listed arm that is the control by its name ("Control group", "Placebo", "Sham tDCS").
_REGISTRY_RE = re.compile(r"(?:ClinicalTrials\.gov|ISRCTN|EU ?CT|EudraCT|ANZCTR|CTRI|ChiCTR|DRKS|jRCT|UMIN)\b"
                          r"|NCT\d{8}\b", re.I)
_CONTROL_ARM_RE = re.compile(r"^(?:(?:matching|matched|identical|identical-looking|dummy) )?(?:control|placebo|sham|inactive)\b|"
                             r"^(?:usual care|waiting list|wait-list)\b", re.I)


def extract(text: str, *, source: str = "") -> dict[str, Any]:
    """The fields of one document, in the JSON shape of fields.md.

    ``text`` is plain text (HTML already converted by the caller); evidence offsets
    are into exactly this string. Only the first 200 000 characters are scanned, so
    time per document is bounded. Nothing is guessed: a field the document does not
    state stays null (or empty).
    """
    fields = empty_fields()
    fields["source"] = source
    if not isinstance(text, str) or not text.strip():
        return fields
    try:
        _fill(Document(text), fields)
    except Exception:  # noqa: BLE001 - a batch import must survive one odd document
        clean = empty_fields()
        clean["source"] = source
        clean["profile"] = "error"
        return clean
    return fields


def _prose_text(doc: Document, slot: str) -> tuple[str, int] | None:
    for hit in doc.own_hits(slot):
        lines = [ln for p in doc.paragraphs(hit) for ln in p]
        if lines:
            return doc.text[lines[0].start:lines[-1].end], lines[0].start
    return None


def _scalar_phrase(doc: Document, slot: str) -> tuple[str, Spans] | None:
    for hit in doc.own_hits(slot):
        paras = doc.paragraphs(hit)
        lines = [ln for p in paras for ln in p][:12]
        head = lines[0] if lines else next((ln for ln in doc.lines[hit.line + 1:hit.line + 2] if len(_cells(ln.text)) > 1), None)
        if head is not None and (_header_row(head.text) if lines else label_slot(_cells(head.text)[0]) is not None):
            # "Primary Outcome  Outcome | Timepoints" over "HOMA-IR | 12 weeks" (or cells between tabs, as a
            # printed ClinicalTrials.gov page gives them): the first cell of the row below.
            row = hit.line + 1 if lines else head.idx + 1
            below = next((ln for ln in doc.lines[row:row + 2] if ln.text), None)
            cells = _cells(below.text) if below is not None else []
            cell = cells[0] if len(cells) >= 2 else ""
            if below is not None and cell and not _header_row(cell):
                return clip(cell, 300), [[below.start, below.start + len(cell)]]
            continue
        if lines:
            text = " ".join(strip_foreign(ln.text) for ln in lines).strip()
            if text and not no_intervention(text):
                return clip(text, 300), [[ln.start, ln.end] for ln in lines]
    return None


def _cells(text: str) -> list[str]:
    """A table row's cells, between " | ", tabs or (a printed page) gaps of three spaces or more."""
    sep = " | " if " | " in text else "\t" if "\t" in text or "   " not in text else "   "
    return [c.strip() for c in text.strip(" |\t").split(sep) if sep != "   " or c.strip()]


def _header_row(text: str) -> bool:
    """True for a table's header row: two or more cells, every one a known label ("Outcome | Timepoints")."""
    cells = _cells(text)
    return len(cells) >= 2 and all(c and label_slot(c) for c in cells)


def _fill(doc: Document, fields: dict[str, Any]) -> None:
    ids_and_references(doc, fields)
    n_trial = registry_fields(doc, fields)
    n_trial += value_bar_fields(doc, fields) if doc.text.find(" | ", 0, 3000) >= 0 else 0
    pre_guess = bool(n_trial or fields["ids"] or doc.hits)
    title_line = title_fields(doc, fields, guess=pre_guess)
    n_article = article_fields(doc, fields, title_line)
    if fields["journal"] and _REGISTRY_RE.match(fields["journal"]):  # "Source: ClinicalTrials.gov NCT...": no journal
        fields["journal"] = None
        fields["evidence"].pop("journal", None)
    abstract(doc, fields, fallback=False)
    sections = structured_abstract(doc)
    fields["kind"] = kind(doc, fields, n_article, sections)
    known = fields["kind"] != "unknown"
    if fields["kind"] == "article":
        own_doi_first(fields)
    if not known and title_line is not None:
        # Nothing says what this is: a first line is not evidence of a title.
        fields["title"] = None
        fields["evidence"].pop("title", None)
    if known and fields["abstract"] is None and sections is not None and sections[1] > sections[0]:
        # No "Abstract" label, but the Background ... Conclusions sections of one.
        lines = [ln for ln in doc.lines[sections[0]:sections[1] + 1] if ln.text]
        put(fields, "abstract", "\n".join(ln.text for ln in lines), [[ln.start, ln.end] for ln in lines])
    if known and fields["abstract"] is None:
        abstract(doc, fields, fallback=True)
    fields["profile"] = layout_profile(doc, fields)

    # Zones of running text about this record: its titles and its summary.
    ev = fields["evidence"]
    zones: list[tuple[int, int]] = []
    for key in ("official_title", "title", "abstract"):
        zones.extend((s, e) for s, e in ev.get(key, []))
    title_zones = [(s, e) for key in ("official_title", "title") for s, e in ev.get(key, [])]
    summary_zones = _merge(doc.text, [(s, e) for s, e in ev.get("abstract", [])])
    summary_zones += [(x[0], x[1]) for h in doc.own_hits("abstract")[1:3] for x in _hit_span(doc, h)]
    if fields["kind"] == "trial" and fields["phase"] is None:
        summary_phase(doc.text, summary_zones[:3], fields)

    # Conditions.
    conds, cspans, _ = specific_conditions(doc, label_items(doc, "conditions"))
    if conds:
        put(fields, "conditions", conds, cspans)
    elif known and not _empty_label(doc, "conditions"):  # "Conditions:" left empty on a form: none guessed
        found = [c for z in title_zones for c in _conds_in(doc.text, z)]
        if not found:
            found = [c for z in summary_zones[:3] for c in _conds_in(doc.text, z)][:3]
        uniq: dict[str, tuple[str, int, int]] = {}
        for c in found:
            uniq.setdefault(c[0].lower(), c)
        if uniq:
            put(fields, "conditions", [c[0] for c in uniq.values()][:5], [[c[1], c[2]] for c in uniq.values()][:5])

    # Interventions.
    names, nspans, prose = label_items(doc, "intervention_names")
    if not names:
        names, nspans, prose = label_items(doc, "interventions")
    if not names and prose:
        got = _prose_text(doc, "interventions")
        if got:
            names = []
            for name, s, e in (d for d in top_drugs(got[0]) if got[0].count("(", 0, d[1]) <= got[0].count(")", 0, d[1])):
                names.append(name)
                nspans.append([got[1] + s, got[1] + e])
            pair = None if names else pico_finders.arm_versus_control(got[0])
            if pair:
                # "Lactobacillus reuteri drops or placebo daily for 21 days": the tested arm's name.
                names.append(pair[0])
                nspans.append([got[1] + pair[1], got[1] + pair[2]])
    if not names and known:
        for s, e in title_zones:
            for name, a, b in find_drugs(doc.text[s:e]):
                if name.lower() not in (n.lower() for n in names):
                    names.append(name)
                    nspans.append([s + a, s + b])
        if names and title_zones:
            # "Yoga versus physiotherapy for ...": the tested arm comes first, named or not in the term lists.
            s, e = title_zones[0]
            vs = pico_finders.versus_first(doc.text[s:e], s)
            within = [k for k, n in enumerate(names) if vs and n.lower() in vs[0].lower()] if vs else []
            if vs and len(vs[0].split()) <= 4 and within and vs[0].lower() != names[within[0]].lower():
                # "Internet-delivered cognitive behavioural therapy versus ...": the named arm, as the title says it.
                names[within[0]], nspans[within[0]] = vs[0], [vs[1], vs[2]]
            elif vs and len(vs[0].split()) <= 4 and not any(vs[0].lower() in n.lower() for n in names) and not within:
                names.insert(0, vs[0])
                nspans.insert(0, [vs[1], vs[2]])
        if not names:
            for s, e in summary_zones[:3]:
                for name, a, b in top_drugs(doc.text[s:e]):
                    if name.lower() not in (n.lower() for n in names):
                        names.append(name)
                        nspans.append([s + a, s + b])
    if not names and known:
        # "Effect of aerobic training on ...", "Mindfulness-based stress reduction versus waiting list for ...".
        for s, e in title_zones[:2]:
            cand = (pico_finders.title_intervention(doc.text[s:e], s) or pico_finders.versus_first(doc.text[s:e], s)
                    or pico_finders.for_condition(doc.text[s:e], s))
            if cand and len(cand[0].split()) <= 5:
                names.append(cand[0])
                nspans.append([cand[1], cand[2]])
                break
    comb = combined_first(doc.text, title_zones[0]) if known and title_zones else None
    if comb and comb[0].lower() not in (n.lower() for n in names):
        names.insert(0, comb[0])  # "Mirror therapy combined with training versus training alone"
        nspans.insert(0, [comb[1], comb[2]])
    if names:
        put(fields, "interventions", names[:20], nspans[:20])

    _pico(doc, fields, known, title_zones, summary_zones)
    if comb and fields["pico"]["comparator"] and names_comparator(fields["pico"]["intervention"] or "",
                                                                  fields["pico"]["comparator"].lower()):
        fields["evidence"].pop("pico.intervention", None)  # not the background both arms get
        put(fields, "pico.intervention", comb[0], [[comb[1], comb[2]]])


def _empty_label(doc: Document, slot: str) -> bool:
    """True when the page has the field's label with nothing under it ("Conditions:" on a draft form)."""
    hits = doc.own_hits(slot)
    return bool(hits) and all(h.value is None and not any(ln.text for ln in doc.value_lines(h)) for h in hits)


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent spans separated only by whitespace, merged (fewer, longer regex searches)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s - out[-1][1] <= 12 and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


_PRIMARY_RE = re.compile("primary", re.I)


def _body_zones(doc: Document, low: str | None = None) -> list[tuple[int, int]]:
    """Lines of the record's own text that mention "primary": where a stated endpoint may sit (``low``: the text
    lower-cased, searched with ``str.find`` rather than a case-folding pattern)."""
    head = doc.lines[:2000]
    if not head:
        return []
    if low is None:
        found = sorted({doc.line_at(m.start()) for m in _PRIMARY_RE.finditer(doc.text, 0, head[-1].end)})
    else:
        at, hits = low.find("primary", 0, head[-1].end), set()
        while at >= 0:
            hits.add(doc.line_at(at))
            at = low.find("primary", at + 7, head[-1].end)
        found = sorted(hits)
    return [(ln.start, ln.end) for ln in (doc.lines[i] for i in found)
            if len(ln.text) >= 60 and doc.box[ln.idx] == 0 and "primary" in ln.text.lower()][:50]


def _hit_span(doc: Document, hit: Hit) -> list[list[int]]:
    lines = [ln for p in doc.paragraphs(hit) for ln in p]
    return [[lines[0].start, lines[-1].end]] if lines else []


def _conds_in(text: str, zone: tuple[int, int]) -> list[tuple[str, int, int]]:
    s, e = zone
    return [(n, s + a, s + b) for n, a, b in find_conditions(text[s:e])]


def _pico(doc: Document, fields: dict[str, Any], known: bool, title_zones: list[tuple[int, int]],
          summary_zones: list[tuple[int, int]], in_scope: bool = False) -> None:
    text = doc.text
    if not in_scope and fields["kind"] == "article" and not page_within_pico_scope(text, title_zones, summary_zones):
        return  # a paper on markets or software: "The Impact of Trust on ..." names no intervention
    zones = title_zones + summary_zones
    abbrs = find_abbreviations(text[:30000]) if known else {}
    low = caseless(text, doc.lower) if known else None

    fill_population(doc, fields, known, title_zones, summary_zones, abbrs, low, _scalar_phrase)

    labelled = bool(doc.own_hits("intervention_names") or doc.own_hits("interventions") or doc.found_at.get(TYPED_FOUND))
    # "Interventions Usual support plus vouchers, or usual support alone." (BMJ): the arms of a run-in heading.
    run_in = run_in_value(doc, "interventions") if known and not labelled and fields["kind"] == "article" else None
    pair = assignment.either_arms(run_in[0], run_in[1]) if run_in else None
    tested_arms, control_arms = inline_arms(doc)
    numbered = not tested_arms and not control_arms
    if numbered:
        tested_arms, control_arms = numbered_arms(doc)
    if not tested_arms and not labelled:
        tested_arms, control_arms = typed_arm_lines(doc)
    if not tested_arms and not control_arms:
        tested_arms, control_arms = result_groups(doc, next(iter(fields["evidence"].get("title", [])), None))
    comp = arm_comparators(doc) or (
        ("; ".join(c[0] for c in control_arms), [[c[1], c[2]] for c in control_arms]) if control_arms else None
    ) or _scalar_phrase(doc, "pico.comparator")
    spelled = spelled_out(comp[0], fields["interventions"], fields["evidence"].get("interventions") or []) \
        if comp and len(comp[1]) == 1 and not comp[0].islower() else None
    comp = spelled or comp  # "Active Comparator: CMM alone": the listed "Conventional medical management"
    if comp and comp[0].lower().strip(" .") in _NO_VALUE:
        comp = None  # "Control: Other", "Comparator: N/A": a form's answer, not a control
    if comp and " | " in comp[0] and len(comp[1]) == 1:
        # "Standard lifestyle advice | A single counselling session ...": the name cell, not its details.
        name = comp[0].split(" | ")[0].strip()
        comp = (name, [[comp[1][0][0], comp[1][0][0] + len(name)]]) if name else comp
    cut = without_leadin(comp[0]) if comp and len(comp[1]) == 1 else 0
    if comp and cut and text.startswith(comp[0][:cut], comp[1][0][0]):
        comp = comp[0][cut:], [[comp[1][0][0] + cut, comp[1][0][1]]]  # "Participants in the control group will get"
    end = own_clause(comp[0]) if comp and len(comp[1]) == 1 else 0
    if comp and 0 < end < len(comp[0]):
        comp = comp[0][:end], [[comp[1][0][0], comp[1][0][0] + end]]  # "...; they are offered X after the survey"
    if comp:
        put(fields, "pico.comparator", comp[0], comp[1])
    elif known:
        arms = [(x[0], x[1]) for slot in ("interventions", "intervention_names") for h in doc.own_hits(slot)[:4]
                for x in _hit_span(doc, h)]
        got = assignment.control_sentence(text, arms + zones, low) or cluster_control(text, zones) \
            or pico_finders.comparator(text, zones + arms, low) or assignment.assigned_control(text, zones + arms) \
            or (pair[1] if pair else None) \
            or ((paired_arms(text, zones) or (None, None))[1]) or plain_control(text)
        if got and pico_finders.single_arm(text, zones, low):
            got = None  # "a single-arm study": whatever "versus" names is not a control
        if got:
            put(fields, "pico.comparator", got[0], [[got[1], got[2]]])
        else:  # "Interventions: Drug: X; Drug: Placebo" with no arm labels: the listed placebo or sham (listed_other_control)
            ev = fields["evidence"].get("interventions") or []
            k = listed_control(text, fields["interventions"], ev)  # also "Other: Leaflet" stated as the control
            if k >= 0 and len(ev) == len(fields["interventions"]) >= 2:
                put(fields, "pico.comparator", fields["interventions"][k], ev[k:k + 1])

    if tested_arms and (numbered or not labelled):
        # Typed arms in one cell say more than names guessed from the title.
        put(fields, "interventions", [t[0] for t in tested_arms] + [c[0] for c in control_arms],
            [[t[1], t[2]] for t in tested_arms + control_arms])
        put(fields, "pico.intervention", clip("; ".join(t[0] for t in tested_arms), 300),
            [[t[1], t[2]] for t in tested_arms])
    elif fields["interventions"] and labelled:
        # The tested intervention: the listed names without the comparator's (when others remain).
        given = list(zip(fields["interventions"], fields["evidence"].get("interventions") or [], strict=False))
        control = (fields["pico"]["comparator"] or "").lower()
        tested = [g for g in given if not names_comparator(g[0], control) and not _CONTROL_ARM_RE.match(g[0])
                  and not is_comparator_arm_at(doc, g[1])] if given else given
        if tested or not control:
            given = tested or given
            put(fields, "pico.intervention", clip("; ".join(g[0] for g in given[:5]), 300), [g[1] for g in given[:5]])
        else:  # every listed name is the control's ("physiotherapy" of "conventional physiotherapy"): read the prose
            guess_intervention(text, fields, title_zones, summary_zones + [(a, b) for h in doc.own_hits("interventions")[:2]
                                                                           for a, b in _hit_span(doc, h)], low)
    else:
        lab = _scalar_phrase(doc, "interventions") or ((pair[0][0], [[pair[0][1], pair[0][2]]]) if pair else None)
        short = (assignment.assigned_arm(lab[0], lab[1][0][0]) or plain_tested(lab[0], lab[1][0][0])
                 or leadin_arm(lab[0], lab[1][0][0])) \
            if lab and lab[0].count(" ") >= 10 and len(lab[1]) == 1 and text.startswith(lab[0][:40], lab[1][0][0]) \
            else None
        if short:
            # "Participants are randomised to weekly walking football sessions ... or to usual care": the tested arm.
            put(fields, "pico.intervention", short[0], [[short[1], short[2]]])
        elif lab:
            put(fields, "pico.intervention", lab[0], lab[1])
        elif known:
            guess_intervention(text, fields, title_zones, summary_zones, low)

    if known:
        group_text_arms(doc, fields)  # "Group 1 ... ; Group 2 continue their usual care": not the control's statement
        index_test_not_time(doc, fields)  # "result within one hour": the point-of-care test is the intervention
        named_product(doc, fields, zones)
    out = _scalar_phrase(doc, "pico.outcome") or typed_primary_outcome(doc) or described_outcome(doc) \
        or titled_primary_outcome(doc)
    if out:
        cut = without_aim(out[0])
        if cut and len(out[1]) == 1 and text.startswith(out[0][:cut], out[1][0][0]):
            out = out[0][cut:], [[out[1][0][0] + cut, out[1][0][1]]]  # "This study aims to find out whether X reduces"
        put(fields, "pico.outcome", out[0], out[1])
    elif known:
        got = pico_finders.outcome(text, zones, low) or set_off_outcome(text, zones) \
            or pico_finders.outcome(text, _body_zones(doc, low), low) \
            or (run_in_value(doc, "pico.outcome") if fields["kind"] == "article" else None) \
            or plain_outcome(text, [(0, min(len(text), 20000))])
        if got:
            put(fields, "pico.outcome", got[0], [[got[1], got[2]]])
    control_named_first(fields)
    control_not_tested(text, fields, summary_zones)
    fuller_comparator(text, fields, summary_zones)
    if known:
        repair_arms(text, fields, zones, summary_zones, abbrs, [(a, b) for h in doc.own_hits("interventions")[:2]
                                                               for a, b in _hit_span(doc, h)])
    if fields["kind"] == "article" and not in_scope:
        drop_unasked_arms(text, fields, title_zones, summary_zones, low)  # "The Impact of Trust on ...": no intervention
    spell_out_arms(fields["pico"], abbrs)  # "primary SLT": spelled out as the summary defines it
    tidy_pico(text, fields)


def pico_in_zones(doc: Document, fields: dict[str, Any], title_zones: list[tuple[int, int]],
                  summary_zones: list[tuple[int, int]]) -> None:
    """Only the PICO part of :func:`extract`, on a document whose titles and summary are known (a bibliographic
    entry's page): ``fields`` holds what the PICO finders read (kind, conditions, interventions, evidence). An entry
    with a summary was found within PICO's scope on these very zones before (:func:`within_pico_scope`): not again."""
    _pico(doc, fields, True, title_zones, summary_zones, in_scope=bool(summary_zones))
