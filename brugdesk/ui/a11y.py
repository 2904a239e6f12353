"""Accessibility helpers shared by the screens: spoken announcements, labels that expose their
values, headings, and the app's colours and focus indicator (WCAG 2.1 AA: text 4.5:1, focus 3:1).

A screen reader speaks what has the focus. A message that appears elsewhere (a wrong
passphrase, "Opgeslagen.", a search's count) is not heard unless it is announced:
:func:`announce` sends Qt's announcement event, which the Linux bridge passes on as AT-SPI's
``object:announcement`` (Windows' UI Automation and macOS have their own). Orca speaks that
event from version 45 on; Orca 43 (Debian 12) and 44 ignore it. What every Orca speaks is a
notification being shown: on Linux :func:`announce` says the text through a hidden
notification (:class:`Notice`) instead, so no Orca says it twice.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAccessibleWidget,
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from brugdesk.ui import theme

_Area = TypeVar("_Area", bound=QAbstractScrollArea)

#: the standard theme's accent: selection background and focus ring (white on it 6.8:1; it on white
#: 6.8:1); the colours of both themes are in :mod:`brugdesk.ui.theme`
ACCENT = theme.STANDARD_THEME.accent
#: the focus ring of multi-line fields, tables, lists and scroll areas (standard theme)
FOCUS_STYLE_SHEET = theme.focus_style_sheet(theme.STANDARD_THEME)


#: on Linux a message is a notification shown (every Orca speaks it), not an announcement
NOTIFY_BY_SHOWING = sys.platform.startswith("linux")


class Notice(QWidget):
    """A hidden notification (the AT-SPI notification role, see :func:`_accessible_for`) that
    says a message: its name is the message, and each message sends the
    ``object:state-changed:showing`` of a notification, which Orca speaks ("notification
    Opgeslagen."), Orca 43 included. It is never drawn; a label shows the message."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()

    def say(self, text: str) -> None:
        self.setAccessibleName(text)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectShow))


def announce(widget: QWidget, text: str, *, assertive: bool = False, described: QWidget | None = None) -> None:
    """Have a screen reader speak ``text`` (about ``widget``); politely unless ``assertive``
    (an error the user must hear now).

    On Linux ``widget``'s hidden :class:`Notice` says it (Orca before 45 ignores the announcement
    event); elsewhere it is Qt's announcement. ``described``: a control whose accessible
    description ``text`` just became. Orca speaks a change of the focused control's description
    itself (43 included), and reads it with the control when the focus comes to it, so then only
    the announcement is sent, which Orca 43 ignores (a notice would be a second time)."""
    if not text or not QAccessible.isActive():
        return
    if NOTIFY_BY_SHOWING and described is None:
        notice = widget.findChild(Notice, "", Qt.FindChildOption.FindDirectChildrenOnly)
        (notice if isinstance(notice, Notice) else Notice(widget)).say(text)
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


