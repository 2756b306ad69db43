"""Streamlit pieces of the booth: attract screen, kiosk look, watchdog, tour panel, dashboard charts."""
