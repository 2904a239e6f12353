"""Issue 12 in the app, driven through the widgets an officer uses: the restore wizard takes only a
real backup of this vault (or, when ticked, of another vault with that vault's recovery key), and
an erasure stays erased after a restore — from Instellingen and from the damaged-vault unlock screen."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QListWidget

from brugdesk.errors import NotFound
from brugdesk.privacy import backup_policy
from brugdesk.store import audit, ledger
from brugdesk.store.vault import Vault, db_path
from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog
from brugdesk.ui.dialogs.restore import RestoreDialog
from brugdesk.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import dutch_catalogue

MORNING = dt.datetime(2026, 3, 1, 9, 0)


@pytest.fixture(autouse=True)
def _in_dutch(qapp):
    with dutch_catalogue(qapp):  # as the officer sees it
        yield


def folder(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def tick(qtbot, box: QCheckBox) -> None:
    """Click a check box on its box (the widget may be wider than its box and text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def erase_with_the_dialog(qtbot, session: Session, family_id: int) -> None:
    dialog = EraseFamilyDialog(session, family_id=family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(qtbot, dialog.confirm)
    assert dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    try:
        session.repo.families.get(family_id)
    except NotFound:
        return
    raise AssertionError("the family is still there")


def select(qtbot, listing: QListWidget, path: Path) -> None:
    for i in range(listing.count()):
        item = listing.item(i)
        if Path(str(item.data(Qt.ItemDataRole.UserRole + 1))) == path:
            qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton,
                             pos=listing.visualItemRect(item).center())
            assert listing.currentItem() is item
            return
    raise AssertionError(f"{path.name} is not listed")


def check_and_restore(qtbot, dialog: RestoreDialog) -> None:
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_restoring_an_older_backup_from_settings_erases_the_family_again(qtbot, session: Session, prompter):
    vault = session.vault
    directory = vault.directory
    old = backup_policy.make_backup(vault, now=MORNING, tag="manual").path
    gone = session.repo.families.rows()[0].id
    families = session.repo.families.count()
    erase_with_the_dialog(qtbot, session, gone)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    select(qtbot, dialog.backup_list, old)
    check_and_restore(qtbot, dialog)
    assert session.is_unlocked and session.repo.families.count() == families - 1
    try:
        session.repo.families.get(gone)
        raise AssertionError("the erased family came back")
    except NotFound:
        pass
    title, text = prompter.messages[-1]
    assert "1 gewist gezin opnieuw verwijderd." in text and "brugdesk.db.replaced-" in text
    actions = [e.action for e in audit.entries(session.vault.conn, limit=10)]
    assert "reapply_erasure" in actions and "restore" in actions
    assert backup_policy.list_replaced(directory)


def test_the_damaged_vault_screen_restores_without_bringing_an_erasure_back(qtbot, session: Session, prompter):
    from brugdesk.ui.views.unlock import UnlockView

    vault = session.vault
    directory = vault.directory
    backup_policy.make_backup(vault, now=MORNING, tag="close")
    gone = session.repo.families.rows()[0].id
    families = session.repo.families.count()
    erase_with_the_dialog(qtbot, session, gone)
    session.lock()
    db = db_path(directory)
    data = bytearray(db.read_bytes())
    data[4096 * 5 + 300 : 4096 * 5 + 303] = b"\x01\x02\x03"
    db.write_bytes(bytes(data))
    view = UnlockView(directory, auto_keyring=False)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.passphrase, PASSPHRASE)
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.restore_button.isVisibleTo(view), timeout=20000)
    opened: list[Vault] = []
    view.unlocked.connect(opened.append)
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(RestoreDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)  # the newest that verifies
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    try:
        assert opened[0].repo.families.count() == families - 1
        assert "1 gewist gezin opnieuw verwijderd." in prompter.messages[-1][1]
    finally:
        opened[0].close()


