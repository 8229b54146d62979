"""Write data/templates/registration_template.csv and .xlsx (run by hand when the columns change)."""

from pathlib import Path

import openpyxl
import openpyxl.utils
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard.registrations import COLUMNS, MODES, ROLES

OUT = Path(__file__).resolve().parents[1] / "data" / "templates"
EXAMPLE = [  # in the order of COLUMNS
    [
        "2025",
        "",
        "Director General",
        "Immigration Agency of Mongolia",
        "Mongolia",
        "Mongolia",
        "head_of_delegation",
        "in_person",
    ],
    ["2025", "", "", "International Organization for Migration", "IOM", "", "speaker", "video"],
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "registration_template.csv").write_text(
        ",".join(COLUMNS) + "\n" + "\n".join(",".join(r) for r in EXAMPLE) + "\n", encoding="utf-8"
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "registrations"
    ws.append(COLUMNS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in EXAMPLE:
        ws.append(r)
    roles = DataValidation(type="list", formula1='"' + ",".join(ROLES) + '"', allow_blank=False)
    modes = DataValidation(type="list", formula1='"' + ",".join(MODES) + '"', allow_blank=True)
    ws.add_data_validation(roles)
    ws.add_data_validation(modes)
    letter = {c: openpyxl.utils.get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    roles.add(f"{letter['role']}2:{letter['role']}5000")
    modes.add(f"{letter['mode']}2:{letter['mode']}5000")
    widths = {"edition": 9, "full_name": 24, "title": 24, "organization": 36, "country_or_organization": 28}
    for c in COLUMNS:
        ws.column_dimensions[letter[c]].width = widths.get(c, 18)
    wb.properties.creator = "Migration Sub-Forum dashboard"
    wb.save(OUT / "registration_template.xlsx")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
