"""Every field kind of the flow framework has its widget in the self-service form (ui.borger.form)."""
from simulators.borger.framework import FIELD_KINDS
from ui.borger import form


def test_every_field_kind_has_a_widget():
    assert set(form.WIDGETS) == set(FIELD_KINDS)