def test_the_wizard_refuses_a_file_that_is_not_a_backup_and_nothing_moves(qtbot, session: Session, tmp_path):
    vault = session.vault
    directory = vault.directory
    backup_policy.make_backup(vault, now=MORNING, tag="manual")
    empty = backup_policy.backups_dir(directory) / "brugdesk-20260302-090000-manual.bdbackup"
    empty.write_bytes(b"")  # an empty file where a backup should be
    before = folder(directory)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    select(qtbot, dialog.backup_list, empty)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled() and bool(dialog.status.text()), timeout=20000)
    assert "geen reservekopie van brugdesk" in dialog.status.text()
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # disabled: does nothing
    assert session.is_unlocked and folder(directory) == before


def test_another_vaults_backup_only_with_the_tick_and_its_recovery_key(qtbot, session: Session, prompter,
                                                                         tmp_path):
    other, other_key = Vault.create(tmp_path / "other", PASSPHRASE, scrypt_n=2**14)
    from brugdesk.core.model import Family

    for name in ("Fam. Ander", "Fam. Elders"):
        other.repo.families.create(Family(name, dt.date(2026, 1, 5)))
    foreign = backup_policy.make_backup(other, now=MORNING).path
    other.close()
    directory = session.vault.directory
    placed = backup_policy.backups_dir(directory) / foreign.name
    placed.parent.mkdir(exist_ok=True)
    shutil.copyfile(foreign, placed)
    before = folder(directory)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    select(qtbot, dialog.backup_list, placed)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled() and bool(dialog.status.text()), timeout=20000)
    assert "andere kluis" in dialog.status.text() and not dialog.restore_button.isEnabled()
    assert folder(directory) == before
    tick(qtbot, dialog.other_vault)
    assert dialog.other_key.isVisible()
    qtbot.keyClicks(dialog.other_key, other_key)
    check_and_restore(qtbot, dialog)
    assert session.is_unlocked
    assert sorted(r.display_name for r in session.repo.families.rows()) == ["Fam. Ander", "Fam. Elders"]
    assert "andere kluis" in prompter.messages[-1][1]
    session.lock()
    with Vault.open(directory, passphrase=PASSPHRASE) as v:  # this vault's passphrase opens it
        assert v.repo.families.count() == 2


def test_a_missing_ledger_is_asked_about_with_cancel_first(qtbot, session: Session, prompter):
    vault = session.vault
    directory = vault.directory
    old = backup_policy.make_backup(vault, now=MORNING, tag="manual").path
    gone = session.repo.families.rows()[0].id
    erase_with_the_dialog(qtbot, session, gone)
    os.remove(ledger.path_of(directory))
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    select(qtbot, dialog.backup_list, old)
    before = folder(directory)
    prompter.answers = [True, False]  # restore? yes; the ledger is missing, restore anyway? no
    check_and_restore(qtbot, dialog)
    assert "ontbreekt" in prompter.messages[-1][0]
    assert prompter.buttons[-2:] == [("&Terugzetten", "Annuleren"), ("Toch &terugzetten", "Annuleren")]
    assert session.is_unlocked and folder(directory) == before
    assert "Er is niets teruggezet" in dialog.status.text()
    prompter.answers = [True, True]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert session.is_unlocked
    assert "opnieuw begonnen" in prompter.messages[-1][1]
    assert session.repo.families.get(gone) is not None  # what the question warned of


def test_a_report_saved_from_the_app_carries_the_check_code_kept_in_the_key_file(qtbot, session: Session, prompter,
                                                                                    tmp_path):
    import subprocess

    from brugdesk.keys.slots import read_slots
    from brugdesk.ui.views.reports.page import ReportsPage

    page = ReportsPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.page_count() > 0 and not page.is_rendering(), timeout=20000)
    target = tmp_path / "rapportage.pdf"
    prompter.save_paths = [str(target)]
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not page.is_exporting(), timeout=20000)  # saved on the worker
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    codes = set(re.findall(r"controlecode logboek (\d+):([0-9a-f]{16})", text))
    assert len(codes) == 1
    entries, digest = codes.pop()
    anchors = read_slots(session.vault.directory).anchors
    assert any(a.entries == int(entries) and a.hash.startswith(digest) for a in anchors)
    assert audit.anchor_holds(session.vault.conn, int(entries), digest)
