"""The staleness report (issue #19, 2c; ``make figures`` = ``python -m tools.figures_report``): every displayed figure
with its reference date, flagged when a text names a year older than its measure's newest one.

Seen failing before the fix: data/figures.toml and the report did not exist; the journey's child benefit of 2023
(DKK 4,746) sat in journeys.toml with no measure, so nothing could compare it with Mit Overblik's 2026 rate.
``test_an_older_year_named_by_a_text_is_flagged`` shows that naming the 2023 rate again would be flagged.
"""
from __future__ import annotations

from tools import figures_report


def test_the_report_lists_every_figure_with_its_reference_date(capsys):
    assert figures_report.main(["--all"]) == 0
    out = capsys.readouterr().out
    assert "dk_passport_fee_adult_2023" in out and "dk_child_benefit_0_2_2026" in out
    line = next(l for l in out.splitlines() if "dk_passport_fee_adult_2023" in l)
    assert " 2023 " in line and " 891 " in line  # reference date and value, newest year of the measure: 2023
    assert "older in the app than in the reference material" in out


def test_an_older_year_named_by_a_text_is_flagged(monkeypatch):
    rows, flagged = figures_report.figure_rows(show_all=False)
    assert not any(r[2] == "dk_child_benefit_0_2_2023" for r in rows)  # today's texts name the 2026 rate
    named = {**figures_report.references(), "dk_child_benefit_0_2_2023": "data/journeys.toml"}
    monkeypatch.setattr(figures_report, "references", lambda: named)
    rows, more = figures_report.figure_rows(show_all=False)
    row = next(r for r in rows if r[2] == "dk_child_benefit_0_2_2023")
    assert row[0] == "OLDER" and row[4] == "2023" and row[5] == "2026" and more == flagged + 1
