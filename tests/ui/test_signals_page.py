"""Signalen (issue 13, item 2): a teacher's worry recorded, taken up, turned into a family with its data
carried over, or closed with a reason — clicked and typed on the real page, on the demo vault."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Signal, SignalStatus
from brugdesk.ui.dialogs.intake import IntakeDialog
from brugdesk.ui.dialogs.signal import SignalDialog, SignalStatusDialog
from brugdesk.ui.views.signals import SignalsPage
from tests.ui.conftest import dutch_catalogue

TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("today_at_start")  # TODAY is set again as each test starts


@pytest.fixture
def dutch(qapp):
    with dutch_catalogue(qapp):
        yield


@pytest.fixture(autouse=True)
def _hide_dialogs():
    """A dialog a test left open is hidden after it (it is deleted with its page)."""
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, SignalDialog | SignalStatusDialog | IntakeDialog) and w.isVisible():
            w.hide()


def _page(qtbot, session) -> SignalsPage:
    page = SignalsPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _active(qtbot, dialog):
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _click_row(qtbot, page: SignalsPage, signal_id: int) -> None:
    row = page.model.find_row(signal_id)
    assert row >= 0, "the signal is not in the list"
    rect = page.table.visualRect(page.model.index(row, page.model.SEEN))
    page.table.scrollTo(page.model.index(row, 0))
    rect = page.table.visualRect(page.model.index(row, page.model.SEEN))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert page.current_signal_id() == signal_id


def _signal(session, **kw) -> Signal:
    school = session.repo.schools.list()[0]
    values = {"date": TODAY - dt.timedelta(days=3), "source": "teacher", "seen": "Komt vaak zonder ontbijt",
              "school_id": school.id, "group": "6"}
    values.update(kw)
    return session.repo.signals.add(Signal(**values))


def test_a_new_signal_typed_in_and_taken_up_keeps_its_history(qtbot, session, dutch):
    repo = session.repo
    school = repo.schools.list()[0]
    page = _page(qtbot, session)
    before = repo.signals.count()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = _active(qtbot, page.dialog)
    assert isinstance(dialog, SignalDialog) and dialog.windowTitle() == "Nieuw signaal"
    # nothing chosen yet: the messages say what is missing, nothing is stored
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and repo.signals.count() == before
    assert dialog.errors.message("source") == "Kies van wie het signaal komt."
    assert dialog.errors.message("seen") == "Beschrijf kort wat er is gezien."
    assert QApplication.focusWidget() is dialog.source

    qtbot.keyClicks(dialog.source, "Leer")  # "Leerkracht / mentor"
    assert dialog.source.currentData() == "teacher"
    dialog.school.setFocus()
    qtbot.keyClick(dialog.school, Qt.Key.Key_Down)
    assert dialog.school.currentData() == school.id
    qtbot.keyClicks(dialog.group, "5")
    qtbot.keyClicks(dialog.seen, "Milan is stil en moe, moeder niet bereikbaar")
    assert dialog.count.text() == "44 van maximaal 500 tekens"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert repo.signals.count() == before + 1
    row = page.current_row()
    assert row is not None and row.seen.startswith("Milan is stil")
    assert page.model.index(page.model.find_row(row.id), page.model.STATUS).data() == f"Nieuw sinds {TODAY:%d-%m-%Y}"
    assert page.model.index(page.model.find_row(row.id), page.model.GROUP).data() == "groep 5"
    assert page.history.text() == f"Nieuw op {TODAY:%d-%m-%Y}"

    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    status = _active(qtbot, page.dialog)
    assert isinstance(status, SignalStatusDialog)
    assert status.status.currentData() == str(SignalStatus.TAKEN_UP)
    assert not status.reason.isEnabled()
    qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not status.isVisible())
    assert repo.signals.get(row.id).status == SignalStatus.TAKEN_UP
    assert page.current_signal_id() == row.id  # still selected after the refresh
    assert page.history.text() == f"Nieuw op {TODAY:%d-%m-%Y}; Opgepakt op {TODAY:%d-%m-%Y}"
    assert page.history.accessibleDescription() == page.history.text()


def test_a_signal_becomes_a_family_with_its_data_carried_over(qtbot, session, dutch):
    repo = session.repo
    school = repo.schools.list()[1]
    signal = _signal(session, source="ib", school_id=school.id, group="6")
    page = _page(qtbot, session)
    _click_row(qtbot, page, signal.id)
    assert not page.open_button.isEnabled()  # no family yet
    qtbot.mouseClick(page.family_button, Qt.MouseButton.LeftButton)
    intake = _active(qtbot, page.dialog)
    assert isinstance(intake, IntakeDialog)
    assert intake.windowTitle() == f"Nieuw gezin uit het signaal van {signal.date:%d-%m-%Y}"
    assert intake.schools.checked() == [school.id]
    assert intake.signal_source.currentData() == "ib"
    assert len(intake.child_forms) == 1
    child = intake.child_forms[0]
    assert (child.school.currentData(), child.group.text()) == (school.id, "6")

    qtbot.keyClicks(intake.display_name, "Fam. Sijbesma")
    qtbot.keyClicks(child.first_name, "Jelle")
    qtbot.keyClicks(intake.parent_forms[0].first_name, "Marije")
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not intake.isVisible())

    stored = repo.signals.get(signal.id)
    assert stored.status == SignalStatus.FAMILY_CREATED and stored.family_id is not None
    family = repo.families.get(stored.family_id)
    assert (family.display_name, family.signal_source, family.school_ids) == ("Fam. Sijbesma", "ib", [school.id])
    kids = [m for m in repo.members.list(family.id) if m.first_name == "Jelle"]
    assert [(k.last_name, k.school_id, k.group) for k in kids] == [("Sijbesma", school.id, "6")]
    # no longer open: the list shows every signal so the one just handled stays in view
    assert page.status_filter.currentData() == "all"
    assert page.current_signal_id() == signal.id
    assert page.message.text() == f"Gezin {family.ref} is aangemaakt uit het signaal."
    assert f"gezin {family.ref}" in page.history.text()
    assert page.model.index(page.model.find_row(signal.id), page.model.FAMILY).data() == family.ref
    assert not page.family_button.isEnabled() and not page.status_button.isEnabled()
    with qtbot.waitSignal(page.family_requested) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [family.id]


def test_closing_a_signal_needs_a_reason(qtbot, session, dutch):
    repo = session.repo
    signal = _signal(session, seen="Zorg over verzuim, navragen")
    page = _page(qtbot, session)
    _click_row(qtbot, page, signal.id)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = _active(qtbot, page.dialog)
    assert dialog.status.currentData() == str(SignalStatus.NO_ACTION) and dialog.reason.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("closing_reason") == "Kies waarom er geen actie nodig is."
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "School")  # "School pakt het zelf op"
    assert dialog.reason.currentData() == "school_handles"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = repo.signals.get(signal.id)
    assert (stored.status, stored.closing_reason) == (SignalStatus.NO_ACTION, "school_handles")
    assert page.model.find_row(signal.id) < 0  # closed: not among the open signals
    page.status_filter.setCurrentIndex(page.status_filter.findData(str(SignalStatus.NO_ACTION)))
    _click_row(qtbot, page, signal.id)
    assert "reden: School pakt het zelf op" in page.history.text()
    assert page.status_button.isEnabled()  # a closed signal can be taken up again
    assert not page.close_button.isEnabled() and not page.family_button.isEnabled()


def test_the_filters_and_what_an_empty_list_says(qtbot, session, tmp_path, dutch):
    repo = session.repo
    page = _page(qtbot, session)
    open_count = repo.signals.count(statuses=(SignalStatus.NEW, SignalStatus.TAKEN_UP))
    assert page.model.total() == open_count
    assert page.count_label.text() == f"{open_count} signalen"
    school = repo.schools.list()[0]
    page.school_filter.setCurrentIndex(page.school_filter.findData(school.id))
    assert page.model.total() == repo.signals.count(statuses=(SignalStatus.NEW, SignalStatus.TAKEN_UP),
                                                    school_id=school.id)
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    page.model.fetch_all()
    assert {page.model.row_at(r).school_id for r in range(page.model.rowCount())} == {school.id}

    from brugdesk.store.vault import Vault
    from brugdesk.ui.session import Session
    from tests.conftest import PASSPHRASE, TEST_N

    vault, _key = Vault.create(tmp_path / "empty", PASSPHRASE, scrypt_n=TEST_N)
    empty = Session()
    empty.attach(vault)
    fresh = _page(qtbot, empty)
    assert fresh.empty_label.isVisible()
    assert fresh.empty_label.text().startswith("Nog geen signalen.")
    empty.lock()


def test_deleting_a_signal_asks_first(qtbot, session, prompter, dutch):
    repo = session.repo
    signal = _signal(session, seen="Per ongeluk ingevoerd")
    page = _page(qtbot, session)
    _click_row(qtbot, page, signal.id)
    prompter.answers = [False]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert repo.signals.get(signal.id).id == signal.id
    prompter.answers = [True]
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the Delete key does the same
    assert page.model.find_row(signal.id) < 0
    assert prompter.messages[-1][0] == "Signaal verwijderen"


def test_signalen_is_in_the_sidebar_and_opens_the_family_a_signal_became(qtbot, session):
    from brugdesk.ui.main_window import PAGES, MainWindow

    keys = [spec.key for spec in PAGES]
    assert keys.index("signals") == keys.index("families") + 1
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    number = keys.index("signals") + 1
    qtbot.keyClick(QApplication.focusWidget() or window, getattr(Qt.Key, f"Key_{number}"),
                   Qt.KeyboardModifier.ControlModifier)
    page = window.page("signals")
    assert isinstance(page, SignalsPage) and window.current_page_key == "signals"
    made = next(s for s in session.repo.signals.rows(statuses=(SignalStatus.FAMILY_CREATED,)))
    page.status_filter.setCurrentIndex(page.status_filter.findData(str(SignalStatus.FAMILY_CREATED)))
    _click_row(qtbot, page, made.id)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key == "families"
    assert window.family_on_screen() == made.family_id
    window.lock()


def test_the_first_signal_is_current_when_the_page_opens_so_the_tab_order_is_steady(qtbot, session):
    """Tab from the navigation reaches the buttons that act on a signal: they are enabled when the
    page opens (before, the first row became current only when the table took the focus, the
    buttons then became Tab stops, and at 200 % Tab never came back to the navigation)."""
    _signal(session)
    page = _page(qtbot, session)
    assert page.current_signal_id() != 0
    page.status_filter.setFocus()
    qtbot.waitUntil(page.status_filter.hasFocus)
    order = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if order[-1] is page.status_filter:
            break
    for button in (page.family_button, page.status_button, page.close_button, page.edit_button,
                   page.delete_button):
        assert button.isEnabled() and button in order, button.text()
