"""python -m dashboard.ingest: adds a list and rebuilds, or writes nothing at all."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, copy_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import ingest

CORPUS = FIXTURES / "registrations"


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_ingest_adds_list_and_rebuilds(data_copy, capsys):
    rc = ingest.main(
        [str(CORPUS / "utf8.csv"), "--edition", "2025", "--anonymise", "--complete", "--data-dir", str(data_copy)]
    )
    assert rc == 0, capsys.readouterr().err
    reg = pd.read_csv(data_copy / "raw" / "registrations" / "2025.csv", dtype=str, keep_default_na=False)
    assert len(reg) == 6 and (reg.full_name == "").all()
    editions = pd.read_csv(data_copy / "clean" / "editions.csv", dtype=str)
    # declared complete, but 5 countries and regions against a reported 51: participants added, not complete
    assert editions.set_index("edition").loc["2025", "participant_list_complete"] == "false"
    meta = (data_copy / "raw" / "registrations" / "2025.yaml").read_text(encoding="utf-8")
    assert "complete: true" in meta
    figures = pd.read_csv(data_copy / "clean" / "reported_figures.csv", dtype=str)
    assert "registration_2025" not in set(figures.source_id)  # its counts are not reported figures
    part = pd.read_csv(data_copy / "clean" / "participation.csv", dtype=str)
    assert set(part[part.how_known == "registration_list"].code) == {"PER", "KOR", "TUR", "LAO", "CIV", "UNHCR"}
    # the build from the raw files reproduces what ingest wrote
    from dashboard.build import main as build_main

    assert build_main(["--data-dir", str(data_copy), "--check"]) == 0


@pytest.mark.parametrize(
    "name",
    [
        "unknown_country.csv",
        "binary.csv",
        "empty.csv",
        "formula_cells.csv",
        "xlsx_formula.xlsx",
        "far_cell.xlsx",
        "far_cell_hidden.xlsx",
        "zip_bomb.xlsx",
        "too_many_rows.csv",
        "utf32.csv",
        "undecodable.csv",
        "qualified_names.csv",
    ],
)
def test_refused_file_writes_nothing(data_copy, name, capsys):
    before = digest(data_copy)
    rc = ingest.main([str(CORPUS / name), "--edition", "2025", "--data-dir", str(data_copy)])
    assert rc == 1
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err
    assert digest(data_copy) == before


def one_line_error(capsys, argv) -> str:
    assert ingest.main(argv) == 1
    out = capsys.readouterr()
    assert out.out == "" and "Traceback" not in out.err
    assert len(out.err.strip().splitlines()) == 1, out.err
    return out.err


def test_directory_missing_unreadable_and_empty_paths_are_one_line(data_copy, tmp_path, capsys, monkeypatch):
    before = digest(data_copy)
    flags = ["--edition", "2025", "--data-dir", str(data_copy)]
    assert "a folder, not a file" in one_line_error(capsys, [str(tmp_path)] + flags)
    assert "no such file" in one_line_error(capsys, [str(tmp_path / "nope.csv")] + flags)
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "empty.csv: the file is empty" in one_line_error(capsys, [str(tmp_path / "empty.csv")] + flags)
    locked = tmp_path / "locked.csv"
    locked.write_text("edition,country_or_organization,role\n2025,Peru,delegate\n", encoding="utf-8")
    real_open = Path.open

    def deny(self, *a, **k):  # root can read anything: simulate a file the user may not read
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", deny)
    assert "cannot be read (permission denied)" in one_line_error(capsys, [str(locked)] + flags)
    assert digest(data_copy) == before


def test_an_edition_with_a_list_needs_replace_or_append(data_copy, tmp_path, capsys):
    flags = ["--edition", "2025", "--anonymise", "--data-dir", str(data_copy)]
    assert ingest.main([str(CORPUS / "utf8.csv")] + flags) == 0
    capsys.readouterr()
    before = digest(data_copy)
    err = one_line_error(capsys, [str(CORPUS / "gbk_chinese.csv")] + flags)
    assert "edition 2025 already has a registration list" in err and "--replace" in err and "--append" in err
    assert digest(data_copy) == before
    reg = data_copy / "raw" / "registrations" / "2025.csv"

    assert ingest.main([str(CORPUS / "gbk_chinese.csv"), "--append"] + flags) == 0
    assert "Appended to the list of 2025: 10 registrations" in capsys.readouterr().out
    codes = pd.read_csv(reg, dtype=str, keep_default_na=False).code.tolist()
    assert codes == ["PER", "KOR", "TUR", "LAO", "CIV", "UNHCR", "CHN", "HKG", "MAC", "IOM"]
    meta = (data_copy / "raw" / "registrations" / "2025.yaml").read_text(encoding="utf-8")
    assert "utf8.csv + gbk_chinese.csv" in meta

    assert ingest.main([str(CORPUS / "gbk_chinese.csv"), "--replace"] + flags) == 0
    assert "Replaced the list of 2025: 4 registrations" in capsys.readouterr().out
    assert pd.read_csv(reg, dtype=str).code.tolist() == ["CHN", "HKG", "MAC", "IOM"]
    from dashboard.build import main as build_main

    assert build_main(["--data-dir", str(data_copy), "--check"]) == 0


def test_wrong_edition_flag_writes_nothing(data_copy, capsys):
    before = digest(data_copy)
    assert ingest.main([str(CORPUS / "utf8.csv"), "--edition", "2024", "--data-dir", str(data_copy)]) == 1
    assert "--edition 2024" in capsys.readouterr().err
    assert digest(data_copy) == before


def test_failed_rebuild_rolls_back(data_copy, monkeypatch):
    before = digest(data_copy)

    def broken_build(base):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "build", broken_build)
    with pytest.raises(RuntimeError):
        ingest.ingest(CORPUS / "utf8.csv", 2025, True, data_copy)
    assert digest(data_copy) == before


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return copy_data(tmp_path_factory.mktemp("pristine"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(body=st.text(max_size=400), country=st.sampled_from(["Peru", "Perú", "Brazzil", "", "=1+1", "韩国"]))
def test_fuzz_ingest_all_or_nothing(pristine, tmp_path_factory, body, country):
    work = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(pristine, work / "data")
    data = work / "data"
    before = digest(data)
    f = work / "list.csv"
    f.write_text(f"edition,country_or_organization,role\n2025,{country},delegate\n{body}", encoding="utf-8")
    try:
        ingest.ingest(f, 2025, True, data)
    except ValueError as exc:  # the documented refusal (FileRefused is one): anything else is a bug
        assert str(exc), "a refusal says why"
        assert digest(data) == before
        return
    after = digest(data)
    assert "raw/registrations/2025.csv" in after and after["clean/datapackage.json"]


def test_cleaned_list_from_the_import_page_ingests_as_shown(data_copy, tmp_path, capsys):
    """The Import page's download (formula-safe CSV, names as matched) goes through the command it shows."""
    from dashboard import registrations as R
    from dashboard.dataset import load_clean
    from dashboard.exports import to_csv_bytes
    from dashboard.harmonize import AliasIndex

    ds = load_clean(data_copy)
    data = (CORPUS / "utf8.csv").read_bytes()
    report = R.validate(
        R.read_file(data, "utf8.csv"), "utf8.csv", AliasIndex(ds.entities, ds.organizations), ds.edition_ids
    )
    path = tmp_path / "registration-2025-clean.csv"
    path.write_bytes(to_csv_bytes(R.cleaned(R.anonymise(report.table), ds.entities, ds.organizations)))
    rc = ingest.main([str(path), "--edition", "2025", "--anonymise", "--data-dir", str(data_copy)])
    assert rc == 0, capsys.readouterr().err
    reg = pd.read_csv(data_copy / "raw" / "registrations" / "2025.csv", dtype=str, keep_default_na=False)
    assert sorted(reg.code) == sorted(report.table.code)


