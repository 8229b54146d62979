"""Sections of the Import page: upload, preview, validation report, resolving names, confirm.
Nothing is written to disk: a confirmed list joins this session's dataset only. Person names
are shown only in the preview, never put in a URL, and dropped unless the user keeps them.
Everything the file brings (its name, cell values, names in messages) is escaped before it is
rendered as Markdown."""

from __future__ import annotations

import datetime as dt
import hashlib
import math

import pandas as pd
import streamlit as st

from .. import citations, locale_rules
from .. import registrations as R
from ..dataset import Dataset
from ..exports import to_csv_bytes
from ..formatting import format_figure_unit, format_list, format_year
from ..harmonize import AliasIndex
from ..i18n import get_language, t
from ..names import entity_form, entity_name
from ..paths import data_dir
from ..registrations.common import column_name, series
from ..text import escape_markdown as esc
from ..vocab import METRIC_NOUNS, METRICS, REGISTRATION_COLUMNS, SENIORITY
from .charts import download_csv
from .components import edition_picker

SKIP = "— skip these rows —"
NOT_USED = ""  # a header mapped to no column
ENCODINGS = ["", "utf-8", "gb18030", "big5", "cp1252", "cp1250", "cp1251", "utf-16"]  # "" = decided on evidence
PAGE_SIZE = 10  # distinct unknown names (pickers) per page


@st.cache_resource(show_spinner=False)
def alias_index(data_folder: str, _entities: pd.DataFrame, _organizations: pd.DataFrame) -> AliasIndex:
    """One alias table per data folder; its suggestion cache lives as long as the server."""
    return AliasIndex(_entities, _organizations)


