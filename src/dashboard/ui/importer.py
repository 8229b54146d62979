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

from .. import citations
from .. import registrations as R
from ..dataset import Dataset
from ..exports import to_csv_bytes
from ..formatting import format_figure
from ..harmonize import AliasIndex
from ..i18n import get_language, t
from ..names import entity_name
from ..paths import data_dir
from ..text import escape_markdown as esc
from ..vocab import METRIC_NOUNS, METRICS
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
    for col, ext, mime in (
        (c1, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (c2, "csv", "text/csv"),
    ):
        path = folder / f"registration_template.{ext}"
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
                "One row per attendee with the columns **edition**, **country_or_organization** and **role** "
                "(required), and **full_name**, **organization**, **delegation**, **mode** (optional). "
                "Headers in English or Chinese; CSV (UTF-8, GBK, UTF-16; comma, semicolon or tab) or XLSX. "
                "Roles: delegate, head_of_delegation, speaker, moderator, observer, staff, other."
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


def upload(ds: Dataset) -> None:
    file = st.file_uploader(
        t("Registration list (CSV or XLSX, up to 5 MB)"),
        type=["csv", "xlsx", "txt"],
        key="registration_upload",
        max_upload_size=5,
    )
    if file is None:
        return
    data = file.getvalue()
    done = st.session_state.get("import_done")
    if done is not None and done["digest"] == hashlib.sha256(data).hexdigest():
        added(ds, done)  # this very file was just added: what changed, not its (resolved) problems again
        return
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
    matched_names(ds, report.table)
    resolve_names(report, index, resolutions, skipped, ds)
    if issues:
        st.warning(t("{n} row(s) have problems:", n=len({i.row for i in issues})))
        table = pd.DataFrame(
            [
                {
                    "row": i.row,
                    "column": i.column,
                    "problem": i.message,
                    "suggestions": ", ".join(_in_language(ds, index, x) for x in i.suggestions),
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
        t("{n} valid rows for edition(s) {eds}.", n=len(ok), eds=", ".join(map(str, sorted(ok.edition.unique()))))
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
            source = R.source_record(f"upload_{edition}", file.name, edition, today, not keep_names)
            lists[edition] = (part.reset_index(drop=True), source, declared.get(edition, False))
            checks[edition] = R.completeness(ds.reported_figures, part, edition, declared.get(edition, False))
        st.session_state["import_done"] = {
            "digest": hashlib.sha256(data).hexdigest(),
            "file": file.name,
            "changes": R.what_changed(ds.participation, table),
            "checks": checks,
            "names_kept": keep_names,
        }
        st.session_state.pop("import_resolutions", None)
        st.rerun()


def matched_names(ds: Dataset, table: pd.DataFrame) -> None:
    """Each distinct written name and the entity it was matched to (English and Chinese name, code)."""
    if table.empty:
        return
    names = ds.entities[["code", "name_en", "name_zh"]].pipe(
        lambda e: pd.concat([e, ds.organizations[["code", "name_en", "name_zh"]]], ignore_index=True)
    )
    names = names.drop_duplicates("code").set_index("code")
    g = table.groupby(["written_name", "code"], sort=False).size().rename("rows").reset_index()
    shown = pd.DataFrame(
        {
            t("Written in the file"): g.written_name,
            t("Matched to"): [names.name_en.get(c, "") for c in g.code],
            t("Chinese name"): [names.name_zh.get(c, "") for c in g.code],
            t("Code"): g.code,
            t("Rows"): g.rows,
        }
    )
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
                    t("Reported"): [format_figure(d.reported, d.qualifier, lang=lang) for d in check.differences],
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
        total=format_figure(d.reported, d.qualifier, lang=lang),
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
                    title=esc(source["title"]),
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
