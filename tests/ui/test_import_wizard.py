"""Importeren uit spreadsheet, driven by clicks and keys: Gezinnen → the wizard → file and sheet →
header row and fields (one changed by hand) → the preview of every row with its problems, a
duplicate merged → import → the reminder and its folder → undo; the template; a bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Family, Member, MemberRole
from brugdesk.importing import Field, Workbook
from brugdesk.ui import tasks
from brugdesk.ui.views.families import FamiliesPage
from tests.importing.sheetfiles import CASELOAD, write_xlsx


@pytest.fixture(autouse=True)
def _dutch_app(qapp):
    """The app's Dutch catalogues, as the officer sees the wizard."""
    from tests.ui.conftest import dutch_catalogue

    with dutch_catalogue(QApplication.instance()):
        yield


def _page(qtbot, session) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _wizard(qtbot, page):
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wizard = page.dialog
    qtbot.waitUntil(wizard.isVisible)
    return wizard


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _to_preview(qtbot, wizard) -> None:
    """Next on the mapping step: the rows are checked on a worker thread, then the preview shows."""
    _click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.PREVIEW, timeout=30_000)


def test_import_a_caseload_merge_a_duplicate_and_undo(qtbot, session, prompter, tmp_path: Path) -> None:
    repo = session.repo
    jansen = repo.families.intake(Family("Fam. Jansen", dt.date(2025, 1, 6)), [],
                                  [Member(MemberRole.CHILD, "Milan", birth_year=2016)])
    before = repo.families.count()
    rows = [*CASELOAD, [4, "Kok", "", 2016, "5", "", "1-9-2025", "", "", ""]]
    sheet = write_xlsx(tmp_path / "mijn gezinnen.xlsx", {"Overzicht": [["leeg"]], "Gezinnen": rows})
    page = _page(qtbot, session)
    assert not page.undo_import_button.isVisible()
    wizard = _wizard(qtbot, page)
    assert wizard.windowTitle() == "Importeren uit spreadsheet"
    assert not wizard.next_button.isEnabled()  # no file chosen yet

    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    assert [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())] == ["Overzicht", "Gezinnen"]
    qtbot.keyClicks(wizard.sheet_combo, "Gezinnen")
    assert wizard.sheet_combo.currentText() == "Gezinnen"
    _click(qtbot, wizard.next_button)

    # the header row is found under the title; each column has its suggested field
    assert wizard.header_spin.value() == 3
    fields = [c.currentText() for c in wizard.field_combos]
    assert fields[:4] == ["Gezinssleutel", "Achternaam", "Voornaam kind", "Geboortejaar"]
    assert wizard.mapping_table.item(2, 1).text() == "Milan, Sara, Emre"  # examples of the column
    # the officer leaves out the phone column
    phone = wizard.field_combos[8]
    assert phone.currentText() == "Telefoon"
    qtbot.keyClicks(phone, "(overslaan)")
    assert phone.currentText() == "(overslaan)"
    _to_preview(qtbot, wizard)

    # the preview: every row, its problems; the duplicate with its choice
    model = wizard.preview_model
    shown = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 4).data())
             for r in range(model.rowCount())}
    assert set(shown) == {"4", "5", "6", "7", "8"}
    assert shown["8"] == ("Fout", "De voornaam van het kind ontbreekt: de rij wordt niet geïmporteerd.")
    assert shown["4"][0] == "Let op" and "staat al in de kluis" in shown["4"][1]
    assert "5 rijen gelezen: 4 zonder fout, 1 met een fout" in wizard.summary.text()
    assert "Al in de kluis: 1." in wizard.summary.text()
    assert repo.families.count() == before  # nothing written yet
    assert wizard.duplicates_table.rowCount() == 1
    choice = wizard.duplicates_table.cellWidget(0, 2)
    qtbot.keyClicks(choice, "Samenvoegen")
    _click(qtbot, wizard.import_button)

    # done: what was written, the reminder, the folder
    assert wizard.done_label.text() == "Geïmporteerd: 2 nieuwe gezinnen, 5 gezinsleden, 0 contactmomenten."
    assert "mijn gezinnen.xlsx bevat deze gegevens nog onversleuteld" in wizard.reminder.text()
    _click(qtbot, wizard.open_folder_button)
    assert prompter.opened_folders == [str(tmp_path)]
    assert repo.families.count() == before + 2
    assert sorted(m.first_name for m in repo.members.list(jansen.id)) == ["Milan", "Sandra", "Sara"]
    yilmaz = next(r for r in repo.families.rows(search="Yılmaz"))
    assert repo.families.get(yilmaz.id).phone == ""
    assert page.undo_import_button.isVisible()
    assert page.undo_import_button.text().startswith("Import van ")

    # undo from the wizard's last step, after a question
    prompter.answers = [True]
    _click(qtbot, wizard.undo_button)
    assert "Alles verwijderen wat deze import heeft toegevoegd: 2 gezinnen" in prompter.messages[-1][1]
    assert wizard.done_label.text() == "De import is ongedaan gemaakt: er staat niets meer van in de kluis."
    assert repo.families.count() == before
    assert [m.first_name for m in repo.members.list(jansen.id)] == ["Milan"]
    _click(qtbot, wizard.close_button)
    qtbot.waitUntil(lambda: not page.undo_import_button.isVisible())


def test_the_undo_button_on_the_families_page(qtbot, session, prompter, tmp_path: Path) -> None:
    before = session.repo.families.count()
    sheet = write_xlsx(tmp_path / "g.xlsx", {"Blad1": [["Achternaam", "Naam kind"], ["Kramer", "Ivo"]]})
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    _to_preview(qtbot, wizard)
    _click(qtbot, wizard.import_button)
    _click(qtbot, wizard.close_button)
    assert session.repo.families.count() == before + 1
    qtbot.waitUntil(page.undo_import_button.isVisible)
    prompter.answers = [False]  # the safe answer first: nothing happens
    _click(qtbot, page.undo_import_button)
    assert session.repo.families.count() == before + 1
    prompter.answers = [True]
    _click(qtbot, page.undo_import_button)
    assert session.repo.families.count() == before
    assert not page.undo_import_button.isVisible()


