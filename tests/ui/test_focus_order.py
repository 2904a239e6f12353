"""Focus order top to bottom on every page of the desk (issue 13, item 10): from the navigation,
Tab walks through a page's controls, and each next control is not above the one before it (it is
lower, or beside it to the right in the same row). The current row of every table on the pages is
drawn so one sees it: the app's palette gives it the selection colour and the style its focus ring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from brugdesk.ui import a11y, theme
from brugdesk.ui.main_window import PAGES, MainWindow
from tests.a11y.harness import contrast

#: pixels of slack for controls in one row whose tops differ a little (a check box beside a combo box)
SLACK = 6
MAX_STEPS = 80


def _click_page(qtbot, window: MainWindow, key: str) -> QWidget:
    nav = window.nav
    assert nav is not None
    row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_page_key == key)
    page = window.page(key)
    assert page is not None
    return page


def _rect(widget: QWidget, page: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.accessibleName() or getattr(widget, 'text', lambda: '')()!r})"


def tab_walk(qtbot, window: MainWindow, page: QWidget) -> list[QWidget]:
    """The page's controls in the order Tab reaches them, starting from the navigation."""
    assert window.nav is not None
    window.nav.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav)
    seen: list[QWidget] = []
    for _ in range(MAX_STEPS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None or focus in seen:
            break
        if page.isAncestorOf(focus):
            seen.append(focus)
        elif seen:  # left the page (back to the navigation): the walk is done
            break
    return seen


def out_of_order(page: QWidget, walk: list[QWidget]) -> list[str]:
    bad = []
    for before, after in zip(walk, walk[1:], strict=False):
        a, b = _rect(before, page), _rect(after, page)
        lower = b.top() >= a.top() - SLACK
        same_row_right = b.top() < a.bottom() and a.top() < b.bottom() and b.left() >= a.right() - SLACK
        if not (lower or same_row_right):
            bad.append(f"{_name(before)} at {a.topLeft().toTuple()} → {_name(after)} at {b.topLeft().toTuple()}")
    return bad


def test_tab_goes_down_the_page_on_every_page(qtbot, session) -> None:
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    problems: dict[str, list[str]] = {}
    for spec in PAGES:
        page = _click_page(qtbot, window, spec.key)
        walk = tab_walk(qtbot, window, page)
        assert len(walk) >= 2, f"{spec.key}: Tab reaches {len(walk)} control(s) of the page"
        bad = out_of_order(page, walk)
        if bad:
            problems[spec.key] = bad
    assert problems == {}


def test_the_checked_order_would_catch_a_page_walked_upwards(qtbot, session) -> None:
    """The check above can fail: the Families page's controls walked the wrong way round are caught."""
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = _click_page(qtbot, window, "families")
    walk = tab_walk(qtbot, window, page)
    assert out_of_order(page, walk) == []
    assert out_of_order(page, list(reversed(walk)))


@pytest.fixture
def app_style(qapp) -> Iterator[None]:
    """The app's own style, palette and focus style sheet (brugdesk.ui.a11y), as the officer's app
    runs with; put back afterwards."""
    name, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    style = a11y.AccessibleStyle("Fusion")
    qapp.setStyle(style)
    qapp.setPalette(theme.STANDARD_THEME.palette(style))
    qapp.setStyleSheet(a11y.FOCUS_STYLE_SHEET)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(name)
    qapp.setPalette(palette)


def _share(image: QImage, rect: QRect, colour: QColor) -> float:
    """The share of the pixels in ``rect`` of ``image`` that are ``colour``."""
    rect = rect.intersected(image.rect())
    hits = total = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            total += 1
            hits += image.pixelColor(x, y).rgb() == colour.rgb()
    return hits / max(total, 1)


@pytest.mark.parametrize("key", ["signals", "referrals", "agenda"])
def test_the_current_row_of_the_new_pages_tables_is_clearly_visible(qtbot, session, app_style, key) -> None:
    """The focused table's current row in the accent colour (white text on it 6.8:1, it against the
    white rows 6.8:1), with the focus ring drawn in white around its current cell."""
    from brugdesk.core.model import Appointment

    session.repo.appointments.add(Appointment(dt.date.today(), dt.time(10, 0), "home_visit"))
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = _click_page(qtbot, window, key)
    table = page.table  # type: ignore[attr-defined]
    assert table.model().rowCount() >= 1
    walk = tab_walk(qtbot, window, page)
    assert table in walk  # Tab reaches the table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    if not table.currentIndex().isValid():
        qtbot.keyClick(table, Qt.Key.Key_Down)
    current = table.currentIndex()
    assert current.isValid()
    qtbot.wait(50)
    image = table.viewport().grab().toImage()
    accent = QColor(a11y.ACCENT)
    row = table.visualRect(current.siblingAtColumn(0)).united(
        table.visualRect(current.siblingAtColumn(table.model().columnCount() - 1)))
    assert _share(image, row, accent) > 0.5, f"{key}: the current row is not drawn in the accent colour"
    if table.model().rowCount() > 1:
        other = current.siblingAtRow(1 if current.row() == 0 else 0)
        assert _share(image, table.visualRect(other), accent) < 0.1
    cell = table.visualRect(current)
    ring = [image.pixelColor(cell.left() + 1, cell.center().y()), image.pixelColor(cell.center().x(), cell.top() + 1)]
    assert all(c.rgb() == QColor("#ffffff").rgb() for c in ring), f"{key}: no focus ring on the current cell"
    assert contrast((255, 255, 255), (accent.red(), accent.green(), accent.blue())) >= 3.0
