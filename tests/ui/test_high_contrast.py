"""The high-contrast theme (issue 16, EN 301 549 §11.7 user preferences): chosen by keys in
Instellingen › Deze computer it applies at once to the window, its pages and a dialog (read from the
rendered pixels: dark background, light text, error text in the theme's colour, a focus ring of
3:1 or more), keeps what was typed, and "Standaard" brings the standard colours back.

"Volg het systeem" follows Qt's contrast preference (``QStyleHints.accessibility()``): the mapping
from preference and choice to a theme is tested here; tests/ui/test_follow_system_contrast.py
changes the preference the way a desktop does (through the desktop portal) while the app runs."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from brugdesk.ui import a11y, prefs, theme
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.labels import to_qdate
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.settings.page import SettingsPage
from tests.a11y.harness import contrast, luminance
from tests.ui.conftest import dutch_catalogue

HC = theme.HIGH_CONTRAST_THEME
STD = theme.STANDARD_THEME


@pytest.fixture
def app_style(qapp) -> Iterator[None]:
    """The app's style, palette and focus style sheet as brugdesk.ui.app sets them up; the standard
    theme and the old style put back afterwards."""
    name, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    style = a11y.AccessibleStyle("Fusion")
    qapp.setStyle(style)
    qapp.setPalette(STD.palette(style))
    qapp.setStyleSheet(a11y.FOCUS_STYLE_SHEET)
    yield
    theme.apply_theme(qapp, STD)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(name)
    qapp.setPalette(palette)


@pytest.fixture
def window(qtbot, qapp, app_style, session: Session) -> Iterator[MainWindow]:
    with dutch_catalogue(qapp):
        win = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        yield win
        win.close()


def rgb(colour: QColor | str) -> tuple[int, int, int]:
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


def image_of(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def common(image: QImage) -> Counter[tuple[int, int, int]]:
    """How often each colour occurs (every second pixel)."""
    counts: Counter[tuple[int, int, int]] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            counts[rgb(image.pixelColor(x, y))] += 1
    return counts


def background(widget: QWidget) -> tuple[int, int, int]:
    return common(image_of(widget)).most_common(1)[0][0]


def has_colour(image: QImage, colour: str, tolerance: int = 6) -> bool:
    """Whether ``image`` has pixels of ``colour`` (glyph cores are drawn in the text's colour)."""
    want = rgb(colour)
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, want, strict=True)) for c in common(image))


def brightest(image: QImage) -> float:
    return max(luminance(c) for c in common(image))


def ring_share(before: QImage, after: QImage) -> float:
    """The best share, over one-pixel outlines 0..5 pixels in from the edge, of the pixels whose
    colour changed with 3:1 contrast or more when the widget took the focus."""
    best = 0.0
    for inset in range(6):
        rect = QRect(0, 0, after.width(), after.height()).adjusted(inset, inset, -inset - 1, -inset - 1)
        points = [(x, rect.top()) for x in range(rect.left(), rect.right() + 1)]
        points += [(x, rect.bottom()) for x in range(rect.left(), rect.right() + 1)]
        points += [(rect.left(), y) for y in range(rect.top(), rect.bottom() + 1)]
        points += [(rect.right(), y) for y in range(rect.top(), rect.bottom() + 1)]
        changed = sum(contrast(rgb(before.pixelColor(x, y)), rgb(after.pixelColor(x, y))) >= 3.0 for x, y in points)
        best = max(best, changed / len(points))
    return best


def focus_ring(qtbot, widget: QWidget, elsewhere: QWidget) -> float:
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    before = image_of(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return ring_share(before, image_of(widget))


def _settings(qtbot, window: MainWindow) -> SettingsPage:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window._pages["settings"]
    assert isinstance(page, SettingsPage) and window.current_page_key == "settings"
    return page


def _open_tab(qtbot, page: SettingsPage, tab: QWidget) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(tab)).center())
    assert page.tabs.currentWidget() is tab


def _choose_colours(qtbot, window: MainWindow, key: Qt.Key, presses: int, text: str) -> SettingsPage:
    page = _settings(qtbot, window)
    _open_tab(qtbot, page, page.computer)
    combo = page.computer.colours
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    for _ in range(presses):
        qtbot.keyClick(combo, key)  # the officer picks the colours with the keyboard
    assert combo.currentText() == text
    assert combo.hasFocus()  # nothing was rebuilt under the officer
    return page


