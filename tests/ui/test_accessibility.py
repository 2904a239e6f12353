"""Contrast from the palette in use (WCAG 2.1 AA: text 4.5:1, focus indicator 3:1), and the
focus indicator and Tab behaviour that the style and the tables give a keyboard user."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from brugdesk.ui import a11y, theme
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.settings.page import SettingsPage
from brugdesk.ui.views.unlock import UnlockView
from tests.a11y.harness import contrast

Role = QPalette.ColorRole
COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6}|palette\((\w[\w-]*)\))")


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


@pytest.fixture
def palette() -> QPalette:
    """The palette the app runs with (:func:`brugdesk.ui.app.setup_application`)."""
    return theme.STANDARD_THEME.palette(a11y.AccessibleStyle("Fusion"))


@pytest.mark.parametrize(("fg", "bg"), [
    (Role.HighlightedText, Role.Highlight),  # the selected table row
    (Role.PlaceholderText, Role.Base),  # placeholder text in a field
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),  # every other table row
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.Link, Role.Window),
])
def test_text_colours_of_the_palette_reach_4_5(palette: QPalette, fg: Role, bg: Role) -> None:
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        ratio = contrast(rgb(palette.color(group, fg)), rgb(palette.color(group, bg)))
        assert ratio >= 4.5, f"{fg.name} on {bg.name} ({group.name}): {ratio:.2f}:1"


def test_focus_ring_reaches_3_against_every_background(palette: QPalette) -> None:
    ring = rgb(QColor(a11y.ACCENT))
    for bg in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
        assert contrast(ring, rgb(palette.color(bg))) >= 3.0, bg.name
    # on a selected row the ring is white
    assert contrast((255, 255, 255), rgb(palette.color(Role.Highlight))) >= 3.0


def label_colours(top: QWidget, palette: QPalette) -> Iterator[tuple[QLabel, QColor]]:
    """Every shown label's own text colour (from its style sheet), or the palette's."""
    for label in top.findChildren(QLabel):
        if not label.isVisibleTo(top) or not label.text():
            continue
        match = COLOUR.search(label.styleSheet())
        if match is None:
            yield label, palette.color(Role.WindowText)
        elif match.group(2):
            role = {"text": Role.Text, "mid": Role.Mid, "dark": Role.Dark, "link": Role.Link,
                    "window-text": Role.WindowText, "placeholder-text": Role.PlaceholderText}[match.group(2)]
            yield label, palette.color(role)
        else:
            yield label, QColor(match.group(1))


def assert_labels_readable(top: QWidget, palette: QPalette) -> int:
    window = rgb(palette.color(Role.Window))
    checked = 0
    for label, colour in label_colours(top, palette):
        ratio = contrast(rgb(colour), window)
        assert ratio >= 4.5, f"{label.text()[:40]!r}: {colour.name()} on {QColor(*window).name()} is {ratio:.2f}:1"
        checked += 1
    return checked


def test_unlock_screen_text_reaches_4_5(qtbot, palette: QPalette, tmp_path: Path) -> None:
    view = UnlockView(tmp_path / "vault", auto_keyring=False)
    qtbot.addWidget(view)
    view.show()
    assert str(tmp_path / "vault") in view.folder.text()  # the vault path, once 1.7:1
    assert assert_labels_readable(view, palette) >= 3


def test_settings_and_overview_text_reaches_4_5(qtbot, session: Session, palette: QPalette) -> None:
    settings = SettingsPage(session)
    qtbot.addWidget(settings)
    settings.show()
    checked = 0
    for index in range(settings.tabs.count()):  # the backups hint on Reservekopieën en privacy among them
        settings.tabs.setCurrentIndex(index)
        checked += assert_labels_readable(settings.tabs.currentWidget(), palette)
    overview = OverviewPage(session)
    qtbot.addWidget(overview)
    overview.show()
    checked += assert_labels_readable(overview, palette)
    assert checked > 20


def test_tab_leaves_the_backups_and_audit_tables(qtbot, session: Session) -> None:
    """Tab moves on from a table (the arrow keys move inside it), it does not cycle its cells."""
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    for tab, table in ((page.privacy, page.privacy.backup_table), (page.audit, page.audit.audit_table)):
        page.tabs.setCurrentWidget(tab)
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert not table.hasFocus(), f"{table.accessibleName()}: Tab stays in the table"
        focused = QApplication.focusWidget()
        assert focused is not None and focused is not table
        qtbot.keyClick(focused, Qt.Key.Key_Backtab)
        assert table.hasFocus()


def test_a_date_field_is_one_tab_stop(qtbot) -> None:
    """Tab goes from the date field to the next control (not through day, month and year)."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from brugdesk.ui.widgets import date_edit

    window = QWidget()
    before, day, after = QLineEdit(), date_edit(), QLineEdit()
    layout = QVBoxLayout(window)
    for w in (before, day, after):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert day.hasFocus()
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.keyClick(day, Qt.Key.Key_Backtab)
    assert before.hasFocus()


