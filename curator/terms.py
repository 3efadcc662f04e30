"""The review's own words: screening stages, verdicts, who decided, kinds of source, default reasons.

Plain constants, free of the ORM, so the window and the core share them.
"""

STAGES = ("title-abstract", "full-text")
VERDICTS = ("include", "exclude", "maybe")
ACTORS = ("human", "automation")
SOURCE_KINDS = ("database", "register", "website", "organisation", "citation", "other")
#: The review's settings naming each stage's screening mode (``{stage: "single" | "dual"}``) and the lead reviewer.
SCREENING_MODE_SETTING = "screening_mode"
LEAD_REVIEWER_SETTING = "lead_reviewer"

DEFAULT_REASONS = (
    "wrong population",
    "wrong intervention",
    "wrong comparator",
    "wrong outcome",
    "wrong study design",
    "duplicate",
    "not retrievable",
    "other",
)
NOT_RETRIEVABLE = "not retrievable"
