"""The dashboard's frame: set-up once (page config, language, data, sidebar), then the page the
URL names. The pages and their URLs are listed once, in ``dashboard.ui.layout.PAGES``."""

from dashboard.ui.layout import run_frame

run_frame()
