"""ContactDialog: the keyboard-only home visit, validation messages and the lock stash."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from brugdesk.core.model import Family, FamilyStatus
from brugdesk.core.text import fold
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.labels import from_qdate, to_qdate

# The offscreen platform cannot grab the keyboard for the completer's popup nor raise
# windows; these are limits of the test platform, not of the dialog.
# (a function-level mark: the UI conftest adds its own qt_log_ignore to every item)
popup_noise = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Keyboard:
    """Sends every key to whichever widget has the keyboard focus, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def target(self) -> QWidget:
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(self.target(), ch)
            self.count += 1


def _host(qtbot, session):
    """A stand-in for the main window: Ctrl+N opens the dialog, as UI-A's MainWindow does."""
    host = QMainWindow()
    qtbot.addWidget(host)
    host.opened = []

    def open_dialog() -> None:
        dialog = ContactDialog(session, host)
        host.opened.append(dialog)
        dialog.open()

    shortcut = QShortcut(QKeySequence("Ctrl+N"), host)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(open_dialog)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or host.isActiveWindow())
    host.setFocus()
    return host


@popup_noise
def test_home_visit_from_the_keyboard_in_under_ten_keystrokes(qtbot, session):
    repo = session.repo
    family = repo.families.create(Family("Fam. Quispel", dt.date(2026, 1, 10), status=FamilyStatus.ACTIVE))
    before = len(repo.contacts.list(family.id))
    host = _host(qtbot, session)
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(host.opened) and host.opened[0].isVisible())
    dialog = host.opened[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.family)
    keys.type("qui")
    keys.press(Qt.Key.Key_Return)
    assert dialog.family.family_id == family.id
    assert QApplication.focusWidget() is dialog.note
    note_keys = keys.count
    keys.qtbot.keyClicks(dialog.note, "Gesprek over de nieuwe school.")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert keys.count < 10, f"{keys.count} keystrokes besides the note"
    assert note_keys + 1 == keys.count
    contacts = repo.contacts.list(family.id)
    assert len(contacts) == before + 1
    stored = contacts[0]
    assert stored.kind == "home_visit"
    assert stored.date == dt.date.today()
    assert stored.minutes == 60
    assert stored.note == "Gesprek over de nieuwe school."
    assert "parents" in stored.with_whom


def _dialog(qtbot, session, **kwargs) -> ContactDialog:
    dialog = ContactDialog(session, None, **kwargs)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@popup_noise
def test_a_future_date_shows_the_message_and_keeps_what_was_typed(qtbot, session):
    family_id = session.repo.families.picker()[0][0]
    before = len(session.repo.contacts.list(family_id))
    dialog = _dialog(qtbot, session, family_id=family_id)
    dialog.date.setDate(to_qdate(dt.date.today() + dt.timedelta(days=3)))
    qtbot.keyClicks(dialog.note, "Belangrijke aantekening")
    qtbot.keyClicks(dialog.followup_text, "Terugbellen")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.errors.message("date") == "Een contactmoment kan niet in de toekomst liggen."
    assert dialog.errors.labels["date"].isVisibleTo(dialog)
    assert dialog.note.toPlainText() == "Belangrijke aantekening"
    assert dialog.followup_text.text() == "Terugbellen"
    assert from_qdate(dialog.date.date()) == dt.date.today() + dt.timedelta(days=3)
    assert len(session.repo.contacts.list(family_id)) == before
    # correcting the date saves, and the follow-up is planned
    dialog.date.setDate(to_qdate(dt.date.today()))
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert session.repo.contacts.list(family_id)[0].note == "Belangrijke aantekening"
    assert any(u.text == "Terugbellen" for u in session.repo.followups.list(family_id))


@popup_noise
def test_zero_minutes_and_no_family_show_their_messages(qtbot, session):
    dialog = _dialog(qtbot, session)
    dialog.minutes.setValue(0)
    qtbot.keyClicks(dialog.family, "zzzz-geen-gezin")
    qtbot.keyClicks(dialog.note, "Notitie")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("family") in ("Choose a family from the list.", "Kies een gezin uit de lijst.")
    assert dialog.family.text() == "zzzz-geen-gezin"
    family_id, ref, name = session.repo.families.picker()[0]
    dialog.family.set_family(family_id, f"{name} ({ref})")
    dialog.save_button.click()
    assert dialog.errors.message("minutes") == "De duur moet meer dan 0 minuten zijn."
    assert dialog.errors.message("family") == ""
    assert dialog.note.toPlainText() == "Notitie" and dialog.minutes.value() == 0


