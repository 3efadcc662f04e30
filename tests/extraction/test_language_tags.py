"""A bilingual registry value with a language tag before each version ("pt-br ..." / "en ..."): the English one."""

from __future__ import annotations

from curator.extraction import extract

_PAGE = ("Registro Brasileiro de Ensaios Clínicos\nRBR-5d8m2q\n\nTítulo científico / Scientific title:\n"
         "pt-br Efeito da acupuntura na dor lombar crônica em idosos: ensaio clínico randomizado\n"
         "en Effect of acupuncture on chronic low back pain in older adults: a randomized clinical trial\n\n"
         "Condições de saúde / Health conditions:\npt-br Dor lombar\nen Low back pain\n\n"
         "Desfecho primário / Primary outcomes:\npt-br Intensidade da dor\nen Pain intensity after 5 weeks\n\n"
         "Tipo de estudo / Study type: Intervencional / Interventional\n")


def test_tagged_versions_give_the_english_value_without_its_tag() -> None:
    f = extract(_PAGE)
    assert f["official_title"] == "Effect of acupuncture on chronic low back pain in older adults: a randomized " \
        "clinical trial"
    assert f["conditions"] == ["Low back pain"]
    assert f["pico"]["outcome"] == "Pain intensity after 5 weeks"


def test_one_line_starting_with_a_tag_word_is_not_a_tagged_version() -> None:
    f = extract("Study title: Vitamin D in older adults\nSponsor:\nde Vries Foundation for Ageing\n"
                "Study type: Interventional\n")
    assert f["sponsor"] == "de Vries Foundation for Ageing"
