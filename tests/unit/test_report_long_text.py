"""The report PDF with very long free text the officer typed (issue 12, item 3): a school name and a
list label of 10,000 characters each continue over pages instead of stopping the export with
reportlab's LayoutError, and come back whole in the PDF's text."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from brugdesk.core.lists import ListName
from brugdesk.core.periods import parse_period
from brugdesk.reports.aggregate import aggregate
from brugdesk.reports.pdf import write_pdf
from brugdesk.reports.report import build_report
from brugdesk.store.vault import Vault


def one_word(length: int, tag: str) -> str:
    chunk = len(tag) + 4
    return "".join(f"{tag}{i:04d}" for i in range(length // chunk + 1))[:length]


def text_of(lines: list[str], tag: str) -> str:
    """The runs of the tag's letters and digits that hold a letter, in reading order: the long text
    with whatever a split puts in between (footers, repeated headers, page numbers, counts) left out.
    A line of digits only right after a line that ended inside a number ("…QX16" / "65…") is the
    rest of that number (the text is ``tag`` + four digits, repeated), so it is kept."""
    runs = re.compile(rf"[{re.escape(tag)}0-9]+")
    open_number = re.compile(rf"{re.escape(tag)}(\d{{0,3}})$")
    out, broke_off = "", 0  # broke_off: digits still missing when the previous line ended inside a number
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if broke_off and re.fullmatch(r"\d+", line) and len(line) <= broke_off:
            out += line
            broke_off = 0
            continue
        found = runs.findall(line)
        out += "".join(run for run in found if not run.isdigit())
        ended = open_number.search(out) if found and not found[-1].isdigit() and line.endswith(found[-1]) else None
        broke_off = 4 - len(ended.group(1)) if ended else 0
    return out


def test_a_school_name_and_a_theme_label_of_10000_characters(demo_vault: Vault, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    repo = demo_vault.repo
    school = repo.schools.list()[0]
    school.name = one_word(10_000, "QX")
    repo.schools.update(school)
    counts: dict[str, int] = {}
    for row in demo_vault.conn.execute("SELECT theme, count(*) FROM family_theme GROUP BY theme"):
        counts[str(row[0])] = int(row[1])
    common = max(counts, key=lambda code: counts[code])  # not merged into "Overig"
    label = one_word(10_000, "ZJ")
    repo.lists.rename(ListName.THEME, common, label)
    report = build_report(aggregate(repo, parse_period("2025-2026"), None), 5, generated=dt.date(2026, 3, 15))
    target = tmp_path / "rapportage.pdf"
    write_pdf(report, target, audit_code="12:0123456789abcdef")
    lines = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    lines_list = lines.splitlines()
    assert school.name in text_of(lines_list, "QX")  # whole and in order
    assert label in text_of(lines_list, "ZJ")
