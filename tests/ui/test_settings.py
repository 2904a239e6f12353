"""Instellingen on a real vault: validation messages keep what was typed; changes are stored."""

from __future__ import annotations

from brugdesk.core.lists import ListName
from brugdesk.store.vault import Vault
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.settings.page import SettingsPage
from tests.conftest import PASSPHRASE, MemoryKeyring


def shown(message) -> bool:
    """A field message is showing (its tab may be in the background, so not ``isVisible``)."""
    return not message.isHidden() and bool(message.text())


def page_for(qtbot, session: Session, **kwargs) -> SettingsPage:
    page = SettingsPage(session, **kwargs)
    qtbot.addWidget(page)
    return page


def test_threshold_and_autolock_out_of_range_show_messages_and_keep_the_values(qtbot, session: Session):
    page = page_for(qtbot, session)
    page.general.threshold.setValue(2)
    page.general.autolock.setValue(90)
    assert not page.general.save_general()
    assert "3" in page.general.threshold_message.text() and shown(page.general.threshold_message)
    assert "60" in page.general.autolock_message.text() and shown(page.general.autolock_message)
    assert page.general.threshold.value() == 2 and page.general.autolock.value() == 90
    assert session.repo.settings.report_threshold == 5  # unchanged
    assert session.repo.settings.autolock_minutes == 5


