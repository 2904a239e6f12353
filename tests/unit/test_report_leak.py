"""Leak test: names, notes and reference codes never reach the report.

A demo vault whose every personal field carries a canary (family names ``CANARY-FAM-0001``,
members ``Kanarie0001``, notes ``GEHEIMNOTITIE0001`` …) is reported as PDF and CSV; the text
extracted from the PDF (pypdf and pdftotext), its metadata (pypdf and pdfinfo), the CSV and
the suggested file names hold none of them and no reference code.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugdesk.core.periods import Period, explicit_period
from brugdesk.reports.csv_out import render_csv
from brugdesk.reports.export import report_for
from brugdesk.reports.pdf import render_pdf, write_pdf
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)

CANARY = re.compile(r"CANARY|Kanarie|GEHEIM|G-20\d\d-", re.IGNORECASE)


def plant_canaries(vault: Vault) -> None:
    conn = vault.conn
    conn.execute("BEGIN")
    conn.execute("UPDATE family SET display_name = printf('CANARY-FAM-%04d', id), "
                 "address = printf('Kanariestraat %d', id), phone = '0612345678', "
                 "consent_by = printf('Kanarie%04d', id), email = printf('kanarie%d@example.org', id)")
    conn.execute("UPDATE member SET first_name = printf('Kanarie%04d', id), "
                 "last_name = printf('CANARY-LAST-%04d', id), notes = printf('GEHEIMNOTITIE%04d', id), "
                 "group_name = printf('GEHEIMGROEP%d', id)")
    conn.execute("UPDATE contact SET note = printf('GEHEIMNOTITIE-C%04d', id)")
    conn.execute("UPDATE followup SET text = printf('GEHEIMACTIE%04d', id)")
    conn.execute("UPDATE referral SET outcome_note = printf('GEHEIMUITKOMST%04d', id), "
                 "consent_by = printf('Kanarie%04d', id)")
    conn.execute("UPDATE partner SET name = printf('CANARY-PARTNER-%d', id)")
    conn.execute("UPDATE activity SET title = printf('GEHEIMACTIVITEIT%d', id)")
    conn.execute("COMMIT")
    vault.repo.families.refresh_search(1)
    # the canaries are really in the vault (so the test can fail)
    assert conn.execute("SELECT count(*) FROM member WHERE first_name LIKE 'Kanarie%'").fetchone()[0] > 100
    assert conn.execute("SELECT count(*) FROM family WHERE ref LIKE 'G-20%'").fetchone()[0] == 60


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout


@pytest.mark.parametrize(("spec", "k", "school"), [("2025-2026", 5, None), ("2025-2026/T2", 3, "Het Baken (VO)"),
                                                    ("2024-2025/T3", 20, None)])
def test_no_names_notes_or_reference_codes_in_pdf_csv_metadata_or_file_name(
        demo_vault: Vault, tmp_path: Path, spec: str, k: int, school: str | None) -> None:
    plant_canaries(demo_vault)
    school_id = demo_vault.repo.schools.by_name(school).id if school else None  # type: ignore[union-attr]
    demo_vault.repo.settings.set_report_threshold(k)
    report = report_for(demo_vault.repo, spec, school_id, today=TODAY)
    target = tmp_path / report.suggested_pdf
    write_pdf(report, target)
    data = target.read_bytes()

    reader = PdfReader(io.BytesIO(data))
    pypdf_text = "\n".join(page.extract_text() for page in reader.pages)
    poppler_text = _pdftotext(target)
    # the extraction works (so an absent canary means something)
    assert "brugfunctionaris" in pypdf_text and "brugfunctionaris" in poppler_text
    assert len(reader.pages) >= 2
    metadata = " ".join(f"{key}={value}" for key, value in (reader.metadata or {}).items())
    info = _pdfinfo(target)
    assert "brugdesk" in metadata and "brugdesk" in info
    csv_text = render_csv(report).decode("utf-8-sig")
    assert len(csv_text.splitlines()) > 20

    for name, text in [("pypdf", pypdf_text), ("pdftotext", poppler_text), ("pypdf metadata", metadata),
                       ("pdfinfo", info), ("csv", csv_text), ("pdf bytes", data.decode("latin-1")),
                       ("file names", report.suggested_pdf + report.suggested_csv)]:
        found = CANARY.search(text)
        assert found is None, f"{name} leaks {found.group(0) if found else ''!r}"
    assert re.fullmatch(r"rapportage-[0-9T-]+\.pdf", report.suggested_pdf)
    assert re.fullmatch(r"rapportage-[0-9T-]+\.csv", report.suggested_csv)


MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")


def _month_boundary(year: int, month: int, day: int) -> bool:
    """The first or last day of its month: a date that says no more than the month."""
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return day in (1, last)


@pytest.mark.parametrize("period", ["2025-2026", "2025-2026/T2", explicit_period(dt.date(2025, 9, 3),
                                                                                  dt.date(2025, 11, 20))])
def test_no_date_finer_than_a_month(demo_vault: Vault, period: str | Period) -> None:
    report = report_for(demo_vault.repo, period, today=TODAY)
    assert re.fullmatch(r"rapportage-(\d{4}-\d{4}|\d{4}-\d{4}-T\d|\d{4}-\d{2}_\d{4}-\d{2})\.pdf",
                        report.suggested_pdf)
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(report))).pages)
    csv_text = render_csv(report).decode("utf-8-sig")
    for text in (pdf_text, csv_text):
        for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
            assert _month_boundary(int(y), int(m), int(d)), (y, m, d)
        for d, name, y in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS_NL) + r") (\d{4})", text):
            assert _month_boundary(int(y), MONTHS_NL.index(name) + 1, int(d)), (d, name, y)
        assert re.search(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b", text) is None
