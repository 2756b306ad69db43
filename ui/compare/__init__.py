"""Streamlit pieces and plotly figures of Denmark vs Germany."""
