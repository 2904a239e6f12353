"""Bad input never crashes and never half-writes: each file below gives a clear Dutch message (a
:class:`SheetError`) or a problem on its row, and the vault is unchanged unless the officer commits."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from brugdesk.importing import Mapping, SheetError, Workbook, commit, preview
from brugdesk.importing.sheets import MAX_FILE_BYTES, MAX_ROWS
from brugdesk.store.vault import Vault
from tests.importing.sheetfiles import write_csv, write_xlsx

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def vault(new_vault: tuple[Vault, str]) -> Vault:
    return new_vault[0]


def _error(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(SheetError) as info:
        Workbook(path).sheet(sheet)
    text = str(info.value)
    assert "Traceback" not in text and "Error" not in text
    return text


@pytest.mark.parametrize("name", ["leeg.xlsx", "leeg.csv", "leeg.ods", "leeg.xls"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    assert _error(tmp_path / name) == f"Het bestand {name} is leeg."


def test_a_workbook_without_rows_previews_nothing_and_writes_nothing(vault: Vault, tmp_path: Path) -> None:
    sheet = Workbook(write_xlsx(tmp_path / "leeg.xlsx", {"Blad1": []})).sheet()
    assert sheet.rows == []
    mapping = Mapping.suggested(sheet)
    prev = preview(sheet, mapping, vault.repo, today=TODAY)
    assert prev.rows == [] and prev.blocked  # no column with a surname or a name to choose
    assert "Kies de kolom met de achternaam" in prev.problems[0]
    with pytest.raises(SheetError, match="Kies de kolom"):
        commit(prev, vault.repo, today=TODAY)
    assert vault.repo.imports.last() is None


def test_a_csv_file_with_only_spaces_is_empty(tmp_path: Path) -> None:
    (tmp_path / "spaties.csv").write_bytes(b"  \r\n \r\n")
    assert _error(tmp_path / "spaties.csv") == "Het bestand spaties.csv is leeg."


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "open.xlsx", {"Blad1": [["Achternaam"], ["Jansen"]]})
    with plain.open("rb") as src, (tmp_path / "geheim.xlsx").open("wb") as out:
        OOXMLFile(src).encrypt("wachtwoordzin", out)
    assert "met een wachtwoord beveiligd" in _error(tmp_path / "geheim.xlsx")


def test_a_50_mb_sheet_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "groot.xlsx"
    with path.open("wb") as f:  # 50 MB (sparse: the size is what is checked first)
        f.truncate(50 * 1024 * 1024)
    text = _error(path)
    assert text.startswith("Het bestand groot.xlsx is te groot om te importeren (50 MB; hoogstens 20 MB)")
    assert os.path.getsize(path) > MAX_FILE_BYTES


def test_a_damaged_workbook_and_a_file_of_another_kind(tmp_path: Path) -> None:
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    assert "kan niet als spreadsheet worden gelezen" in _error(tmp_path / "kapot.xlsx")
    (tmp_path / "brief.docx").write_bytes(b"PK\x03\x04")
    assert "geen van deze" in _error(tmp_path / "brief.docx")
    (tmp_path / "plaatje.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(100))
    assert "geen CSV-tekstbestand" in _error(tmp_path / "plaatje.csv")


def test_a_sheet_that_is_not_there(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Gezinnen": [["Achternaam"]]})
    assert _error(path, "Contacten") == "Het bestand heeft geen werkblad Contacten. De werkbladen: Gezinnen."


def test_a_file_that_went_away(tmp_path: Path) -> None:
    assert _error(tmp_path / "weg.xlsx") == "Het bestand weg.xlsx bestaat niet (meer)."


def test_more_rows_than_one_import_takes(tmp_path: Path) -> None:
    rows = [["Achternaam", "Naam kind"]] + [[f"N{i}", "Kind"] for i in range(MAX_ROWS + 5)]
    path = write_csv(tmp_path / "veel.csv", rows)
    assert "heeft meer dan 50.000 rijen" in _error(path)


@pytest.mark.slow
def test_ten_thousand_rows_preview_and_import_in_one_batch(vault: Vault, tmp_path: Path) -> None:
    rows: list[list[object]] = [["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "Groep", "Startdatum"]]
    for i in range(10_000):
        rows.append([i // 2, f"Achternaam{i // 2}", f"Kind{i}", 2012 + i % 8, str(1 + i % 8), "1-9-2025"])
    rows[5000][2] = ""  # one bad row among them
    path = write_xlsx(tmp_path / "tienduizend.xlsx", {"Blad1": rows})
    sheet = Workbook(path).sheet()
    prev = preview(sheet, Mapping.suggested(sheet), vault.repo, today=TODAY)
    counts = prev.counts()
    assert (counts.rows, counts.rows_with_errors, counts.families, counts.members) == (10_000, 1, 5_000, 9_999)
    batch = commit(prev, vault.repo, today=TODAY)
    assert (batch.families, batch.members) == (5_000, 9_999)
    assert vault.repo.families.count() == 5_000


def test_a_cell_of_5000_characters_is_a_problem_of_its_row_not_a_crash(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "lang.xlsx", {"Blad1": [["Achternaam", "Naam kind", "Telefoon"],
                                                          ["Jansen", "Milan", "0" * 5000],
                                                          ["Bakker", "Sara", ""]]})
    sheet = Workbook(path).sheet()
    prev = preview(sheet, Mapping.suggested(sheet), vault.repo, today=TODAY)
    [problem] = prev.rows[0].problems
    assert problem.message == "Telefoon: de tekst is te lang (5.000 tekens; hoogstens 40)."
    assert not prev.rows[0].ok and prev.rows[1].ok
    commit(prev, vault.repo, today=TODAY)
    assert [r.display_name for r in vault.repo.families.rows()] == ["Fam. Bakker"]