@popup_noise
def test_kind_sets_a_sensible_duration_until_the_officer_changes_it(qtbot, session):
    dialog = _dialog(qtbot, session)
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    assert dialog.minutes.value() == 15
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    assert dialog.minutes.value() == 60
    dialog.minutes.setValue(45)
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    assert dialog.minutes.value() == 45


@popup_noise
def test_the_kind_defaults_to_the_last_one_used(qtbot, session):
    family_id = session.repo.families.picker()[0][0]
    dialog = _dialog(qtbot, session, family_id=family_id)
    dialog.kind.setCurrentIndex(dialog.kind.findData("school_talk"))
    dialog.save_button.click()
    assert not dialog.isVisible()
    again = _dialog(qtbot, session)
    assert again.kind.currentData() == "school_talk"
    assert again.minutes.value() == 30


@popup_noise
def test_the_picker_matches_on_the_reference_code_too(qtbot, session):
    family_id, ref, name = session.repo.families.picker()[5]
    dialog = _dialog(qtbot, session)
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, ref)
    assert dialog.family.matches() == 1
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert dialog.family.family_id == family_id
    assert dialog.family.text() == f"{name} ({ref})"


@popup_noise
def test_unsaved_contact_survives_a_lock(qtbot, session):
    from brugdesk.ui.main_window import MainWindow
    from tests.ui.test_lock import all_widget_text, unlock

    family_id, ref, name = session.repo.families.picker()[2]
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    dialog = window.log_contact()
    assert isinstance(dialog, ContactDialog)
    dialog.family.set_family(family_id, f"{name} ({ref})")
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    dialog.minutes.setValue(25)
    qtbot.keyClicks(dialog.note, "Moeder vertelde over de verhuizing naar Zwolle")
    window.lock()
    assert "verhuizing naar Zwolle" not in all_widget_text()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: any(isinstance(w, ContactDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    restored = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible())
    assert restored.family.family_id == family_id
    assert restored.note.toPlainText() == "Moeder vertelde over de verhuizing naar Zwolle"
    assert (restored.kind.currentData(), restored.minutes.value()) == ("phone", 25)
    restored.save_button.click()
    stored = session.repo.contacts.list(family_id)[0]
    assert (stored.kind, stored.minutes, stored.note) == ("phone", 25, "Moeder vertelde over de verhuizing naar Zwolle")
    window.lock()


@popup_noise
def test_editing_a_contact_from_the_timeline(qtbot, session):
    family_id = session.repo.families.rows()[0].id
    contact = session.repo.contacts.list(family_id)[0]
    dialog = _dialog(qtbot, session, contact_id=contact.id)
    assert not dialog.family.isEnabled()
    assert dialog.note.toPlainText() == contact.note
    dialog.note.setPlainText("Aangepaste notitie")
    dialog.minutes.setValue(contact.minutes + 5)
    dialog.save_button.click()
    assert not dialog.isVisible()
    stored = session.repo.contacts.get(contact.id)
    assert (stored.note, stored.minutes, stored.date) == ("Aangepaste notitie", contact.minutes + 5, contact.date)


@popup_noise
def test_ctrl_n_on_an_open_family_suggests_it_and_enter_takes_it(qtbot, session):
    from brugdesk.ui.main_window import MainWindow

    family_id, ref, name = session.repo.families.picker()[4]
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.open_family(family_id)
    dialog = window.log_contact()
    assert isinstance(dialog, ContactDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.family)
    assert dialog.family.text() == f"{name} ({ref})"
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.note
    assert dialog.family.family_id == family_id
    dialog.reject()
    window.lock()


@popup_noise
def test_with_whom_chosen_by_hand_is_kept_when_the_kind_changes(qtbot, session):
    dialog = _dialog(qtbot, session)
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    assert dialog.with_whom["parents"].isChecked() and not dialog.with_whom["child"].isChecked()
    dialog.with_whom["child"].setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("network_meeting"))
    assert dialog.with_whom["child"].isChecked() and dialog.with_whom["parents"].isChecked()
    assert dialog.minutes.value() == 60  # the duration still follows the kind


