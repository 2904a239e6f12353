"""The first-run wizard on a real vault directory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from brugdesk.core.model import SchoolType
from brugdesk.store.vault import Vault
from brugdesk.ui.dialogs.first_run import FirstRunWizard
from tests.conftest import TEST_N

GOOD = "de brug naar ouders 2026"


def start(qtbot, vault_dir: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(vault_dir, scrypt_n=TEST_N, today=dt.date(2026, 9, 1))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def through_terms(wizard: FirstRunWizard) -> None:
    wizard.officer_page.name.setText("Fatima Bakker")
    wizard.next()
    page = wizard.schools_page
    page.name.setText("OBS De Wilgen")
    page.brin.setText("12ab")
    page.pupils.setText("240")
    assert page.add_school()
    page.name.setText("Het Baken")
    page.type.setCurrentIndex(page.type.findData("VO"))
    wizard.next()  # the filled-in form is added when going on
    assert len(page.schools) == 2
    wizard.next()  # terms: the defaults
    assert wizard.currentPage() is wizard.passphrase_page


def test_wizard_creates_the_vault_shows_the_key_once_and_checks_it_was_kept(qtbot, vault_dir, tmp_path, prompter):
    wizard = start(qtbot, vault_dir)
    through_terms(wizard)
    wizard.passphrase_page.passphrase.setText(GOOD)
    wizard.passphrase_page.repeat.setText(GOOD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=20_000)
    assert wizard.vault is not None and (vault_dir / "brugdesk.db").exists()
    key = wizard.recovery_key
    assert key.replace("-", "") in wizard.key_page.key.text().replace("-", "").replace("\n", "")
    # a screen reader reads the key too: the caption as its name, the key as its description
    assert wizard.key_page.key.accessibleName() == "Recovery key"
    assert key.replace("-", "") in wizard.key_page.key.accessibleDescription().replace("-", "").replace("\n", "")

    pdf = tmp_path / "sheet.pdf"
    prompter.save_paths.append(str(pdf))
    assert wizard.key_page.save_pdf()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert all(group in text for group in key.split("-"))
    assert "Fatima" not in text

    wizard.next()
    confirm = wizard.confirm_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # nothing typed yet
    qtbot.keyClicks(confirm.last_group, "ZZZZ" if not key.endswith("ZZZZ") else "AAAA")
    # a wrong group: the finish button says why (a disabled one said nothing), and the wizard stays
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is confirm and wizard.isVisible()
    assert confirm.message.isVisibleTo(confirm) and "last group" in confirm.message.text()
    assert confirm.last_group.accessibleDescription() == confirm.message.text()
    assert wizard.vault.meta("recovery_key_confirmed") == ""
    confirm.last_group.clear()
    qtbot.keyClicks(confirm.last_group, key.rsplit("-", 1)[-1].lower())
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible() and not confirm.message.isVisibleTo(confirm)
    wizard.vault.close()

    vault = Vault.open(vault_dir, passphrase=GOOD)
    try:
        assert vault.meta("officer") == "Fatima Bakker"
        assert vault.meta("recovery_key_confirmed") == "2026-09-01"
        schools = {s.name: s for s in vault.repo.schools.list()}
        assert set(schools) == {"OBS De Wilgen", "Het Baken"}
        assert schools["OBS De Wilgen"].brin == "12AB" and schools["OBS De Wilgen"].pupil_count == 240
        assert schools["Het Baken"].type is SchoolType.VO
        assert vault.repo.settings.term_starts == ((8, 1), (1, 1), (4, 1))
    finally:
        vault.close()


def test_a_nine_character_passphrase_is_refused_and_kept(qtbot, vault_dir):
    wizard = start(qtbot, vault_dir)
    through_terms(wizard)
    page = wizard.passphrase_page
    page.passphrase.setText("123456789")
    page.repeat.setText("123456789")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.passphrase_message.isVisibleTo(page)
    assert "10" in page.passphrase_message.text()
    assert page.passphrase.text() == "123456789"
    assert page.strength.bar.value() == 0
    assert not vault_dir.exists() or not any(vault_dir.iterdir())


def test_schools_page_needs_a_school_and_keeps_a_bad_brin(qtbot, vault_dir):
    wizard = start(qtbot, vault_dir)
    wizard.officer_page.name.setText("Fatima Bakker")
    wizard.next()
    page = wizard.schools_page
    wizard.next()
    assert wizard.currentPage() is page
    assert page.messages["list"].isVisibleTo(page)

    page.name.setText("OBS De Wilgen")
    page.brin.setText("ABCD")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.messages["brin"].isVisibleTo(page)
    assert page.brin.text() == "ABCD" and page.name.text() == "OBS De Wilgen"


def test_terms_can_be_changed_in_the_wizard(qtbot, vault_dir):
    wizard = start(qtbot, vault_dir)
    through_terms(wizard)
    wizard.back()
    editor = wizard.terms_page.editor
    editor.add_button.click()
    assert len(editor.starts()) == 4
    _label, first = editor._rows[0]
    first.setDate(first.date().addDays(3))  # the first term must start on 1 August
    wizard.next()
    assert wizard.currentPage() is wizard.terms_page
    assert "1 August" in wizard.terms_page.message.text() or "augustus" in wizard.terms_page.message.text()


def test_closing_the_wizard_after_the_vault_was_made_asks_first(qtbot, vault_dir, prompter):
    wizard = start(qtbot, vault_dir)
    through_terms(wizard)
    wizard.passphrase_page.passphrase.setText(GOOD)
    wizard.passphrase_page.repeat.setText(GOOD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=20_000)
    prompter.answers.append(False)
    wizard.reject()
    assert wizard.isVisible() and wizard.vault is not None  # the officer chose to stay
    assert "recovery key" in prompter.messages[-1][1]
    prompter.answers.append(True)
    wizard.reject()
    assert not wizard.isVisible() and wizard.vault is None
    Vault.open(vault_dir, passphrase=GOOD).close()  # what was made is kept and opens


def test_dialogs_remember_their_size_by_class_name_only(qtbot, _isolated_qsettings):
    from brugdesk.ui import prefs
    from brugdesk.ui.dialogs.base import BaseDialog

    class NoteDialog(BaseDialog):
        pass

    first = NoteDialog()
    qtbot.addWidget(first)
    first.resize(640, 420)
    first.show()
    first.close()
    assert prefs.settings().contains("geometry/NoteDialog")
    second = NoteDialog()
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (640, 420)
