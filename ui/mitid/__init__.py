"""Streamlit pieces of the simulated MitID: the kiosk box, its panels, the phone app."""
