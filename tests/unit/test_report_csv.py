"""The report's CSV: one row per printed cell, and every printed count is 0, "<k", ">= k" or withheld."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from brugdesk.reports.csv_out import DELIMITER, render_csv
from brugdesk.reports.export import report_for
from brugdesk.reports.report import HOURS, MINUTES, PERCENT, WITHHELD_MARK
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


def _parse(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads the accents right
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=DELIMITER))


@pytest.mark.parametrize(("spec", "k", "school"), [
    ("2025-2026", 5, None), ("2025-2026/T2", 3, None), ("2025-2026/T1", 7, "Het Baken (VO)"),
    ("2024-2025/T3", 5, "Basisschool De Regenboog"), ("2024-2025", 20, None),
])
def test_every_printed_count_is_zero_hidden_or_at_least_k(demo_vault: Vault, spec: str, k: int,
                                                           school: str | None) -> None:
    school_id = demo_vault.repo.schools.by_name(school).id if school else None  # type: ignore[union-attr]
    demo_vault.repo.settings.set_report_threshold(k)
    report = report_for(demo_vault.repo, spec, school_id, today=TODAY)
    rows = _parse(report_csv := render_csv(report))
    assert all(len(r) == len(rows[0]) for r in rows)
    assert len(report_csv) > 200
    not_counts = {(t.title, c.label) for t in report.tables() for c in t.columns if c.kind in (HOURS, MINUTES,
                                                                                               PERCENT)}
    key_kinds = {f.label: f.kind for f in report.key_figures}
    counts_seen = 0
    for *_front, section, row, column, value in (r[-4:] for r in rows[1:]):
        if section == "Rapportage" or (section, column) in not_counts:
            continue
        if section == "Kerncijfers" and (key_kinds[row] != "count" or column == "Verschil"):
            continue
        counts_seen += 1
        if value in ("", "x", WITHHELD_MARK):
            continue
        if value.startswith("<"):
            assert value == f"<{k}", (section, row, column, value)
            continue
        assert re.fullmatch(r"\d+", value), (section, row, column, value)
        assert int(value) == 0 or int(value) >= k, (section, row, column, value)
    assert counts_seen > 20


def test_csv_has_the_same_cells_as_the_report_tables(demo_vault: Vault) -> None:
    report = report_for(demo_vault.repo, "2024-2025", today=TODAY)
    rows = _parse(render_csv(report))
    cells = {(s, r, c): v for s, r, c, v in (row[-4:] for row in rows[1:])}
    n = 0
    for table in report.tables():
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                assert cells[(table.title, row.label, column.label)] == value
                n += 1
    assert n > 50
    assert any(re.fullmatch(r"\d+,\d", v) for v in cells.values())  # hours use a decimal comma in Dutch


@pytest.mark.parametrize("spec", ["2024-2025/T3", "2025-2026/T1", "2025-2026/T2", "2024-2025", "2025"])
def test_a_number_printed_twice_is_the_same_number(demo_vault: Vault, spec: str) -> None:
    """Key figures and the totals of the tables count the same records: they print the same number."""
    for school in [None, *[s.id for s in demo_vault.repo.schools.list()]]:
        report = report_for(demo_vault.repo, spec, school, today=TODAY)
        if not report.enough_families:
            continue
        fig = {f.key: f.current for f in report.key_figures}
        tables = {t.key: {r.label: r.values for r in t.rows if r.total} for t in report.tables()}
        assert next(iter(tables["signal_sources"].values())) == (fig["new"],)
        assert next(iter(tables["closures"].values())) == (fig["closed"],)
        assert next(iter(tables["contacts"].values()))[:2] == (fig["contacts"], fig["hours"])
        assert next(iter(tables["referrals"].values()))[-1] == fig["referrals"]
        assert next(iter(tables["activities"].values()))[:2] == (fig["activities"], fig["parents"])
