"""The frame every page shares: header and banner, navigation, session, guards, language, theme."""
