"""Labels of registries written in layouts of their own: Spanish-language registries (REPEC, RPCEC's
Spanish pages and the like), label-above-value registries (SLCTR), the Philippine, Swiss and Dutch portals.

The same form as the main table of :mod:`curator.extraction.labels` (lower-case, no ``(s)`` nor colon);
that module merges them, the main table winning where both name a label.
"""

from __future__ import annotations

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
    "inclusion": ("criterios de inclusión", "criteria for participation in trial"),
}