def test_overdue_follow_ups_say_so_in_words(qtbot, session: Session) -> None:
    """Acties › Alle open: an overdue row says "te laat" beside its date, not only in red."""
    import datetime as dt

    from brugdesk.core.model import Family, FamilyStatus, FollowUp
    from brugdesk.ui.models.casework import FollowUpModel
    from brugdesk.ui.views.followups import OPEN, FollowUpsPage
    from tests.ui.conftest import dutch_catalogue

    family = session.repo.families.create(Family("Fam. Optijd", dt.date.today(), status=FamilyStatus.ACTIVE))
    session.repo.followups.add(FollowUp(family.id, "op tijd", dt.date.today() + dt.timedelta(days=10)))
    with dutch_catalogue(QApplication.instance()):
        page = FollowUpsPage(session)
        qtbot.addWidget(page)
        page.show()
        qtbot.mouseClick(page.tabs, Qt.MouseButton.LeftButton, pos=page.tabs.tabRect(OPEN).center())
        assert page.tabs.currentIndex() == OPEN
        model = page.model
        rows = [model.row_at(r) for r in range(model.rowCount())]
        due = [model.index(r, FollowUpModel.DUE).data() for r in range(model.rowCount())]
        late = [text for row, text in zip(rows, due, strict=True) if FollowUpModel.is_overdue(row)]
        on_time = [text for row, text in zip(rows, due, strict=True) if not FollowUpModel.is_overdue(row)]
        assert late and on_time
        assert all(text.endswith("(te laat)") for text in late)
        assert not any("te laat" in text for text in on_time)


# ------------------------------------------------- the accessible interfaces Qt builds
def test_a_scroll_areas_accessible_children_do_not_change_with_its_scroll_bars(qtbot) -> None:
    """The crash at 200 %: Qt's own interface of a scroll area listed its scroll bars only while
    shown and read past the end of that list for an index a screen reader had from a moment
    before. The window's fitting area must list the same children with and without its scroll
    bars, and answer an index past the end with nothing."""
    from PySide6.QtGui import QAccessible

    a11y.install_accessible_factory()
    content = QWidget()
    content.setMinimumSize(300, 300)
    area = a11y.FittingScrollArea(content)
    qtbot.addWidget(area)
    area.resize(400, 400)
    area.show()
    qtbot.waitExposed(area)
    iface = QAccessible.queryAccessibleInterface(area)
    assert iface is not None and iface.isValid()
    without_bars = iface.childCount()
    assert not area.verticalScrollBar().isVisible()
    content.setMinimumSize(800, 800)  # now it scrolls both ways
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible() and area.horizontalScrollBar().isVisible())
    assert iface.childCount() == without_bars
    content.setMinimumSize(300, 300)  # and the bars go again
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())
    assert iface.childCount() == without_bars
    assert iface.child(without_bars) is None
    assert iface.child(without_bars + 5) is None
    assert iface.child(0) is not None and iface.child(0).object() is area.viewport()


def test_a_heading_has_the_heading_role_and_its_text_as_name(qtbot) -> None:
    from PySide6.QtGui import QAccessible

    a11y.install_accessible_factory()
    heading = a11y.Heading("&Follow-ups due today")
    qtbot.addWidget(heading)
    iface = QAccessible.queryAccessibleInterface(heading)
    assert iface is not None
    assert iface.role() == QAccessible.Role.Heading
    assert iface.text(QAccessible.Text.Name) == "Follow-ups due today"
    heading.setText("Rock && roll")
    assert iface.text(QAccessible.Text.Name) == "Rock & roll"


def test_a_scroll_area_brings_a_field_into_view_when_the_focus_comes_from_outside(qtbot) -> None:
    """Tab from a dialog's buttons (under its scrolling form) back to the first field: the form
    scrolls up to it (Qt's scroll area only follows Tab within itself)."""
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    a11y.follow_focus_into_view(QApplication.instance())
    window = QWidget()
    qtbot.addWidget(window)
    content = QWidget()
    first, last = QLineEdit(content), QLineEdit(content)
    inner = QVBoxLayout(content)
    inner.addWidget(first)
    inner.addSpacing(1500)
    inner.addWidget(last)
    area = a11y.FittingScrollArea(content)
    button = QPushButton("OK")
    outer = QVBoxLayout(window)
    outer.addWidget(area)
    outer.addWidget(button)
    QWidget.setTabOrder(first, last)
    QWidget.setTabOrder(last, button)
    window.resize(300, 300)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # within the area: Qt's own scrolling
    qtbot.waitUntil(last.hasFocus)
    assert area.verticalScrollBar().value() > 0
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Tab)  # from outside back to the first field
    qtbot.waitUntil(first.hasFocus)
    assert area.verticalScrollBar().value() == 0, "the first field is scrolled out of view"
    # a fitting area gone does not mind the focus moving on
    area.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(a11y.FittingScrollArea))
    button.setFocus()


@pytest.mark.parametrize("which", ["intake", "signal"])
def test_multi_line_fields_keep_a_steady_scroll_bar(qtbot, session: Session, which: str) -> None:
    """The multi-line fields of the intake (the family's address) and of a signal (what was seen)
    have their vertical scroll bar before and after they fill up, and so the same accessible
    children: a scroll bar that comes and goes is what made a screen reader reading the tree crash
    the app (see ``steady_scroll_bars``)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QPlainTextEdit

    from brugdesk.ui.dialogs.intake import IntakeDialog
    from brugdesk.ui.dialogs.signal import SignalDialog

    dialog = IntakeDialog(session) if which == "intake" else SignalDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # (a member's own address shows when "another address" is ticked: the same code makes it)
    fields = [f for f in dialog.findChildren(QPlainTextEdit) if f.isVisible()]
    assert fields
    for field in fields:
        iface = QAccessible.queryAccessibleInterface(field)
        assert iface is not None
        empty = iface.childCount()
        assert field.verticalScrollBar().isVisibleTo(field), "no scroll bar while the field is empty"
        for line in range(12):
            qtbot.keyClicks(field, f"regel {line}")
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.toPlainText().count("\n") == 12
        assert field.verticalScrollBar().isVisibleTo(field)
        assert not field.horizontalScrollBar().isVisibleTo(field)
        assert iface.childCount() == empty, "the field's accessible children changed as it filled up"
    dialog.hide()
