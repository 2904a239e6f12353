"""The inspection export (inzage) holds everything about one family and nothing about another."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugdesk.privacy import inspection
from brugdesk.store import audit
from brugdesk.store.vault import Vault
from tests.privacy_data import add_canary_family


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_export_holds_this_family_and_no_other(vault: Vault, tmp_path: Path) -> None:
    mine = add_canary_family(vault, "mijn")
    other = add_canary_family(vault, "ander", consent=False)
    vault.repo.families.record_view(mine.id)
    target = tmp_path / inspection.suggested_filename(dt.date(2026, 3, 2))
    assert target.name == "inzage-2026-03-02.pdf"
    inspection.export_family(vault, mine.id, target, today=dt.date(2026, 3, 2))
    reader = PdfReader(str(target))
    by_pypdf = "\n".join(page.extract_text() for page in reader.pages)
    by_poppler = pdftotext(target)
    for text in (by_pypdf, by_poppler):
        squashed = " ".join(text.split())
        for c in mine.canaries:
            assert c in squashed, c
        for c in other.canaries:
            assert c not in squashed
        assert mine.ref in squashed and other.ref not in squashed
        assert "gegeven op 02-10-2023 door vader" in squashed
        assert "Wie deed wat (logboek)" in squashed and "ingezien" in squashed and "aangemaakt" in squashed
        assert "02-10-2023: voorgesteld" in squashed and "05-10-2023: verwezen" in squashed
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert not any(c in meta for c in mine.canaries) and mine.ref not in meta
    assert audit.entries(vault.conn, entity="family", entity_id=mine.id, limit=1)[0].action == "export"
    assert not list(tmp_path.glob(".*"))


def test_export_shows_missing_sharing_consent(vault: Vault, tmp_path: Path) -> None:
    fam = add_canary_family(vault, "zonder", consent=False)
    target = tmp_path / "inzage.pdf"
    inspection.export_family(vault, fam.id, target)
    text = " ".join(pdftotext(target).split())
    assert "Toestemming om gegevens te" in text and "niet vastgelegd" in text


# ------------------------------------------------- long free text (issue 12, item 3)
def words(n: int, tag: str) -> str:
    """``n`` distinct words in a known order (``tag00001 tag00002 …``), in paragraphs. Tags are capitals
    that no Dutch word of the PDF is made of, so :func:`text_of` finds exactly these lines."""
    out = []
    for i in range(1, n + 1):
        out.append(f"{tag}{i:05d}")
        if i % 90 == 0:
            out.append("\n")
    return " ".join(out).replace(" \n ", "\n")


def one_word(length: int, tag: str) -> str:
    """One word of ``length`` characters without a break opportunity: ``tag0000tag0001…``."""
    chunk = len(tag) + 4
    return "".join(f"{tag}{i:04d}" for i in range(length // chunk + 1))[:length]


def pdf_lines(target: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    out = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


def text_of(lines: list[str], tag: str) -> str:
    """What the PDF shows of the text made of ``tag`` and digits, in reading order, whitespace removed:
    the lines made only of those characters (page footers, repeated table headers and other cells
    that a split puts in between are left out, page numbers and dates too)."""
    allowed = re.compile(rf"^[{re.escape(tag)}0-9\s]+$")
    cells = [re.sub(r"\d\d-\d\d-\d{4}", "", line) for line in lines]  # a date of the same table row
    kept = [line for line in cells if allowed.match(line) and not line.strip().isdigit()]
    return "".join("".join(kept).split())


def squash(text: str) -> str:
    return "".join(text.split())


def test_long_notes_and_cells_split_over_pages_and_come_back_whole(vault: Vault, tmp_path: Path) -> None:
    from brugdesk.core.model import Contact, FollowUp, Member, MemberRole

    fam = add_canary_family(vault, "lang")
    long_note = words(6300, "QX")  # about 50,000 characters, a dozen pages
    assert len(long_note) >= 50_000
    word = one_word(10_000, "ZJ")
    cell = words(1500, "VW")  # a member's notes: a table cell of some 10,000 characters
    assert len(cell) >= 10_000
    todo = one_word(10_000, "YK")  # a follow-up: one word as a table cell
    repo = vault.repo
    repo.contacts.add(Contact(fam.id, dt.date(2024, 1, 8), 60, "home_visit", ["parents"], note=long_note),
                      today=dt.date(2026, 3, 1))
    repo.contacts.add(Contact(fam.id, dt.date(2024, 1, 9), 30, "phone", ["parents"], note=word),
                      today=dt.date(2026, 3, 1))
    repo.members.add(Member(MemberRole.PARENT, "Lange", family_id=fam.id, notes=cell))
    repo.followups.add(FollowUp(fam.id, todo, dt.date(2024, 2, 1)))
    target = tmp_path / "inzage.pdf"
    inspection.export_family(vault, fam.id, target, today=dt.date(2026, 3, 2))
    reader = PdfReader(str(target))
    assert len(reader.pages) > 20
    for page in reader.pages:  # nothing runs off the page: every glyph inside the media box
        width = float(page.mediabox.width)
        xs: list[float] = []

        def visit(text: str, cm: object, tm: list[float], font: object, size: object, xs: list[float] = xs) -> None:
            if text.strip():
                xs.append(tm[4])

        page.extract_text(visitor_text=visit)
        assert all(0 <= x < width for x in xs)
    lines = pdf_lines(target)
    for expected, tag in ((long_note, "QX"), (word, "ZJ"), (cell, "VW"), (todo, "YK")):
        assert text_of(lines, tag) == squash(expected), tag  # all of it, in order, nothing else
    everything = squash("".join(lines))
    assert everything.index("QX00001") < everything.index("ZJ0000ZJ0001")  # contacts in date order
