"""A RIS export of bibliographic records for the PICO fill tests: trials with abstracts, one entry without."""

from __future__ import annotations

from pathlib import Path

_ARMS = (("oral zinc", "placebo", "children with acute diarrhoea", "duration of diarrhoea"),
         ("supervised walking", "usual care", "adults with intermittent claudication", "maximal walking distance"),
         ("intranasal ketamine", "placebo", "adults with treatment-resistant depression", "remission at 4 weeks"))


def write_export(path: Path, count: int, *, without_abstract: int = 0) -> Path:
    """``count`` RIS entries (the last ``without_abstract`` of them have no abstract)."""
    lines: list[str] = []
    for number in range(count):
        tested, control, people, outcome = _ARMS[number % len(_ARMS)]
        lines += ["TY  - JOUR", f"TI  - Trial {number} of {tested} in {people}", f"AU  - Author{number}, A",
                  "JO  - Journal of Trials", f"PY  - {2000 + number % 25}"]
        if number < count - without_abstract:
            lines.append(f"AB  - In this trial, {120 + number} {people} were randomly assigned to {tested} or "
                         f"{control}. The primary outcome was {outcome}. Trial number {number} found no harms.")
        lines.append("ER  - ")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
