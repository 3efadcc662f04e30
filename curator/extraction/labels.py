"""The label vocabulary: which written labels (many registries, several languages) name which field.

Keys are internal slots; most are field keys, a few are finer slots that the engine
merges (``enrollment_actual`` beats ``enrollment``, ``age_range`` feeds both ages, ...).
Labels are matched after :func:`norm_label`, so they are written lower-case, without
``(s)``, trailing colons or numbering.
"""

from __future__ import annotations

import re
from functools import lru_cache

from curator.extraction.box_hints import has_box_hint
from curator.extraction.registry_labels import MORE_OTHER_LABELS, REGISTRY_SLOT_LABELS

_SLOT_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title of the trial for lay people, in easily understood, i.e. non-technical, language",
        "title of the trial for lay people, in easily understood (i.e. non-technical) language",
        "title of the trial for lay people", "lay title",
        "public title of study", "titel", "title (english)", "englischer titel",
        "title", "brief title", "public title", "study title", "trial title", "title of the study",
        "public title of the study", "display title", "title of trial", "short title", "lay title",
        "english title", "studientitel", "article title",
    ),
    "official_title": (
        "scientific title of study", "protocol title", "title of the trial",
        "official title", "full title", "scientific title", "full title of the trial", "official scientific title",
        "scientific title of the study", "scientific title of trial", "scientific title of the trial",
        "full scientific title", "official study title", "wissenschaftlicher titel",
    ),
    "ids": (
        "main id", "unique id issued by umin", "cris registration number", "tctr number", "irct registration number", "trial no", "register number", "rpcec code", "pactr number", "rebec number", "ntr number", "umin id",
        "nct id", "nct number", "clinicaltrials.gov id", "clinicaltrials.gov identifier", "clinical study identifier",
        "isrctn", "isrctn number", "isrctn no", "eudract number", "eudract", "eudract no", "eu ct number",
        "ctis number", "trial id", "trial number", "registration number", "registration no", "trial registration number",
        "secondary id", "secondary identifying numbers", "other identifiers", "other study id numbers", "study id",
        "protocol id", "registry number", "ctri number", "drks id", "drks-id", "jrct number", "jrct id",
        "anzctr registration number", "trial registration", "registration", "identifier", "identifiers",
        "registry identifier", "registry id", "unique protocol id", "secondary ids", "org study id",
        "registration number of the trial", "registered number", "study identifier", "trial identifier",
    ),
    "iras": ("iras id", "iras number", "iras project id", "iras", "iras reference", "iras project number"),
    "pmid": ("pmid", "pubmed id", "pubmed"),
    "doi": ("doi", "digital object identifier"),
    "status": (
        "overall recruitment status", "recruitment status of the trial",
        "overall study status", "overall trial status",
        "status", "overall status", "recruitment status", "overall trial status", "trial status", "recruiting status",
        "study status", "recruitment status of trial", "recruitment status of trial (india)", "current status",
        "recruitment status of trial (global)", "overall recruitment status", "status of trial", "rekrutierungsstatus",
        "status der studie", "recruitment status (global)", "recruitment", "trial recruitment status",
    ),
    "phase": (
        "developmental phase", "clinical trial phase", "phase of investigation","phase", "study phase", "clinical phase", "trial phase", "phase of trial", "phase of the trial", "phases",
              "phase of study", "studienphase", "development phase"),
    "enrollment_actual": (
        "actual target sample size",
        "actual enrollment", "actual enrolment", "total final enrolment", "total final enrollment", "final sample size",
        "enrollment (actual)", "enrolment (actual)", "actual sample size", "actual number of participants",
        "number of participants enrolled", "final enrolment", "actual participants",
        "number of participants that the trial has enrolled",
    ),
    "enrollment": (
        "target number of participant", "anticipated target sample size", "target sample size (number)",
        "enrolled", "total number of participants", "in the whole clinical trial", "planned number of subjects", "estimated number of subjects",
        "enrollment", "enrolment", "total enrollment", "total enrolment", "target enrollment", "target enrolment",
        "anticipated enrollment", "estimated enrollment", "target sample size", "sample size", "total sample size",
        "target number of participants", "number of participants", "planned sample size", "target number of subjects",
        "sample size from india", "enrollment count", "planned number of participants", "target size",
        "planned number of participants in eu/eea", "planned number of participants worldwide",
        "target recruitment", "recruitment target", "planned participants", "number of subjects", "planned enrollment",
        "planned enrolment", "target participants", "target number of patients", "in the eea",
        "participants needed", "people needed", "volunteers needed",
        "how many people are taking part", "how many people will take part", "how many people are needed",
        "expected number of participants", "expected number of participants in eea", "number of participants in eea",
        "expected number of participants in the eea", "planned number of subjects in the eea",
        "number of subjects", "enrollment (estimated)", "enrollment (anticipated)", "anticipated enrolment",
        "target participants", "geplante fallzahl", "fallzahl", "planned enrollment",
    ),
    "study_type": ("study type", "type of study", "study classification", "type of trial", "primary study design",
                   "trial type", "study design type", "studientyp", "research type"),
    "conditions": (
        "description of health condition studied", "health conditions studied", "health conditions", "condition(s) or problem(s) studied", "disease(s) or condition(s) being studied",
        "medical conditions", "condition(s)",
        "conditions", "condition", "health condition or problem studied", "health conditions or problems studied",
        "health condition / problems studied", "health condition/problems studied", "health condition/problem studied",
        "target disease", "disease", "diseases", "medical condition being investigated", "medical condition",
        "medical condition to be studied", "condition or disease",
        "diseases or conditions studied", "disease or condition being studied", "condition studied", "health condition",
        "indication", "target condition", "studied condition", "erkrankung", "untersuchte erkrankung",
        "conditions studied", "disease or condition", "health condition studied", "research area",
    ),
    "intervention_names": (
        "drug/device/biological/vaccine name", "intervention name", "drug name", "product name", "investigational product",
        "investigational medicinal product", "intervention names", "name of intervention",
    ),
    "interventions": (
        "intervention groups", "interventions/control", "intervention(s)", "intervention arms", "drug product name",
        "products", "description of intervention / exposure", "description of intervention/exposure", "interventions, observational groups", "intervention / treatment",
        "interventions", "intervention", "intervention/treatment", "interventions/treatment", "intervention description",
        "study treatment", "treatment", "treatments", "what the study involves", "what does the study involve",
        "what is involved", "what will happen", "drug", "drugs", "intervention group", "intervention arm", "interventions used",
        "intervention / comparator agent", "intervention/exposure", "intervention(s)/exposure", "interventionen",
        "intervention type and description",
    ),
    "sponsor": (
        "primary sponsor type", "sponsor or person", "sponsor organization name", "primary sponsor organisation",
        "organisation", "organization", "sponsor information",
        "sponsor", "sponsors", "lead sponsor", "sponsor organisation", "sponsor organization", "primary sponsor",
        "sponsor name", "name of sponsor", "sponsor/collaborators", "responsible sponsor", "sponsor details",
        "sponsor institution", "primary sponsor name", "sponsor of the study", "sponsoring organisation",
        "sponsoring organization", "sponsored by", "name of primary sponsor",
        "who is running it", "who is running the study", "who is running the trial", "sponsors/funding",
    ),
    "start_date": (
        "expected recruitment start date", "actual recruitment start date", "anticipated trial start date", "actual trial start date", "date first enrollment", "date first enrolment", "anticipated start date", "actual start date",
        "start", "overall study start date", "estimated recruitment start date in eea", "recruitment start date in eea", "study start",
        "start date", "study start date", "study start", "actual study start date", "overall trial start date",
        "trial start date", "recruitment start date", "date of first enrolment", "date of first enrollment",
        "date of first enrollment (india)", "date of first enrollment (global)", "anticipated date of first participant enrolment",
        "actual date of first participant enrolment", "date of first participant enrolment", "start of recruitment",
        "recruitment start", "planned study start", "date study started", "study start (planned/actual)",
        "study start date (anticipated)", "studienbeginn", "date of study start", "first enrollment date",
        "recruitment period start", "study execute time", "start of study", "date enrolment started",
    ),
    "completion_date": ("overall study end date", "overall end date",
        "trial completion date", "anticipated end date", "actual end date",
        "completed", "estimated end of trial", "end of trial", "primary completion",
        "completion date", "study completion date", "overall trial end date", "trial end date", "end date",
        "study end date", "actual study completion date", "anticipated study completion date", "date of study completion",
        "estimated study completion date", "end of study", "study completion", "planned end date", "trial end",
        "completion date (anticipated)", "studienende", "date of last data collection", "anticipated end date",
        "actual end date", "end of trial", "study end", "primary completion date", "actual completion date",
    ),
    "last_updated": (
        "date of last modification", "date of last modified",
        "date of last refreshed on", "last update in drks", "最終情報更新日", "最近更新日期",
        "last updated", "last update posted", "last update", "last edited", "last modified", "last modified on",
        "date of last update", "record last updated", "last updated on", "last refreshed on", "last update submitted",
        "date last updated", "updated", "last changed", "letzte aktualisierung", "last update date", "updated on",
        "date of last modification", "last revised", "last review date", "record updated",
    ),
    "sex": ("sex", "gender", "eligible sex", "sexes eligible for study", "sex eligible", "participant gender",
            "gender eligible", "sexes eligible", "sex/gender", "participant sex", "geschlecht", "eligible gender",
            "genders eligible for study", "genders eligible", "gender eligible for study"),
    "min_age": (
        "age-lower limit", "lower age limit", "age lower limit","minimum age", "minimum eligible age", "lower age limit", "min age", "age from", "age minimum",
                "min. age", "mindestalter", "minimum age limit", "age (minimum)"),
    "max_age": (
        "age-upper limit", "upper age limit", "age upper limit","maximum age", "maximum eligible age", "upper age limit", "max age", "age to", "age maximum",
                "max. age", "höchstalter", "maximum age limit", "age (maximum)"),
    "age_range": ("age", "ages", "ages eligible for study", "age range", "age limits", "age eligible", "participant age",
                  "eligible ages", "age limit", "ages eligible"),
    "countries": (
        "region", "recruitment centres", "recruitment centers", "recruitment centre", "recruitment center", "countries of recruitment", "country of recruitment",
        "contacts and locations",
        "countries", "country", "countries of recruitment", "study countries", "recruitment countries", "location countries", "locations",
        "location", "trial sites", "study sites", "study locations", "participating countries", "research sites",
        "contact investigators or research sites near you", "countries of recruitment and research settings",
        "recruitment country", "member state concerned", "member states concerned",
        "specify the countries outside of the eea in which trial sites are planned", "recruitment outside australia", "trial locations", "sites",
        "site locations", "recruitment locations", "countries of recruitment (global)", "länder", "rekrutierungsländer",
        "study location", "trial site", "locations/countries", "where the study is taking place",
    ),
    "authors": ("authors", "author", "by", "written by", "autoren", "autor", "نویسندگان", "نویسنده", "作者", "著者",
                "authors and affiliations", "investigators/authors", "авторы", "автор", "المؤلفون", "المؤلف",
                "yazarlar", "autores", "auteurs", "作者信息", "저자"),
    "journal": (
        "掲載誌","journal", "journal title", "source", "published in", "journal name", "عنوان ژورنال", "ژورنال", "期刊",
                "zeitschrift", "雑誌名", "container title", "publication", "期刊名称", "期刊名", "刊名",
                "название журнала", "журнал", "اسم المجلة", "المجلة", "dergi", "revista", "revue", "저널",
                "material"),
    "year": ("year", "publication year", "year of publication", "سال انتشار", "年", "год", "год публикации",
             "سنة النشر", "出版年", "发表年份"),
    "pub_date": ("publication date", "published", "date of publication", "تاریخ انتشار", "published online",
                 "first published", "posted", "date published", "published date", "出版日期", "発行日", "online publication date",
                 "erscheinungsdatum", "epub", "дата публикации", "дата опубликования", "تاريخ النشر", "发表日期",
                 "发布日期", "yayın tarihi", "fecha de publicación", "date de publication", "article publication date"),
    "abstract": (
        "brief summary describing the background and objectives of the trial", "scientific summary", "resumen", "résumé", "resumo", "özet", "öz", "аннотация", "резюме", "samenvatting", "الملخص", "ملخص", "요약", "연구 요약", "lay summary of the study",
        "english summary", "summary (english)", "plain english summary of protocol",
        "abstract", "summary", "brief summary", "research summary", "brief description", "brief description of study",
        "lay summary", "plain english summary", "plain language summary", "study summary", "trial summary", "چکیده",
        "摘要", "zusammenfassung", "brief summary in lay language", "summary of the study", "description",
        "study description", "abstract summary", "overview", "要旨", "概要", "抄録", "kurzzusammenfassung",
        "brief summary in scientific language", "short summary", "purpose of the study", "study aim", "background and study aims",
        "english abstract", "abstract (english)", "structured abstract", "about this study", "about the study",
        "about this trial", "about the trial",
    ),
    "references": (
        "publications of results", "more information","references", "publications", "citations", "publication list", "results publications",
                   "references and publications", "publications and references", "publication references",
                   "reference", "bibliography", "literature", "cited references", "referências", "referencias",
                   "références", "referências bibliográficas", "referencias bibliográficas", "bibliografía", "引用文献", "参考文献", "related publications",
                   "kaynakça", "kaynaklar", "literaturverzeichnis", "bibliografia", "riferimenti bibliografici", "相关文献",
                   "related publication", "related publication(s)", "publications related to this trial",
                   # a registry's outputs: a protocol's or results' articles are publications, not the record's ids
                   "study outputs", "trial publications, results and other documents",
                   "url related to results and publications", "piśmiennictwo"),
    "pico.population": ("population", "participants", "target population", "study population", "participant population",
                        "participant inclusion criteria", "key inclusion criteria", "principal inclusion criteria",
                        "patient population", "participant type", "participant type(s)", "population studied",
                        "setting and participants", "design, setting, and participants", "design, setting and participants",
                        "participants and setting", "study participants", "patients"),
    "inclusion": ("inclusion criteria", "eligibility criteria", "inclusion", "einschlusskriterien", "key eligibility",
                  "who can take part", "who can join", "who can participate", "who is eligible", "can i take part"),
    "pico.comparator": ("placebo comparator", "control type", "active comparator", "sham comparator", "comparator", "control", "control group", "comparator/control treatment", "control treatment",
                        "comparator agent", "comparator / control", "control intervention", "comparison", "comparator/control",
                        "comparator group", "control arm", "kontrollgruppe"),
    "pico.outcome": (
        "main outcome variables", "primary outcome variables",
        "primary outcome", "primary outcomes", "primary outcome measure", "primary outcome measures", "primary endpoint",
        "primary endpoints", "primary end point", "key primary outcome", "main outcome measure", "main outcome",
        "primary efficacy endpoint", "primary outcome variable", "primary end-point", "primäre endpunkt",
        "primärer endpunkt", "primary outcome(s)", "outcome measures primary",
        "main outcomes and measures", "main outcome and measures", "main outcomes and measure", "main outcome measures",
        "what will the researchers measure", "what is the main outcome", "what are the main outcomes",
        "what are the researchers measuring", "what we are measuring", "what is the study measuring",
        "measurements",
    ),
}

