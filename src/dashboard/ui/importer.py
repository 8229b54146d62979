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

from .. import registrations as R
from ..dataset import Dataset
from ..harmonize import AliasIndex
from ..i18n import t
from ..paths import data_dir
from ..text import escape_markdown as esc
from .charts import download_csv

SKIP = "— skip these rows —"
PAGE_SIZE = 10  # distinct unknown names (pickers) per page


@st.cache_resource(show_spinner=False)
def alias_index(data_folder: str, _entities: pd.DataFrame, _organizations: pd.DataFrame) -> AliasIndex:
    """One alias table per data folder; its suggestion cache lives as long as the server."""
    return AliasIndex(_entities, _organizations)


def templates() -> None:
    folder = data_dir() / "templates"
    c1, c2 = st.columns(2)
    for col, ext, mime in ((c1, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                           (c2, "csv", "text/csv")):
        path = folder / f"registration_template.{ext}"
        if path.exists():
            with col:
                st.download_button(t("Template ({ext})", ext=ext.upper()), data=path.read_bytes(),
                                   file_name=path.name, mime=mime, key=f"template-{ext}", on_click="ignore")
    with st.expander(t("What the file must contain")):
        st.markdown(t("One row per attendee with the columns **edition**, **country_or_organization** and **role** "
                      "(required), and **full_name**, **organization**, **delegation**, **mode** (optional). "
                      "Headers in English or Chinese; CSV (UTF-8, GBK, UTF-16; comma, semicolon or tab) or XLSX. "
                      "Roles: delegate, head_of_delegation, speaker, moderator, observer, staff, other."))


def upload(ds: Dataset) -> None:
    file = st.file_uploader(t("Registration list (CSV or XLSX, up to 5 MB)"), type=["csv", "xlsx", "txt"],
                            key="registration_upload", max_upload_size=5)
    if file is None:
        return
    data = file.getvalue()
    raw, refusal = read_once(data, file.name)
    if refusal is not None:
        st.error(t("The file was refused: {reason}", reason=esc(refusal)))
        return
    st.markdown(t("**{name}**: {n} rows read.", name=esc(file.name), n=len(raw)))
    with st.expander(t("Preview (first 20 rows)")):
        st.dataframe(raw.head(20), hide_index=True)
    index = alias_index(str(data_dir()), ds.entities, ds.organizations)
    resolutions = st.session_state.setdefault("import_resolutions", {})
    report = validate_once(raw, file.name, index, ds.edition_ids, {k: v for k, v in resolutions.items() if v})
    skipped = {k for k, v in resolutions.items() if v is None}
    issues = [i for i in report.issues if not (i.column == "country_or_organization" and i.value in skipped)]
    resolve_names(report, index, resolutions, skipped)
    if issues:
        st.warning(t("{n} row(s) have problems:", n=len({i.row for i in issues})))
        table = pd.DataFrame([{"row": i.row, "column": i.column, "problem": i.message,
                               "suggestions": ", ".join(i.suggestions)} for i in issues])
        st.dataframe(table, hide_index=True)
        download_csv(table, "import-problems", label=t("Download the problem report (CSV)"))
    ok = report.table
    if ok.empty:
        st.error(t("No valid rows to import."))
        return
    st.success(t("{n} valid rows for edition(s) {eds}.", n=len(ok), eds=", ".join(map(str, sorted(ok.edition.unique())))))
    keep_names = st.checkbox(t("Keep person names in this session (otherwise only aggregates are kept)"),
                             value=False, key="import_keep_names")
    partial = True
    if issues:
        partial = st.checkbox(t("Import the {n} valid rows and leave out the rows with problems", n=len(ok)),
                              value=False, key="import_partial")
    if st.button(t("Add to this session's data"), type="primary", disabled=not partial, key="import_confirm"):
        table = ok if keep_names else R.anonymise(ok)
        lists = st.session_state.setdefault("registration_lists", {})
        today = dt.date.today().isoformat()
        for edition, part in table.groupby("edition"):
            source = R.source_record(f"upload_{edition}", file.name, int(edition), today, not keep_names)
            lists[int(edition)] = (part.reset_index(drop=True), source)
        st.session_state.pop("import_resolutions", None)
        st.rerun()


def read_once(data: bytes, name: str) -> tuple[pd.DataFrame | None, str | None]:
    """The file read once per upload, not on every click: (rows, None) or (None, why refused).
    Kept in this session only (the next upload replaces it)."""
    key = (name, len(data), hashlib.sha256(data).hexdigest())
    memo = st.session_state.get("_import_read")
    if memo is None or memo[0] != key:
        try:
            memo = (key, R.read_file(data, name), None)
        except R.FileRefused as exc:
            memo = (key, None, str(exc))
        st.session_state["_import_read"] = memo
    return memo[1], memo[2]


def validate_once(raw: pd.DataFrame, name: str, index: AliasIndex, editions: list[int], resolutions: dict) -> R.Report:
    """The report, recomputed only when the rows, the editions or the user's resolutions change."""
    key = (id(raw), name, tuple(editions), tuple(sorted((k, v.kind, v.code) for k, v in resolutions.items())))
    memo = st.session_state.get("_import_report")
    if memo is None or memo[0] != key:
        memo = (key, R.validate(raw, name, index, editions, resolutions))
        st.session_state["_import_report"] = memo
    return memo[1]


def resolve_names(report: R.Report, index: AliasIndex, resolutions: dict, skipped: set[str] = frozenset()) -> None:
    """One picker per distinct unknown name (not per row), ten to a page; suggestions computed for
    the names on the page only (batched and cached in the alias table)."""
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
        st.caption(t("{k} distinct unknown names in {n} rows, {size} per page.", k=len(names),
                     n=sum(counts[n] for n in names), size=PAGE_SIZE))
        page = int(st.number_input(t("Page of unknown names"), min_value=1, max_value=pages, value=1, step=1,
                                   key="resolve_page"))
    else:
        page = 1
    shown = names[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    missing = [n for n in shown if not unknown[n]]
    if missing:
        unknown.update(index.suggest_many(missing))
    choices = index.choices()
    # a name with two readings ("AU") starts on "skip": preselecting one reading would be a guess
    ambiguous = {i.value for i in report.issues
                 if i.column == "country_or_organization" and i.message.startswith("ambiguous")}
    for written in shown:
        suggestions = unknown[written]
        options = [SKIP] + list(suggestions) + [c for c in choices if c not in suggestions]
        pick = st.selectbox(t("“{name}” ({n} row(s)) is", name=esc(written), n=counts.get(written, 1)), options,
                            index=1 if suggestions and written not in ambiguous else 0, key=f"resolve::{written}")
        st.session_state["_pending_resolution::" + written] = pick
    if st.button(t("Apply these choices"), key="apply_resolutions"):
        for written in shown:
            pick = st.session_state.get("_pending_resolution::" + written)
            resolutions[written] = None if pick in (None, SKIP) else choices[pick]
        st.rerun()


def loaded_lists() -> None:
    lists = st.session_state.get("registration_lists", {})
    if not lists:
        st.caption(t("No registration list loaded in this session."))
        return
    for edition, (table, source) in sorted(lists.items()):
        c1, c2 = st.columns([4, 1])
        with c1:
            st.markdown(t("**{e}**: {n} attendees, {k} countries, regions and organizations — {title}", e=edition,
                          n=len(table), k=table.code.nunique(), title=esc(source["title"])))
        with c2:
            if st.button(t("Remove"), key=f"remove-{edition}"):
                del lists[edition]
                st.rerun()
