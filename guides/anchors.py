"""The anchors every guide of a kind must keep, so that other pages can link to them."""

# The process guide's steps, in order, and its section on money.
STEP_FIELD = "step-field"
STEP_SKILLS_TEST = "step-skills-test"
STEP_JAPANESE_TEST = "step-japanese-test"
STEP_JOB_OFFER = "step-job-offer"
STEP_SUPPORT_PLAN = "step-support-plan"
STEP_COE = "step-coe"
STEP_VISA = "step-visa"
STEP_ARRIVAL = "step-arrival"
STEP_CHANGING_JOBS = "step-changing-jobs"
STEP_SSW_II = "step-ssw-ii"
SECTION_COSTS = "section-costs"

# Field pages.
FIELD_WORK = "field-work"
FIELD_SKILLS_TEST = "field-skills-test"
FIELD_SSW_II = "field-ssw-ii"
FIELD_JAPANESE = "field-japanese"

# Country pages.
COUNTRY_MOC = "country-moc"
COUNTRY_PROCEDURE = "country-procedure"
COUNTRY_FEES = "country-fees"

REQUIRED = {
    "process": [
        STEP_FIELD,
        STEP_SKILLS_TEST,
        STEP_JAPANESE_TEST,
        STEP_JOB_OFFER,
        STEP_SUPPORT_PLAN,
        STEP_COE,
        STEP_VISA,
        STEP_ARRIVAL,
        STEP_CHANGING_JOBS,
        STEP_SSW_II,
        SECTION_COSTS,
    ],
    "field": [FIELD_WORK, FIELD_SKILLS_TEST, FIELD_SSW_II, FIELD_JAPANESE],
    "country": [COUNTRY_MOC, COUNTRY_PROCEDURE, COUNTRY_FEES],
}

# Country guides shipped with the board (lowercase ISO 3166-1 alpha-2). Listing pages and the
# eligibility check link to these without a query; tests check that each one is published.
COUNTRY_GUIDE_CODES = frozenset({"pk", "ph", "vn", "np", "id", "mm"})
