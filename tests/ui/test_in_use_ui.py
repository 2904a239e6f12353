"""The restore wizard and the new-recovery-key dialog while another process has the vault open.

A real child process (``tests/reliability/child.py hold``) opens the same vault, as a second
brugdesk window or a CLI command would. The wizard and the dialog say so, in Dutch, change
nothing and keep this session unlocked; once the other process has closed the vault they work.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from brugdesk.privacy import backup_policy
from brugdesk.ui.dialogs.recovery_key import NewRecoveryKeyDialog
from brugdesk.ui.dialogs.restore import RestoreDialog
from brugdesk.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Child
from tests.ui.conftest import dutch_catalogue


@pytest.fixture(autouse=True)
def dutch(qapp) -> Iterator[None]:
    """The app's Dutch catalogue, as an officer sees it."""
    with dutch_catalogue(qapp) as loaded:
        assert "brugdesk.mo" in loaded
        yield


def test_restore_wizard_says_so_while_another_process_has_the_vault_open(qtbot, session: Session, prompter,
                                                                        children: list[Child]):
    directory = session.vault.directory
    made = backup_policy.make_backup(session.vault, tag="manual")
    families = session.repo.families.count()
    child = Child("hold", directory)
    children.append(child)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.selected_path() == made.path
    assert dialog.check_selected()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)

    assert not dialog.restore_selected()
    assert dialog.status.text() == ("De kluis is nog geopend in een ander brugdesk-venster of -commando. Sluit hem "
                                    "daar en probeer het opnieuw; er is niets gewijzigd.")
    assert session.is_unlocked and dialog.restore_button.isEnabled()  # nothing locked, try again later
    assert not list(directory.glob("brugdesk.db.replaced-*")) and not list(directory.glob(".restore-candidate-*"))
    assert child.write_family() == families + 1  # the other process goes on working …
    assert session.repo.families.count() == families + 1  # … in the same database this session sees

    child.close()
    assert dialog.restore_selected()
    assert session.is_unlocked and session.repo.families.count() == families
    assert any(p.name.startswith("brugdesk.db.replaced-") for p in directory.iterdir())


def test_restore_wizard_of_a_locked_vault_says_so_while_another_process_restores(qtbot, session: Session, prompter,
                                                                                children: list[Child]):
    directory = session.vault.directory
    backup_policy.make_backup(session.vault, tag="manual")
    session.lock()
    child = Child("exclusive", directory)
    children.append(child)
    dialog = RestoreDialog(None, vault_dir=directory)
    qtbot.addWidget(dialog)
    dialog.preset_secret(PASSPHRASE, recovery_key=False)
    assert dialog.restore_button.isEnabled()
    assert not dialog.restore_selected()
    assert "nog geopend in een ander brugdesk-venster" in dialog.status.text()
    assert not list(directory.glob("brugdesk.db.replaced-*"))
    child.proc.communicate("\n", timeout=30)
    opened = []
    dialog.restored.connect(opened.append)
    assert dialog.restore_selected()
    assert len(opened) == 1
    opened[0].close()


def test_new_recovery_key_dialog_says_so_while_another_process_has_the_vault_open(qtbot, session: Session,
                                                                                 children: list[Child]):
    child = Child("hold", session.vault.directory)
    children.append(child)
    key = session.vault.data_key
    dialog = NewRecoveryKeyDialog(session)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.make_key()
    qtbot.waitUntil(lambda: dialog.make_button.isEnabled(), timeout=20000)
    assert dialog.message.text() == ("De kluis is ook geopend in een ander brugdesk-venster of -commando. Sluit "
                                     "hem daar en probeer het opnieuw; er is geen nieuwe sleutel gemaakt.")
    assert not dialog.recovery_key and session.vault.data_key == key
    assert child.write_family() == session.repo.families.count()  # both still read and write

    child.close()
    assert dialog.make_key()
    qtbot.waitUntil(lambda: bool(dialog.recovery_key), timeout=20000)
    assert session.vault.data_key != key
    dialog.accept()
