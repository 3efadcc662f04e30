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
    "sponsor": ("patrocinador", "patrocinador principal", "patrocinadores", "sponsor institute", "trial sponsor",
                "organised by", "organized by"),  # (a charity's study finder)
    "conditions": ("condición de salud", "condicion de salud", "condición médica", "enfermedad",
                   "disease or health condition studied", "disease under study", "description of condition",
                   "sub-disease or condition being studied"),  # (PACTR's specific conditions under its categories)
    "interventions": ("intervención", "intervencion", "intervenciones", "intervention planned"),
    "pico.comparator": ("comparador", "grupo control", "grupo de control"),
    "pico.outcome": ("desenlace primario", "resultado primario", "desenlace principal", "resultado principal",
                     "main thing measured", "main measure"),
    "enrollment": ("tamaño de muestra", "tamano de muestra", "tamaño de la muestra", "target number/sample size",
                   "participants wanted", "how many people", "expected number of participants in the whole clinical trial",
                   "number of participants in the whole clinical trial"),
    "sex": ("sexo", "género", "sexes"),
    "countries": ("países", "paises", "país", "países de reclutamiento", "listed location countries",
                  "member states in which this trial is conducted", "member states concerned by the trial"),
    # EU CTR's end of the whole trial (all member states), after a member state's own end date.
    "completion_date": ("date of the global end of the trial", "global end of the trial date",
                        # a trial finder's "Completion (estimated): ...", DRKS's and CTIS's planned ends
                        "completion", "planned study completion date", "estimated end date of the trial",
                        "end date of the trial"),
    "start_date": ("fecha de inicio", "fecha de inicio del reclutamiento", "first enrolment", "first enrollment",
                   "estimated recruitment start date in the eea", "recruitment start date in the eea"),

    # Ovid's record number: MEDLINE's is the PMID (Embase's is not: record_ids skips it there).
    "pmid": ("unique identifier", "medline pmid"),
    "abstract": ("abstract text", "project abstract", "project description"),
    "inclusion": ("criterios de inclusión", "criteria for participation in trial", "main inclusion criteria"),
}

#: Meeting abstracts' metadata before the title ("Session Title: ...", "Track: ...") and the headings of a
#: "How to cite" block: they name no field but end the value before them.
MORE_OTHER_LABELS: tuple[str, ...] = (
    "session title", "session", "session type", "track", "sub track", "subtrack", "meeting", "presenters", "presenter",
    "topics", "tumour site", "tumor site", "abstract number", "poster number", "how to cite this article", "how to cite",
    "recommended citation", "suggested citation", "cite as", "author disclosures", "public health relevance statement",
    "project details", "project terms",
    # A header row over its dates (ISRCTN), CTIS's rows inside its lists, a mirror's note on its source.
    "submission date", "therapeutic area", "is the condition rare", "product role", "source registry", "mirrored",
    "trial short title", "secondary ids if any", "inclusion/exclusion criteria",
    # PACTR's header cells beside its fields' ("Age category   Minimum age   Maximum age   Gender" over a row of values).
    "age category", "purpose of the trial", "anticipated date of last follow up",
    "actual last follow-up date", "date of approval",
)

#: The Spanish labels above: on a bilingual page ("Título público: ..." over "Public title: ..."), the English
#: label's value is the one kept.
SPANISH_LABELS = frozenset(
    v for vs in REGISTRY_SLOT_LABELS.values() for v in vs if not v.isascii() or v.split()[0] in (
        "titulo", "codigo", "estado", "fase", "tipo", "patrocinador", "patrocinadores", "condicion", "enfermedad",
        "intervencion", "intervenciones", "comparador", "grupo", "desenlace", "resultado", "tamano", "sexo",
        "paises", "fecha", "criterios"))
