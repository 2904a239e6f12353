"""Small shared widgets and helpers for the desk: field messages, passphrase strength, the
term-start editor (wizard and Instellingen), Dutch date format."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QFont, QIcon, QValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.periods import DEFAULT_TERM_STARTS
from brugdesk.core.validation import MIN_PASSPHRASE_LENGTH, MIN_PASSPHRASE_SCORE, passphrase_score
from brugdesk.resources import resource_dir
from brugdesk.ui import theme
from brugdesk.ui.a11y import announce
from brugdesk.ui.labels import DATE_FORMAT, parse_typed_date, to_qdate


class DateEdit(QDateEdit):
    """A date field that is one Tab stop: Tab and Shift+Tab go on to the next control (Qt's
    own moves between day, month and year first, two silent stops for a screen reader); the
    arrow keys move between and change the parts.

    In the dd-mm-jjjj format it also takes a date typed the short way: select the field (or type
    over it) and type "12-3", "12-3-2027", "vandaag" or "morgen"; leaving the field shows it in full
    again. Text that is no date is put back to the date the field had."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        return QWidget.focusNextPrevChild(self, next)

    def _typed(self, text: str) -> dt.date | None:
        return parse_typed_date(text, dt.date.today()) if self.displayFormat() == DATE_FORMAT else None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.displayFormat() != DATE_FORMAT:
            return super().validate(text, pos)
        if self._typed(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if len(text) <= 12 and all(c.isalnum() or c in "-/. " for c in text):
            return QValidator.State.Intermediate, text, pos  # on its way to a date
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt override
        day = self._typed(text)
        if day is None:
            return super().dateTimeFromText(text)
        return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.setDate(self.date())  # shown in full again (and a half-typed text put back)


def date_edit(day: dt.date | None = None, *, accessible_name: str = "") -> QDateEdit:
    edit = DateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1990, 1, 1))
    edit.setDate(to_qdate(day or dt.date.today()))
    if accessible_name:
        edit.setAccessibleName(accessible_name)
    return edit


class FieldMessage(QLabel):
    """A field's validation message, shown under the field (hidden when empty). A screen reader
    hears it as it appears (an assertive announcement), and, once :meth:`describe` named the
    field, reads it as the field's description when it comes back to the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("fieldMessage")
        theme.style(self, "color: $error;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self._field: QWidget | None = None
        self._field_description = ""

    def describe(self, field: QWidget) -> None:
        """The message is ``field``'s: shown, it is the field's accessible description."""
        self._field = field
        self._field_description = field.accessibleDescription()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self._field is not None:
            self._field.setAccessibleDescription(text or self._field_description)
        if text:
            announce(self, text, assertive=True, described=self._field)

    def clear_message(self) -> None:
        self.show_message("")


def form_row(form: QFormLayout, label: QLabel, field: QWidget, message: FieldMessage) -> None:
    """``label: field`` in ``form``, with the field's message under the field."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(field)
    box.addWidget(message)
    label.setBuddy(field)
    message.describe(field)
    form.addRow(label, box)


def big_font(widget: QWidget, factor: float = 1.6, bold: bool = True) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


# ------------------------------------------------------------- passphrase strength
class StrengthMeter(QWidget):
    """A bar plus a sentence that says how strong the passphrase is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(QCoreApplication.translate("StrengthMeter", "Passphrase strength"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.update_for("")

    def update_for(self, text: str) -> int:
        """Show the strength of ``text`` (the estimate the vault itself applies,
        :func:`brugdesk.core.validation.passphrase_score`); returns the score 0..4."""
        score = passphrase_score(text)
        if not text:
            message = QCoreApplication.translate(
                "StrengthMeter", "Use at least 10 characters; a short sentence works well.")
        elif len(text) < MIN_PASSPHRASE_LENGTH:
            message = QCoreApplication.translate("StrengthMeter", "Too short: at least 10 characters.")
        elif score < MIN_PASSPHRASE_SCORE:
            message = QCoreApplication.translate(
                "StrengthMeter", "Too easy to guess: add a few words that do not belong together.")
        elif score == MIN_PASSPHRASE_SCORE:
            message = QCoreApplication.translate("StrengthMeter", "Strong.")
        else:
            message = QCoreApplication.translate("StrengthMeter", "Very strong.")
        self.label.setText(message)
        self.bar.setValue(score)
        theme.style(self.bar, f"QProgressBar::chunk {{ background: $strength{score}; }}")
        return score


# ------------------------------------------------------------------ term starts
class TermStartsEditor(QWidget):
    """Edit the (month, day) starts of the terms of a school year (2–6 terms)."""

    changed = Signal()

    def __init__(self, starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QLabel, QDateEdit]] = []
        self._rows_layout = QVBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("TermStartsEditor", "&Add a term"), self)
        self.remove_button = QPushButton(
            QCoreApplication.translate("TermStartsEditor", "Remove the &last term"), self)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self._remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addLayout(buttons)
        self.set_starts(starts)

    def _add_row(self, month: int, day: int) -> None:
        n = len(self._rows) + 1
        label = QLabel(
            QCoreApplication.translate("TermStartsEditor", "Term {term} starts on").format(term=str(n)), self)
        edit = DateEdit(self)
        edit.setDisplayFormat("d MMMM")
        # a leap year so 29 February can be chosen; only month and day are used
        edit.setDate(QDate(2024 if month < 8 else 2023, month, day))
        edit.setAccessibleName(
            QCoreApplication.translate("TermStartsEditor", "Start of term {term}").format(term=str(n)))
        label.setBuddy(edit)
        edit.dateChanged.connect(self.changed)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(edit)
        row.addStretch(1)
        self._rows_layout.addLayout(row)
        self._rows.append((label, edit))

    def set_starts(self, starts: tuple[tuple[int, int], ...]) -> None:
        while self._rows:
            self._drop_last()
        for month, day in starts:
            self._add_row(month, day)
        self._update_buttons()

    def _drop_last(self) -> None:
        label, edit = self._rows.pop()
        item = self._rows_layout.takeAt(self._rows_layout.count() - 1)
        label.deleteLater()
        edit.deleteLater()
        row = item.layout() if item is not None else None
        if row is not None:
            row.deleteLater()

    def starts(self) -> tuple[tuple[int, int], ...]:
        return tuple((edit.date().month(), edit.date().day()) for _label, edit in self._rows)

    def _add_clicked(self) -> None:
        month, day = self.starts()[-1] if self._rows else (8, 1)
        month = 7 if month == 7 else (month % 12) + 1
        self._add_row(month, 1)
        self._update_buttons()
        self.changed.emit()

    def _remove_clicked(self) -> None:
        if len(self._rows) > 2:
            self._drop_last()
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(len(self._rows) < 6)
        self.remove_button.setEnabled(len(self._rows) > 2)


def app_icon() -> QIcon:
    """The brugdesk icon from ``resources/icons`` (all PNG sizes plus the SVG)."""
    icon = QIcon()
    folder = resource_dir() / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = folder / f"brugdesk-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull() and (folder / "brugdesk.svg").exists():
        icon.addFile(str(folder / "brugdesk.svg"))
    return icon
