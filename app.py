"""Router only: page config, theme, language, mode, header, idle watchdog and st.navigation."""
import streamlit as st

from ui import header, navigation, session, theme

st.set_page_config(page_title="Digital Denmark — Simulation", page_icon="🇩🇰", layout="wide",
                   initial_sidebar_state="collapsed")
session.init()
theme.apply()
page = navigation.build()
header.render()
page.run()
