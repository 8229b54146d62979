"""Screenshots of chosen pages in both languages at 1440 and 390 px (a helper for looking, not a test).

flock /tmp/heavy.lock python -m devtools.screens OUTDIR [path ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from devtools.harness import CHROMIUM_ARGS, REPO, chromium_path, guarded_page, streamlit_server, wait_for_app

DEFAULT = {
    "map": "/Map?edition=2025",
    "map-two-lines": "/Map?view=two&a=2024&b=2025&lines=1",
    "map-ne": "/Map?edition=2025&worldview=ne",
    "speakers": "/Speakers",
    "countries": "/Countries_and_regions",
    "overview": "/",
    "yoy": "/Year_over_year",
    "organizations": "/Organizations",
    "reach": "/Reach",
    "sources": "/Sources",
    "press": "/Press",
    "import": "/Import",
}
#: every page of the app once (``python -m devtools.screens OUT all``)
ALL = ["overview", "yoy", "countries", "organizations", "speakers", "map", "reach", "sources", "press", "import"]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    wanted = argv[1:] or list(DEFAULT)
    if wanted == ["all"]:
        wanted = ALL
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv, sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name in wanted:
            path = DEFAULT.get(name, name)
            for lang in ("en", "zh"):
                for width in (1440, 390):
                    page, watch = guarded_page(b, viewport={"width": width, "height": 1000}, device_scale_factor=1)
                    sep = "&" if "?" in path else "?"
                    page.goto(srv.url + path + f"{sep}lang={lang}")
                    wait_for_app(page)
                    page.wait_for_timeout(2500)
                    h = page.evaluate(
                        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                        " return Math.max(m ? m.scrollHeight : 0, document.documentElement.scrollHeight); }"
                    )
                    page.set_viewport_size({"width": width, "height": min(int(h) + 40, 9000)})
                    page.wait_for_timeout(1200)
                    page.screenshot(path=str(out / f"{name}-{lang}-{width}.png"), full_page=True)
                    plot = page.query_selector(".js-plotly-plot")
                    if plot and name.startswith("map"):
                        plot.screenshot(path=str(out / f"{name}-{lang}-{width}-chart.png"))
                    print(name, lang, width, "external:", watch.external, "errors:", watch.page_errors, flush=True)
                    page.close()
        b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
