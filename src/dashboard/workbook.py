"""The tables as one Excel workbook (XLSX), for organizers who work in Excel or WPS.

One sheet per table, headers and labels in the language asked for (``lang``, explicit: a download
callback does not run in the page's language), the header row frozen, column widths set from the
content (CJK characters count double), an autofilter on each table and a sheet of sources. Every
text cell goes through :func:`dashboard.exports.neutralize`, the rule the CSV downloads use, so a
name starting with ``=``, ``+``, ``-`` or ``@`` is never run as a formula; openpyxl is told a
cell's type explicitly as well (``data_type = "s"``), so nothing is written as a formula.

openpyxl is imported only when a workbook is made (no page's import path loads it: see the
import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import io
import unicodedata

import pandas as pd

from . import citations, listwords, locale_rules, metrics, names
from .dataset import Dataset
from .exports import neutralize, safe_frame
from .formatting import format_figure_unit, join_clauses
from .i18n import t
from .vocab import (
    ENTITY_TYPES,
    HOW_KNOWN,
    METRICS,
    MODES,
    ORGANIZATION_KINDS,
    ROLES,
    SCOPES,
    SENIORITY,
    SOURCE_KINDS,
    SOURCE_SUPPORTS,
    region_label,
)

MAX_WIDTH = 60  # characters; longer cells wrap
MIN_WIDTH = 6


def _labels(ds: Dataset, ids: str, lang: str) -> str:
    labels = citations.labels(ds, lang=lang)
    return join_clauses((labels.get(i, "") for i in str(ids).split("|") if i), lang=lang)  # ；in Chinese


def _vocab(vocab, code: str, lang: str) -> str:
    return vocab.label(code, lang) if code in vocab else (code or "")


def _yes_no(value: bool, lang: str) -> str:
    return t("yes", lang=lang) if value else t("no", lang=lang)


def figures_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Every headline figure every source gives for each sub-forum, the preferred one marked."""
    f = ds.reported_figures[ds.reported_figures.scope == "sub_forum"].sort_values(
        ["edition", "metric", "is_preferred"], ascending=[True, True, False]
    )
    return pd.DataFrame(
        {
            t("Edition", lang=lang): f.edition.astype(int),
            t("Figure", lang=lang): f.metric.map(lambda m: _vocab(METRICS, m, lang)),
            t("As reported", lang=lang): [
                format_figure_unit(v, q, m, lang=lang) for v, q, m in zip(f.value, f.qualifier, f.metric)
            ],
            t("Value", lang=lang): f.value.astype(int),
            t("Preferred value", lang=lang): f.is_preferred.map(lambda v: _yes_no(bool(v), lang)),
            t("As the source writes it", lang=lang): f.as_written,
            t("Source", lang=lang): f.source_id.map(lambda i: _labels(ds, i, lang)),
        }
    )


def coverage_table(ds: Dataset, lang: str) -> pd.DataFrame:
    cov = metrics.coverage(ds)
    return pd.DataFrame(
        {
            t("Edition", lang=lang): cov.edition.astype(int),
            t("What", lang=lang): cov.metric.map(lambda m: _vocab(METRICS, m, lang)),
            t("Reported", lang=lang): [
                format_figure_unit(v, q, m, lang=lang)
                for v, q, m in zip(cov.reported, cov.reported_qualifier, cov.metric)
            ],
            t("Identified", lang=lang): cov.identified,
            t("Share identified", lang=lang): [
                round(float(s), 3) if s is not None and s == s else None for s in cov.share_identified
            ],
            t("Complete list", lang=lang): cov.list_complete.map(lambda v: _yes_no(bool(v), lang)),
        }
    )


def countries_table(ds: Dataset, lang: str) -> pd.DataFrame:
    tab = metrics.participants_table(ds)
    return pd.DataFrame(
        {
            t("Edition", lang=lang): tab.edition.astype(int),
            t("Country or region", lang=lang): [names.entity_name(ds, c, lang) for c in tab.code],
            t("Region", lang=lang): tab.region.fillna("").map(lambda r: region_label(r, lang) if r else ""),
            t("Sub-region", lang=lang): tab.sub_region.fillna("").map(lambda r: region_label(r, lang) if r else ""),
            t("Type", lang=lang): tab.entity_type.map(lambda c: _vocab(ENTITY_TYPES, c, lang)),
            t("How known", lang=lang): tab.how_known.map(
                lambda v: "; ".join(_vocab(HOW_KNOWN, x, lang) for x in v.split("|") if x)
            ),
            t("Sources", lang=lang): tab.source_ids.map(lambda i: _labels(ds, i, lang)),
        }
    )


def organizations_table(ds: Dataset, lang: str) -> pd.DataFrame:
    m = metrics.organization_matrix(ds)
    out = pd.DataFrame(
        {
            t("Organization", lang=lang): [names.entity_name(ds, c, lang) for c in m.code],
            t("Acronym", lang=lang): m.code,
            t("Kind", lang=lang): m.kind.map(lambda k: _vocab(ORGANIZATION_KINDS, k, lang)),
        }
    )
    for e in ds.edition_ids:
        head = (
            t("Named in {year} public sources or the organizer's list", lang=lang, year=e)
            if listwords.adds(ds, [e])
            else t("Named in {year} sources", lang=lang, year=e)
        )
        out[head] = m[e].map(lambda v: _yes_no(bool(v), lang))
    return out


