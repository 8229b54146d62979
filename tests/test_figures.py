"""Figure builders: trace types, values, colours, and the text inside the figure."""

from dashboard import metrics
from dashboard.figures import PALETTE, TEMPLATE, coverage_chart, edition_colors, grouped_bars, presence_matrix


def test_edition_colours_are_stable_and_colour_blind_safe():
    assert edition_colors([2024, 2025, 2030]) == {2024: PALETTE[0], 2025: PALETTE[1], 2030: PALETTE[2]}
    assert PALETTE[0] == "#0072B2"  # Okabe–Ito blue


def test_coverage_chart(dataset):
    cov = metrics.coverage(dataset)
    cov = cov[cov.metric == "countries_and_regions"]
    fig = coverage_chart(
        cov, {2024: "2024", 2025: "2025"}, edition_colors([2024, 2025]), "countries", "Source: X", lang="en"
    )
    assert [tr.type for tr in fig.data] == ["bar", "bar", "bar"]
    ident = {tr.y[0].replace("<br>", " "): tr.x[0] for tr in fig.data[:2]}
    assert ident == {"2024 · reported 57": 10, "2025 · reported 51": 13}
    assert dict(zip([y.replace("<br>", " ") for y in fig.data[2].y], fig.data[2].x)) == {
        "2025 · reported 51": 38,
        "2024 · reported 57": 47,
    }
    # labels stay horizontal on a narrow bar (no sideways text)
    assert all(tr.textangle == 0 for tr in fig.data)
    assert (
        fig.layout.template.layout.to_plotly_json()
        == __import__("plotly.io").io.templates[TEMPLATE].layout.to_plotly_json()
    )
    assert "Source: X" in [a.text for a in fig.layout.annotations]
    assert "named in public sources" in fig.layout.title.text


def test_grouped_bars_zero_filled_and_muted(dataset):
    data = metrics.by_region(dataset)
    cats = {c: c for c in sorted(set(data.region))}
    fig = grouped_bars(
        data,
        "region",
        cats,
        [2024, 2025],
        {2024: "2024", 2025: "2025"},
        edition_colors([2024, 2025]),
        "T",
        "S",
        "Source",
        muted=(metrics.NOT_NAMED,),
    )
    assert [tr.name for tr in fig.data] == ["2025", "2024"]  # latest added first: earliest drawn on top
    assert fig.layout.legend.traceorder == "reversed"  # …and listed first
    ys = [y.replace("<br>", " ") for y in fig.data[0].y]
    by = dict(zip(ys, fig.data[0].x))
    assert by["Asia"] == 6 and by[metrics.NOT_NAMED] == 38
    opac = dict(zip(ys, fig.data[0].marker.opacity))
    assert opac[metrics.NOT_NAMED] < 1 and opac["Asia"] == 1


def test_presence_matrix(dataset):
    m = metrics.organization_matrix(dataset)
    m["label"] = m.code
    fig = presence_matrix(
        m, [2024, 2025], {2024: "2024", 2025: "2025"}, edition_colors([2024, 2025]), "T", "S", "Src", lang="en"
    )
    present_2025 = set(fig.data[2].y)
    assert present_2025 == {"IOM", "UNHCR", "UNODC"}
    assert set(fig.data[3].y) == {"ASEAN", "INTERPOL", "LMLECC"}


def test_texts_are_wrapped_for_a_phone_and_titles_start_below_the_toolbar():
    import plotly.graph_objects as go

    from dashboard.figures import SOURCE_CHARS, TITLE_CHARS, TOOLBAR_PX, frame, wrap

    long = "Identified countries and regions by UN M49 sub-region, with a very long title for a phone"
    fig = frame(go.Figure(), long, "A subtitle " * 12, "Source: " + "a public source; " * 10, height=400)
    title_lines = [line for line in fig.layout.title.text.split("<br>")]
    assert len(title_lines) > 2
    assert all(len(line) <= TITLE_CHARS for line in wrap(long, TITLE_CHARS))
    assert all(len(line) <= SOURCE_CHARS for line in fig.layout.annotations[-1].text.split("<br>"))
    # the first line starts below the toolbar's strip
    assert (1 - fig.layout.title.y) * fig.layout.height >= TOOLBAR_PX
    assert fig.layout.margin.t >= TOOLBAR_PX + 21 * 3