# Headings that name no field but end the value of the label before them.
OTHER_LABELS: tuple[str, ...] = (
    "rare disease", "health type", "keyword", "outcome", "outcomes", "category", "icd-10 code", "icd-10 code description", "timepoint",
    "timepoints", "method of measurement", "funding sources", "contact people", "changes to trial information",
    "trial description", "registrant information", "study aim", "settings and conduct", "general information",
    "reason for update", "registration timing", "update count", "name of ethics committee", "approval date",
    "ethics committee reference number", "person responsible for general inquiries", "proportion provided by this source",
    "public or private sector", "groups that have been masked", "randomization", "blinding", "assignment",
    "secondary ids", "acronyms", "sharing statement", "plan to share ipd", "arm type", "arm label", "number of arms",
    "no. of arms", "outcome measure", "mfds regulated study", "ind/ide protocol", "institutional review board",
    "board approval status", "organization type", "name of site", "recruitment site", "key secondary outcomes",
    "classification by specialty", "classification by malignancy", "genomic information",
    "basic design", "purpose of intervention", "research contact person", "name of lead principal investigator",
    "division name", "zip code", "tel", "other related organizations", "co-sponsor", "irb contact", "progress",
    "date of protocol fixation", "date of irb", "last follow-up date", "management information", "registered date",
    "link to view the page", "receipt number", "date of disclosure of the study information", "narrative objectives",
    "basic objectives", "trial information", "study endpoint classification", "secondary sponsor category",
    "funding source category", "ethics committee name", "ethics application status", "date submitted",
    "recruitment state", "recruitment outside australia", "funding & sponsors", "secondary id", "utn code",
    "scientific acronym", "public acronym", "secondary identifiers", "issuing authority", "supporting source",
    "general descriptors for health conditions", "descriptors", "study design", "expanded access program",
    "what are the possible benefits and risks of participating", "where is the study run from", "who is funding the study",
    "when is the study starting and how long is it expected to run for", "who is the main contact",
    "intervention assignment", "masking type", "study phase", "contacts", "public contact", "scientific contact",
    "full name", "additional links", "funders", "funder name", "intention to publish date", "age group",
    "participant type", "sponsor type", "source register", "hypothesis", "study overview", "study status",
    "arms and interventions", "outcome measures", "primary outcome measures", "eligibility criteria",
    "ethics committees", "ethics committee", "recruitment centers", "sponsors/funding sources",
    "study results", "basic information", "study design", "design", "allocation method", "allocation",
    "intervention model", "primary study purpose", "primary purpose", "blinding strategy", "masking", "study groups",
    "arms", "arm group", "arms and interventions", "eligibility", "exclusion criteria", "key exclusion criteria",
    "participant exclusion criteria", "accepts healthy volunteers", "healthy volunteers", "responsible party",
    "principal investigators", "principal investigator", "investigators", "contact", "contacts", "contact information",
    "site status", "detailed description", "detailed study description", "aim of the study",
    "rec name", "rec reference", "date of rec opinion", "rec opinion", "contact name", "contact email", "contact phone",
    "duration of study in the uk", "research type", "secondary outcome", "secondary outcomes", "secondary outcome measures",
    "secondary outcome measure", "secondary endpoint", "secondary endpoints", "secondary end point", "study objectives",
    "hypothesis", "ethics approval", "ethics approval required", "ethics", "funding", "funder", "funders",
    "funder type", "funding source", "source of monetary or material support", "condition category", "intervention type",
    "intervention code", "primary sponsor type", "sponsor type", "address", "city", "postcode", "email", "phone",
    "telephone", "fax", "website", "keywords", "mesh terms", "publication types", "substances", "grants and funding",
    "related information", "linkout - more resources", "full text links", "affiliations", "affiliation",
    "comment in", "erratum in", "similar articles", "cited by", "figures", "data availability", "ipd sharing statement",
    "individual participant data sharing", "trial website", "study website", "acronym", "study hypothesis",
    "secondary sponsor", "collaborators", "collaborator", "more information", "study documents",
    "statistical methods", "study design and methods", "type of endpoint", "target size", "ethics committee", "ethics committee approval",
    "date of ethics approval", "ethics review", "results and publications", "trial details", "study information",
    "editorial notes", "participant information", "trial participants",
    "eligibility criteria and participants", "participant flow", "adverse events", "baseline characteristics",
    "more related trials", "related trials", "similar trials", "version history", "history of changes", "documents",
    "study record dates", "first posted", "first submitted", "registration date", "date of registration",
    "date registered", "first received", "date of first registration", "prospective registration", "type of sponsor",
    "results posted", "study start date", "other ids", "document", "metrics", "share", "other study ids",
    "version", "protocol", "study plan", "study protocol", "secondary ids and aliases", "trial acronym",
    "nicht zutreffend", "publication type", "keywords:", "article information", "copyright", "license",
    "received", "accepted", "revised", "competing interests", "author contributions", "acknowledgements",
    "supplementary material", "supplementary materials", "funding statement", "disclosures", "ثبت نام", "متن کامل",
    "دوره", "شماره", "صفحات", "study characteristics", "design details", "treatments", "arms/groups",
    "gender eligibility", "more details", "study acronym", "disclosure of interests", "experimental", "study purpose", "purpose", "key dates", "dates", "identifiers",
    "about this article", "cite this article", "rights and permissions", "group",
    "trial overview", "outcomes & findings", "outcomes and findings",
    # Statements after an abstract: they end it.
    "competing interest statement", "competing interest", "conflict of interest statement", "conflicts of interest",
    "conflict of interest", "declaration of interests", "declaration of competing interest", "author declarations",
    "data availability statement", "ethics statement", "footnotes",
)

