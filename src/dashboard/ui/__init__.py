"""The thin Streamlit shell: page set-up, navigation, shared widgets.

This is the only part of the package that imports Streamlit.
"""
