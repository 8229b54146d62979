"""Baseline for the benchmark: the smallest Streamlit app that shows one plotly chart.
Cold-start figures of the dashboard are reported as a ratio to this app, measured in the same run."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="baseline", page_icon=":bar_chart:")
fig = go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2]))
fig.update_layout(template="plotly_white")
st.plotly_chart(fig)