LABELS: dict[str, str] = {}
for _slot, _variants in (*_SLOT_LABELS.items(), *REGISTRY_SLOT_LABELS.items()):
    for _v in _variants:
        LABELS.setdefault(_v, _slot)
for _v in (*OTHER_LABELS, *MORE_OTHER_LABELS):
    LABELS.setdefault(_v.rstrip(":"), "other")

#: Slots whose values are validated (dates, numbers, vocabularies), so a label followed by
#: a value on the same line without a colon ("Last updated on September 2018") is safe.
VALIDATED_SLOTS = frozenset(
    {"status", "phase", "enrollment", "enrollment_actual", "start_date", "completion_date", "last_updated",
     "year", "pub_date", "min_age", "max_age", "iras", "pmid", "sex", "study_type"}
)

_CODE_PREFIX_RE = re.compile(r"^(?:[A-Z]\.\d+(?:\.\d+)*\.?|\d+(?:\.\d+)+\.?|\d+\.)\s+(?![Yy]ear|[Mm]onth|[Ww]eek|[Dd]ay)")
_GLUED_NUMBER_RE = re.compile(r"(?<=[a-z]{7})\d{1,2}$|_\d{1,2}$")
_TRAIL_RE = re.compile(r"\s*(?:\[\d+\]|\(\d+\))\s*$")
_PUNCT_STRIP = " \t:：-–—.*•·|?"

