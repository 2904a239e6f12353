"""The privacy screens on real vaults: backups, restore wizard, retention, new recovery key,
audit-log viewer, erasure and the inspection export."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from brugdesk.privacy import backups
from brugdesk.store import backup, connection
from brugdesk.store.errors import VaultDamaged
from brugdesk.store.vault import Vault, db_path
from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog, export_inspection
from brugdesk.ui.dialogs.restore import RestoreDialog
from brugdesk.ui.session import Session
from brugdesk.ui.views.privacy_settings import NewRecoveryKeyDialog, PrivacySettings, PrivacySettingsWidget
from brugdesk.ui.views.retention import RetentionPanel
from tests.conftest import DEMO_TODAY, PASSPHRASE


def widget(qtbot, session: Session) -> PrivacySettingsWidget:
    w = PrivacySettingsWidget(session)
    qtbot.addWidget(w)
    return w


def test_extension_name_is_the_widget():
    assert PrivacySettings is PrivacySettingsWidget


def test_models_pass_the_model_tester(qtbot, qtmodeltester, session: Session):
    backups.make_backup(session.vault, tag="manual")
    w = widget(qtbot, session)
    qtmodeltester.check(w.backup_model)
    qtmodeltester.check(w.audit_model)
    assert w.backup_model.rowCount() == 1
    assert w.audit_model.data(w.audit_model.index(0, 1)) == "reservekopie gemaakt" or \
        w.audit_model.rows[0].action == "backup"


def test_backup_now_makes_a_verified_backup_and_lists_it(qtbot, session: Session):
    w = widget(qtbot, session)
    assert w.backup_model.rowCount() == 0
    assert w.make_backup()
    qtbot.waitUntil(lambda: w.backup_now.isEnabled(), timeout=20000)
    assert w.backup_model.rowCount() == 1
    path = Path(w.backup_model.data(w.backup_model.index(0, 0), 256))
    backup.verify_backup(path, session.vault.data_key)
    assert w.audit_model.rows[0].action == "backup"


def test_backup_to_a_folder(qtbot, session: Session, tmp_path: Path):
    w = widget(qtbot, session)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert w.make_backup(usb)
    qtbot.waitUntil(lambda: w.backup_now.isEnabled(), timeout=20000)
    made = list(usb.iterdir())
    assert len(made) == 1 and str(made[0]) in w.backup_status.text()
    assert w.backup_model.rowCount() == 0  # not in the vault's rotation


def test_backup_to_a_missing_folder_says_so(qtbot, session: Session, tmp_path: Path):
    w = widget(qtbot, session)
    assert not w.make_backup(tmp_path / "gone")
    assert w.backup_now.isEnabled()
    assert w.backup_status.text() == backups.BackupFailed("no such folder").text()


def test_retention_period_validation_keeps_the_value(qtbot, session: Session):
    w = widget(qtbot, session)
    w.retention.setValue(0)
    assert not w.save_retention()
    assert w.retention_message.text() and w.retention.value() == 0
    assert session.repo.settings.retention_years == 2
    w.retention.setValue(5)
    assert w.save_retention()
    assert session.repo.settings.retention_years == 5


def test_audit_check_reports_a_tampered_entry(qtbot, session: Session):
    w = widget(qtbot, session)
    assert w.check_chain() is None
    assert "ongewijzigd" in w.check_status.text() or "unchanged" in w.check_status.text()
    session.vault.conn.execute("UPDATE audit SET action = 'view' WHERE id = 1")
    assert w.check_chain() == 1
    assert "1" in w.check_status.text()


def test_new_recovery_key_dialog(qtbot, session: Session):
    dialog = NewRecoveryKeyDialog(session)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("niet mijn wachtwoord")
    assert dialog.make_key()
    qtbot.waitUntil(lambda: dialog.make_button.isEnabled(), timeout=20000)
    assert dialog.message.text() and not dialog.recovery_key
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.make_key()
    qtbot.waitUntil(lambda: bool(dialog.recovery_key), timeout=20000)
    key = dialog.recovery_key
    assert dialog.key_label.text().replace("\n", "") == key
    directory = session.vault.directory
    families = session.repo.families.count()
    session.lock()
    with Vault.open(directory, recovery_key=key) as v:
        assert v.repo.families.count() == families
    dialog.accept()
    assert dialog.recovery_key == ""  # shown once


def test_restore_wizard_from_settings(qtbot, session: Session, prompter):
    vault = session.vault
    directory = vault.directory
    made = backups.make_backup(vault, tag="manual")
    families = session.repo.families.count()
    fid = session.repo.families.rows()[0].id
    from brugdesk.privacy import retention

    retention.erase_family(vault, fid)
    assert session.repo.families.count() == families - 1
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.selected_path() == made.path
    assert not dialog.restore_button.isEnabled()
    assert dialog.check_selected()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)
    assert dialog.restore_selected()
    assert session.is_unlocked and session.repo.families.count() == families
    assert any(p.name.startswith("brugdesk.db.replaced-") for p in directory.iterdir())
    assert "brugdesk.db.replaced-" in prompter.messages[-1][1]


def test_restore_wizard_refuses_a_foreign_backup(qtbot, session: Session, tmp_path: Path):
    other, _rk = Vault.create(tmp_path / "other", PASSPHRASE, scrypt_n=2**14)
    foreign = backups.make_backup(other).path
    other.close()
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.use_file(str(foreign))
    assert dialog.check_selected()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=20000)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.restore_selected()


def test_restore_wizard_for_a_damaged_vault(qtbot, session: Session):
    vault = session.vault
    directory = vault.directory
    backups.make_backup(vault, tag="manual")
    families = session.repo.families.count()
    session.lock()
    db = db_path(directory)
    data = bytearray(db.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 3] = b"\xff\x00\xff"
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(directory, passphrase=PASSPHRASE)
    dialog = RestoreDialog(None, vault_dir=directory)
    qtbot.addWidget(dialog)
    restored: list[Vault] = []
    dialog.restored.connect(restored.append)
    dialog.secret.setText("fout wachtwoord")
    assert not dialog.check_selected()
    assert dialog.secret_message.text()
    dialog.secret.setText(PASSPHRASE)
    assert dialog.check_selected()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)
    assert dialog.restore_selected()
    assert len(restored) == 1
    assert restored[0].repo.families.count() == families
    assert connection.integrity_errors(restored[0].conn) == []
    restored[0].close()


def test_retention_panel_lists_reviews_and_purges(qtbot, session: Session, prompter):
    later = DEMO_TODAY + dt.timedelta(days=3 * 365)
    panel = RetentionPanel(session, today=later)
    qtbot.addWidget(panel)
    due = panel.tree.topLevelItemCount()
    assert due > 1 and not panel.isHidden()
    before = session.repo.families.count()
    keep = panel.tree.topLevelItem(0)
    from PySide6.QtCore import Qt

    keep.setCheckState(0, Qt.CheckState.Unchecked)
    prompter.answers = [False]
    assert panel.purge_checked() == 0
    assert session.repo.families.count() == before
    prompter.answers = [True]
    assert panel.purge_checked() == due - 1
    assert session.repo.families.count() == before - (due - 1)
    assert str(due - 1) in prompter.messages[-1][1]


def test_retention_panel_hides_when_nothing_is_due(qtbot, session: Session):
    panel = RetentionPanel(session, today=dt.date(2026, 3, 15))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert panel.tree.topLevelItemCount() == 0 and panel.isHidden()


def test_erase_dialog_names_what_goes_and_needs_the_tick(qtbot, session: Session):
    row = session.repo.families.rows()[0]
    dialog = EraseFamilyDialog(session, family_id=row.id)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.status)))
    assert row.display_name in texts and row.ref in texts
    assert not dialog.erase_button.isEnabled() and not dialog.erase()
    dialog.confirm.setChecked(True)
    assert dialog.erase_button.isEnabled()
    with qtbot.waitSignal(session.changed):
        assert dialog.erase()
    assert all(r.id != row.id for r in session.repo.families.rows())


def test_inspection_export_action(qtbot, session: Session, prompter, tmp_path: Path):
    row = session.repo.families.rows()[0]
    assert export_inspection(session, None, row.id) is None  # cancelled
    prompter.save_paths = [str(tmp_path / "inzage.pdf")]
    target = export_inspection(session, None, row.id)
    assert target is not None and target.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert row.display_name in text


def test_requests_from_parents_group_exports_and_erases(qtbot, session: Session, prompter, tmp_path: Path):
    w = widget(qtbot, session)
    row = session.repo.families.rows()[0]
    index = w.request_family.findData(row.id)
    assert index >= 0 and w.request_family.itemText(index) == f"{row.display_name} ({row.ref})"
    w.request_family.setCurrentIndex(index)
    assert w.chosen_family() == row.id
    prompter.save_paths = [str(tmp_path / "inzage.pdf")]
    assert w.export_family() == tmp_path / "inzage.pdf"
    assert w.audit_model.rows[0].action == "export"
    dialog = w.erase_family()  # deletes itself when closed (WA_DeleteOnClose): not handed to qtbot
    dialog.confirm.setChecked(True)
    assert dialog.erase()
    assert w.request_family.findData(row.id) == -1  # the list follows the change
    w.request_family.setEditText("bestaat niet")
    assert w.chosen_family() is None and w.export_family() is None


def test_backup_hooks_back_up_daily_on_unlock_and_on_every_lock(qtbot, session: Session):
    from brugdesk.ui.views.privacy_settings import BackupHooks

    directory = session.vault.directory
    messages: list[str] = []
    hooks = BackupHooks(session, daily_delay_ms=10)
    hooks.message.connect(messages.append)
    qtbot.waitUntil(lambda: len(backups.list_backups(directory)) == 1)
    assert [e.tag for e in backups.list_backups(directory)] == ["daily"]  # already unlocked: the day's backup
    vault = session.vault
    session.lock()
    assert not vault.is_open  # the backup ran before the vault closed
    made = backups.list_backups(directory)
    assert [e.tag for e in made] == ["close"]  # one per day is kept: the newest
    backup.verify_backup(made[0].path, _key(directory))
    session.attach(Vault.open(directory, passphrase=PASSPHRASE))
    qtbot.wait(50)
    assert [e.tag for e in backups.list_backups(directory)] == ["close"]  # today's backup exists already
    assert messages == []


def _key(directory: Path) -> bytes:
    from brugdesk.privacy.backups import keys_for

    return keys_for(directory, passphrase=PASSPHRASE)[0]


def test_backup_hooks_report_a_failure_and_still_lock(qtbot, session: Session):
    from brugdesk.ui.views.privacy_settings import BackupHooks

    hooks = BackupHooks(session, daily_delay_ms=10)
    messages: list[str] = []
    hooks.message.connect(messages.append)
    folder = session.vault.directory / "backups"
    qtbot.waitUntil(folder.exists)
    shutil.rmtree(folder)
    folder.write_text("not a folder")  # the backup cannot be written
    vault = session.vault
    session.lock()
    assert not vault.is_open and not session.is_unlocked
    assert len(messages) == 1 and messages[0]


def test_restore_wizard_selects_the_newest_verified_backup(qtbot, session: Session):
    vault = session.vault
    directory = vault.directory
    older = backups.make_backup(vault, now=dt.datetime(2026, 3, 1, 17, 0), tag="close").path
    newer = backups.make_backup(vault, now=dt.datetime(2026, 3, 2, 17, 0), tag="close").path
    newer.write_bytes(newer.read_bytes()[:8192])  # the newest backup is damaged
    session.lock()
    dialog = RestoreDialog(None, vault_dir=directory)
    qtbot.addWidget(dialog)
    dialog.preset_secret(PASSPHRASE, recovery_key=False)
    assert dialog.select_newest_verified() == older
    assert dialog.selected_path() == older and dialog.restore_button.isEnabled()


def test_restoring_todays_backup_survives_the_backup_made_on_locking(qtbot, session: Session):
    from brugdesk.ui.views.privacy_settings import BackupHooks

    hooks = BackupHooks(session, daily_delay_ms=10)  # as in the app: locking makes a backup (and rotates)
    directory = session.vault.directory
    qtbot.waitUntil(lambda: len(backups.list_backups(directory)) == 1)
    assert hooks.daily_delay_ms == 10
    families = session.repo.families.count()
    morning = backups.list_backups(directory)[0].path  # the day's backup, made on unlock
    from brugdesk.privacy import retention

    retention.erase_family(session.vault, session.repo.families.rows()[0].id)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.selected_path() == morning
    assert dialog.check_selected() and dialog.restore_button.isEnabled()
    assert dialog.restore_selected()
    assert session.is_unlocked and session.repo.families.count() == families
    assert not list(directory.glob(".restore-candidate-*"))


def test_unlock_screen_of_a_damaged_vault_offers_the_newest_verified_backup(qtbot, session: Session):
    from brugdesk.ui.views.unlock import UnlockView

    vault = session.vault
    directory = vault.directory
    families = session.repo.families.count()
    good = backups.make_backup(vault, now=dt.datetime(2026, 3, 1, 17, 0), tag="close").path
    bad = backups.make_backup(vault, now=dt.datetime(2026, 3, 2, 17, 0), tag="close").path
    bad.write_bytes(bad.read_bytes()[: 4096 * 2])
    session.lock()
    db = db_path(directory)
    data = bytearray(db.read_bytes())
    data[4096 * 5 + 300 : 4096 * 5 + 303] = b"\x01\x02\x03"
    db.write_bytes(bytes(data))
    view = UnlockView(directory, auto_keyring=False)
    qtbot.addWidget(view)
    view.passphrase.setText(PASSPHRASE)
    view.unlock()
    qtbot.waitUntil(lambda: view.restore_button.isVisibleTo(view), timeout=20000)
    dialog = view.open_restore()
    assert dialog.selected_path() == good and dialog.restore_button.isEnabled()
    opened: list[Vault] = []
    view.unlocked.connect(opened.append)
    assert dialog.restore_selected()
    assert len(opened) == 1 and opened[0].repo.families.count() == families
    opened[0].close()
