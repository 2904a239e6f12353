"""The report's CSV (design contract §4): every printed number once, with its period and cell code."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from brugdesk.reports.csv_out import DELIMITER, derived_code, render_csv
from brugdesk.reports.export import report_for
from brugdesk.reports.report import (
    HOURS,
    MINUTES,
    PERCENT,
    WITHHELD_MARK,
    Column,
    KeyFigure,
    ProtectedReport,
    PublishedCell,
    ReportTable,
    Row,
    Section,
)
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


def _parse(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads the accents right
    assert data.endswith(b"\r\n")  # CRLF line ends
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=DELIMITER))


def _table(key: str, title: str, columns: tuple[Column, ...], rows: list[tuple[str, tuple[str, ...],
           tuple[str, ...], bool]]) -> ReportTable:
    return ReportTable(key, title, "", columns, tuple(Row(label, values, total) for label, values, _c, total in rows),
                       tuple(codes for _l, _v, codes, _t in rows))


def _made_report() -> ProtectedReport:
    """A report as the protection core lays it out (contract §8), made by hand."""
    now, before = "2026-08-01..2026-11-30", "2025-08-01..2025-11-30"
    contacts = _table("contacts", "Contactmomenten naar soort", (Column("Contactmomenten"), Column("Uren", HOURS),
                                                                  Column("Gem. minuten", MINUTES)), [
        ("Huisbezoek", ("12", "10,5", "53"), ("contacts.home_visit", "", ""), False),
        ("Telefonisch", ("<5", "x", "x"), ("contacts.phone", "", ""), False),
        ("Anders", ("\u2014", "\u2014", "\u2014"), ("contacts.other", "", ""), False),
        ("Totaal", ("20", "14,0", "42"), ("contacts.total", "", ""), True)])
    months = _table("months", "Contactmomenten per maand", (Column("Contactmomenten"), Column("Uren", HOURS),
                                                             Column("Gezinnen bereikt")), [
        ("september 2026", ("20", "14,0", "9"), ("months.2026-09.contacts", "", "months.2026-09.families"), False),
        ("Totaal", ("20", "14,0", ""), ("contacts.total", "", ""), True)])
    figures = (
        KeyFigure("active", "Gezinnen in begeleiding", "9", "<5", "", code="reach.active"),
        KeyFigure("contacts", "Contactmomenten", "20", "7", "+13", code="contacts.total"),
        KeyFigure("hours", "Uren contact", "14,0", "x", "", HOURS, code="contacts.total"),
        KeyFigure("pupil_share", "Bereik: aandeel van de leerlingen", "2,5%", "x", "", PERCENT,
                  code="reach.children_counted"),
    )
    cells = (PublishedCell(now, "reach.active", "9"), PublishedCell(before, "reach.active", "<5"),
             PublishedCell(now, "contacts.total", "20"), PublishedCell(before, "contacts.total", "7"),
             PublishedCell(now, "reach.children_counted", "10"), PublishedCell(before, "reach.children_counted", "<5"),
             PublishedCell(now, "contacts.home_visit", "12"), PublishedCell(now, "contacts.phone", "<5"),
             PublishedCell(now, "months.2026-09.contacts", "20"), PublishedCell(now, "months.2026-09.families", "9"),
             PublishedCell(now, "contacts.home_visit_families", "6"))
    return ProtectedReport(
        language="nl", k=5, title="Rapportage brugfunctionaris", period_label="2026-2027/T1",
        period_text="Schooljaar 2026-2027, periode 1: augustus \u2013 november 2026", previous_text="",
        schools_text="Alle scholen: A, B", generated="december 2026", enough_families=True, notice="", notes=(),
        key_figures=figures, sections=(Section("contacts", "Contactmomenten", "", (contacts,)),
                                       Section("months", "Verloop per maand", "", (months,))),
        explanation=(), suggested_pdf="r.pdf", suggested_csv="r.csv", d=2, period_id=now, exportable=True,
        cut_text="tussenstand t/m 30 november 2026", running=True, comparison_id=before,
        comparison_text="Vergeleken met dezelfde periode een jaar eerder: schooljaar 2025-2026, periode 1.",
        scope_id="all", withheld_notes=("Niet getoond: \u2026",), remarks="Meer huisbezoeken.\nGoed.", cells=cells)


def test_csv_rows_follow_the_contract() -> None:
    rows = _parse(render_csv(_made_report()))
    assert rows[0] == ["period", "code", "section", "row", "column", "value"]
    about = [(r[3], r[5]) for r in rows if r[2] == "Rapportage"]
    assert about == [
        ("Periode", "Schooljaar 2026-2027, periode 1: augustus \u2013 november 2026"),
        ("Tussenstand", "tussenstand t/m 30 november 2026"), ("Scholen", "Alle scholen: A, B"),
        ("Bereik", "all"), ("Drempel", "5"), ("Grootste verandering (D)", "2"), ("Gemaakt in", "december 2026"),
        ("Vergelijking", "Vergeleken met dezelfde periode een jaar eerder: schooljaar 2025-2026, periode 1."),
        ("Niet getoond", "Niet getoond: \u2026"), ("Toelichting van de brugfunctionaris", "Meer huisbezoeken.\nGoed.")]
    assert all(r[0] == "" and r[1] == "" for r in rows if r[2] == "Rapportage")
    numbers = [(r[0], r[1], r[5]) for r in rows[1:] if r[2] != "Rapportage"]
    now, before = "2026-08-01..2026-11-30", "2025-08-01..2025-11-30"
    assert numbers == [
        (now, "reach.active", "9"), (before, "reach.active", "<5"),
        (now, "contacts.total", "20"), (before, "contacts.total", "7"),
        (now, "contacts.total.hours", "14,0"), (before, "contacts.total.hours", "x"),
        (now, "reach.pupil_share", "2,5%"), (before, "reach.pupil_share", "x"),
        (now, "contacts.home_visit", "12"), (now, "contacts.home_visit.hours", "10,5"),
        (now, "contacts.home_visit.minutes_avg", "53"),
        (now, "contacts.phone", "<5"), (now, "contacts.phone.hours", "x"), (now, "contacts.phone.minutes_avg", "x"),
        (now, "contacts.other", "\u2014"), (now, "contacts.other.hours", "\u2014"),
        (now, "contacts.other.minutes_avg", "\u2014"),
        (now, "contacts.total.minutes_avg", "42"),  # the total's count and hours were written with the key figures
        (now, "months.2026-09.contacts", "20"), (now, "months.2026-09.hours", "14,0"),
        (now, "months.2026-09.families", "9"),
        # numbers printed in a sentence, after the tables
        (now, "reach.children_counted", "10"), (before, "reach.children_counted", "<5"),
        (now, "contacts.home_visit_families", "6"),
    ]
    # where each number stands: the first place it is printed
    placed = {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows[1:] if r[1]}
    assert placed[(before, "reach.active")] == ("Kerncijfers", "Gezinnen in begeleiding", "Een jaar eerder")
    assert placed[(now, "contacts.home_visit.hours")] == ("Contactmomenten naar soort", "Huisbezoek", "Uren")
    assert placed[(now, "contacts.home_visit_families")] == ("Contactmomenten", "Gezinnen met een huisbezoek",
                                                             "Deze periode")


@pytest.mark.parametrize(("base", "kind", "code"), [
    ("contacts.home_visit", HOURS, "contacts.home_visit.hours"), ("contacts.total", MINUTES,
                                                                   "contacts.total.minutes_avg"),
    ("months.2026-09.contacts", HOURS, "months.2026-09.hours"), ("activities.coffee.count", HOURS,
                                                                  "activities.coffee.hours"),
    ("activities.total.count", HOURS, "activities.total.hours"),
])
def test_derived_codes(base: str, kind: str, code: str) -> None:
    assert derived_code(base, kind) == code


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
    assert rows[0] == ["period", "code", "section", "row", "column", "value"]
    assert all(len(r) == 6 for r in rows)
    assert report_csv.count(b"\r\n") == len(rows) and b"\n" not in report_csv.replace(b"\r\n", b"")
    assert len(report_csv) > 200
    assert ["", "", "Rapportage", "Drempel", "", str(k)] in rows
    assert ["", "", "Rapportage", "Grootste verandering (D)", "", "2"] in rows
    # every number once, with the period it is about
    coded = [(r[0], r[1]) for r in rows[1:] if r[1]]
    assert len(coded) == len(set(coded)) and {p for p, _c in coded} <= {report.period_id, report.comparison_id}
    not_counts = {(t.title, c.label) for t in report.tables() for c in t.columns if c.kind in (HOURS, MINUTES,
                                                                                               PERCENT)}
    key_kinds = {f.label: f.kind for f in report.key_figures}
    counts_seen = 0
    for _period, _code, section, row, column, value in rows[1:]:
        if section == "Rapportage" or (section, column) in not_counts:
            continue
        if section == "Kerncijfers" and key_kinds.get(row, "count") != "count":
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


def test_csv_has_every_number_of_the_report_tables(demo_vault: Vault) -> None:
    """Each printed table cell is in the CSV: where it stands, or (a number printed in two places,
    such as a table's total that is also a key figure) under its code where it was written first."""
    report = report_for(demo_vault.repo, "2024-2025", today=TODAY)
    rows = _parse(render_csv(report))
    by_place = {(s, r, c): v for _p, _code, s, r, c, v in rows[1:]}
    by_code = {(p, code): v for p, code, _s, _r, _c, v in rows[1:] if code}
    assert {c.code for c in report.cells if c.period == report.period_id} <= {code for _p, code in by_code}
    n = 0
    for table in report.tables():
        for i, row in enumerate(table.rows):
            for j, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
                if not value:
                    continue
                base = next((c for c in table.codes[i] if c), "")
                code = table.codes[i][j] or derived_code(base, column.kind)
                where = by_place.get((table.title, row.label, column.label))
                assert where == value or by_code[(report.period_id, code)] == value, (table.title, row.label)
                n += 1
    assert n > 50
    assert by_place[("Kerncijfers", "Gezinnen in begeleiding", "Deze periode")] == \
        report.key_figure("active").current
    assert any(re.fullmatch(r"\d+,\d", v) for v in by_place.values())  # hours use a decimal comma in Dutch


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
