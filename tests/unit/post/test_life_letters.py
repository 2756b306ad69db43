"""The persona's life in letters: mapping, volume, determinism, dates, consent, idempotent seeding."""
import datetime as dt

import pytest

from simulators.population import life
from simulators.post import letters
from simulators.post import life_letters
from simulators.post import postbox
from simulators.core import visits
from simulators.core.store import Store

TODAY = dt.date(2026, 11, 28)


def persona(person_id=42, sex="female", birth=dt.date(1980, 5, 17)):
    return {"person_id": person_id, "full_name": "Anne Holm", "first_name": "Anne", "last_name": "Holm",
            "sex": sex, "birth_date": birth, "address_line1": "Torvet 1", "address_line2": "7100 Vejle",
            "municipality": "Vejle", "region": "Region Syddanmark"}


def history():
    """A life like simulators.population.life produces it (kinds and params as specified for the life history)."""
    events = [
        {"date": dt.date(2014, 11, 1), "kind": "digital_post_welcome", "params": {}},
        {"date": dt.date(2021, 10, 12), "kind": "mitid_switch", "params": {}},
        {"date": dt.date(2016, 6, 1), "kind": "moved", "params": {"from_address": "Nørregade 4, 8000 Aarhus C",
                                                                  "to_address": "Torvet 1, 7100 Vejle",
                                                                  "municipality": "Vejle"}},
        {"date": dt.date(2016, 6, 3), "kind": "health_card", "params": {}},
        {"date": dt.date(2019, 2, 2), "kind": "child_born", "params": {"child_name": "Ida",
                                                                       "child_birth_date": dt.date(2019, 2, 1)}},
        {"date": dt.date(2020, 3, 1), "kind": "daycare_offer", "params": {"child_name": "Ida",
                                                                          "start_date": dt.date(2020, 5, 1)}},
        {"date": dt.date(2026, 10, 1), "kind": "hospital_appointment",
         "params": {"department": "Ortopædkirurgisk ambulatorium", "appointment": dt.datetime(2026, 12, 3, 9, 30)}},
        {"date": dt.date(2030, 1, 1), "kind": "pension_granted", "params": {"start_date": dt.date(2047, 6, 1)}},
        {"date": dt.date(2026, 1, 1), "kind": "something_new", "params": {}},
    ]
    for year in range(2015, 2026):
        events.append({"date": dt.date(year + 1, 3, 15), "kind": "tax_statement",
                       "params": {"income_year": year, "income": 400000 + year}})
    for year in range(2019, 2027):
        for quarter in range(1, 5):
            day = dt.date(year, 3 * quarter - 2, 20)
            events.append({"date": day, "kind": "child_benefit",
                           "params": {"child_name": "Ida", "quarter": f"{year}-Q{quarter}", "amount": 4000}})
    return events


def test_same_persona_and_history_give_the_same_letters():
    first = life_letters.letter_requests(history(), persona(), TODAY)
    assert first == life_letters.letter_requests(list(reversed(history())), persona(), TODAY)


def test_letters_are_in_the_past_plausible_in_number_and_every_template_renders():
    requests = life_letters.letter_requests(history(), persona(), TODAY)
    assert 10 <= len(requests) <= life_letters.MAX_LETTERS
    for request in requests:
        assert dt.date.fromisoformat(request["date"][:10]) <= TODAY
        values = {**letters.persona_params(persona()), **request["params"]}
        for lang in ("da", "de", "en"):
            letters.render(request["template"], lang, values)  # strict: every placeholder filled
    templates = {r["template"] for r in requests}
    assert "life_pension_granted" not in templates  # in the future
    assert "life_something_new" not in templates  # unknown kinds have no letter
    assert {"life_digital_post_welcome", "life_mitid_switch", "life_child_born", "life_daycare_offer"} <= templates


def test_recurring_letters_are_thinned_to_the_newest():
    requests = life_letters.letter_requests(history(), persona(), TODAY)
    tax_years = [r["params"]["income_year"] for r in requests if r["template"] == "life_tax_statement"]
    assert tax_years == list(range(2020, 2026))
    quarters = [r["params"]["benefit_quarter"] for r in requests if r["template"] == "life_child_benefit"]
    assert quarters == ["2026-Q2", "2026-Q3", "2026-Q4"]


def test_only_the_newest_are_unread():
    requests = life_letters.letter_requests(history(), persona(), TODAY)
    unread = [r for r in requests if not r["read"]]
    assert len(unread) == life_letters.UNREAD_NEWEST
    assert unread == sorted(requests, key=lambda r: r["date"])[-life_letters.UNREAD_NEWEST:]


def test_birth_letter_goes_to_the_mother_only():
    fathers = life_letters.letter_requests(history(), persona(sex="male"), TODAY)
    assert "life_child_born" not in {r["template"] for r in fathers}


