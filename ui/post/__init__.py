"""Streamlit pieces of Digital Post: mailbox list, letter, compose form, notice."""
