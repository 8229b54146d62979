"""Baseline for the interaction benchmark (bench.interaction): the smallest Streamlit app in which a
select box changes one plotly chart. The dashboard's filter changes are reported as a ratio to this
app's select box → chart change, measured in the same run."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="baseline", page_icon=":bar_chart:")
choice = st.selectbox("Edition", ["A", "B"])
values = {"A": [3, 1, 2], "B": [1, 3, 2]}[choice]
fig = go.Figure(go.Bar(x=["a", "b", "c"], y=values))
fig.update_layout(template="plotly_white", title=f"Edition {choice}")
st.plotly_chart(fig)
