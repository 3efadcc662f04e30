"""A registry's table rows copied as text (PACTR): the sponsor's name without the address cells of its row, and
the specific conditions before the disease categories they are filed under."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

HEAD = """Pan African Clinical Trials Registry
Trial no.:   PACTR202501123456789
TRIAL DESCRIPTION
Public title   Zinc supplements for children with diarrhoea in northern Nigeria
Official scientific title   Oral zinc plus oral rehydration solution versus oral rehydration solution alone for acute diarrhoea in children under five in Kano State, Nigeria: a randomised controlled trial
Type of trial   RCT
"""
ROWS = """Disease(s) or condition(s) being studied   Digestive System; Infections and Infestations
Sub-Disease(s) or condition(s) being studied   Acute diarrhoea; Dehydration
Purpose of the trial   Treatment: Drugs
Recruitment status   Recruiting
"""
SPONSOR = """
SPONSORS
Sponsor level   Name   Street address   City   Postal code   Country
Primary Sponsor   Bayero University Kano   Gwarzo Road   Kano   700241   Nigeria
Collaborator   Aminu Kano Teaching Hospital   Zaria Road   Kano      Nigeria
"""


def test_the_sponsor_name_cell_under_a_header_naming_address_columns() -> None:
    text = HEAD + ROWS + SPONSOR
    fields = extract(text)
    assert fields["sponsor"] == "Bayero University Kano"
    assert check_evidence(fields, text) == []


def test_a_post_box_cell_after_the_name_without_a_header() -> None:
    text = HEAD + ROWS + "\nPrimary Sponsor:   Kano State Ministry of Health   PO Box 3152   Kano   Nigeria\n"
    assert extract(text)["sponsor"] == "Kano State Ministry of Health"


def test_a_sponsor_whose_cells_are_not_an_address_is_kept_whole() -> None:
    text = HEAD + ROWS + "\nPrimary sponsor:   Bayero University Kano\n"
    assert extract(text)["sponsor"] == "Bayero University Kano"


def test_the_specific_conditions_row_rather_than_the_categories() -> None:
    fields = extract(HEAD + ROWS + SPONSOR)
    assert fields["conditions"] == ["Acute diarrhoea", "Dehydration", "Digestive System", "Infections and Infestations"]


def test_the_specific_conditions_column_of_a_header_row() -> None:
    text = HEAD.replace("Type of trial   RCT\n", "") + """Disease(s) or condition(s) being studied   Sub-Disease(s) or condition(s) being studied   Purpose of the trial
Digestive System   Acute diarrhoea   Treatment: Drugs
""" + SPONSOR
    fields = extract(text)
    assert fields["conditions"] == ["Acute diarrhoea", "Digestive System"]
    assert check_evidence(fields, text) == []


def test_short_names_after_commas_are_items() -> None:
    text = HEAD + ROWS.replace("Acute diarrhoea; Dehydration", "Acute diarrhoea, Dehydration, Malnutrition") + SPONSOR
    assert extract(text)["conditions"][:3] == ["Acute diarrhoea", "Dehydration", "Malnutrition"]


def test_a_specific_condition_list_is_left_alone() -> None:
    text = HEAD + "Disease(s) or condition(s) being studied   Acute diarrhoea; Dehydration\n" + SPONSOR
    assert extract(text)["conditions"] == ["Acute diarrhoea", "Dehydration"]


def test_a_header_row_with_the_registrys_own_cells_over_its_values() -> None:
    text = HEAD + ROWS + """
ELIGIBILITY CRITERIA
Inclusion criteria   Exclusion criteria   Age category   Minimum age   Maximum age   Gender
Children with three or more loose stools in 24 hours   Severe dehydration needing admission   Child: 6 Month-5 Year   6 Month(s)   59 Month(s)   Both
Anticipated trial start date   Actual trial start date   Anticipated date of last follow up   Anticipated target sample size (number of participants)
01/03/2025   10/03/2025   30/09/2026   840
""" + SPONSOR
    fields = extract(text)
    assert (fields["sex"], fields["min_age"], fields["max_age"]) == ("ALL", "6 Months", "59 Months")
    assert fields["enrollment"] == 840


def test_the_actual_start_date_beside_the_anticipated_one_in_a_header_row() -> None:
    text = HEAD + """Anticipated trial start date   Actual trial start date   Recruitment status
01/03/2025   17/03/2025   Recruiting
""" + SPONSOR
    assert extract(text)["start_date"] == "2025-03-17"
