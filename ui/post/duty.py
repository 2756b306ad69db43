"""Digital Post's duty and its exceptions, with sources (DOMAIN.md §4.1), and the exempt persona's paper post."""
from __future__ import annotations

import streamlit as st

from simulators.population import life
from simulators.post import life_letters
from simulators.post.letters import escape_markdown
from ui.shell.i18n import date, number, t

SOURCES = (
    ("digst.dk, 20.10.2014", "https://www.digst.dk/Servicemenu/English/News/Danes-post-digitally"),
    ("digst.dk – Fritagelse", "https://digst.dk/it-loesninger/digital-post/om-loesningen/fritagelse/"),
    ("frederiksberg.dk", "https://frederiksberg.dk/borgerservice/personlige-forhold/fritagelse-fra-digital-post"),
    ("aeldresagen.dk", "https://www.aeldresagen.dk/viden-og-raadgivning/hverdagsliv/digital-kontakt-til-det-offentlige"
                       "/gode-raad/bliv-fritaget-for-digital-post"),
    ("randers.dk", "https://borgerservice.randers.dk/hjaelp-til-selvbetjening-og-digital-post/digital-post/fritagelse"
                   "/hvordan-bliver-jeg-fritaget/"),
    ("fanoe.dk", "https://fanoe.dk/kommunen/kontakt/digital-post"),
    ("seniorhaandbogen.dk", "http://www.seniorhaandbogen.dk/det-boer-du-ogsaa-vide/din-digitale-post-og-nemid"
                            "/saadan-bliver-du-fritaget-for-digital-post/"),
)


def exempt_notice(persona: dict) -> None:
    if persona.get("digital_post_exempt"):
        address = f"{persona['address_line1']}, {persona['address_line2']}"
        st.warning(t("post.duty.exempt_notice", name=escape_markdown(persona["full_name"]),
                     address=escape_markdown(address)), icon="📄")


def explanation() -> None:
    with st.expander(t("post.duty.title"), icon="ℹ️", key="post_duty"):
        # three paragraphs, one element: the mailbox draws this on every run (issue #18)
        st.markdown("\n\n".join((t("post.duty.body", start=date(life.DIGITAL_POST_START, "long"),
                                     age=number(life.DIGITAL_POST_AGE)), t("post.duty.grounds"), t("post.duty.how"))))
        st.caption(t("post.duty.sources") + " " + " · ".join(f"{name} ({url})" for name, url in SOURCES))


def assumptions() -> None:
    st.caption(t("post.assumption.letters", share=number(life_letters.PRIVATE_CONSENT_PERCENT),
                 max=number(life_letters.MAX_LETTERS)))