def test_valid_threshold_and_autolock_are_saved_and_the_idle_timer_follows(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    page = window.show_page_key("settings")
    assert isinstance(page, SettingsPage)
    page.general.threshold.setValue(7)
    page.general.autolock.setValue(12)
    assert page.general.save_general()
    assert not shown(page.general.threshold_message)
    assert session.repo.settings.report_threshold == 7
    assert session.repo.settings.autolock_minutes == 12
    assert window.idle.minutes == 12


def test_schools_add_with_a_bad_brin_then_fix_it(qtbot, session: Session):
    page = page_for(qtbot, session)
    before = len(session.repo.schools.list())
    page.schools._school_new()
    page.schools.school_name.setText("IKC De Klimop")
    page.schools.school_brin.setText("XYZ")
    assert not page.schools.save_school()
    assert shown(page.schools.school_msgs["brin"])
    assert page.schools.school_brin.text() == "XYZ" and page.schools.school_name.text() == "IKC De Klimop"
    page.schools.school_brin.setText("34cd")
    assert page.schools.save_school()
    names = {s.name: s for s in session.repo.schools.list()}
    assert len(names) == before + 1 and names["IKC De Klimop"].brin == "34CD"
    assert page.schools.school_list.count() == before + 1


def test_a_school_with_families_cannot_be_removed(qtbot, session: Session, prompter):
    page = page_for(qtbot, session)
    page.schools.school_list.setCurrentRow(0)
    prompter.answers.append(True)
    page.schools.remove_school()
    assert shown(page.schools.school_msgs["school"])
    assert page.schools.school_list.count() == len(session.repo.schools.list())


def test_lists_add_rename_hide_and_move(qtbot, session: Session):
    page = page_for(qtbot, session)
    page.lists.list_choice.setCurrentIndex(page.lists.list_choice.findData(str(ListName.THEME)))
    repo = session.repo.lists
    page.lists.item_label.setText("Mantelzorg")
    assert page.lists.add_item()
    code = page.lists._current_code()
    assert repo.label(ListName.THEME, code) == "Mantelzorg"

    page.lists.item_label.setText("Opvoeding")  # already in the list
    assert not page.lists.add_item()
    assert shown(page.lists.item_message) and page.lists.item_label.text() == "Opvoeding"

    page.lists.item_label.setText("Mantelzorg en zorg thuis")
    assert page.lists.rename_item()
    assert repo.label(ListName.THEME, code) == "Mantelzorg en zorg thuis"

    page.lists.move_item(-1)
    codes = [i.code for i in repo.items(ListName.THEME, include_inactive=True)]
    assert codes[-2] == code

    page.lists.toggle_item()
    assert code not in [i.code for i in repo.items(ListName.THEME)]
    assert code in [i.code for i in repo.items(ListName.THEME, include_inactive=True)]


def test_terms_are_saved_and_wrong_terms_get_a_message(qtbot, session: Session):
    page = page_for(qtbot, session)
    page.terms.editor.add_button.click()
    _label, last = page.terms.editor._rows[-1]
    last.setDate(last.date().addMonths(1))
    starts = page.terms.editor.starts()
    assert page.terms.save_terms()
    assert session.repo.settings.term_starts == starts

    _label, first = page.terms.editor._rows[0]
    first.setDate(first.date().addDays(1))
    assert not page.terms.save_terms()
    assert shown(page.terms.terms_message)
    assert session.repo.settings.term_starts == starts


def test_change_passphrase_off_the_gui_thread(qtbot, session: Session):
    page = page_for(qtbot, session)
    directory = session.vault.directory
    page.passphrase.pp_current.setText("wrong wrong wrong")
    page.passphrase.pp_new.setText("een nieuwe lange zin")
    page.passphrase.pp_repeat.setText("een nieuwe lange zin")
    assert page.passphrase.change_passphrase()
    qtbot.waitUntil(lambda: page.passphrase.pp_button.isEnabled(), timeout=20_000)
    assert shown(page.passphrase.pp_msgs["current"])
    assert page.passphrase.pp_new.text() == "een nieuwe lange zin"  # kept

    page.passphrase.pp_new.setText("kort")
    page.passphrase.pp_repeat.setText("kort")
    assert not page.passphrase.change_passphrase()
    assert shown(page.passphrase.pp_msgs["new"])

    page.passphrase.pp_current.setText(PASSPHRASE)
    page.passphrase.pp_new.setText("een nieuwe lange zin")
    page.passphrase.pp_repeat.setText("een nieuwe lange zin")
    assert page.passphrase.change_passphrase()
    qtbot.waitUntil(lambda: page.passphrase.pp_button.isEnabled(), timeout=20_000)
    assert page.passphrase.pp_new.text() == ""
    session.lock()
    Vault.open(directory, passphrase="een nieuwe lange zin").close()


def test_remember_on_this_computer_toggles_the_keyring_slot(qtbot, session: Session, memory_keyring: MemoryKeyring):
    page = page_for(qtbot, session, keyring_backend=memory_keyring)
    assert not page.computer.remember.isChecked()
    page.computer.remember.setChecked(True)
    assert len(memory_keyring.items) == 1 and session.vault.slots.keyring
    page.computer.remember.setChecked(False)
    assert memory_keyring.items == {} and not session.vault.slots.keyring


def test_half_typed_settings_survive_a_lock_but_passphrases_do_not(qtbot, session: Session):
    from tests.ui.test_lock import all_widget_text, unlock

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("settings")
    assert isinstance(page, SettingsPage)
    page.tabs.setCurrentWidget(page.schools)
    page.schools._school_new()
    page.schools.school_name.setText("Kindcentrum Het Anker")
    page.schools.school_brin.setText("56EF")
    page.general.threshold.setValue(9)
    page.passphrase.pp_new.setText("geheime nieuwe zin")

    window.lock()
    assert "Kindcentrum Het Anker" not in all_widget_text()
    unlock(qtbot, window)

    again = window._pages["settings"]
    assert again is not page and isinstance(again, SettingsPage)
    assert window.current_page_key == "settings"
    assert again.schools.school_name.text() == "Kindcentrum Het Anker" and again.schools.school_brin.text() == "56EF"
    assert again.general.threshold.value() == 9
    assert again.passphrase.pp_new.text() == ""  # a passphrase is never kept anywhere
    assert session.repo.settings.report_threshold == 5  # nothing was saved by the lock
    window.lock()


class BrokenKeyring(MemoryKeyring):
    """A keyring whose store is locked or gone (D-Bus error, dismissed prompt …)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.Secret.Error.IsLocked")


def test_remember_says_so_when_the_keyring_is_not_available(qtbot, session: Session):
    page = page_for(qtbot, session, keyring_backend=BrokenKeyring())
    page.computer.remember.setChecked(True)
    assert not page.computer.remember.isChecked()
    assert shown(page.computer.remember_message) and "keyring" in page.computer.remember_message.text()
    assert not session.vault.slots.keyring


def test_language_choice_is_kept_for_the_next_start(qtbot, session: Session):
    from brugdesk.ui import prefs

    page = page_for(qtbot, session)
    assert page.computer.language.currentData() == "nl"
    with qtbot.waitSignal(page.language_chosen) as chosen:  # the window applies it at once
        page.computer.language.setCurrentIndex(page.computer.language.findData("en"))
    assert chosen.args == ["en"]
    assert prefs.language() == "en"


def test_a_threshold_change_is_recorded_in_the_logboek_and_explained(qtbot, session: Session):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from brugdesk.store import audit

    page = page_for(qtbot, session)
    page.show()
    page.tabs.setCurrentWidget(page.general)  # "Reports and locking"
    assert page.general.general_save.isVisible()

    def settings_changes() -> int:
        return sum(1 for e in audit.entries(session.vault.conn) if (e.action, e.entity) == ("update", "setting"))

    before = settings_changes()
    qtbot.mouseClick(page.general.general_save, Qt.MouseButton.LeftButton)  # nothing changed: nothing recorded
    assert settings_changes() == before
    page.general.threshold.selectAll()
    qtbot.keyClicks(page.general.threshold, "8")
    qtbot.mouseClick(page.general.general_save, Qt.MouseButton.LeftButton)
    assert session.repo.settings.report_threshold == 8
    assert settings_changes() == before + 1  # exactly the change of k
    explained = [label.text() for label in page.findChildren(QLabel) if "logboek" in label.text()]
    assert explained and "the threshold (3 to 20) is the same for every report" in explained[0]
