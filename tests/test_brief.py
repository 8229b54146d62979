"""The A4 brief (PDF): the facts in Chinese and English, text extracted with pypdf, fonts embedded,
one or two pages, data text never run as Typst markup, every page rendered to an image.

The images of every page are written to artifacts/brief/ (git-ignored) to be looked at."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zlib
from pathlib import Path

import pytest

from dashboard import brief

pypdf = pytest.importorskip("pypdf", reason="pypdf (requirements-dev.txt) extracts the PDF's text")

DATE = dt.date(2026, 12, 6)
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "brief"


def squash(text: str) -> str:
    """Whitespace removed: a line break may fall inside a phrase or a URL."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def tiny_png(fig, fmt, date, width=1000) -> bytes:
    """A real 2×1 PNG standing in for kaleido (the real renderer is tested in test_static_export)."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    shade = zlib.crc32(str(fig.layout.title.text).encode()) % 256  # one image per chart (Typst dedupes equal ones)
    raw = bytes([0, 255, shade, 0, 0, 0, shade])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def zh_2025(dataset) -> bytes:
    return brief.build_brief(dataset, [2025], "zh", DATE, "abc123", render=tiny_png)


@pytest.fixture(scope="module")
def en_2025(dataset) -> bytes:
    return brief.build_brief(dataset, [2025], "en", DATE, "abc123", render=tiny_png)


def test_chinese_brief_has_the_facts_in_chinese(dataset, zh_2025):
    text, pages = pdf_text(zh_2025)
    s = squash(text)
    assert 1 <= pages <= 2
    assert "2025年9月17日至18日" in s
    # The data gives the city as 连云港 (without 市): the place names are being fixed on another branch.
    assert "江苏省连云港" in s
    assert "240余人" in s
    assert "51个国家和地区" in s and "50个国家和地区" in s  # the preferred figure and the other source's
    assert "5个国际组织" in s
    # the organizations the sources name (3 of the 5 reported; the others are not named anywhere)
    for org in ("国际移民组织", "联合国难民署", "联合国毒品和犯罪问题办公室"):
        assert org in s, org
    assert "数据版本abc123" in s and "CCBY4.0" in s
    assert "来源" in s


def test_english_brief_has_the_same_facts_in_english(en_2025):
    text, pages = pdf_text(en_2025)
    s = squash(text)
    assert 1 <= pages <= 2
    assert squash("Sep 17 – 18, 2025") in s  # Babel's English date range (CLDR)
    assert squash("Lianyungang, Jiangsu Province") in s
    assert squash("more than 240 attendees") in s
    assert squash("51 countries and regions (another source: 50 countries and regions)") in s
    assert squash("5 international organizations") in s
    for org in (
        "International Organization for Migration",
        "Office of the United Nations High Commissioner for Refugees",
        "United Nations Office on Drugs and Crime",
    ):
        assert squash(org) in s, org
    assert squash("Data version abc123") in s


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_cited_source_is_listed_with_its_address(dataset, lang, zh_2025, en_2025):
    pdf = zh_2025 if lang == "zh" else en_2025
    s = squash(pdf_text(pdf)[0])
    content, _ = brief.brief_content(dataset, [2025], lang, DATE, "abc123")
    assert content["sources"], "a brief cites its sources"
    for src in content["sources"]:
        assert squash(src["url"]) in s, src["url"]
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", s)}
    assert numbers == set(range(1, len(content["sources"]) + 1))  # every number cited is listed, and only those


def test_comparison_follows_the_one_comparison_rule(dataset):
    pdf = brief.build_brief(dataset, [2024, 2025], "en", DATE, "abc123", images=False)
    text, pages = pdf_text(pdf)
    s = squash(text)
    assert 1 <= pages <= 2
    assert squash("about −60 (about −20%)") in s  # approximate: "about 300" vs "more than 240"
    assert squash("−6 (−11%)") in s  # exact
    assert squash("named in sources, not reported totals: no change given") in s  # counts of names


def test_fonts_are_embedded_and_text_is_text(zh_2025):
    reader = pypdf.PdfReader(io.BytesIO(zh_2025))
    fonts = {}
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            desc = f["/DescendantFonts"][0].get_object() if "/DescendantFonts" in f else f
            fd = desc["/FontDescriptor"].get_object()
            fonts[str(f["/BaseFont"])] = any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "/ToUnicode" in f, f["/BaseFont"]  # selectable, searchable text
    assert fonts and all(fonts.values()), fonts
    assert any("CJK" in name or "YaHei" in name or "PingFang" in name for name in fonts), fonts


def test_data_text_is_never_typst_markup(dataset):
    """A name full of Typst syntax is printed as written: data goes in as JSON, never as markup."""
    nasty = '#panic("boom") $x^2$ *b* _i_ <lbl> @ref [x] \\ `code` // no comment'
    people = dataset.people.copy()
    row = people.index[(people.edition == 2025) & (people.role == "keynote")][0]
    people.loc[row, "name"] = nasty
    ds = dataclasses.replace(dataset, people=people)
    pdf = brief.build_brief(ds, [2025], "en", DATE, "abc123", images=False)
    assert squash(nasty) in squash(pdf_text(pdf)[0])


def test_images_are_embedded_with_their_descriptions(dataset, en_2025):
    reader = pypdf.PdfReader(io.BytesIO(en_2025))
    images = sum(len(p.images) for p in reader.pages)
    content, _ = brief.brief_content(dataset, [2025], "en", DATE, "abc123")
    assert images == len(content["charts"]) == 1 + len(brief.CHARTS)
    s = squash(pdf_text(en_2025)[0])
    for c in content["charts"]:
        assert c["description"] and squash(c["description"]) in s


def test_bad_requests_are_clear_errors(dataset):
    with pytest.raises(brief.BriefError, match="unknown edition 1999"):
        brief.brief_content(dataset, [1999], "en", DATE, "v")
    with pytest.raises(brief.BriefError, match="unknown language"):
        brief.brief_content(dataset, [2025], "fr", DATE, "v")


def test_command_writes_the_pdf_all_or_nothing(tmp_path, monkeypatch, capsys):
    out = tmp_path / "b.pdf"
    assert brief.main(["--edition", "2025", "--lang", "zh", "--no-images", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    bad = tmp_path / "bad.pdf"
    assert brief.main(["--edition", "1999", "--no-images", "-o", str(bad)]) == 1
    assert "unknown edition 1999" in capsys.readouterr().err
    assert not bad.exists() and not list(tmp_path.glob("*.part"))


def test_font_paths_finds_a_cjk_font_folder():
    import shutil
    import subprocess

    if (
        not shutil.which("fc-list")
        or "Noto Sans CJK" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    ):
        pytest.skip("no fontconfig CJK font on this machine (Debian: apt-get install fonts-noto-cjk)")
    folders = brief.font_paths()
    assert any(list(Path(f).glob("NotoSansCJK*")) for f in folders), folders


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_to_an_image(dataset, lang):
    """Each page drawn with PDFium (no system tool needed), not blank; saved to be looked at."""
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (requirements-dev.txt) renders the pages")
    for editions in ([2025], [2024, 2025]):
        pdf = brief.build_brief(dataset, editions, lang, DATE, "abc123", render=tiny_png)
        doc = pdfium.PdfDocument(pdf)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for i in range(len(doc)):
            img = doc[i].render(scale=1).to_pil()
            w, h = img.size
            assert abs(w - 595) <= 1 and abs(h - 842) <= 1  # A4 (595.3 × 841.9 pt) at 72 dpi
            assert img.convert("L").getextrema()[0] < 100  # something dark is drawn: not a blank page
            img.save(ARTIFACTS / f"test-{'-'.join(map(str, editions))}-{lang}-p{i + 1}.png")
        doc.close()
