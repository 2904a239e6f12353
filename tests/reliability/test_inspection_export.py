"""The inspection export (inzage) holds everything about one family and nothing about another."""

from __future__ import annotations

import datetime as dt
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
        assert "Wie deed wat (auditlog)" in squashed and "ingezien" in squashed and "aangemaakt" in squashed
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
