"""The privacy screens on real vaults: backups, restore wizard, retention, new recovery key,
audit-log viewer, erasure and the inspection export."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from brugdesk.errors import BackupFailed, VaultDamaged
from brugdesk.privacy import backup_policy
from brugdesk.store import backup_copy, connection
from brugdesk.store.backup_copy import BackupInfo
from brugdesk.store.vault import Vault, db_path
from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog, export_inspection
from brugdesk.ui.dialogs.recovery_key import NewRecoveryKeyDialog
from brugdesk.ui.dialogs.restore import RestoreDialog
from brugdesk.ui.session import Session
from brugdesk.ui.views.retention import RetentionPanel
from brugdesk.ui.views.settings.audit import AuditTab
from brugdesk.ui.views.settings.privacy import PrivacyTab
from tests.conftest import DEMO_TODAY, PASSPHRASE


def widget(qtbot, session: Session) -> PrivacyTab:
    w = PrivacyTab(session)
    qtbot.addWidget(w)
    return w


def audit_tab(qtbot, session: Session) -> AuditTab:
    """Instellingen › Logboek (the audit log's own tab)."""
    tab = AuditTab(session)
    qtbot.addWidget(tab)
    return tab


def test_models_pass_the_model_tester(qtbot, qtmodeltester, session: Session):
    backup_policy.make_backup(session.vault, tag="manual")
    w = widget(qtbot, session)
    log = audit_tab(qtbot, session)
    qtmodeltester.check(w.backup_model)
    qtmodeltester.check(log.audit_model)
    assert w.backup_model.rowCount() == 1
    assert log.audit_model.row_at(0).action == "backup"


def assert_busy(w: PrivacyTab) -> None:
    """A backup runs: the busy bar shows and the backup buttons wait (the one that has the focus
    keeps it, and with it stays enabled; pressing it starts nothing, see make_backup)."""
    assert w.backup_running and w.backup_busy.isVisibleTo(w)
    assert not any(b.isEnabled() for b in (w.backup_now, w.backup_folder, w.restore_button) if not b.hasFocus())


def wait_for_backup(qtbot, w: PrivacyTab) -> None:
    qtbot.waitUntil(lambda: not w.backup_running, timeout=20000)
    assert w.backup_now.isEnabled() and w.backup_busy.isHidden()


def test_backup_now_makes_a_verified_backup_and_lists_it(qtbot, session: Session):
    w = widget(qtbot, session)
    log = audit_tab(qtbot, session)
    w.show()
    assert w.backup_model.rowCount() == 0
    qtbot.mouseClick(w.backup_now, Qt.MouseButton.LeftButton)  # "Nu een reservekopie maken", as a person does
    assert_busy(w)  # the worker's result comes back through the event loop, not before
    assert not w.make_backup()  # one at a time from here
    wait_for_backup(qtbot, w)
    assert w.backup_model.rowCount() == 1
    path = w.backup_model.row_at(0).path
    assert path.exists() and str(path) in w.backup_status.text()
    info = backup_copy.verify_backup(path, session.vault.data_key)
    assert info.row_counts["family"] == session.repo.families.count()
    assert log.audit_model.row_at(0).action == "backup"


def test_backup_to_a_folder(qtbot, session: Session, tmp_path: Path):
    w = widget(qtbot, session)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert w.make_backup(usb)  # what choosing the folder in "Back up to folder or USB stick…" does
    assert_busy(w)
    wait_for_backup(qtbot, w)
    made = list(usb.iterdir())
    assert len(made) == 1 and str(made[0]) in w.backup_status.text()
    backup_copy.verify_backup(made[0], session.vault.data_key)
    assert w.backup_model.rowCount() == 0  # not in the vault's rotation


class GatedJob:
    """A real backup job that waits on the worker thread until the test sets ``release``:
    before it starts (``gate="start"``), with its own connection open (``"open"``), or inside
    the copy's read transaction (``"copy"``)."""

    def __init__(self, job: backup_policy.BackupJob, gate: str) -> None:
        self.job = job
        self.gate = gate
        self.started = threading.Event()
        self.release = threading.Event()
        self.worker: threading.Thread | None = None

    def wait_here(self) -> None:
        self.started.set()
        assert self.release.wait(30), "the test never released the backup"

    def run(self) -> BackupInfo:
        self.worker = threading.current_thread()
        if self.gate == "start":
            self.wait_here()
        return self.job.run()


def gate_backups(monkeypatch, gate: str = "start") -> list[GatedJob]:
    """The widget's backups become :class:`GatedJob` s around the real ones; returns them."""
    made: list[GatedJob] = []
    real_prepare, real_copy, real_counts = backup_policy.prepare_backup, backup_copy.backup_to, backup_copy.row_counts

    def prepare(vault, **kwargs):
        made.append(GatedJob(real_prepare(vault, **kwargs), gate))
        return made[-1]

    def copy_with_its_connection_open(conn, key, target):
        if gate == "open":
            made[-1].wait_here()
        return real_copy(conn, key, target)

    def counts_in_the_copy(conn):
        job = made[-1]
        if gate == "copy" and not job.started.is_set():  # the first call: inside backup_to's BEGIN
            job.wait_here()
        return real_counts(conn)

    monkeypatch.setattr(backup_policy, "prepare_backup", prepare)
    monkeypatch.setattr(backup_copy, "backup_to", copy_with_its_connection_open)
    monkeypatch.setattr(backup_copy, "row_counts", counts_in_the_copy)
    return made


def test_the_focus_stays_on_the_backup_button_while_the_backup_runs(qtbot, session: Session):
    """Pressed by keyboard, "Nu een reservekopie maken" keeps the focus while the backup runs: it
    used to be disabled, the focus hopped on through the next controls (a screen reader read each
    out, and Orca 43 dropped the spoken result in that flood of events). Pressed again meanwhile,
    it starts no second backup."""
    w = widget(qtbot, session)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.backup_now.setFocus()
    qtbot.waitUntil(w.backup_now.hasFocus)
    qtbot.keyClick(w.backup_now, Qt.Key.Key_Space)
    assert_busy(w)
    assert w.backup_now.hasFocus()
    qtbot.keyClick(w.backup_now, Qt.Key.Key_Space)
    wait_for_backup(qtbot, w)
    assert w.backup_now.hasFocus()
    assert len(backup_policy.list_backups(session.vault.directory)) == 1


def test_the_window_stays_responsive_while_a_backup_runs(qtbot, session: Session, monkeypatch):
    jobs = gate_backups(monkeypatch, gate="copy")
    w = widget(qtbot, session)
    w.show()
    families = session.repo.families.count()
    qtbot.mouseClick(w.backup_now, Qt.MouseButton.LeftButton)
    [job] = jobs
    assert job.started.wait(20)  # the job reads the vault on its worker thread and waits for us
    assert job.worker is not None and job.worker is not threading.main_thread()
    ticks: list[int] = []
    timer = QTimer(w)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the GUI thread's event loop goes on meanwhile
    timer.stop()
    assert_busy(w)
    assert w.backup_status.text()  # "Making the backup…"
    # and the GUI thread's connection goes on writing beside the worker's read (WAL)
    assert w.save_retention()
    assert not job.release.is_set() and job.worker.is_alive()
    job.release.set()
    wait_for_backup(qtbot, w)
    [made] = backup_policy.list_backups(session.vault.directory)
    assert str(made.path) in w.backup_status.text()
    info = backup_copy.verify_backup(made.path, session.vault.data_key)
    assert info.row_counts["family"] == families


def test_a_failing_backup_job_is_reported_and_frees_the_buttons(qtbot, session: Session, monkeypatch,
                                                                tmp_path: Path):
    jobs = gate_backups(monkeypatch)
    w = widget(qtbot, session)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert w.make_backup(usb)
    [job] = jobs
    assert job.started.wait(20)
    usb.rmdir()
    usb.write_text("the stick was pulled and a file took its name")  # the worker cannot write there
    job.release.set()
    wait_for_backup(qtbot, w)
    assert w.backup_status.text() and str(usb) not in w.backup_status.text()
    assert usb.read_text().startswith("the stick")


def test_locking_while_a_backup_runs_is_safe(qtbot, session: Session, monkeypatch, tmp_path: Path):
    """The job has its own connection and its own reference to the key: the vault locks (its
    connection closes, its key is dropped) while the job's connection is open, the backup still
    completes and verifies, and its result, arriving after the lock, only frees the buttons.
    (In the app the main window waits for the job first: the next test.)"""
    jobs = gate_backups(monkeypatch, gate="open")
    w = widget(qtbot, session)
    directory = session.vault.directory
    usb = tmp_path / "usb"
    usb.mkdir()
    assert w.make_backup(usb)
    [job] = jobs
    assert job.started.wait(20)
    vault = session.vault
    session.lock()
    assert not vault.is_open and not session.is_unlocked
    job.release.set()
    wait_for_backup(qtbot, w)
    [made] = list(usb.iterdir())
    assert str(made) in w.backup_status.text()
    backup_copy.verify_backup(made, _key(directory))
    assert w.backup_model.rowCount() == 0  # nothing read after the lock


def test_locking_the_window_during_a_backup_waits_for_it(qtbot, session: Session, tmp_path: Path):
    """Ctrl+L while "back up to a folder" runs: the main window waits for the worker, makes the
    backup on locking, closes the vault; the settings page (and the task's result) go with the desk."""
    from brugdesk.ui import tasks
    from brugdesk.ui.main_window import MainWindow

    directory = session.vault.directory
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page_key("settings")
    [w] = window.findChildren(PrivacyTab)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert w.make_backup(usb)
    assert tasks.busy()
    window.lock()
    assert not session.is_unlocked
    [made] = list(usb.iterdir())  # complete: locking waited for it
    backup_copy.verify_backup(made, _key(directory))
    [on_lock] = backup_policy.list_backups(directory)
    assert on_lock.tag == "close"
    backup_copy.verify_backup(on_lock.path, _key(directory))
    qtbot.waitUntil(lambda: not tasks.busy())  # delivered, or dropped with the page
    assert not window.findChildren(PrivacyTab)


def test_backup_to_a_missing_folder_says_so(qtbot, session: Session, tmp_path: Path):
    w = widget(qtbot, session)
    assert not w.make_backup(tmp_path / "gone")
    assert w.backup_now.isEnabled()
    assert w.backup_status.text() == BackupFailed("no such folder").text()


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
    w = audit_tab(qtbot, session)
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
    # a screen reader reads it too: the caption as its name, the key as its description
    assert dialog.key_label.accessibleDescription().replace("\n", "") == key
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
    made = backup_policy.make_backup(vault, tag="manual")
    families = session.repo.families.count()
    from brugdesk.core.model import Family

    session.repo.families.create(Family("Fam. Na De Backup", dt.date(2026, 3, 2)))  # not in the backup
    assert session.repo.families.count() == families + 1
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
    foreign = backup_policy.make_backup(other).path
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
    backup_policy.make_backup(vault, tag="manual")
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
    log = audit_tab(qtbot, session)
    row = session.repo.families.rows()[0]
    index = w.request_family.findData(row.id)
    assert index >= 0 and w.request_family.itemText(index) == f"{row.display_name} ({row.ref})"
    w.request_family.setCurrentIndex(index)
    assert w.chosen_family() == row.id
    prompter.save_paths = [str(tmp_path / "inzage.pdf")]
    assert w.export_family() == tmp_path / "inzage.pdf"
    assert log.audit_model.row_at(0).action == "export"
    dialog = w.erase_family()  # deletes itself when closed (WA_DeleteOnClose): not handed to qtbot
    dialog.confirm.setChecked(True)
    assert dialog.erase()
    assert w.request_family.findData(row.id) == -1  # the list follows the change
    w.request_family.setEditText("bestaat niet")
    assert w.chosen_family() is None and w.export_family() is None


def test_backup_hooks_back_up_daily_on_unlock_and_on_every_lock(qtbot, session: Session):
    from brugdesk.ui.controllers.backups import BackupHooks

    directory = session.vault.directory
    messages: list[str] = []
    hooks = BackupHooks(session, daily_delay_ms=10)
    hooks.message.connect(messages.append)
    qtbot.waitUntil(lambda: len(backup_policy.list_backups(directory)) == 1 and not hooks.running, timeout=20000)
    [daily] = backup_policy.list_backups(directory)
    assert daily.tag == "daily"  # already unlocked: the day's backup, made on a worker thread
    backup_copy.verify_backup(daily.path, session.vault.data_key)
    vault = session.vault
    session.lock()
    assert not vault.is_open  # the backup ran before the vault closed
    made = backup_policy.list_backups(directory)
    assert [e.tag for e in made] == ["close"]  # one per day is kept: the newest
    backup_copy.verify_backup(made[0].path, _key(directory))
    session.attach(Vault.open(directory, passphrase=PASSPHRASE))
    qtbot.wait(50)
    assert [e.tag for e in backup_policy.list_backups(directory)] == ["close"]  # today's backup exists already
    assert messages == []


def _key(directory: Path) -> bytes:
    from brugdesk.privacy.restore import keys_for

    return keys_for(directory, passphrase=PASSPHRASE)[0]


def test_locking_while_the_daily_backup_runs(qtbot, session: Session):
    """The backup on locking waits for the day's backup on the worker (one at a time), both
    verify, and the daily result arriving after the lock is not an error."""
    from brugdesk.ui.controllers.backups import BackupHooks

    directory = session.vault.directory
    hooks = BackupHooks(session, daily_delay_ms=0)
    messages: list[str] = []
    hooks.message.connect(messages.append)
    qtbot.waitUntil(lambda: hooks.running)
    vault = session.vault
    session.lock()
    assert not vault.is_open
    qtbot.waitUntil(lambda: not hooks.running, timeout=20000)
    [kept] = backup_policy.list_backups(directory)  # one per day is kept: the newest
    assert kept.tag == "close"
    backup_copy.verify_backup(kept.path, _key(directory))
    assert messages == []


def test_backup_hooks_report_a_failure_and_still_lock(qtbot, session: Session):
    from brugdesk.ui.controllers.backups import BackupHooks

    hooks = BackupHooks(session, daily_delay_ms=10)
    messages: list[str] = []
    hooks.message.connect(messages.append)
    folder = session.vault.directory / "backups"
    qtbot.waitUntil(lambda: folder.exists() and not hooks.running, timeout=20000)
    shutil.rmtree(folder)
    folder.write_text("not a folder")  # the backup cannot be written
    vault = session.vault
    session.lock()
    assert not vault.is_open and not session.is_unlocked
    assert len(messages) == 1 and messages[0]


def test_restore_wizard_selects_the_newest_verified_backup(qtbot, session: Session):
    vault = session.vault
    directory = vault.directory
    older = backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 1, 17, 0), tag="close").path
    newer = backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 2, 17, 0), tag="close").path
    newer.write_bytes(newer.read_bytes()[:8192])  # the newest backup is damaged
    session.lock()
    dialog = RestoreDialog(None, vault_dir=directory)
    qtbot.addWidget(dialog)
    dialog.preset_secret(PASSPHRASE, recovery_key=False)
    assert dialog.select_newest_verified() == older
    assert dialog.selected_path() == older and dialog.restore_button.isEnabled()


def test_restoring_todays_backup_survives_the_backup_made_on_locking(qtbot, session: Session):
    from brugdesk.ui.controllers.backups import BackupHooks

    hooks = BackupHooks(session, daily_delay_ms=10)  # as in the app: locking makes a backup (and rotates)
    directory = session.vault.directory
    qtbot.waitUntil(lambda: len(backup_policy.list_backups(directory)) == 1 and not hooks.running, timeout=20000)
    assert hooks.daily_delay_ms == 10
    families = session.repo.families.count()
    morning = backup_policy.list_backups(directory)[0].path  # the day's backup, made on unlock
    from brugdesk.core.model import Family

    session.repo.families.create(Family("Fam. Na De Backup", dt.date(2026, 3, 2)))  # not in the backup
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
    good = backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 1, 17, 0), tag="close").path
    bad = backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 2, 17, 0), tag="close").path
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
