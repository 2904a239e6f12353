"""The unlock screen on real vault files: passphrase, recovery key, keyring, damage."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from brugdesk.store.vault import DB_FILE, Vault
from brugdesk.ui.views.unlock import UnlockView
from tests.conftest import PASSPHRASE, TEST_N, MemoryKeyring


def snapshot(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def make_vault(vault_dir: Path) -> str:
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.close()
    return recovery


def collect(view: UnlockView) -> list[Vault]:
    # (qtbot.waitSignal on a Signal(object) crashes PySide6 6.12 at the end of a test; collect instead)
    opened: list[Vault] = []
    view.unlocked.connect(opened.append)
    return opened


def wait_opened(qtbot, opened: list[Vault]) -> Vault:
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    return opened[0]


def type_and_unlock(qtbot, view: UnlockView, text: str) -> None:
    field = view.recovery if view.use_recovery.isChecked() else view.passphrase
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.is_busy, timeout=20_000)


def test_wrong_passphrase_shows_its_own_message_and_leaves_the_files_byte_identical(qtbot, vault_dir):
    make_vault(vault_dir)
    before = snapshot(vault_dir)
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    opened: list[Vault] = []
    view.unlocked.connect(opened.append)

    type_and_unlock(qtbot, view, "not the passphrase")

    assert opened == []
    assert "Wrong passphrase" in view.message.text()
    assert view.message.isVisibleTo(view)
    assert view.passphrase.text() == "not the passphrase"  # kept (selected), so it can be corrected
    assert snapshot(vault_dir) == before


def test_right_passphrase_opens_the_vault_off_the_gui_thread(qtbot, vault_dir):
    make_vault(vault_dir)
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    opened = collect(view)
    qtbot.keyClicks(view.passphrase, PASSPHRASE)
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert view.is_busy and view.busy.isVisibleTo(view)  # the click returned while scrypt runs
    assert view.passphrase.isReadOnly()  # nothing typed while the vault is checked
    vault = wait_opened(qtbot, opened)
    try:
        assert vault.is_open and vault.repo.families.count() == 0
        assert view.passphrase.text() == ""  # the secret does not linger in the widget
    finally:
        vault.close()


def test_recovery_key_mode_opens_and_a_wrong_key_gets_its_own_message(qtbot, vault_dir):
    recovery = make_vault(vault_dir)
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    view.use_recovery.setChecked(True)
    assert view.recovery.isVisibleTo(view) and not view.passphrase.isVisibleTo(view)

    wrong = "A" * 52
    type_and_unlock(qtbot, view, wrong)
    assert "recovery key does not open" in view.message.text()

    opened = collect(view)
    view.recovery.clear()
    qtbot.keyClicks(view.recovery, recovery.lower().replace("-", " "))
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.asks_new_passphrase, timeout=20_000)  # a new passphrase first
    set_new_passphrase(qtbot, view, NEW)
    wait_opened(qtbot, opened).close()


NEW = "zeven zeilboten in de regen"


def set_new_passphrase(qtbot, view: UnlockView, text: str, repeat: str | None = None) -> None:
    for field, value in ((view.new_passphrase, text), (view.new_repeat, text if repeat is None else repeat)):
        field.clear()
        qtbot.keyClicks(field, value)
    qtbot.keyClick(view.new_repeat, Qt.Key.Key_Return)  # Enter in the second field sets it


def test_after_the_recovery_key_the_view_asks_for_a_new_passphrase(qtbot, vault_dir):
    recovery = make_vault(vault_dir)
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    opened = collect(view)
    qtbot.mouseClick(view.use_recovery, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, view, recovery)
    qtbot.waitUntil(lambda: view.asks_new_passphrase, timeout=20_000)
    assert opened == []  # not handed on yet
    assert view.new_passphrase.isVisibleTo(view) and not view.recovery.isVisibleTo(view)
    assert view.title.text() == "Choose a new passphrase"
    # a guessable one: a Dutch message under the field, what was typed is kept
    set_new_passphrase(qtbot, view, "aaaaaaaaaa")
    assert view.new_message.isVisibleTo(view) and "te makkelijk te raden" in view.new_message.text()
    assert view.new_passphrase.text() == "aaaaaaaaaa" and opened == []
    assert "Too easy to guess" in view.new_strength.label.text()
    # the old passphrase again is refused too
    set_new_passphrase(qtbot, view, PASSPHRASE)
    qtbot.waitUntil(lambda: not view.is_busy and view.new_message.isVisibleTo(view), timeout=20_000)
    assert "dezelfde" in view.new_message.text() and opened == []
    # the two differ
    set_new_passphrase(qtbot, view, NEW, repeat=NEW + "x")
    assert "not the same" in view.new_repeat_message.text() and opened == []
    set_new_passphrase(qtbot, view, NEW)
    vault = wait_opened(qtbot, opened)
    vault.close()
    assert not view.asks_new_passphrase and view.passphrase.isVisibleTo(view)
    Vault.open(vault_dir, passphrase=NEW).close()


def test_without_a_key_file_the_recovery_key_opens_and_the_new_passphrase_writes_one(qtbot, vault_dir):
    recovery = make_vault(vault_dir)
    (vault_dir / "keyslots.json").unlink()
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    type_and_unlock(qtbot, view, PASSPHRASE)
    assert "key file of this vault is missing or damaged" in view.message.text()
    opened = collect(view)
    qtbot.mouseClick(view.use_recovery, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, view, recovery)
    qtbot.waitUntil(lambda: view.asks_new_passphrase, timeout=20_000)
    assert "key file was missing or damaged" in view.subtitle.text()
    assert not (vault_dir / "keyslots.json").exists()  # nothing written before the new passphrase
    set_new_passphrase(qtbot, view, NEW)
    wait_opened(qtbot, opened).close()
    assert (vault_dir / "keyslots.json").is_file()
    Vault.open(vault_dir, passphrase=NEW).close()


def test_keyring_opens_the_vault_without_a_passphrase(qtbot, vault_dir, memory_keyring: MemoryKeyring):
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.remember_on_this_computer(True, memory_keyring)
    vault.close()

    view = UnlockView(vault_dir, keyring_backend=memory_keyring)
    qtbot.addWidget(view)
    opened = collect(view)
    vault = wait_opened(qtbot, opened)
    assert vault.is_open
    vault.close()


def test_keyring_item_gone_says_keyring_unavailable_then_the_passphrase_works(qtbot, vault_dir,
                                                                              memory_keyring: MemoryKeyring):
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.remember_on_this_computer(True, memory_keyring)
    vault.close()
    memory_keyring.items.clear()  # e.g. the OS keyring was reset

    view = UnlockView(vault_dir, keyring_backend=memory_keyring)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.message.isVisibleTo(view) and not view.is_busy, timeout=20_000)
    assert "keyring is not available" in view.message.text()
    assert "Wrong passphrase" not in view.message.text()

    opened = collect(view)
    type_and_unlock(qtbot, view, PASSPHRASE)
    wait_opened(qtbot, opened).close()


def test_remember_on_this_computer_stores_the_key_in_the_keyring(qtbot, vault_dir, memory_keyring: MemoryKeyring):
    make_vault(vault_dir)
    view = UnlockView(vault_dir, keyring_backend=memory_keyring)
    qtbot.addWidget(view)
    assert not view.remember.isChecked()
    view.remember.setChecked(True)
    opened = collect(view)
    type_and_unlock(qtbot, view, PASSPHRASE)
    wait_opened(qtbot, opened).close()
    assert len(memory_keyring.items) == 1
    # next start: opens by itself
    again = Vault.open(vault_dir, use_keyring=True, keyring_backend=memory_keyring)
    again.close()


def test_damaged_vault_says_so_and_points_to_the_backup(qtbot, vault_dir):
    make_vault(vault_dir)
    db = vault_dir / DB_FILE
    data = bytearray(db.read_bytes())
    for i in range(0, len(data), 1024):  # scramble every page: nothing can be read
        data[i + 100 : i + 140] = bytes(40)
    db.write_bytes(bytes(data))
    before = snapshot(vault_dir)

    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    type_and_unlock(qtbot, view, PASSPHRASE)
    assert "damaged" in view.message.text()
    assert "backup" in view.message.text()
    assert snapshot(vault_dir) == before
    # the way forward is one click away, and takes over what was typed
    assert view.restore_button.isVisibleTo(view)
    dialog = view.open_restore()
    assert dialog is not None and dialog.isVisible()
    assert dialog.secret.text() == PASSPHRASE
    dialog.reject()


def test_a_vault_from_a_newer_version_says_so_and_is_left_alone(qtbot, vault_dir):
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.conn.execute("PRAGMA user_version = 999")
    vault.close()
    before = snapshot(vault_dir)
    view = UnlockView(vault_dir)
    qtbot.addWidget(view)
    type_and_unlock(qtbot, view, PASSPHRASE)
    assert "newer version" in view.message.text()
    assert not view.restore_button.isVisibleTo(view)  # nothing to restore: the vault is fine
    assert "Wrong passphrase" not in view.message.text()
    assert snapshot(vault_dir) == before