#: Headings of boxes about OTHER records: their identifiers are not the record's own.
BOX_RE = re.compile(
    r"^(?:(?:more|other)\s+)?(?:related|similar)\b(?!\s+information$)|^you\s+(?:may|might)\s+(?:also|be)\b|^cited\s+by\b"
    r"|^(?:more|other)\s+(?:trials|studies|articles|resources)\b|^other\s+(?:\w+\s+)?records\b[^:]*$|^recommended\b|^people\s+also\b|^see\s+also\b"
    r"|^(?:explore|browse|discover|find|view|show)\s+(?:more\s+)?(?:related|similar|other\s+(?:trials|studies|articles))\b"
    r"|^more\s+like\s+this\b|^(?:trials|studies|articles|papers|records)\s+(?:just\s+)?like\s+this\b"
    r"|^(?:trials|studies|articles|papers|records)\s+(?:with|using|of|on|for)\s+the\s+same\b"
    r"|^(?:(?:clinical\s+)?(?:trials|studies)\s+near\s+you|nearby\s+(?:trials|studies))\b"
    r"|^(?:readers|visitors|users|others|patients|people|members)\s+(?:also|who)\b|^because\s+you\b|^more\s+from\b"
    r"|^(?:trials|studies|articles|papers)\s+you\s+(?:may|might)\b|^previous\s+(?:trials?|studies|records?)\b[^:]*$"
    r"|^(?:most\s+(?:read|viewed|cited))\b|^trending\b|^further\s+reading\b|^also\s+of\s+interest\b"
    r"|^(?:trial\s+)?(?:records|entries)\s+of\s+(?:related|similar)\b|^(?:\d[\d,.]*\s+)?citations$"
    r"|^citing\s+(?:articles|papers|publications|studies)\b"
    r"|^comment\s+(?:in|on)\b(?!\s+this\b)|^erratum\s+(?:in|for)\b|^update\s+(?:in|of)\b|^منابع\s+مشابه|^مقالات\s+مشابه|^相关|^関連|^ähnliche\b"
    r"|^weitere\s+(?:artikel|beiträge|studien|publikationen)\b|^autres\s+(?:articles|essais|études)\b|^polecane\b"
    r"|^(?:otros|outros)\s+(?:artículos|artigos|ensayos|estudios|estudos)\b"
)
# Other languages put the word "related" / "similar" after the noun ("Ensayos relacionados").
_BOX_ANY_RE = re.compile(
    r"관련|유사|مشابه|ذات صلة|похожие|связанные|\brelacionad[oa]s\b|\bsimilares\b|\bsimilaires\b|\bassociés\b"
    r"|^benzer\b|^ilgili\b|\bgerelateerde\b|\bcorrelat[ei]\b"
)
#: Boxes whose content is the record's own bibliography (goes to ``references``).
REFERENCE_SLOTS = frozenset({"references"})


