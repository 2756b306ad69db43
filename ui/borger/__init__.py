"""Streamlit pieces of the simulated borger.dk."""