def test_high_contrast_by_keys_applies_at_once_and_standard_comes_back(qtbot, window: MainWindow):
    page = _settings(qtbot, window)
    assert page.computer.colours.currentText() == "Volg het systeem"  # the default
    # on Profiel: a name half typed, and a field message in the error colour
    _open_tab(qtbot, page, page.profile)
    page.profile.name.clear()
    qtbot.mouseClick(page.profile.save_button, Qt.MouseButton.LeftButton)
    message = page.profile.name_message
    assert message.isVisible() and has_colour(image_of(message), STD.error)
    qtbot.keyClicks(page.profile.name, "Half getypt")
    assert luminance(background(page.profile)) > 0.8  # light

    page = _choose_colours(qtbot, window, Qt.Key.Key_Down, 2, "Hoog contrast")
    assert prefs.colours() == theme.HIGH_CONTRAST and theme.current() is HC
    assert background(page.computer) == (0, 0, 0)  # the page: black
    assert brightest(image_of(page.computer.colours)) > 0.9  # the combo's text white
    nav = image_of(window.nav)
    assert common(nav).most_common(1)[0][0] == rgb(HC.nav_bg)
    assert has_colour(nav, HC.nav_selected_bg)  # the current page in cyan
    assert has_colour(nav, HC.nav_marker, 0)  # and its yellow bar

    _open_tab(qtbot, page, page.profile)
    assert page.profile.name.text() == "Half getypt"  # what was typed is kept
    image = image_of(message)
    assert common(image).most_common(1)[0][0] == (0, 0, 0)
    assert has_colour(image, HC.error) and not has_colour(image, STD.error, 30)
    assert contrast(rgb(HC.error), (0, 0, 0)) >= 7.0
    # the focus ring on a focused line edit and button: 3:1 against what was there
    assert focus_ring(qtbot, page.profile.name, page.profile.save_button) >= 0.9
    assert focus_ring(qtbot, page.profile.save_button, page.profile.name) >= 0.9
    assert has_colour(image_of(page.profile.save_button), HC.focus_ring, 0)

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    overview = window._pages["overview"]
    panel = overview.findChild(QFrame, "termNumbers")
    assert panel is not None and panel.isVisible()
    assert common(image_of(panel)).most_common(1)[0][0] == rgb(HC.panel_bg)
    late = image_of(overview.due.viewport())  # follow-ups listed before the switch, late ones in red
    assert has_colour(late, HC.error) and not has_colour(late, STD.error, 30)

    page = _choose_colours(qtbot, window, Qt.Key.Key_Up, 1, "Standaard")
    assert prefs.colours() == theme.STANDARD and theme.current() is STD
    assert luminance(background(page.computer)) > 0.8
    assert common(image_of(window.nav)).most_common(1)[0][0] == rgb(STD.nav_bg)
    _open_tab(qtbot, page, page.profile)
    assert has_colour(image_of(message), STD.error) and page.profile.name.text() == "Half getypt"
    assert focus_ring(qtbot, page.profile.name, page.profile.save_button) >= 0.9


@pytest.mark.usefixtures("app_style")
def test_a_dialog_in_high_contrast_shows_its_field_error_in_the_themes_colour(qtbot, qapp, session: Session):
    prefs.set_colours(theme.HIGH_CONTRAST)  # chosen earlier: the app starts with it
    theme.follow_preference(qapp)
    assert theme.current() is HC
    family_id = session.repo.families.picker()[0][0]
    with dutch_catalogue(qapp):
        dialog = ContactDialog(session, None, family_id=family_id)
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.date.setDate(to_qdate(dt.date.today() + dt.timedelta(days=3)))
        qtbot.keyClicks(dialog.note, "Belangrijke aantekening")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        label = dialog.errors.labels["date"]
        assert label.isVisibleTo(dialog)
        image = image_of(label)
        assert common(image).most_common(1)[0][0] == (0, 0, 0)
        assert has_colour(image, HC.form_error)
        assert background(dialog) == (0, 0, 0)
        assert dialog.note.toPlainText() == "Belangrijke aantekening"
        # while the dialog is open, Standaard (as from Deze computer) restyles it
        theme.apply_choice(qapp, theme.STANDARD)
        image = image_of(label)
        assert has_colour(image, STD.form_error) and not has_colour(image, HC.form_error, 30)
        dialog.reject()


@pytest.mark.parametrize(("choice", "preference", "expected"), [
    (theme.FOLLOW_SYSTEM, Qt.ContrastPreference.NoPreference, STD),
    (theme.FOLLOW_SYSTEM, Qt.ContrastPreference.HighContrast, HC),
    (theme.STANDARD, Qt.ContrastPreference.HighContrast, STD),
    (theme.STANDARD, Qt.ContrastPreference.NoPreference, STD),
    (theme.HIGH_CONTRAST, Qt.ContrastPreference.NoPreference, HC),
    (theme.HIGH_CONTRAST, Qt.ContrastPreference.HighContrast, HC),
    ("something else", Qt.ContrastPreference.HighContrast, HC),  # an unknown value: as the system asks
])
def test_the_theme_follows_the_system_only_when_asked(choice, preference, expected) -> None:
    assert theme.theme_for(choice, preference) is expected


@pytest.mark.usefixtures("app_style")
def test_follow_the_system_reads_qts_contrast_preference(qapp) -> None:
    """The offscreen platform reports no preference (Qt's real value, not set by the test), so
    "Volg het systeem" gives the standard theme there."""
    assert theme.system_preference() == Qt.ContrastPreference.NoPreference
    assert prefs.colours() == theme.FOLLOW_SYSTEM
    assert theme.apply_choice(qapp, prefs.colours()) is STD