@lru_cache(maxsize=1 << 16)
def norm_label(text: str) -> str:
    """A candidate label in the form the label table uses (lower-case, no numbering or colon)."""
    s = text.strip(_PUNCT_STRIP)
    if s[:1].isdigit() or (len(s) > 2 and s[1] == "."):
        s = _CODE_PREFIX_RE.sub("", s)
    s = s.lower().replace(" / ", "/")
    if s[:1] == "(" and s.startswith(("(actual)", "(anticipated)", "(estimated)", "(planned)", "(expected)")):
        s = s[s.index(")") + 1:].lstrip()
    if s.endswith(("(actual)", "(anticipated)", "(estimated)", "(planned)", "(englisch)", "(english)")):
        s = s[: s.rindex("(")].rstrip()
    # (a match is the last three characters at most: searched from there, the look-behind still sees the letters)
    if s[-1:].isdigit() and _GLUED_NUMBER_RE.search(s, max(0, len(s) - 3)):
        s = _GLUED_NUMBER_RE.sub("", s)  # "Interventions/Control_1", "Basic objectives2"
    if "(" in s:
        s = s.replace("(s)", "").replace("(es)", "")
    if s.endswith("]") or s.endswith(")"):
        s = _TRAIL_RE.sub("", s)
    s = " ".join(s.split()).strip(_PUNCT_STRIP)
    if s.endswith(")") and s not in LABELS and "(" in s:
        # "Anticipated target sample size (number of participants)": the label without its gloss.
        bare = s[: s.rindex("(")].rstrip(_PUNCT_STRIP)
        if bare in LABELS:
            return bare
    return s


