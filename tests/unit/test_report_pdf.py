"""The report's PDF as a director reads it: a one-page summary, the tables without half-empty pages or
lone headings, and the explanation last (issue 11, item 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from brugdesk.core.model import Activity, Family, School
from brugdesk.core.periods import parse_period
from brugdesk.reports.aggregate import aggregate
from brugdesk.reports.pdf import render_pdf
from brugdesk.reports.remarks import MAX_LENGTH
from brugdesk.reports.report import ProtectedReport, Row, build_report
from brugdesk.store.vault import Vault

REMARKS = ("Dit schooljaar meer huisbezoeken dan vorig jaar, vooral bij geldzorgen.\n\n"
           "De samenwerking met het wijkteam loopt goed; de wachtlijst bij schuldhulp is langer.")


def _report(vault: Vault, spec: str = "2025-2026", **fields: object) -> ProtectedReport:
    """Today's report of ``spec`` with the fields of the design contract that the protection core
    fills (cut, comparison, remarks …) set as an export would set them."""
    report = build_report(aggregate(vault.repo, parse_period(spec)), 5, lang="nl")
    values: dict[str, object] = {
        "cut_text": "tussenstand t/m 30 november 2026", "running": True,
        "comparison_text": "Vergeleken met dezelfde periode een jaar eerder: schooljaar 2024-2025 (augustus 2024 "
                           "\u2013 juli 2025).",
        "remarks": REMARKS}
    values.update(fields)
    return dataclasses.replace(report, **values)  # type: ignore[arg-type]


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _fill(data: bytes, tmp_path: Path) -> list[float]:
    """How far down each page the content reaches (0..1 of the space above the footer), measured on
    the rendered pages (pdftoppm, greyscale)."""
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-gray", "-r", "24", str(pdf), str(tmp_path / "p")], check=True)
    out = []
    for png in sorted(tmp_path.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        raw = png.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
        assert header is not None
        width, height = int(header.group(1)), int(header.group(2))
        pixels = raw[header.end():]
        top, footer = round(height * 18 / 297), round(height * (297 - 16) / 297)  # margin, footer line
        rows = [y for y in range(top, footer) if min(pixels[y * width:(y + 1) * width]) < 200]
        out.append((max(rows) - top) / (footer - top) if rows else 0.0)
    return out


def test_page_one_is_a_one_page_summary(demo_vault: Vault, tmp_path: Path) -> None:
    report = _report(demo_vault)
    pages = _pages(render_pdf(report))
    first = pages[0]
    for text in ("Rapportage brugfunctionaris", "Schooljaar 2025-2026: augustus 2025 \u2013 juli 2026",
                 "Tussenstand t/m 30 november 2026", "Alle scholen: Basisschool De Regenboog, Het Baken (VO)",
                 "Kerncijfers", "Deze periode", "Een jaar eerder", "Verschil",
                 "Vergeleken met dezelfde periode een jaar eerder: schooljaar 2024-2025",
                 "Gezinnen in begeleiding", "Ouders bij groepsactiviteiten",  # first and last key figure
                 "Contactmomenten per maand",  # the one chart
                 "Toelichting van de brugfunctionaris", "vooral bij geldzorgen", "wachtlijst bij schuldhulp",
                 "hoogstens 2 afwijken"):
        assert text in first.replace("\n", " "), text
    # the tables start on page 2, the explanation is the end
    assert pages[1].lstrip().startswith("Contactmomenten")
    assert "Hoe deze rapportage de gezinnen beschermt" in pages[-1]
    assert all("Hoe deze rapportage" not in page for page in pages[:-1])


def test_long_remarks_keep_the_summary_on_one_page(demo_vault: Vault) -> None:
    paragraph = "Een alinea over hoe het ging, met wat uitleg over de cijfers en de samenwerking. " * 4
    long = "\n\n".join([paragraph] * 5)[:MAX_LENGTH]  # the longest toelichting the app and the command take
    assert len(long) == MAX_LENGTH
    pages = _pages(render_pdf(_report(demo_vault, remarks=long, withheld_notes=(
        "Getallen met \u201c\u2014\u201d zijn weggelaten: samen met de andere getallen zouden ze een klein aantal te "
        "precies maken.",))))
    assert "Toelichting van de brugfunctionaris" in pages[0] and "Kerncijfers" in pages[0]
    assert "Toelichting" not in pages[1] and pages[1].lstrip().startswith("Contactmomenten")


def test_the_last_page_explains_the_protection_in_plain_dutch(demo_vault: Vault) -> None:
    last = _pages(render_pdf(_report(demo_vault)))[-1].replace("\n", " ")
    for text in ("Wie deze rapportage leest", "Wat beschermd is", "Wat niet beschermd is", "Alleen vaste periodes",
                 "tussenstand", "hoogstens 2 omhoog of omlaag", "0 blijft 0",
                 "tellen de rijen van een tabel niet altijd precies op", "van 1 tot en met 4 er als \u201c<5\u201d",
                 "\u201c\u2014\u201d", "Weggelaten",
                 "(\u201cOverig\u201d of \u201cAnders\u201d) is het eigen onderdeel van de lijst",
                 "Minder dan 5 gezinnen", "nooit allebei", "Geen namen"):
        assert text in last, text
    english = _pages(render_pdf(dataclasses.replace(_report(demo_vault), language="en")))[-1].replace("\n", " ")
    assert "at most 2 up or down" in english and "Who reads this report" in english


def test_no_half_empty_pages_and_no_lone_headings(demo_vault: Vault, tmp_path: Path) -> None:
    for spec in ("2025-2026", "2025-2026/T1", "2024-2025/T3"):
        report = _report(demo_vault, spec)
        data = render_pdf(report)
        fill = _fill(data, tmp_path)
        for old in tmp_path.glob("p-*"):
            old.unlink()
        # every page but the first (a summary, however long) and the last is at least half full
        assert all(f >= 0.5 for f in fill[1:-1]), (spec, fill)
        headings = {s.title for s in report.sections} | {t.title for t in report.tables()}
        for page in _pages(data):
            lines = [line.strip() for line in page.splitlines() if line.strip() and not line.startswith("brugdesk")]
            assert lines and lines[-1] not in headings, (spec, lines[-3:])  # never a heading last on a page


def test_withheld_cells_and_their_notes_are_printed(demo_vault: Vault) -> None:
    report = _report(demo_vault)
    sections = list(report.sections)
    intake = sections[1]
    table = intake.tables[0]
    withheld = dataclasses.replace(
        table, rows=tuple(Row(r.label, tuple("\u2014" for _v in r.values), r.total) for r in table.rows),
        notes=("Niet getoond: vergeleken met een rapportage die je eerder deelde, zouden deze getallen iets over "
               "een paar gezinnen vertellen.",))
    sections[1] = dataclasses.replace(intake, tables=(withheld, *intake.tables[1:]))
    report = dataclasses.replace(report, sections=tuple(sections), withheld_notes=(
        "Getallen met \u201c\u2014\u201d zijn weggelaten.",))
    text = " ".join(_pages(render_pdf(report))).replace("\n", " ")
    assert "Niet getoond: vergeleken met een rapportage die je eerder deelde" in text
    assert "Getallen met \u201c\u2014\u201d zijn weggelaten." in text
    assert text.count("\u2014") >= len(table.rows)


def test_a_date_range_for_the_screen_is_marked_not_for_sharing(demo_vault: Vault) -> None:
    report = _report(demo_vault, exportable=False, cut_text="", running=False, comparison_text="", remarks="")
    pages = _pages(render_pdf(report))
    assert "Alleen voor jezelf \u2014 niet om te delen" in pages[0]
    assert all("Alleen voor jezelf" in page for page in pages)  # in the footer of every page


def test_a_small_vault_gives_a_short_report_without_empty_pages(vault: Vault, tmp_path: Path) -> None:
    """Fewer than k families: the notice, the group activities and the explanation; nothing else."""
    repo = vault.repo
    school = repo.schools.add(School("OBS De Wilgen"))
    today = dt.date(2026, 3, 1)
    for name in ("Familie Aydin", "Familie Smit"):
        repo.families.create(Family(name, dt.date(2025, 9, 1), school_ids=[school.id]), today=today)
    repo.activities.add(Activity(dt.date(2025, 10, 2), "coffee_morning", school.id, 8, 90), today=today)
    report = dataclasses.replace(build_report(aggregate(repo, parse_period("2025-2026/T1"), today=today), 5),
                                 remarks="Rustige periode.")
    data = render_pdf(report)
    pages = _pages(data)
    text = " ".join(pages).replace("\n", " ")
    assert "minder dan 5 gezinnen" in text and "Groepsactiviteiten" in text and "Rustige periode." in text
    assert "Aydin" not in text and "Smit" not in text
    assert len(pages) <= 2
    fill = _fill(data, tmp_path)
    assert fill[0] >= 0.5  # the activities table follows the summary on the same page
    assert "Hoe deze rapportage de gezinnen beschermt" in pages[-1]


def test_pdf_metadata_names_nobody(demo_vault: Vault) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(_report(demo_vault))))
    meta = " ".join(f"{key}={value}" for key, value in (reader.metadata or {}).items())
    assert "/Title=Geanonimiseerde rapportage" in meta and "/Author=brugdesk" in meta
    for row in demo_vault.repo.families.rows():
        assert row.display_name.split()[-1] not in meta
