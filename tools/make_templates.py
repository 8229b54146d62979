"""Write data/templates/registration_template.csv and .xlsx, and the Chinese templates
registration_template.zh.csv and .zh.xlsx (Chinese headers, roles and modes as Chinese offices write
them, all of which the importer reads), run by hand when the columns change. The Import page offers the
template of the reader's language."""

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


# The Chinese template: each column under a header the importer recognises (frame.HEADER_ALIASES), roles
# and modes in the words it reads (validation.ROLE_ALIASES, MODE_ALIASES); tests/test_templates.py reads
# it back through the importer.
ZH_HEADERS = ["届次", "姓名", "职务", "单位", "国家/地区或国际组织", "代表团", "身份", "参会方式"]
ZH_ROLES = ["团长", "副团长", "团员", "发言嘉宾", "主持人", "观察员", "嘉宾", "联络官", "随员", "工作人员", "其他"]
ZH_MODES = ["现场", "视频"]
ZH_EXAMPLE = [
    ["2025年", "", "局长", "蒙古国移民局", "蒙古国", "蒙古国代表团", "团长", "现场"],
    ["2025年", "", "", "国际移民组织", "国际移民组织", "", "发言嘉宾", "视频"],
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "registration_template", COLUMNS, EXAMPLE, list(ROLES), list(MODES), "registrations")
    write(OUT / "registration_template.zh", ZH_HEADERS, ZH_EXAMPLE, ZH_ROLES, ZH_MODES, "报名名单")
    print("wrote", OUT)


def write(
    stem: Path, headers: list[str], example: list[list[str]], roles_: list[str], modes_: list[str], sheet: str
) -> None:
    Path(f"{stem}.csv").write_text(
        ",".join(headers) + "\n" + "\n".join(",".join(r) for r in example) + "\n", encoding="utf-8"
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(headers)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in example:
        ws.append(r)
    roles = DataValidation(type="list", formula1='"' + ",".join(roles_) + '"', allow_blank=False)
    modes = DataValidation(type="list", formula1='"' + ",".join(modes_) + '"', allow_blank=True)
    ws.add_data_validation(roles)
    ws.add_data_validation(modes)
    letter = {c: openpyxl.utils.get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    roles.add(f"{letter['role']}2:{letter['role']}5000")
    modes.add(f"{letter['mode']}2:{letter['mode']}5000")
    widths = {"edition": 9, "full_name": 24, "title": 24, "organization": 36, "country_or_organization": 28}
    for c in COLUMNS:
        ws.column_dimensions[letter[c]].width = widths.get(c, 18)
    wb.properties.creator = "Migration Sub-Forum dashboard"
    wb.save(f"{stem}.xlsx")


if __name__ == "__main__":
    main()
