"""The domain of the showcase: plain Python, never imports streamlit."""