def test_a_bad_file_says_why_and_the_template_is_saved(qtbot, session, prompter, tmp_path: Path) -> None:
    (tmp_path / "leeg.xlsx").write_bytes(b"")
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(tmp_path / "leeg.xlsx")]
    _click(qtbot, wizard.choose_button)
    assert wizard.file_error.text() == "Het bestand leeg.xlsx is leeg."
    assert not wizard.next_button.isEnabled()

    prompter.save_paths = [str(tmp_path / "sjabloon.xlsx")]
    _click(qtbot, wizard.template_button)
    book = Workbook(tmp_path / "sjabloon.xlsx")
    assert book.sheet_names == ["Gezinnen", "Contactmomenten"]
    assert book.sheet("Gezinnen").rows[0][:3] == ["Gezinssleutel", "Achternaam", "Voornaam kind"]
    # the template itself imports with every column recognised
    prompter.open_paths = [str(tmp_path / "sjabloon.xlsx")]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    assert "(overslaan)" not in [c.currentText() for c in wizard.field_combos]
    assert wizard.field_combos[0].currentData() == str(Field.FAMILY_KEY)
    _click(qtbot, wizard.close_button)


def _long_sheet(path: Path, rows: int) -> Path:
    data: list[list[object]] = [["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "Groep", "Startdatum"]]
    data += [[i // 2, f"Achternaam{i // 2}", f"Kind{i}", 2012 + i % 8, str(1 + i % 8), "1-9-2025"] for i in range(rows)]
    return write_xlsx(path, {"Blad1": data})


def test_the_preview_of_a_long_sheet_is_made_while_the_wizard_stays_usable(qtbot, session, prompter,
                                                                           tmp_path: Path) -> None:
    """10,000 rows are checked on a worker thread: meanwhile a busy bar and its line show, Next
    waits, and the GUI thread goes on (its timer keeps ticking); then the preview shows every row."""
    sheet = _long_sheet(tmp_path / "tienduizend.xlsx", 10_000)
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    assert not wizard.preview_busy.isVisible()
    ticks: list[bool] = []
    timer = QTimer(wizard)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(wizard.worker.busy))
    timer.start()
    _click(qtbot, wizard.next_button)

    assert wizard.step() == wizard.MAPPING
    assert wizard.preview_busy.isVisible()
    assert wizard.preview_busy.label.text() == "Elke rij van het blad wordt gecontroleerd…"
    assert wizard.preview_busy.bar.accessibleName() == "Elke rij van het blad wordt gecontroleerd…"
    assert not wizard.next_button.isEnabled()
    assert wizard.close_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.step() == wizard.PREVIEW, timeout=60_000)
    timer.stop()
    # the GUI thread handled its events while the rows were being checked
    assert sum(ticks) >= 5, ticks.count(True)
    assert not wizard.preview_busy.isVisible()
    assert wizard.preview_model.rowCount() > 0  # the table fills as it is scrolled
    assert "10000 rijen gelezen: 10000 zonder fout" in wizard.summary.text()
    assert wizard.import_button.isEnabled()
    _click(qtbot, wizard.close_button)


def test_cancel_while_the_preview_is_made_closes_the_wizard_at_once(qtbot, session, prompter, tmp_path: Path) -> None:
    sheet = _long_sheet(tmp_path / "lang.xlsx", 10_000)
    before = session.repo.families.count()
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    _click(qtbot, wizard.next_button)
    assert wizard.worker.busy
    _click(qtbot, wizard.close_button)
    assert not wizard.isVisible()
    assert not wizard.worker.busy  # stopped: its result is dropped
    assert tasks.wait_all(10.0)  # the worker thread has ended
    qtbot.wait(100)  # its result, had it been delivered, would have been handled by now: nothing breaks
    assert session.repo.families.count() == before
    assert not page.undo_import_button.isVisible()


def test_back_while_the_preview_is_made_drops_it(qtbot, session, prompter, tmp_path: Path) -> None:
    sheet = _long_sheet(tmp_path / "lang.xlsx", 10_000)
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    _click(qtbot, wizard.next_button)
    assert wizard.preview_busy.isVisible()
    _click(qtbot, wizard.back_button)
    assert wizard.step() == wizard.FILE
    assert not wizard.worker.busy and not wizard.preview_busy.isVisible()
    qtbot.wait(200)
    assert wizard.step() == wizard.FILE  # the dropped preview does not show up later
    _click(qtbot, wizard.next_button)
    _to_preview(qtbot, wizard)  # asked again, it comes
    assert "10000 rijen gelezen" in wizard.summary.text()
    _click(qtbot, wizard.close_button)


def test_a_lock_while_the_preview_is_made_stops_it_before_the_vault_closes(qtbot, session, prompter,
                                                                           tmp_path: Path) -> None:
    sheet = _long_sheet(tmp_path / "lang.xlsx", 10_000)
    page = _page(qtbot, session)
    wizard = _wizard(qtbot, page)
    prompter.open_paths = [str(sheet)]
    _click(qtbot, wizard.choose_button)
    _click(qtbot, wizard.next_button)
    _click(qtbot, wizard.next_button)
    assert wizard.worker.busy
    session.lock()
    assert not wizard.worker.busy
    assert tasks.wait_all(10.0)
    qtbot.wait(100)
    assert wizard.step() != wizard.PREVIEW  # nothing of the dropped preview shows