def test_letters_start_with_digital_post_at_fifteen():
    teen = persona(birth=dt.date(2008, 3, 1))
    assert life_letters.digital_post_since(teen) == dt.date(2023, 3, 1)
    assert life_letters.digital_post_since(persona()) == life.DIGITAL_POST_START
    assert life_letters.digital_post_since(persona(birth=dt.date(2008, 2, 29))) == dt.date(2023, 3, 1)
    dates = [r["date"] for r in life_letters.letter_requests(history(), teen, TODAY)]
    assert min(dates) >= "2023-03-01"


def test_municipal_letters_come_from_the_municipality_of_the_time():
    requests = life_letters.letter_requests(history(), {**persona(), "municipality": "Aalborg"}, TODAY)
    offer = next(r for r in requests if r["template"] == "life_daycare_offer")
    assert offer["params"]["municipality"] == "Vejle"


def test_private_senders_only_with_consent_which_is_stable_per_person():
    consenting = [pid for pid in range(1, 400) if life_letters.private_consent(pid)]
    share = len(consenting) / 399 * 100
    assert abs(share - life_letters.PRIVATE_CONSENT_PERCENT) < 10
    assert life_letters.private_consent(consenting[0]) is True
    refusing = next(pid for pid in range(1, 400) if not life_letters.private_consent(pid))
    private = {"life_bank_statement", "life_insurance_renewal"}
    assert not private & {r["template"] for r in life_letters.letter_requests([], persona(refusing), TODAY)}
    assert private <= {r["template"] for r in life_letters.letter_requests([], persona(consenting[0]), TODAY)}


@pytest.fixture
def store():
    return Store()


def test_seeding_is_idempotent_and_per_visit(store):
    one = visits.create(store, "da", "explore", persona_id=42).visit_id
    two = visits.create(store, "da", "explore", persona_id=42).visit_id
    count = life_letters.seed_mailbox(store, one, persona(), today=TODAY, events=history())
    assert count > 0
    assert life_letters.seed_mailbox(store, one, persona(), today=TODAY, events=history()) == 0
    assert len(postbox.list_letters(store, one)) == count
    assert life_letters.seed_mailbox(store, two, persona(), today=TODAY, events=history()) == count
    strip = lambda ls: [(l["template"], l["params"], l["date"], l["read"]) for l in ls]  # noqa: E731
    assert strip(postbox.list_letters(store, one)) == strip(postbox.list_letters(store, two))
    assert all(l["origin"] == "life" for l in postbox.list_letters(store, one))
    assert postbox.pending_notices(store, one) == []  # the life's letters are no "new post" announcement
    store.delete_visit(one)  # what a reset does (visits.end calls it)
    assert postbox.list_letters(store, one) == [] and len(postbox.list_letters(store, two)) == count
    assert store.get(life_letters.SEED_KIND, one) is None


def test_a_concurrent_second_seed_does_not_duplicate(store):
    visit_id = visits.create(store, "da", "explore", persona_id=42).visit_id
    life_letters.seed_mailbox(store, visit_id, persona(), today=TODAY, events=history())
    store.delete(life_letters.SEED_KIND, visit_id)  # as if the other run had not written its marker yet
    before = len(postbox.list_letters(store, visit_id))
    assert life_letters.seed_mailbox(store, visit_id, persona(), today=TODAY, events=history()) == 0
    assert len(postbox.list_letters(store, visit_id)) == before


def test_exempt_persons_get_no_private_post():
    consenting = next(pid for pid in range(1, 400) if life_letters.private_consent(pid))
    exempt = {**persona(consenting), "digital_post_exempt": True}
    templates = {r["template"] for r in life_letters.letter_requests(history(), exempt, TODAY)}
    assert not templates & {"life_bank_statement", "life_insurance_renewal"}
    assert "life_tax_statement" in templates  # public letters still come (on paper)


@pytest.mark.parametrize("hour", [0, 3, 6, 23])
def test_a_letter_of_today_has_arrived_before_now(monkeypatch, hour):
    """Letters get a time of day from 07:00 on; one dated today must not arrive later than now (before 07:00 it
    did, and sat above the answer to a message the visitor just sent — a test saw that at 03:27)."""
    now = dt.datetime.combine(TODAY, dt.time(hour, 2))
    monkeypatch.setattr(life_letters.clock, "now", lambda: now)
    events = history() + [{"date": TODAY, "kind": "health_card", "params": {}},
                          {"date": TODAY, "kind": "mitid_switch", "params": {}}]
    requests = life_letters.letter_requests(events, persona(), TODAY)
    moments = [dt.datetime.fromisoformat(r["date"]) for r in requests]
    todays = [m for m in moments if m.date() == TODAY]
    assert len(todays) == 2
    assert all(m < now for m in todays)
    assert [m.date() for m in moments] == sorted(m.date() for m in moments)  # still oldest first by day