def templates() -> None:
    """The registration templates, in the reader's language where one exists
    (``registration_template.<lang>.<ext>``: Chinese headers, roles and modes), else the default."""
    folder = data_dir() / "templates"
    lang = get_language()
    c1, c2 = st.columns(2)
    for col, ext, mime in (
        (c1, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (c2, "csv", "text/csv"),
    ):
        local = folder / f"registration_template.{lang}.{ext}"
        path = local if local.exists() else folder / f"registration_template.{ext}"
        if path.exists():
            with col:
                st.download_button(
                    t("Template ({ext})", ext=ext.upper()),
                    data=path.read_bytes(),
                    file_name=path.name,
                    mime=mime,
                    key=f"template-{ext}",
                    on_click="ignore",
                )
    with st.expander(t("What the file must contain")):
        st.markdown(
            t(
                "One row per attendee. Only one column is required: the **country/region or international "
                "organization** (国家/地区, 国别, country…). Optional: **edition** (without it, the rows belong to "
                "the edition chosen below), **name** (姓名), **title** (职务: gives the seniority), "
                "**organization** (单位), **delegation** (代表团), **role** (身份: 团长, 副团长, 团员, 嘉宾…), "
                "**mode** (参会方式: 现场, 线上). Headers in Chinese or English; other headers (序号, 备注) are "
                "left out, and any header can be mapped by hand. CSV (UTF-8, GBK, UTF-16; comma, semicolon or "
                "tab) or XLSX (title rows, merged cells, formulas and dates as the spreadsheet shows them)."
            )
        )


def session_notice() -> None:
    """Always on the page (also after a reload, which has dropped any list): where a list lives."""
    st.info(
        t(
            "A list added here lives in this browser session only: reloading the page, opening a new tab or "
            "closing the browser drops it. To keep it, download the cleaned list below once it is added and "
            "add it to the data with the command shown next to it."
        )
    )


def list_edition(ds: Dataset) -> int:
    """The edition a list without an edition column belongs to (default: the latest; in the URL)."""
    return edition_picker(ds, label=t("Edition of the list"))


def upload(ds: Dataset) -> None:
    lang = get_language()
    edition = list_edition(ds)
    file = st.file_uploader(
        t("Registration list (CSV or XLSX, up to 5 MB)"),
        type=["csv", "xlsx", "txt"],
        key="registration_upload",
        max_upload_size=5,
    )
    if file is None:
        return
    data = file.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    done = st.session_state.get("import_done")
    if done is not None and done["digest"] == digest:
        added(ds, done)  # this very file was just added: what changed, not its (resolved) problems again
        return
    choices = st.session_state.setdefault("import_columns", {})
    if choices.get("digest") != digest:
        choices.clear()
        choices["digest"] = digest
    mapping, encoding = choices.get("mapping"), choices.get("encoding") or None
    raw, refusal, headers = read_once(data, file.name, mapping, encoding, lang)
    if refusal is not None:
        st.error(t("The file was refused: {reason}", reason=esc(refusal)))
        if headers:
            map_columns(headers, {}, mapping or {}, file.name, expanded=True)
        return
    st.markdown(t("**{name}**: {n} rows read.", name=esc(file.name), n=len(raw)))
    asked = [a for a in raw.attrs.get("encoding_alternatives", []) if a["values"]]
    for note in raw.attrs.get("notes", []):
        if not (asked and note in raw.attrs.get("alternative_notes", [])):  # the question below says it
            st.caption(esc(note))
    encoding_choice(raw, choices)
    found = raw.attrs.get("headers", {})
    map_columns(list(found.values()) + raw.attrs.get("unused", []), found, mapping or {}, file.name, raw=raw)
    raw = pick_sheets(raw)
    if raw.empty:
        st.error(t("No sheet chosen."))
        return
    with st.expander(t("Preview (first 20 rows)")):
        st.dataframe(
            raw.head(20)
            .drop(columns=[c for c in raw.columns if raw[c].isna().all()])
            .rename(columns={"row": t("row")}),
            hide_index=True,
        )
    index = alias_index(str(data_dir()), ds.entities, ds.organizations)
    resolutions = st.session_state.setdefault("import_resolutions", {})
    report = validate_once(
        raw, file.name, index, ds.edition_ids, {k: v for k, v in resolutions.items() if v}, edition, lang
    )
    skipped = {k for k, v in resolutions.items() if v is None}
    issues = [i for i in report.issues if not (i.column == "country_or_organization" and i.value in skipped)]
    matched_names(ds, report.table)
    seniority_summary(report.table)
    resolve_names(report, index, resolutions, skipped, ds)
    if issues:
        st.warning(t("{n} row(s) have problems:", n=len({(i.sheet, i.row) for i in issues})))
        by_sheet = any(x.sheet for x in issues)
        names = {(i.column, i.header) for i in issues}  # a few distinct columns, however many issues
        names = {k: column_name(k[0], k[1], lang) for k in names}
        table = pd.DataFrame(
            [
                {
                    **({t("sheet"): i.sheet} if by_sheet else {}),
                    t("row"): i.row,
                    t("column"): names[(i.column, i.header)],
                    t("problem"): _message_in_language(ds, index, i),
                    t("suggestions"): series((_in_language(ds, index, x) for x in i.suggestions), lang),
                }
                for i in issues
            ]
        )
        st.dataframe(table, hide_index=True)
        download_csv(table, "import-problems", label=t("Download the problem report (CSV)"))
    ok = report.table
    if ok.empty:
        st.error(t("No valid rows to import."))
        return
    st.success(
        t(
            "{n} valid rows for edition(s) {eds}.",
            n=len(ok),
            eds=format_list((format_year(e, lang=lang) for e in sorted(ok.edition.unique())), lang=lang),
        )
    )
    keep_names = st.checkbox(
        t("Keep person names in this session (otherwise only aggregates are kept)"),
        value=False,
        key="import_keep_names",
    )
    declared = {}
    for edition in sorted(int(e) for e in ok.edition.unique()):
        declared[edition] = st.checkbox(
            t("This list is the complete list of participants of {edition}", edition=edition),
            value=False,
            key=f"import_complete::{edition}",
            help=t(
                "Say so only if the organizers gave you their full list. The edition is then treated as "
                "complete only if the list is also consistent with the totals the sources report."
            ),
        )
        completeness_note(ds, R.completeness(ds.reported_figures, ok, edition, declared[edition]))
    partial = True
    if issues:
        partial = st.checkbox(
            t("Import the {n} valid rows and leave out the rows with problems", n=len(ok)),
            value=False,
            key="import_partial",
        )
    if st.button(t("Add to this session's data"), type="primary", disabled=not partial, key="import_confirm"):
        table = ok if keep_names else R.anonymise(ok)
        lists = st.session_state.setdefault("registration_lists", {})
        today = dt.date.today().isoformat()
        checks = {}
        for edition, part in table.groupby("edition"):
            edition = int(edition)
            source = R.source_record(
                f"upload_{edition}", file.name, edition, today, not keep_names, encoding=encoding_record(raw)
            )
            lists[edition] = (part.reset_index(drop=True), source, declared.get(edition, False))
            checks[edition] = R.completeness(ds.reported_figures, part, edition, declared.get(edition, False))
        st.session_state["import_done"] = {
            "digest": hashlib.sha256(data).hexdigest(),
            "file": file.name,
            "changes": R.what_changed(ds.participation, table),
            "checks": checks,
            "names_kept": keep_names,
            "encoding": encoding_record(raw),
        }
        st.session_state.pop("import_resolutions", None)
        st.rerun()


def encoding_choice(raw: pd.DataFrame, choices: dict) -> None:
    """When two text encodings read a CSV plausibly: the values they read differently, side by side,
    and a picker. The choice re-reads the file, is kept in this session (``import_columns``) and goes
    on the list's source record (:func:`encoding_record`)."""
    lang = get_language()
    detected = raw.attrs.get("encoding", "")

    def label(e: str) -> str:
        return R.ENCODING_LABELS.get(e, e)

    if raw.attrs.get("encoding_chosen"):
        st.caption(t("Text encoding: {encoding} (your choice).", encoding=label(detected)))
        return
    alternatives = [a for a in raw.attrs.get("encoding_alternatives", []) if a["values"]]
    if not alternatives:
        return
    others = [a["encoding"] for a in alternatives]
    st.warning(
        t(
            "This file reads plausibly as {encoding} text and as {others} text, and these values differ. "
            "Choose the encoding in which they are right; the choice is recorded with the list.",
            encoding=label(detected),
            others=series([label(e) for e in others], lang),
        )
    )
    rows: dict[tuple[int, str], dict[str, str]] = {}
    for a in alternatives:
        for n, ours, theirs in a["values"]:
            rows.setdefault((n, ours), {})[a["encoding"]] = theirs
    head = t("As {encoding}", encoding=label(detected))
    st.dataframe(
        pd.DataFrame(
            [
                {t("row"): n, head: ours} | {t("As {encoding}", encoding=label(e)): theirs.get(e, ours) for e in others}
                for (n, ours), theirs in rows.items()
            ]
        ),
        hide_index=True,
    )
    pick = st.radio(t("Text encoding of this file"), [detected, *others], format_func=label, key="import_encoding_pick")
    if st.button(t("Use this encoding"), key="import_encoding_apply"):
        choices["encoding"] = pick
        st.session_state.pop("import_resolutions", None)
        st.rerun()


def encoding_record(raw: pd.DataFrame) -> str:
    """How a CSV's text was decoded, for the list's source record ("" for a workbook)."""
    encoding = raw.attrs.get("encoding", "")
    if not encoding:
        return ""
    how = "chosen by the user on import" if raw.attrs.get("encoding_chosen") else "decided from the file"
    return f"{R.ENCODING_LABELS.get(encoding, encoding)} ({how})"


def matched_names(ds: Dataset, table: pd.DataFrame) -> None:
    """Each distinct written name and the entity it was matched to (English and Chinese name, code)."""
    if table.empty:
        return
    names = ds.entities[["code", "name_en", "name_zh"]].pipe(
        lambda e: pd.concat([e, ds.organizations[["code", "name_en", "name_zh"]]], ignore_index=True)
    )
    names = names.drop_duplicates("code").set_index("code")
    g = table.groupby(["written_name", "code"], sort=False).size().rename("rows").reset_index()
    lang = get_language()
    beside = locale_rules.rules(lang).name_beside
    form = {c: entity_form(r, lang) for c, r in zip(names.index, names.itertuples())}
    columns = {t("Written in the file"): g.written_name, t("Matched to"): [form.get(c, "") for c in g.code]}
    if beside and beside != lang:  # English readers also see the Chinese name
        columns[t("Chinese name")] = [names.name_zh.get(c, "") for c in g.code]
    shown = pd.DataFrame(columns | {t("Code"): g.code, t("Rows"): g.rows})
    with st.expander(t("How each name was matched ({n} distinct names)", n=len(shown)), expanded=True):
        st.dataframe(shown, hide_index=True)


def completeness_note(ds: Dataset, check: R.Completeness) -> None:
    """Whether an edition would be (or was) accepted as complete, and every difference from the
    reported figures, shown as a difference (never as a new reported figure)."""
    lang = get_language()
    e = check.edition
    if check.complete:
        st.success(
            t(
                "{edition}: accepted as the complete list of participants (declared by the organizer and "
                "consistent with the reported totals).",
                edition=e,
            )
        )
    elif check.declared:
        reasons = "; ".join(shortfall_text(d) for d in check.shortfalls)
        st.warning(
            t(
                "{edition}: not accepted as the complete list, because {reasons}. It adds identified "
                "participants and coverage only.",
                edition=e,
                reasons=reasons,
            )
        )
    else:
        st.caption(
            t(
                "{edition}: not declared the complete list, so it adds identified participants and coverage "
                "only; the reported figures stay as the sources give them.",
                edition=e,
            )
        )
    if check.differences:
        st.dataframe(
            pd.DataFrame(
                {
                    t("Figure"): [METRICS.label(d.metric, lang=lang) for d in check.differences],
                    t("Reported"): [
                        format_figure_unit(d.reported, d.qualifier, d.metric, lang=lang) for d in check.differences
                    ],
                    t("Reported by"): [citations.publisher(ds, d.source_id, lang=lang) for d in check.differences],
                    t("In this list"): [d.listed for d in check.differences],
                    t("Difference"): [f"{d.listed - d.reported:+d}" for d in check.differences],
                }
            ),
            hide_index=True,
        )
        st.caption(
            t(
                "Differences between the list and the reported figures; the list's counts are not reported "
                "figures. Rule: a list is complete only when the organizer declares it so and no count in it "
                "is below a reported total (90 % of an approximate one, above a 'more than' one)."
            )
        )


def shortfall_text(d: R.Difference) -> str:
    lang = get_language()
    return t(
        "it has {n} {what}, fewer than the reported {total}",
        n=d.listed,
        what=METRIC_NOUNS.label(d.metric, lang=lang),
        total=format_figure_unit(d.reported, d.qualifier, d.metric, lang=lang),
    )


def added(ds: Dataset, done: dict) -> None:
    """The success state after 'Add to this session's data': what changed per edition."""
    st.success(t("**{file}** was added to this browser session's data.", file=esc(done["file"])))
    for r in done["changes"].itertuples():
        people = (
            t("{n} attendees, {k} of them named", n=r.attendees, k=r.named_people)
            if done["names_kept"]
            else t("{n} attendees (names not kept)", n=r.attendees)
        )
        st.markdown(
            t(
                "- **{edition}**: {c} countries and regions ({c_new} not named in public sources before), "
                "{o} international organizations ({o_new} new), {people}.",
                edition=r.edition,
                c=r.countries_and_regions,
                c_new=r.countries_and_regions_new,
                o=r.international_organizations,
                o_new=r.international_organizations_new,
                people=people,
            )
        )
    for check in done["checks"].values():
        completeness_note(ds, check)
    st.caption(t("To add another list, choose another file above."))


def read_once(
    data: bytes, name: str, columns: dict | None = None, encoding: str | None = None, lang: str = "en"
) -> tuple[pd.DataFrame | None, str | None, list[str]]:
    """The file read once per upload and choice of columns and encoding, not on every click:
    (rows, None, []) or (None, why refused, the most header-like row when the columns were not found).
    Kept in this session only (the next upload replaces it)."""
    key = (name, len(data), hashlib.sha256(data).hexdigest(), tuple(sorted((columns or {}).items())), encoding, lang)
    memo = st.session_state.get("_import_read")
    if memo is None or memo[0] != key:
        try:
            memo = (key, R.read_file(data, name, columns=columns, lang=lang, encoding=encoding), None, [])
        except R.FileRefused as exc:
            memo = (key, None, str(exc), [h for h in getattr(exc, "headers", []) if h])
        st.session_state["_import_read"] = memo
    return memo[1], memo[2], memo[3]


def validate_once(
    raw: pd.DataFrame,
    name: str,
    index: AliasIndex,
    editions: list[int],
    resolutions: dict,
    edition: int | None = None,
    lang: str = "en",
) -> R.Report:
    """The report, recomputed only when the rows, the editions, the chosen edition, the language or the
    user's resolutions change."""
    key = (
        id(raw),
        len(raw),
        tuple(raw["sheet"].unique()) if "sheet" in raw.columns else (),
        name,
        tuple(editions),
        edition,
        lang,
        tuple(sorted((k, v.kind, v.code) for k, v in resolutions.items())),
    )
    memo = st.session_state.get("_import_report")
    if memo is None or memo[0] != key:
        memo = (key, R.validate(raw, name, index, editions, resolutions, edition=edition, lang=lang))
        st.session_state["_import_report"] = memo
    return memo[1]


def map_columns(
    headers: list[str],
    found: dict[str, str],
    chosen: dict[str, str],
    name: str,
    expanded: bool = False,
    raw: pd.DataFrame | None = None,
) -> None:
    """The column-mapping step: each header of the file and the column it is read as (proposed from
    the Chinese and English synonyms; any can be changed, or left out), and the text encoding of a CSV.
    Applying re-reads the file with the choices."""
    lang = get_language()  # format_func may run outside the page's run: the language captured here
    by_header = {h: c for c, h in found.items()}
    options = [NOT_USED, *REGISTRATION_COLUMNS.codes]
    with st.expander(t("Map the columns"), expanded=expanded):
        st.caption(
            t(
                "How each header of the file is read. Only the country/region or international organization "
                "column is required; change a line if a header was read wrongly or not recognised."
            )
        )
        picks = {}
        for i, header in enumerate(dict.fromkeys(h for h in headers if h)):
            if i % 3 == 0:  # three to a row on a wide screen; stacked in the file's order on a phone
                cols = st.columns(3)
            current = chosen.get(header, by_header.get(header) or (R.column_for(header) or NOT_USED))
            picks[header] = cols[i % 3].selectbox(
                esc(header),
                options,
                index=options.index(current) if current in options else 0,
                key=f"import_map::{i}::{header}",
                format_func=lambda c: REGISTRATION_COLUMNS.label(c, lang) if c else t("— not used —", lang=lang),
            )
        encoding = NOT_USED
        if name.lower().endswith((".csv", ".txt")):
            chosen_encoding = st.session_state.get("import_columns", {}).get("encoding") or ""
            detected = raw.attrs.get("encoding", "") if raw is not None else ""
            encoding = st.selectbox(
                t("Text encoding"),
                ENCODINGS,
                index=ENCODINGS.index(chosen_encoding) if chosen_encoding in ENCODINGS else 0,
                key="import_encoding",
                format_func=lambda e: (
                    t(
                        "Decided from the file ({encoding})",
                        lang=lang,
                        encoding=R.ENCODING_LABELS.get(detected, detected),
                    )
                    if not e and detected
                    else t("Decided from the file", lang=lang)
                    if not e
                    else R.ENCODING_LABELS.get(e, e)
                ),
                help=t("Change it if names look garbled in the preview."),
            )
        if st.button(t("Read the file with these columns"), key="import_apply_columns"):
            state = st.session_state.setdefault("import_columns", {})
            state["mapping"] = {h: c for h, c in picks.items()}
            state["encoding"] = encoding
            st.session_state.pop("import_resolutions", None)
            st.rerun()


def pick_sheets(raw: pd.DataFrame) -> pd.DataFrame:
    """A workbook with several visible sheets holding a list: which of them to import (all by default)."""
    if "sheet" not in raw.columns or raw["sheet"].nunique() < 2:
        return raw
    sheets = list(dict.fromkeys(raw["sheet"]))
    chosen = st.multiselect(
        t("Sheets to import"),
        sheets,
        default=sheets,
        key="import_sheets",
        format_func=lambda x: f"{x} ({int((raw['sheet'] == x).sum())})",
        help=t("Each sheet with a header row is read; leave out the ones that are not part of the list."),
    )
    if len(chosen) == len(sheets):
        return raw
    out = raw[raw["sheet"].isin(chosen)].reset_index(drop=True)
    out.attrs = dict(raw.attrs)
    return out


def seniority_summary(table: pd.DataFrame) -> None:
    """How many attendees of each seniority the titles (职务) give, when the list has titles."""
    if table.empty or "seniority" not in table.columns or not (table.seniority.fillna("") != "").any():
        return
    counts = table.seniority.replace("", pd.NA).dropna().value_counts()
    lang = get_language()
    parts = [t("{level}: {n}", level=SENIORITY.label(k, lang), n=v) for k, v in counts.items()]
    st.caption(t("Seniority from the titles: {counts}", counts=esc(series(parts, get_language()))))


def _message_in_language(ds: Dataset, index: AliasIndex, issue) -> str:
    """A problem's message with the readings of an ambiguous name ('Denmark (DNK)', the alias table's
    English labels) in the interface language ('丹麦 (DNK)'), as in the suggestions beside it."""
    message = issue.message
    if issue.reason == "ambiguous":
        for label in sorted(issue.suggestions, key=len, reverse=True):
            message = message.replace(label, _in_language(ds, index, label))
    return message


def _in_language(ds: Dataset, index: AliasIndex, label: str) -> str:
    """A suggestion ('Solomon Islands (SLB)') with the name in the interface language."""
    lang = get_language()
    match = index.choices().get(label)
    return f"{entity_name(ds, match.code, lang=lang)} ({match.code})" if match else label


def resolve_names(
    report: R.Report, index: AliasIndex, resolutions: dict, skipped: set[str] = frozenset(), ds: Dataset | None = None
) -> None:
    """One picker per distinct unknown name (not per row), ten to a page; suggestions computed for
    the names on the page only (batched and cached in the alias table)."""
    lang = get_language()
    unknown = {k: v for k, v in report.unresolved_names().items() if k not in skipped}
    if not unknown:
        return
    counts = report.rows_per_unresolved_name()
    names = list(unknown)
    st.markdown("**" + t("Resolve unknown names") + "**")
    pages = math.ceil(len(names) / PAGE_SIZE)
    if pages > 1:
        if st.session_state.get("resolve_page", 1) > pages:
            st.session_state["resolve_page"] = pages
        st.caption(
            t(
                "{k} distinct unknown names in {n} rows, {size} per page.",
                k=len(names),
                n=sum(counts[n] for n in names),
                size=PAGE_SIZE,
            )
        )
        page = int(
            st.number_input(
                t("Page of unknown names"), min_value=1, max_value=pages, value=1, step=1, key="resolve_page"
            )
        )
    else:
        page = 1
    shown = names[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    missing = [n for n in shown if not unknown[n]]
    if missing:
        unknown.update(index.suggest_many(missing))
    choices = index.choices()
    # a name with two readings ("AU") starts on "skip": preselecting one reading would be a guess
    ambiguous = {
        i.value
        for i in report.issues
        if i.column == "country_or_organization" and getattr(i, "reason", "") == "ambiguous"
    }

    def shown_as(option: str) -> str:
        """The pick list in the interface language: '所罗门群岛 (SLB)'; the option itself stays a key."""
        if option == SKIP:
            return t("— skip these rows —")
        match = choices.get(option)
        if match is None or ds is None:
            return option
        return f"{entity_name(ds, match.code, lang=lang)} ({match.code})"

    for written in shown:
        suggestions = unknown[written]
        options = [SKIP] + list(suggestions) + [c for c in choices if c not in suggestions]
        pick = st.selectbox(
            t("“{name}” ({n} row(s)) is", name=esc(written), n=counts.get(written, 1)),
            options,
            index=1 if suggestions and written not in ambiguous else 0,
            key=f"resolve::{written}",
            format_func=shown_as,
        )
        st.session_state["_pending_resolution::" + written] = pick
    if st.button(t("Apply these choices"), key="apply_resolutions"):
        for written in shown:
            pick = st.session_state.get("_pending_resolution::" + written)
            resolutions[written] = None if pick in (None, SKIP) else choices[pick]
        st.rerun()


def loaded_lists(ds: Dataset) -> None:
    lang = get_language()
    lists = st.session_state.get("registration_lists", {})
    if not lists:
        st.caption(t("No registration list loaded in this session."))
        return
    for edition, (table, source, declared) in sorted(lists.items()):
        c1, c2 = st.columns([4, 1])
        with c1:
            st.markdown(
                t(
                    "**{e}**: {n} attendees, {k} countries, regions and organizations — {title}",
                    e=edition,
                    n=len(table),
                    k=table.code.nunique(),
                    title=esc(
                        citations.list_label(
                            source["url"].removeprefix("file:///"), edition, source["accessed"], lang=lang
                        )
                    ),
                )
            )
        with c2:
            if st.button(t("Remove"), key=f"remove-{edition}"):
                del lists[edition]
                st.session_state.pop("import_done", None)
                st.rerun()
        # --complete only for a list accepted as complete (a declared list the checks refused is not)
        accepted = declared and R.completeness(ds.reported_figures, table, edition, declared).complete
        keep(ds, edition, table, accepted, anonymised=not (table.full_name.astype(str) != "").any())


def keep(ds: Dataset, edition: int, table: pd.DataFrame, declared: bool, anonymised: bool) -> None:
    """The cleaned list (formula-safe CSV, in the template's columns, names as matched) and the exact
    command that adds it to the data for good (``declared``: accepted as the complete list)."""
    name = f"registration-{edition}-clean.csv"
    st.download_button(
        t("Download the cleaned list of {edition} (CSV)", edition=edition),
        data=to_csv_bytes(R.cleaned(table, ds.entities, ds.organizations)),
        file_name=name,
        mime="text/csv",
        key=f"keep-{edition}",
        on_click="ignore",
    )
    command = f"python -m dashboard.ingest {name} --edition {edition}"
    if anonymised:
        command += " --anonymise"
    if declared:
        command += " --complete"
    st.caption(
        t("This list is kept in this browser session only. To keep it, save the file into the project folder and run:")
    )
    st.code(command, language="bash")