@popup_noise
def test_picker_puts_names_that_start_with_the_letters_first(qtbot, qtmodeltester, session):
    dialog = _dialog(qtbot, session)
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, "de")
    model = dialog.family._matches
    qtmodeltester.check(model)
    labels = [model.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(model.rowCount())]
    assert labels, "no match for 'de'"
    starts = [any(w.startswith("de") for w in fold(label).split()) for label in labels]
    assert starts == sorted(starts, reverse=True)  # all word-start matches before the others
    assert any(starts) and not all(starts)  # 'Mulder' holds 'de' too, but comes after 'de Jong'
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert dialog.family.text() == labels[0]


# ------------------------------------------------------------------ issue 13, item 7: the picker finds children
@pytest.fixture
def dutch(qapp):
    from tests.ui.conftest import dutch_catalogue

    with dutch_catalogue(qapp):
        yield


def _popup_texts(dialog: ContactDialog) -> list[str]:
    model = dialog.family._completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@popup_noise
def test_the_picker_finds_a_child_and_tells_families_of_the_same_name_apart(qtbot, session, dutch):
    from brugdesk.core.model import Member, MemberRole, School

    repo = session.repo
    north = repo.schools.add(School("De Noorderzon"))
    south = repo.schools.add(School("Het Zuiderlicht"))
    a = repo.families.create(Family("Fam. Quirijnen", dt.date(2026, 1, 5), school_ids=[north.id]))
    repo.members.add(Member(MemberRole.CHILD, "Noor", "Quirijnen", school_id=north.id, group="4", family_id=a.id))
    b = repo.families.create(Family("Fam. Quirijnen", dt.date(2026, 1, 6), school_ids=[south.id]))
    repo.members.add(Member(MemberRole.CHILD, "Sem", "Quirijnen", school_id=south.id, group="7", family_id=b.id))
    dialog = _dialog(qtbot, session)
    dialog.family.setFocus()

    qtbot.keyClicks(dialog.family, "quirijnen")
    texts = _popup_texts(dialog)
    assert dialog.family.matches() == 2 and len(set(texts)) == 2
    assert any("Noor (groep 4, De Noorderzon)" in t for t in texts)
    assert any("Sem (groep 7, Het Zuiderlicht)" in t for t in texts)
    assert dialog.family_hint.isHidden()

    dialog.family.clear()
    qtbot.keyClicks(dialog.family, "sem")  # a child's first name
    texts = _popup_texts(dialog)
    assert any(t.endswith("kind: Sem, groep 7") for t in texts)
    row = next(i for i, t in enumerate(texts) if "Sem, groep 7" in t)
    for _ in range(row):
        qtbot.keyClick(dialog.family._completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert dialog.family.family_id == b.id
    assert dialog.family.text() == f"Fam. Quirijnen ({b.ref})"


@popup_noise
def test_the_picker_says_so_when_nothing_matches(qtbot, session, dutch):
    repo = session.repo
    gone = repo.families.create(Family("Fam. Xanthopoulos", dt.date(2025, 9, 1)))
    repo.families.close(gone.id, dt.date(2026, 1, 10), "resolved")
    dialog = _dialog(qtbot, session)
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, "qqzzy")
    assert dialog.family.matches() == 0
    assert dialog.family_hint.isVisible()
    assert dialog.family_hint.text() == "Geen open gezin gevonden voor “qqzzy”."
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)  # nothing to pick: nothing saved, no error either
    assert dialog.isVisible() and dialog.family.family_id == 0
    assert dialog.errors.message("family") == ""

    dialog.family.clear()
    qtbot.keyClicks(dialog.family, "xanthop")
    assert "1 afgesloten gezin past wel" in dialog.family_hint.text()
    dialog.family.clear()
    qtbot.keyClicks(dialog.family, "a")
    assert dialog.family_hint.isHidden()
