"""Building blocks of the case-work dialogs (dates and labels: :mod:`brugdesk.ui.labels`).

* :class:`FieldErrors` shows a validation message right under the field it belongs to
  (``ValidationError.errors`` maps field name -> translated message) and never touches
  what was typed.
* :class:`CheckList`: a keyboard-friendly checkable list for list codes (themes, schools,
  with whom).
* :func:`confirm`: a confirmation through the injected prompter (:mod:`brugdesk.ui.prompter`).
* :class:`FormDialog`: the base of the case-work dialogs (:class:`~brugdesk.ui.dialogs.base.BaseDialog`
  with a form, per-field errors, Save/Cancel, Ctrl+Enter saves); :class:`BoundFormDialog` adds
  fields bound to names, so the stash over a lock needs no code per dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.validation import ValidationError
from brugdesk.errors import VaultError
from brugdesk.ui import theme
from brugdesk.ui.a11y import FittingScrollArea
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit


# ------------------------------------------------------------------ field errors
class FieldErrors:
    """Error labels placed under fields; ``show(errors)`` fills them, ``clear()`` empties them.

    ``add(name, field)`` registers a field; the label is returned for the caller to put into
    its layout (``form_row`` does that for a ``QFormLayout``).
    """

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.aliases: dict[str, str] = {}
        self.fallback: QLabel | None = None

    def add(self, name: str, field: QWidget, *aliases: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setWordWrap(True)
        theme.text_colour(label, "form_error")
        label.setVisible(False)
        self.labels[name] = label
        self.fields[name] = field
        for alias in aliases:
            self.aliases[alias] = name
        return label

    def form_row(self, form: QFormLayout, text: str, name: str, field: QWidget, *aliases: str) -> QLabel:
        """Add ``text: field`` to a form with the field's error label under the field."""
        if field.minimumHeight() and field.minimumHeight() == field.maximumHeight():
            policy = field.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
            field.setSizePolicy(policy)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(field)
        lay.addWidget(self.add(name, field, *aliases))
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, box)
        if not field.accessibleName():
            field.setAccessibleName(text.replace("&", ""))
        return label

    def adopt(self, prefix: str, other: FieldErrors) -> None:
        """Take over ``other``'s fields and labels under ``prefix`` (``parents.0.`` + ``email``): a
        sub-form's fields then get the messages keyed that way (the intake's members)."""
        for name, label in other.labels.items():
            self.labels[prefix + name] = label
            self.fields[prefix + name] = other.fields[name]
        for alias, name in other.aliases.items():
            self.aliases[prefix + alias] = prefix + name

    def drop(self, prefix: str) -> None:
        """Forget every field adopted under ``prefix`` (a sub-form removed or renumbered)."""
        for table in (self.labels, self.fields):
            for name in [n for n in table if n.startswith(prefix)]:
                del table[name]
        for alias in [a for a in self.aliases if a.startswith(prefix)]:
            del self.aliases[alias]

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.setVisible(False)
        if self.fallback is not None:
            self.fallback.clear()
            self.fallback.setVisible(False)

    def show(self, errors: dict[str, str]) -> None:
        """Show each message next to its field and put the focus on the first one."""
        self.clear()
        first: QWidget | None = None
        for key, message in errors.items():
            name = self.aliases.get(key, key)
            label = self.labels.get(name)
            if label is None:
                label = self.fallback
            if label is None:
                continue
            label.setText((label.text() + "\n" if label.text() else "") + message)
            label.setVisible(True)
            field = self.fields.get(name)
            if field is not None:
                field.setAccessibleDescription(message)
                if first is None:
                    first = field
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and label.isVisible() else ""


