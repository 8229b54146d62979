"""Developer tools shared by the browser tests and the benchmark: a real streamlit server with
its network guarded, and headless Chromium with external requests blocked. Not used by the app."""
