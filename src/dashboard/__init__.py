"""Participation dashboard of the Sub-Forum on Migration Management Cooperation.

The package is the functional core: plain functions over pandas objects.
Only ``dashboard.ui`` imports Streamlit.
"""