@lru_cache(maxsize=1 << 15)
def label_parts(text: str) -> tuple[str | None, int, int]:
    """Slot of a bilingual label ("Fase / Phase", "Título público / Public title"): (slot, part, parts).

    The part that names a known label is returned, so a value written the same way
    ("III", "Reclutando / Recruiting") can be read in the same language.
    """
    norm = norm_label(text)
    slot = LABELS.get(norm)
    if slot is not None or "/" not in norm:
        return slot, 0, 1
    parts = [p.strip(_PUNCT_STRIP) for p in norm.split("/")]
    for k in range(len(parts) - 1, -1, -1):
        got = LABELS.get(parts[k])
        if got is not None and len(parts[k]) >= 3:
            return got, k, len(parts)
    return None, 0, 1


def label_slot(text: str) -> str | None:
    """The slot a label text names (``"other"`` for known headings of no field), else None."""
    if len(text) > 90:
        return None
    return LABELS.get(norm_label(text))


@lru_cache(maxsize=1 << 14)
def is_hinted_box_heading(norm: str) -> bool:
    """:func:`is_box_heading` for a short normalised line, after the quick hint test (cached: lines repeat)."""
    return has_box_hint(norm) and is_box_heading(norm)


def is_box_heading(norm: str) -> bool:
    """True for headings of boxes about other records (related trials, similar articles ...)."""
    return bool(BOX_RE.match(norm)) or (norm.count(" ") <= 4 and _BOX_ANY_RE.search(norm) is not None)


def foreign_labels(text: str, *, limit: int = 12) -> list[tuple[str, str]]:
    """Labels written in another script than Latin ("نویسندگان", "摘要") with the field each names, in
    order, once each: so the desk can tell a reviewer what a page's headings mean."""
    if text.isascii():
        return []
    found: dict[str, str] = {}
    for line in text.splitlines():
        written = line.strip().lstrip("•·*-–— \t").split(":", 1)[0].strip()
        # Only a heading in another script than Latin needs a gloss (not "• Research type").
        if not written or len(written) > 60 or written in found \
                or not any(c.isalpha() and ord(c) > 0x24F for c in written):
            continue
        slot = LABELS.get(norm_label(written))
        if slot is not None and slot != "other":
            found[written] = slot.replace("_", " ")
            if len(found) >= limit:
                break
    return list(found.items())
