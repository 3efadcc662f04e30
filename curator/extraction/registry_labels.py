"""Labels of registries written in layouts of their own: Spanish-language registries (REPEC, RPCEC's
Spanish pages and the like), label-above-value registries (SLCTR), the Philippine, Swiss and Dutch portals.

The same form as the main table of :mod:`curator.extraction.labels` (lower-case, no ``(s)`` nor colon);
that module merges them, the main table winning where both name a label.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

REGISTRY_SLOT_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("título público", "titulo publico", "título", "public title of trial", "research title",
              "brief title of the study"),
    "official_title": ("título científico", "titulo cientifico", "título oficial", "título completo"),
    "ids": ("código de registro", "codigo de registro", "número de registro", "slctr registration number",
            "registry id number", "snctp number", "registration numbers"),
    "status": ("estado del ensayo", "estado de reclutamiento", "estado del estudio", "estado",
               "situación del ensayo"),
    "phase": ("fase", "fase del ensayo", "fase del estudio"),
    "study_type": ("tipo de estudio", "tipo de ensayo", "research classification"),
    "sponsor": ("patrocinador", "patrocinador principal", "patrocinadores"),
    "conditions": ("condición de salud", "condicion de salud", "condición médica", "enfermedad",
                   "disease or health condition studied", "disease under study"),
    "interventions": ("intervención", "intervencion", "intervenciones", "intervention planned"),
    "pico.comparator": ("comparador", "grupo control", "grupo de control"),
    "pico.outcome": ("desenlace primario", "resultado primario", "desenlace principal", "resultado principal"),
    "enrollment": ("tamaño de muestra", "tamano de muestra", "tamaño de la muestra", "target number/sample size"),
    "sex": ("sexo", "género"),
    "countries": ("países", "paises", "país", "países de reclutamiento"),
    "start_date": ("fecha de inicio", "fecha de inicio del reclutamiento"),
    # Ovid's record number: MEDLINE's is the PMID (Embase's is not: record_ids skips it there).
    "pmid": ("unique identifier", "medline pmid"),
    "inclusion": ("criterios de inclusión", "criteria for participation in trial"),
}

#: The Spanish labels above: on a bilingual page ("Título público: ..." over "Public title: ..."), the English
#: label's value is the one kept.
SPANISH_LABELS = frozenset(
    v for vs in REGISTRY_SLOT_LABELS.values() for v in vs if not v.isascii() or v.split()[0] in (
        "titulo", "codigo", "estado", "fase", "tipo", "patrocinador", "patrocinadores", "condicion", "enfermedad",
        "intervencion", "intervenciones", "comparador", "grupo", "desenlace", "resultado", "tamano", "sexo",
        "paises", "fecha", "criterios"))


class _Line(Protocol):
    text: str


class _Hit(Protocol):
    line: int


H = TypeVar("H", bound=_Hit)


def english_first(lines: list[_Line], hits: list[H]) -> list[H]:
    """``hits`` of one slot without those of Spanish labels when others name the slot too (a bilingual page)."""
    if len(hits) < 2:
        return hits
    english = [h for h in hits if lines[h.line].text.split(":", 1)[0].strip().lower() not in SPANISH_LABELS]
    return english or hits
