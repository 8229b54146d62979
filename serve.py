"""``streamlit run serve.py``: the dashboard (``app.py``) with its page shaped before the first script
message, so nothing on screen moves when the sidebar and the wide layout arrive, and a first visit is
drawn at once for the window's width (``dashboard.ui.shell``). ``streamlit run app.py`` serves the same
dashboard without this early shell."""

import streamlit as st

from dashboard.ui.shell import middleware

app = st.App("app.py", middleware=[middleware()])