class StatusLabel(QLabel):
    """A label for short status messages ("Opgeslagen.", "5 van 60 gezinnen"): each new text
    is also spoken by a screen reader (:func:`announce`)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, assertive: bool = False) -> None:
        super().__init__(text, parent)
        self._assertive = assertive

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        changed = text != self.text()
        super().setText(text)
        if changed:
            announce(self, text, assertive=self._assertive)


class ValueLabel(QLabel):
    """A value shown under (or beside) its caption: a screen reader reads the caption as its
    name and the value as its description (a plain label named after its caption would hide
    the value; one named after its value loses what the value is)."""

    def __init__(self, caption: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setAccessibleDescription(text)

    def clear(self) -> None:
        super().clear()
        self.setAccessibleDescription("")


def described(labels: Iterable[QLabel]) -> str:
    """What a screen reader says of a group of :class:`ValueLabel`: "Caption: value." for each
    one with a value (the description of the Tab stop that holds them)."""
    return " ".join(f"{label.accessibleName()}: {label.text()}." for label in labels if label.text())


def hint(label: QLabel) -> QLabel:
    """Style ``label`` as secondary text (a hint or note), in a colour that still reads 4.5:1."""
    theme.style(label, "color: $hint;")
    return label


class AccessibleStyle(QProxyStyle):
    """Fusion with a focus indicator one can see: a ring in the theme's focus colour (2 pixels in
    the standard theme, 3 in high contrast) around the focused button (the default button
    included, which Fusion draws the same with and without the focus), text field, check box,
    radio button, current cell and current tab. A theme with an ``outline`` colour (high
    contrast) also gets an outline around buttons, fields, check boxes, tabs and scroll bar
    handles: Fusion draws its own a little darker than the window, which on black is black."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt override
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._ring(painter, option, inset=0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _OUTLINED:
            self._outline(painter, option.rect, ellipse=element == QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if option.state & QStyle.StateFlag.State_HasFocus:
            if element == QStyle.PrimitiveElement.PE_PanelButtonCommand:
                self._ring(painter, option, inset=2)
            elif element == QStyle.PrimitiveElement.PE_FrameLineEdit:  # Fusion's own is one faint pixel
                self._ring(painter, option, inset=1)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802 - Qt override
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_TabBarTabShape:
            self._outline(painter, option.rect)
            if theme.current().outline and option.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(option.rect.adjusted(1, option.rect.height() - 4, -1, -1),
                                 QColor(theme.current().accent))  # the current tab: a bar under it
        # Fusion draws no focus on a tab bar: a ring around the current tab when the bar has the focus
        if (element == QStyle.ControlElement.CE_TabBarTab and widget is not None and widget.hasFocus()
                and option.state & QStyle.StateFlag.State_Selected):
            self._ring(painter, option, inset=2, on_accent=False)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802 - Qt override
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox):
            if theme.current().outline and option.state & QStyle.StateFlag.State_HasFocus:
                self._ring(painter, option, inset=0, on_accent=False)  # over the outline Fusion's ring is in
            else:
                self._outline(painter, option.rect)
        elif control == QStyle.ComplexControl.CC_ScrollBar and widget is not None:
            self._outline(painter, self.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, widget))

    def _outline(self, painter: QPainter, rect: QRect, *, ellipse: bool = False) -> None:
        outline = theme.current().outline
        if outline is None or not rect.isValid():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, ellipse)
        painter.setPen(QPen(QColor(outline), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if ellipse:
            painter.drawEllipse(rect.adjusted(0, 0, -1, -1))
        else:
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _ring(self, painter: QPainter, option: QStyleOption, *, inset: int, on_accent: bool = True) -> None:
        colours = theme.current()
        colour = QColor(colours.focus_ring)
        if on_accent and option.state & QStyle.StateFlag.State_Selected:  # on the accent itself
            colour = QColor(colours.ring_on_selection)
        width = colours.ring_width
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(colour, width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width // 2
        far = width - half  # a pen of odd width reaches one pixel further in than out
        painter.drawRect(option.rect.adjusted(inset + half, inset + half, -inset - far, -inset - far))
        painter.restore()


#: what :meth:`AccessibleStyle._outline` outlines in a theme with an outline colour
_OUTLINED = (QStyle.PrimitiveElement.PE_PanelButtonCommand, QStyle.PrimitiveElement.PE_FrameLineEdit,
             QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
             QStyle.PrimitiveElement.PE_Frame, QStyle.PrimitiveElement.PE_FrameTabWidget,
             QStyle.PrimitiveElement.PE_FrameGroupBox)


def apply_accessible_style(app: QApplication) -> None:
    """Fusion with :class:`AccessibleStyle`'s focus ring, the standard theme's palette
    (:meth:`brugdesk.ui.theme.Theme.palette`) and the focus ring of scroll areas (a style sheet rule)."""
    style = AccessibleStyle("Fusion")
    app.setStyle(style)
    install_accessible_factory()
    follow_focus_into_view(app)
    app.setPalette(theme.STANDARD_THEME.palette(style))
    sheet = app.styleSheet()
    if FOCUS_STYLE_SHEET not in sheet:
        app.setStyleSheet((sheet + "\n" + FOCUS_STYLE_SHEET).strip())
    theme.follow_preference(app)  # the high-contrast theme, if chosen or asked for by the system


class EnterPressesButton(QObject):
    """Enter (or the keypad's Enter) on a focused push button presses it, on the pages too (Qt
    does that only in dialogs). Installed on the application (:meth:`install`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QPushButton):
            return False
        key_event = event
        assert isinstance(key_event, QKeyEvent)
        if key_event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
                key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return False
        if watched is not QApplication.focusWidget() or isinstance(watched.window(), QDialog):
            return False  # a dialog has its own default button
        if watched.isEnabled() and watched.isVisible():
            watched.animateClick()
            return True
        return False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def centre_on_screen(window: QWidget) -> None:
    """Put ``window`` (its frame included) in the middle of its screen's available area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(max(frame.x(), area.x()), max(frame.y(), area.y()))


# ------------------------------------------------------------------ fit the screen
class FittingScrollArea(QScrollArea):
    """A frameless scroll area that asks for its content's full size (a plain one asks for at
    most about 36 by 24 lines): a window around it opens as large as before, and only scrolls
    when the screen is smaller than that (a small screen at 200 %)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls are the Tab stops
        self.setWidget(content)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


def _into_view(_old: QWidget | None, new: QWidget | None) -> None:
    """Scroll every scroll area around ``new`` (the inner one first) so that it is in view."""
    widget = new.parentWidget() if new is not None else None
    while new is not None and widget is not None:
        if isinstance(widget, QScrollArea):
            content = widget.widget()
            if content is not None and content.isAncestorOf(new):
                widget.ensureWidgetVisible(new)
        widget = widget.parentWidget()


_following: list[bool] = []


def follow_focus_into_view(app: QApplication) -> None:
    """Qt scrolls a control into view when Tab moves within a scroll area, not when the focus
    comes in from outside it (Tab from a dialog's buttons back to its first field, from the
    navigation into a page, a shortcut): follow the focus wherever it comes from (once per
    process)."""
    if not _following:
        app.focusChanged.connect(_into_view)
        _following.append(True)


def fit_to_screen(window: QWidget) -> None:
    """Keep ``window`` (its frame included) inside its screen's available area: never larger,
    never partly off-screen. Call it when the window is shown."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    # the window manager's frame (title bar, borders); before the first show it is not known yet
    extra_w = max(frame.width() - inner.width(), 0) or 16
    extra_h = max(frame.height() - inner.height(), 0) or 40
    max_w, max_h = max(area.width() - extra_w, 100), max(area.height() - extra_h, 100)
    window.setMinimumSize(min(window.minimumWidth(), max_w), min(window.minimumHeight(), max_h))
    if window.width() > max_w or window.height() > max_h:
        window.resize(min(window.width(), max_w), min(window.height(), max_h))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))


# ------------------------------------------------------------------------- headings
def _plain(text: str) -> str:
    """``text`` without its mnemonic marks ("&Follow-ups" is read "Follow-ups", "&&" is "&")."""
    return re.sub(r"&(&?)", r"\1", text)


class Heading(QLabel):
    """A page's or section's title: a screen reader lists it among the headings (a plain label
    is just text). Its text is its accessible name; the role comes from
    :func:`install_accessible_factory`."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(_plain(text))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setAccessibleName(_plain(text))


def steady_scroll_bars(area: _Area) -> _Area:
    """A multi-line field whose scroll bar is always there (and never a horizontal one; its text
    wraps): Qt's accessible interface of a scroll area counts only the scroll bars on screen,
    and answers a screen reader asking for a child by a count read a moment before (a scroll
    bar gone since) by reading past the end of a list — a crash. A steady count cannot shrink."""
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


# --------------------------------------------------------- the accessible interfaces
def _accessible_for(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for each class of ``obj``, the most derived first; ``None`` leaves it to Qt.

    * A :class:`Heading` gets the heading role (Qt has no other way to give a widget a role).
    * A :class:`Notice` gets the notification role.
    * A scroll area (``QScrollArea`` and ours built on it: the window's and the dialogs' fitting
      area, Overzicht, the Gezin tab, the report preview) gets Qt's plain widget interface.
      Qt's own one for scroll areas lists its scroll bars only while they are on screen and
      does not check the index a screen reader asks for (``accessibleChildren().at(index)``):
      at 200 % on a small screen the bars come and go as pages change, and an AT-SPI client
      asking for a child by the count it read a moment before made the app read past the end
      of a list and crash. The plain interface lists the viewport and both scroll bars always
      and checks the index.

    The interface objects are plain ``QAccessibleWidget`` (no Python overrides, so Qt never calls
    back into Python for them); Qt's cache deletes each with its widget.
    """
    if key == "Heading" and isinstance(obj, Heading):
        return QAccessibleWidget(obj, QAccessible.Role.Heading)
    if key == "Notice" and isinstance(obj, Notice):
        return QAccessibleWidget(obj, QAccessible.Role.Notification)
    if key == "QScrollArea" and isinstance(obj, QWidget):
        return QAccessibleWidget(obj, QAccessible.Role.Client)
    return None


_factory_installed: list[bool] = []


def install_accessible_factory() -> None:
    """Install :func:`_accessible_for` (once per process)."""
    if not _factory_installed:
        QAccessible.installFactory(_accessible_for)
        _factory_installed.append(True)