def test_a_chinese_list_as_organizers_keep_it_in_one_command(data_copy, capsys):
    """序号 / 国家/地区 / 姓名 / 职务 / 单位 / 参会方式, no 届次 and no 身份 (issue 19): one command, the edition
    from --edition, seniority from 职务, titles kept beside the rows."""
    rc = ingest.main([str(CORPUS / "zh_realistic.csv"), "--edition", "2025", "--data-dir", str(data_copy)])
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert "Added a list for 2025: 8 registrations" in out.out and "seniority from titles" in out.out
    reg = pd.read_csv(data_copy / "raw" / "registrations" / "2025.csv", dtype=str, keep_default_na=False)
    assert reg.code.tolist() == ["MNG", "SAU", "BIH", "VAT", "HKG", "COD", "LAO", "COD"]
    assert reg.title.tolist()[:2] == ["国家移民局局长", "内政部副部长"]
    assert reg.seniority.tolist()[:2] == ["head_of_institution", "vice_minister"]  # 副部长: 副部级
    assert set(reg.role) == {"not_stated"} and set(reg.edition) == {"2025"}
    from dashboard.build import main as build_main

    assert build_main(["--data-dir", str(data_copy), "--check"]) == 0


def test_columns_and_encoding_from_the_command_line(data_copy, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes("Nº,Pays,Fonction\n1,Perú,Director\n".encode("cp1252"))
    before = digest(data_copy)
    err = one_line_error(capsys, [str(path), "--edition", "2025", "--data-dir", str(data_copy)])
    assert "no header row with a column for Country/region or international organization" in err
    assert digest(data_copy) == before
    rc = ingest.main(
        [
            str(path),
            "--edition",
            "2025",
            "--columns",
            "Pays=country,Fonction=title,Nº=",
            "--encoding",
            "cp1252",
            "--data-dir",
            str(data_copy),
        ]
    )
    assert rc == 0, capsys.readouterr().err
    reg = pd.read_csv(data_copy / "raw" / "registrations" / "2025.csv", dtype=str, keep_default_na=False)
    assert reg[["written_name", "code", "seniority"]].values.tolist() == [["Perú", "PER", "head_of_institution"]]
    meta = (data_copy / "raw" / "registrations" / "2025.yaml").read_text(encoding="utf-8")
    assert "encoding: cp1252 (chosen)" in meta and "Pays: country_or_organization" in meta  # the choices recorded
    sources = pd.read_csv(data_copy / "clean" / "sources.csv", dtype=str, keep_default_na=False)
    notes = sources.loc[sources.url.str.startswith("file:///"), "notes"].tolist()
    assert notes == ["Participant list supplied by the organizers. Text encoding: cp1252 (chosen)."]  # provenance


def test_bad_columns_encoding_and_edition_options_are_one_line(data_copy, capsys):
    before = digest(data_copy)
    for argv, text in (
        (["--columns", "x=salary"], "'salary' is not a column"),
        (["--encoding", "klingon"], "'klingon' is not an encoding"),
    ):
        err = one_line_error(
            capsys, [str(CORPUS / "utf8.csv"), "--edition", "2025", *argv, "--data-dir", str(data_copy)]
        )
        assert text in err
    err = one_line_error(capsys, [str(CORPUS / "utf8.csv"), "--edition", "1999", "--data-dir", str(data_copy)])
    assert "--edition 1999 is not in the data" in err
    assert digest(data_copy) == before
