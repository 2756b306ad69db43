"""Shared Streamlit pieces: header and banner, language, visit state, theme, small components."""