def people_table(ds: Dataset, lang: str) -> pd.DataFrame:
    sp = metrics.speakers(ds)
    rows = list(sp.itertuples())
    return pd.DataFrame(
        {
            t("Edition", lang=lang): sp.edition.astype(int),
            t("Name", lang=lang): [names.person_name(r, lang) for r in rows],
            t("Title", lang=lang): [names.person_title(r, lang) for r in rows],
            t("Organization", lang=lang): [names.person_organization(r, lang) for r in rows],
            t("Represents", lang=lang): [names.entity_name(ds, r.code, lang) if r.code else "" for r in rows],
            t("Role", lang=lang): sp.role.map(lambda c: _vocab(ROLES, c, lang)),
            t("In person or by video", lang=lang): sp["mode"].map(lambda c: _vocab(MODES, c, lang)),
            t("Seniority", lang=lang): sp.seniority.map(lambda c: _vocab(SENIORITY, c, lang)),
            t("Sources", lang=lang): sp.source_ids.map(lambda i: _labels(ds, i, lang)),
        }
    )


def conflicts_table(ds: Dataset, lang: str) -> pd.DataFrame:
    c = ds.conflicts
    rows = list(c.itertuples())
    return pd.DataFrame(
        {
            t("Edition", lang=lang): c.edition.astype(str),
            t("Scope", lang=lang): c.scope.map(lambda s: _vocab(SCOPES, s, lang)),
            t("Issue", lang=lang): [
                citations.readable_text(ds, names.conflict_issue(r, lang), lang=lang) for r in rows
            ],
            t("Detail", lang=lang): [
                citations.readable_text(ds, names.conflict_detail(r, lang), lang=lang) for r in rows
            ],
            t("Sources", lang=lang): c.source_ids.map(lambda i: _labels(ds, i, lang)),
        }
    )


def sources_table(ds: Dataset, lang: str) -> pd.DataFrame:
    s = ds.sources
    return pd.DataFrame(
        {
            t("Reference", lang=lang): s.id.map(citations.labels(ds, lang=lang)),
            t("Publisher", lang=lang): s.id.map(lambda i: citations.publisher(ds, i, lang=lang)),
            t("Document title", lang=lang): s.title,
            t("Language", lang=lang): s.language.map(
                lambda c: locale_rules.written_language_name(citations.language_name(c, lang=lang), lang)
            ),
            t("Kind", lang=lang): s.kind.map(lambda k: _vocab(SOURCE_KINDS, k, lang)),
            t("Can support", lang=lang): s.supports.fillna("").map(
                lambda v: locale_rules.series((_vocab(SOURCE_SUPPORTS, x, lang) for x in v.split("|") if x), lang)
            ),
            t("Published", lang=lang): s.published.fillna("").replace("", "—"),
            t("Link", lang=lang): s.url,
        }
    )


def tables(ds: Dataset, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """(sheet name, table) in the workbook's order; names at most 31 characters (Excel's limit)."""
    return [
        (t("Headline figures", lang=lang), figures_table(ds, lang)),
        (t("Coverage", lang=lang), coverage_table(ds, lang)),
        (t("Countries and regions", lang=lang), countries_table(ds, lang)),
        (t("Organizations", lang=lang), organizations_table(ds, lang)),
        (t("People", lang=lang), people_table(ds, lang)),
        (t("Conflicts", lang=lang), conflicts_table(ds, lang)),
        (t("Sources", lang=lang), sources_table(ds, lang)),
    ]


def display_width(text: object) -> int:
    """Columns a cell needs: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _sheet_name(name: str, used: set[str]) -> str:
    name = "".join(" " if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]} {n}"
        n += 1
    used.add(name)
    return name


def workbook_bytes(ds: Dataset, lang: str, note: str = "") -> bytes:
    """The XLSX bytes: one sheet per table of :func:`tables`; ``note`` (data version, date, licence)
    goes on a first 'About' sheet when given."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF6")
    sheets = tables(ds, lang)
    if note:
        about = wb.create_sheet(_sheet_name(t("About", lang=lang), used))
        about.append([neutralize(t("Migration Sub-Forum participation dashboard", lang=lang))])
        about["A1"].font = Font(bold=True, size=13)
        for line in note.splitlines():
            cell_row = [neutralize(line)]
            about.append(cell_row)
        about.append([])
        about.append([neutralize(t("Sheets", lang=lang))])
        for name, df in sheets:
            about.append([neutralize(t("{sheet}: {n} rows", lang=lang, sheet=name, n=len(df)))])
        about.column_dimensions["A"].width = 100
    for name, df in sheets:
        ws = wb.create_sheet(_sheet_name(name, used))
        ws.append([neutralize(str(c)) for c in df.columns])
        for row in df.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # never a formula (a neutralised text stays text)
                    cell.data_type = "s"
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.freeze_panes = "A2"
        if len(df):
            ws.auto_filter.ref = ws.dimensions
        for i, col in enumerate(df.columns, 1):
            widest = max([display_width(col), *(display_width(v) for v in df.iloc[:, i - 1] if v is not None)])
            ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(value: object) -> object:
    """A value openpyxl writes as it is: NA as empty, numpy numbers as Python numbers, text neutralised."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        return value.item()
    return neutralize(value) if isinstance(value, str) else value


def file_name(lang: str) -> str:
    return f"migration-subforum-tables-{lang}.xlsx"


def to_xlsx_bytes(table: pd.DataFrame, title: str, note: str, sheet: str = "Sheet1") -> bytes:
    """``table`` as an Excel workbook: a title row, a note row, then the table (headers as given),
    text cells formula-safe (a leading apostrophe, as in the CSV exports)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([neutralize(title)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([neutralize(note)])
    ws.append([])
    ws.append([neutralize(str(c)) for c in table.columns])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in safe_frame(table).itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    for i, col in enumerate(table.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in table.iloc[:, i - 1]]) + 2
        ws.column_dimensions[ws.cell(row=4, column=i).column_letter].width = min(max(width, 8), 48)
    ws.freeze_panes = "A5"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
