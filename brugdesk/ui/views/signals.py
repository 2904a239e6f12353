"""Signalen: the worries teachers and intern begeleiders pass on before there is a family file.

A list (open signals first: nieuw and opgepakt; a filter shows the others or all) with the
selected signal's status history under it, and what the officer does with a signal: record a new
one, edit it, change its status with a date (opgepakt; geen actie nodig with a reason), turn it
into a family (the intake, with the signal's school, group and source carried over; the signal
becomes "gezin aangemaakt" in the same step), open the family it became, or delete one entered by
mistake. The page pages through the vault like the other lists and refreshes on every change of a
signal, a school or a list label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import SignalStatus
from brugdesk.errors import NotFound
from brugdesk.store.changes import Change, What
from brugdesk.store.repo.rows import SignalRow
from brugdesk.ui.a11y import StatusLabel, ValueLabel
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.labels import fmt_date, signal_status_label
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.models.signals import SignalTableModel
from brugdesk.ui.views.tables import CaseTable
from brugdesk.ui.widgets import big_font

#: the status filter's choices: (key, statuses shown; None: all)
OPEN = (SignalStatus.NEW, SignalStatus.TAKEN_UP)
_FILTERS: dict[str, tuple[SignalStatus, ...] | None] = {
    "open": OPEN,
    "all": None,
    **{str(s): (s,) for s in SignalStatus},
}
RELOAD_ON = frozenset({What.SIGNAL, What.SCHOOL, What.LIST, What.FAMILY, What.ERASURE})


class SignalsPage(QWidget):
    family_requested = Signal(int)  # "Open family": the main window shows it

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: Any = None
        self.model = SignalTableModel(self)

        bar = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show signals"))
        self.status_filter.addItem(self.tr("Open (new or taken up)"), "open")
        self.status_filter.addItem(self.tr("All signals"), "all")
        for status in SignalStatus:
            self.status_filter.addItem(signal_status_label(status), str(status))
        self.school_filter = QComboBox()
        self.school_filter.setAccessibleName(self.tr("Filter on school"))
        for text, combo in ((self.tr("&Show:"), self.status_filter), (self.tr("Sc&hool:"), self.school_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            bar.addWidget(label)
            bar.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.new_button = QPushButton(self.tr("&New signal…"))
        self.new_button.setToolTip(self.tr("Record a new signal (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_signal)
        bar.addWidget(self.new_button)

        self.empty_label = StatusLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setFont(big_font(self.empty_label, 1.15, bold=False))
        self.empty_label.hide()

        self.table = CaseTable(self.model, self.tr("Signals"), stretch=SignalTableModel.SEEN)
        self.table.fit_columns({SignalTableModel.DATE: 100, SignalTableModel.SOURCE: 170, SignalTableModel.SCHOOL: 150,
                                SignalTableModel.GROUP: 80, SignalTableModel.STATUS: 210,
                                SignalTableModel.FAMILY: 110})
        self.table.on_activate(self.edit_signal)
        self.table.on_delete(self.delete_signal)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

        # the selected signal: its history and what can be done with it
        self.history = ValueLabel(self.tr("Status history"))
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        history_caption = QLabel(self.tr("Status history:"))
        history_caption.setBuddy(self.history)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_signal)
        self.status_button = QPushButton(self.tr("Change s&tatus…"))
        self.status_button.setToolTip(self.tr("Taken up, or closed: no action needed (with a reason)"))
        self.status_button.clicked.connect(lambda: self.change_status())
        self.family_button = QPushButton(self.tr("Make a &family…"))
        self.family_button.setToolTip(self.tr("The intake, with this signal's school, group and source filled in"))
        self.family_button.clicked.connect(self.make_family)
        self.close_button = QPushButton(self.tr("&Close: no action needed…"))
        self.close_button.clicked.connect(lambda: self.change_status(SignalStatus.NO_ACTION))
        self.open_button = QPushButton(self.tr("&Open family"))
        self.open_button.clicked.connect(self.open_family)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete a signal entered by mistake (Delete)"))
        self.delete_button.clicked.connect(self.delete_signal)
        self.count_label = StatusLabel()
        self.message = StatusLabel()
        self.message.setWordWrap(True)

        actions = QGridLayout()  # two rows of three: the page fits a 1024-pixel laptop screen
        for i, button in enumerate((self.family_button, self.status_button, self.close_button,
                                    self.open_button, self.edit_button, self.delete_button)):
            actions.addWidget(button, i // 3, i % 3)
        actions.setColumnStretch(3, 1)
        history_row = QHBoxLayout()
        history_row.addWidget(history_caption)
        history_row.addWidget(self.history, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Signals"))
        title.setFont(big_font(self, 1.6))
        lay.addWidget(title)
        lay.addLayout(bar)
        lay.addWidget(self.empty_label)
        lay.addWidget(self.table, 1)
        lay.addLayout(history_row)
        lay.addLayout(actions)
        lay.addWidget(self.message)
        lay.addWidget(self.count_label)

        shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_signal)
        session.changed.connect(self._changed)
        session.locked.connect(self._locked)
        self.reload()

    # ------------------------------------------------------------ data
    def statuses(self) -> tuple[SignalStatus, ...] | None:
        return _FILTERS[str(self.status_filter.currentData() or "open")]

    def reload(self) -> None:
        """Query the list again (keeps the filters and the selected signal)."""
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        chosen = self.school_filter.currentData()
        self.school_filter.blockSignals(True)
        self.school_filter.clear()
        self.school_filter.addItem(self.tr("All schools"), None)
        for school in repo.schools.list():
            self.school_filter.addItem(school.name, school.id)
        self.school_filter.setCurrentIndex(max(0, self.school_filter.findData(chosen)) if chosen is not None else 0)
        self.school_filter.blockSignals(False)
        self.model.set_labels(ListLabels.read(repo))
        self._requery(keep=True)

    def _query(self) -> dict[str, Any]:
        school = self.school_filter.currentData()
        return {"statuses": self.statuses(), "school_id": None if school is None else int(school)}

    def _requery(self, keep: bool = False) -> None:
        current = self.current_signal_id() if keep else 0
        signals = self.session.repo.signals
        query = self._query()
        total = signals.count(**query)
        self.model.load_pages(lambda offset, limit: signals.rows(**query, limit=limit, offset=offset), total,
                              keep=self.model.rowCount() if keep else 0)
        # a current row from the start, as on the other lists: the buttons that act on it are Tab
        # stops before the table takes the focus (Qt makes its first row current then), so the
        # Tab order does not grow under a keyboard user's hands
        if not (current and self.select_signal(current)):
            self.table.select_first()
        self._update_count()
        self._selection_changed()

    def _filters_changed(self) -> None:
        if self.session.is_unlocked:
            self._requery()

    def _update_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(self.tr("{n} signal", "{n} signals", total).format(n=total))
        if total:
            self.empty_label.hide()
            self.empty_label.clear()
            return
        if not self.session.repo.signals.count():
            text = self.tr("No signals yet. Record the first with “New signal…” (Ctrl+Shift+N).")
        elif self.status_filter.currentData() == "open":
            text = self.tr("No open signals: every signal is a family now or closed. Choose “All signals” "
                           "to see them.")
        else:
            text = self.tr("No signal matches these filters.")
        self.empty_label.setText(text)
        self.empty_label.show()

    def _changed(self, change: Change) -> None:
        if self.session.is_unlocked and change.touches(RELOAD_ON):
            self.reload()

    def _locked(self) -> None:
        self.model.clear_for_lock()
        self.history.clear()
        self.message.clear()
        self.count_label.clear()

    # ------------------------------------------------------------ selection
    def current_row(self) -> SignalRow | None:
        row: SignalRow | None = self.table.current_row_object()
        return row

    def current_signal_id(self) -> int:
        row = self.current_row()
        return row.id if row is not None else 0

    def select_signal(self, signal_id: int) -> bool:
        row = self.model.find_row(signal_id)
        while row < 0 and self.model.canFetchMore(self.table.rootIndex()):
            self.model.fetchMore(self.table.rootIndex())
            row = self.model.find_row(signal_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _selection_changed(self) -> None:
        row = self.current_row()
        has = row is not None
        closed = has and row is not None and row.status.is_closed
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.status_button.setEnabled(has and row is not None and row.status != SignalStatus.FAMILY_CREATED)
        self.family_button.setEnabled(has and not closed)
        self.close_button.setEnabled(has and not closed)
        self.open_button.setEnabled(has and row is not None and row.family_id is not None)
        if row is None:
            self.history.clear()
            return
        try:
            signal = self.session.repo.signals.get(row.id)
        except NotFound:
            self.history.clear()
            return
        steps = [self.tr("{status} on {date}").format(status=signal_status_label(c.status), date=fmt_date(c.date))
                 for c in signal.history]
        text = "; ".join(steps)
        if signal.closing_reason and signal.status == SignalStatus.NO_ACTION:
            reason = self.session.repo.lists.label(ListName.SIGNAL_CLOSURE, signal.closing_reason)
            text += " — " + self.tr("reason: {reason}").format(reason=reason)
        if row.family_ref:
            text += " — " + self.tr("family {ref}").format(ref=row.family_ref)
        self.history.setText(text)

    # ------------------------------------------------------------ actions
    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_signal(self) -> Any:
        if not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.signal import SignalDialog

        dialog = SignalDialog(self.session, self)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def edit_signal(self) -> Any:
        signal_id = self.current_signal_id()
        if not signal_id or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.signal import SignalDialog

        return self._open(SignalDialog(self.session, self, signal_id=signal_id))

    def change_status(self, status: SignalStatus | None = None) -> Any:
        signal_id = self.current_signal_id()
        if not signal_id or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.signal import SignalStatusDialog

        return self._open(SignalStatusDialog(self.session, self, signal_id=signal_id, status=status))

    def make_family(self) -> Any:
        signal_id = self.current_signal_id()
        if not signal_id or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.intake import IntakeDialog

        dialog = IntakeDialog(self.session, self, signal_id=signal_id)
        dialog.saved.connect(lambda family_id, s=signal_id: self._family_made(s, family_id))
        return self._open(dialog)

    def _saved(self, signal_id: int) -> None:
        if signal_id:
            if self.statuses() is not None and self.model.find_row(signal_id) < 0:
                self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
            self.select_signal(signal_id)
            self.table.setFocus()

    def _family_made(self, signal_id: int, family_id: int) -> None:
        if not family_id or not self.session.is_unlocked:
            return
        ref = self.session.repo.families.get(family_id).ref
        self.message.setText(self.tr("Family {ref} was made from the signal.").format(ref=ref))
        if not self.select_signal(signal_id):
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
            self.select_signal(signal_id)
        self.table.setFocus()

    def open_family(self) -> None:
        row = self.current_row()
        if row is not None and row.family_id is not None:
            self.family_requested.emit(row.family_id)

    def delete_signal(self) -> None:
        row = self.current_row()
        if row is None or not self.session.is_unlocked:
            return
        if confirm(self, self.tr("Delete signal"),
                   self.tr("Delete the signal of {date} and its status history?").format(date=fmt_date(row.date)),
                   delete_label()):
            self.session.repo.signals.delete(row.id)

    # ------------------------------------------------------------ lock protocol
    def stash(self) -> dict[str, Any]:
        return {"filters": [self.status_filter.currentData(), self.school_filter.currentData()],
                "signal_id": self.current_signal_id()}

    def restore(self, state: dict[str, Any]) -> None:
        status, school = (state.get("filters") or [None, None])[:2]
        i = self.status_filter.findData(status)
        if i >= 0:
            self.status_filter.setCurrentIndex(i)
        i = self.school_filter.findData(school)
        if i >= 0:
            self.school_filter.setCurrentIndex(i)
        if state.get("signal_id"):
            self.select_signal(int(state["signal_id"]))