# ------------------------------------------------------------------ check list
class CheckList(QListWidget):
    """Checkable items (code, label); space toggles the current item."""

    changed = Signal()

    def __init__(self, items: Iterable[tuple[Any, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.set_items(items)

    def set_items(self, items: Iterable[tuple[Any, str]], checked: Iterable[Any] = ()) -> None:
        chosen = set(checked)
        self.blockSignals(True)
        self.clear()
        for code, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def checked(self) -> list[Any]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: Iterable[Any]) -> None:
        chosen = set(codes)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def ensure(self, code: Any, label: str) -> None:
        """Add an item that is no longer an active choice but is in the data."""
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == code:
                return
        self.set_items([*[(self.item(i).data(Qt.ItemDataRole.UserRole), self.item(i).text())
                          for i in range(self.count())], (code, label)], self.checked())


# ------------------------------------------------------------------ confirmations
def confirm(parent: QWidget, title: str, text: str, action: str = "", cancel: str = "") -> bool:
    """Ask a question through the injected prompter (tests script the answer).

    ``action`` names the button that does it ("&Delete"); the other one (``cancel``, by default
    "Cancel") is the default, so Enter and Escape both leave everything as it was.
    """
    from brugdesk.ui import prompter

    return prompter.current().ask_yes_no(parent, title, text, action=action,
                                         cancel=cancel or QCoreApplication.translate("Confirm", "Cancel"))


def delete_label() -> str:
    """The button that deletes, in a confirmation."""
    return QCoreApplication.translate("Confirm", "&Delete")


def inform(parent: QWidget, title: str, text: str) -> None:
    from brugdesk.ui import prompter

    prompter.current().inform(parent, title, text)


# ------------------------------------------------------------------ form dialog
class FormDialog(BaseDialog):
    """A dialog with a form, per-field error labels, Save/Cancel and Ctrl+Enter to save.

    Subclasses build their fields into :attr:`form` (use ``self.errors.form_row``) and
    implement :meth:`save_changes`, which calls the service layer and may raise
    :class:`ValidationError`; the messages then appear next to the fields and what was typed
    stays. On success the dialog closes (the service layer tells the pages what changed).
    """

    saved = Signal(int)
    ask_before_discard = True

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = FieldErrors()
        outer = QVBoxLayout(self)
        # the fields scroll when the screen is too small for them (200 % on a small laptop);
        # the buttons below stay in view
        body = QWidget(self)
        self.form_row = QHBoxLayout(body)
        self.form_row.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(FittingScrollArea(body, self), 1)
        self.form = QFormLayout()
        self.add_column()
        self.general_error = QLabel()
        self.general_error.setObjectName("error_general")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        theme.text_colour(self.general_error, "form_error")
        self.errors.fallback = self.general_error
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(QCoreApplication.translate("FormDialog", "&Save"))
        save.setToolTip(QCoreApplication.translate("FormDialog", "Save (Ctrl+Enter)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("FormDialog", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def add_column(self) -> QFormLayout:
        """Start a new column of fields to the right (for dialogs with many fields)."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if self.form_row.count():
            self.form_row.addSpacing(18)
        self.form_row.addLayout(form, 1)
        self.form = form
        return form

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save_changes(self) -> int:
        """Store the input through the service layer; return the saved object's id."""
        raise NotImplementedError

    def save(self) -> bool:
        if not self.session.is_unlocked:
            return False
        self.errors.clear()
        try:
            saved_id = self.save_changes()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except VaultError as exc:
            self.errors.show({"general": str(exc)})
            return False
        self.saved.emit(saved_id)
        self.accept()
        return True


# ------------------------------------------------------------------ optional date
class OptionalDate(QWidget):
    """A check box ("recorded") with a Dutch date edit; ``value()`` is ``None`` when unchecked."""

    changed = Signal()

    def __init__(self, text: str, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.edit = date_edit()
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.setFocusProxy(self.check)
        self.set_value(day)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.check.setAccessibleName(name)
        self.edit.setAccessibleName(name)


# ------------------------------------------------------------------ generic values (stash/restore)
def widget_value(w: QWidget) -> Any:
    if isinstance(w, OptionalDate):
        return w.value()
    if isinstance(w, CheckList):
        return w.checked()
    if isinstance(w, QDateEdit):
        return from_qdate(w.date())
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return (w.currentData(), w.currentText())
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    return None


def set_widget_value(w: QWidget, value: Any) -> None:
    if isinstance(w, OptionalDate):
        w.set_value(value)
    elif isinstance(w, CheckList):
        w.set_checked(value or [])
    elif isinstance(w, QDateEdit):
        if value is not None:
            w.setDate(to_qdate(value))
    elif isinstance(w, QLineEdit):
        w.setText(str(value or ""))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(str(value or ""))
    elif isinstance(w, QComboBox):
        data, text = value
        i = w.findData(data) if data is not None else -1
        if i < 0:
            i = w.findText(text)
        if i >= 0:
            w.setCurrentIndex(i)
        elif w.isEditable():
            w.setEditText(text)
    elif isinstance(w, QSpinBox):
        w.setValue(int(value))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))


class BoundFormDialog(FormDialog):
    """A :class:`FormDialog` whose target is chosen by ids (``bind(**ids)``).

    Fields registered with :meth:`field` are stashed and restored generically, so the dialog
    survives a lock: MainWindow re-creates it as ``Cls(session, parent)``, and
    :meth:`restore` binds the same ids again and puts the typed values back.
    """

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ids: dict[str, Any] = {}
        self.fields: dict[str, QWidget] = {}

    def field(self, text: str, name: str, widget: QWidget, *aliases: str) -> QWidget:
        self.errors.form_row(self.form, text, name, widget, *aliases)
        self.fields[name] = widget
        return widget

    def bind(self, **ids: Any) -> None:
        """Fill the fields for these ids (a new object when they are empty)."""
        self.ids = dict(ids)

    def stash(self) -> dict[str, Any]:
        if not self.isVisible():
            return {}
        return {"ids": dict(self.ids), "values": {n: widget_value(w) for n, w in self.fields.items()}}

    def restore(self, state: dict[str, Any]) -> None:
        if not state:
            return
        self.bind(**state.get("ids", {}))
        for name, value in state.get("values", {}).items():
            w = self.fields.get(name)
            if w is not None:
                set_widget_value(w, value)
