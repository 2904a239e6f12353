"""Gezinnen: the family list (search-as-you-type, filters) and the family detail.

The list is a :class:`~brugdesk.ui.models.families.FamilyTableModel` that pages through the
vault (200 families at a time, more as the officer scrolls). Search and filters are queries:
a keystroke restarts a short timer (``SEARCH_DELAY_MS``) and the list resets to the first page
of the new search when it fires, or at once on Enter. Closed families are hidden until the officer
ticks *Show closed families* (or filters on the status "Afgesloten"); a search that finds only
closed ones says so. A list that shows nothing says why, above the table. The page is a stack:
the list, and the detail of one family (Enter or double-click opens it, Alt+Left goes back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import FamilyStatus
from brugdesk.errors import NotFound
from brugdesk.store.changes import CASEWORK, Change, What
from brugdesk.store.repo.rows import FamilyRow
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.labels import family_status_label
from brugdesk.ui.models.families import FamilyQuery, FamilyTableModel
from brugdesk.ui.views.family_detail import FamilyDetail
from brugdesk.ui.views.tables import CaseTable
from brugdesk.ui.widgets import big_font

#: changes after which the whole list (and its filters) is queried again
RELOAD_ON = frozenset({What.SCHOOL, What.LIST, What.SETTINGS, What.ERASURE})
# search-as-you-type waits this long after a keystroke before it queries (Enter: at once)
SEARCH_DELAY_MS = 150


class FamiliesPage(QWidget):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: Any = None
        self.model = FamilyTableModel(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        # ---- the list
        self.list_page = QWidget()
        lay = QVBoxLayout(self.list_page)
        bar = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, child's name or reference (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search families"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 2)
        filters = QHBoxLayout()  # a second row: the page fits a 1024-pixel laptop screen

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter on status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in FamilyStatus:
            self.status_filter.addItem(family_status_label(status), str(status))
        self.school_filter = QComboBox()
        self.school_filter.setAccessibleName(self.tr("Filter on school"))
        self.theme_filter = QComboBox()
        self.theme_filter.setAccessibleName(self.tr("Filter on theme"))
        for text, combo in ((self.tr("S&tatus:"), self.status_filter), (self.tr("Sc&hool:"), self.school_filter),
                            (self.tr("Th&eme:"), self.theme_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            # a combo does not ask for its longest item (a school's full name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.show_closed = QCheckBox(self.tr("Show c&losed families"))
        self.show_closed.setToolTip(self.tr("Closed families are hidden from the list unless this is ticked."))
        self.show_closed.toggled.connect(self._filters_changed)
        filters.addWidget(self.show_closed)
        self.new_button = QPushButton(self.tr("&New family…"))
        self.new_button.setToolTip(self.tr("New family (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_family)
        bar.addWidget(self.new_button)
        lay.addLayout(bar)
        lay.addLayout(filters)
        import_bar = QHBoxLayout()
        import_bar.addStretch(1)
        self.undo_import_button = QPushButton()
        self.undo_import_button.clicked.connect(self.undo_import)
        self.undo_import_button.hide()
        self.import_button = QPushButton(self.tr("&Import from spreadsheet…"))
        self.import_button.clicked.connect(self.import_sheet)
        import_bar.addWidget(self.undo_import_button)
        import_bar.addWidget(self.import_button)
        lay.addLayout(import_bar)

        # what an empty list means (no families yet, nothing matches, only closed ones match)
        self.empty_label = StatusLabel()
        self.empty_label.setObjectName("familiesEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setFont(big_font(self.empty_label, 1.15, bold=False))
        self.empty_label.hide()
        lay.addWidget(self.empty_label)

        self.table = CaseTable(self.model, self.tr("Families"), sortable=False, stretch=FamilyTableModel.SCHOOLS)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # newest first until a header is clicked
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.on_activate(self.open_current)
        self.table.fit_columns({FamilyTableModel.REF: 110, FamilyTableModel.NAME: 200, FamilyTableModel.CHILD: 150,
                                FamilyTableModel.STATUS: 100, FamilyTableModel.LAST_CONTACT: 110,
                                FamilyTableModel.NEXT_FOLLOWUP: 150, FamilyTableModel.OPEN_REFERRALS: 130})
        header.setMinimumSectionSize(60)
        self.table.resizeColumnToContents(FamilyTableModel.OPEN_REFERRALS)  # the header's width
        self.table.setColumnHidden(FamilyTableModel.CHILD, True)  # shown while a search is on
        lay.addWidget(self.table, 1)
        self.count_label = StatusLabel()  # a search's count is announced
        lay.addWidget(self.count_label)
        self.stack.addWidget(self.list_page)

        # ---- the detail
        self.detail = FamilyDetail(session, self)
        self.detail.back.connect(self.show_list)
        self.stack.addWidget(self.detail)

        for keys, slot in (("Ctrl+Shift+N", self.new_family),):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        down = QShortcut(QKeySequence("Down"), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_table)

        session.changed.connect(self._changed)
        session.locked.connect(self._locked)
        self.reload()

    # ------------------------------------------------------------ data
    def reload(self) -> None:
        """Query the list again (keeps search, filters, the selected family and the scroll position)."""
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        self._fill_combo(self.school_filter, self.tr("All schools"),
                         [(s.id, s.name) for s in repo.schools.list()])
        self._fill_combo(self.theme_filter, self.tr("All themes"),
                         [(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.model.set_repo(repo)
        self._requery(keep_place=True)
        self._update_undo_import()

    def query(self) -> FamilyQuery:
        """The filters and search text as they are in the widgets now."""
        status = self.status_filter.currentData()
        school = self.school_filter.currentData()
        theme = self.theme_filter.currentData()
        return FamilyQuery(status=FamilyStatus(status) if status else None,
                           school_id=None if school is None else int(school),
                           theme=None if theme is None else str(theme), search=self.search.text(),
                           include_closed=self.show_closed.isChecked())

    def _requery(self, keep_place: bool = False) -> None:
        """Reset the list to the first page of the current query (``keep_place``: as many rows as
        were fetched, the same family selected and the same scroll position: a refresh)."""
        self.search_timer.stop()
        current = self.current_family_id() if keep_place else 0
        scroll = self.table.verticalScrollBar().value()
        self.model.set_query(self.query(), keep=self.model.fetched() if keep_place else 0)
        if current and self.select_family(current, scroll=False):
            self.table.verticalScrollBar().setValue(scroll)
        self.table.setColumnHidden(FamilyTableModel.CHILD, not self.model.query().search.strip())
        self._update_count()

    def apply_search(self) -> None:
        """Query the list for the search text now (the timer calls this; Enter too)."""
        if not self.session.is_unlocked:
            return
        if self.model.query() != self.query():
            self._requery()

    def _fill_combo(self, combo: QComboBox, all_text: str, items: list[tuple[Any, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    def _filters_changed(self) -> None:
        if not self.session.is_unlocked:
            return
        self._requery()

    def _update_count(self) -> None:
        if not self.session.is_unlocked:
            self.count_label.clear()
            self.empty_label.hide()
            return
        matches = self.model.total()
        closed = self.model.closed_hidden()
        if self.model.is_filtered():
            everyone = self.session.repo.families.count()
            text = self.tr("{shown} of {total} families").format(shown=str(matches), total=str(everyone))
        else:
            text = self.tr("{n} family", "{n} families", matches).format(n=matches)
        if closed:
            text += " " + self.tr("({n} closed family hidden)", "({n} closed families hidden)", closed).format(n=closed)
        self.count_label.setText(text)
        self.empty_label.setText(self._empty_text(closed) if matches == 0 else "")
        self.empty_label.setVisible(matches == 0)

    def _empty_text(self, closed: int) -> str:
        """Why the list is empty, and what to do about it."""
        query = self.model.query()
        if not self.session.repo.families.count():
            return self.tr("There are no families yet. Make the first one with “New family…” (Ctrl+Shift+N).")
        if query.search.strip():
            text = self.tr("No family matches “{text}”.").format(text=query.search.strip())
        else:
            text = self.tr("No family matches these filters.")
        if closed:
            text += " " + self.tr("{n} closed family matches: tick “Show closed families” to see it.",
                                  "{n} closed families match: tick “Show closed families” to see them.",
                                  closed).format(n=closed)
        return text

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column that cannot be sorted (the found child) keeps the sort as it was."""
        sorted_by, sorted_order = self.model.sorted_by()
        if column != sorted_by and column not in FamilyTableModel.SORTS and column >= 0:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(sorted_by, sorted_order)
            header.blockSignals(False)
            header.viewport().update()

    def _changed(self, change: Change) -> None:
        if not self.session.is_unlocked:
            return
        if change.touches(RELOAD_ON) or (change.touches(CASEWORK) and change.family_id is None):
            self.reload()
        elif change.touches(CASEWORK) and change.family_id is not None:
            # one family: its row changes in place, appears or disappears (the selection stays put)
            current = self.current_family_id()
            self.model.family_changed(change.family_id)
            if current and self.current_family_id() != current:
                self.select_family(current, scroll=False)
            self._update_count()

    def _locked(self) -> None:
        self.search_timer.stop()
        self.detail.clear()
        self.model.set_repo(None)
        self.search.clear()
        self.search_timer.stop()
        self.count_label.clear()
        self.empty_label.clear()
        self.empty_label.hide()
        self.stack.setCurrentWidget(self.list_page)

    # ------------------------------------------------------------ navigation
    def current_family_id(self) -> int:
        row: FamilyRow | None = self.table.current_row_object()
        return row.id if row is not None else 0

    def select_family(self, family_id: int, scroll: bool = True) -> bool:
        """Select the family's row (fetching pages until it is reached) when it is in the list."""
        row = self.model.find_row(family_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        if scroll:
            self.table.scrollTo(index)
        return True

    def open_current(self) -> None:
        family_id = self.current_family_id()
        if family_id:
            self.open_family(family_id)

    def open_family(self, family_id: int) -> None:
        """Show the family's detail (called by the main window, e.g. from Overzicht)."""
        if not self.session.is_unlocked:
            return
        self.detail.show_family(family_id)
        self.stack.setCurrentWidget(self.detail)
        self.detail.tabs.setFocus()

    def show_list(self) -> None:
        family_id = self.detail.family_id
        self.detail.clear()
        self.stack.setCurrentWidget(self.list_page)
        if family_id:
            self.select_family(family_id)
        self.table.setFocus()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is not self.list_page:
            self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_enter(self) -> None:
        self.apply_search()
        if self.model.rowCount() == 1 and not self.model.canFetchMore(QModelIndex()):
            self.open_family(self.model.family_id(0))
        else:
            self._to_table()

    def _to_table(self) -> None:
        self.apply_search()
        if self.table.currentIndex().isValid() or self.model.rowCount() == 0:
            self.table.setFocus()
            return
        self.table.select_first()
        self.table.setFocus()

    def new_family(self) -> Any:
        if not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.intake import IntakeDialog

        dialog = IntakeDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._created)
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_sheet(self) -> Any:
        """Importeren uit spreadsheet: the import wizard."""
        if not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.import_wizard import ImportWizard

        dialog = ImportWizard(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _batch: self._update_undo_import())
        dialog.finished.connect(lambda _result: self._update_undo_import())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _update_undo_import(self) -> None:
        """"Import van 12-01 ongedaan maken" while the latest import can be undone."""
        if not self.session.is_unlocked:
            return
        batch = self.session.repo.imports.undoable()
        self.undo_import_button.setVisible(batch is not None)
        if batch is not None:
            self.undo_import_button.setText(self.tr("Undo the import of {date}").format(
                date=batch.created_at.astimezone().strftime("%d-%m")))

    def undo_import(self) -> None:
        from brugdesk.ui import prompter

        if not self.session.is_unlocked:
            return
        batch = self.session.repo.imports.undoable()
        if batch is None:
            self._update_undo_import()
            return
        if not prompter.current().ask_yes_no(
                self, self.tr("Undo import"),
                self.tr("Remove everything the import of {date} added: {families} families (with all that was recorded "
                        "about them since), {members} members and {contacts} contacts?").format(
                    date=batch.created_at.astimezone().strftime("%d-%m-%Y"), families=batch.families,
                    members=batch.members, contacts=batch.contacts),
                action=self.tr("&Undo import"), cancel=self.tr("Cancel")):
            return
        if not self.session.is_unlocked:
            return
        self.session.repo.imports.undo_last()
        self._update_undo_import()

    def _created(self, family_id: int) -> None:
        if family_id:
            self.open_family(family_id)

    # ------------------------------------------------------------ lock protocol
    def stash(self) -> dict[str, Any]:
        """Which family was open, the search and the filters (kept in memory only, across a lock)."""
        state: dict[str, Any] = {
            "search": self.search.text(),
            "filters": [c.currentData() for c in (self.status_filter, self.school_filter, self.theme_filter)],
            "show_closed": self.show_closed.isChecked(),
        }
        if self.stack.currentWidget() is self.detail and self.detail.family_id:
            state["family_id"] = self.detail.family_id
            state["tab"] = self.detail.tabs.currentIndex()
        return state

    def restore(self, state: dict[str, Any]) -> None:
        for combo, value in zip((self.status_filter, self.school_filter, self.theme_filter),
                                state.get("filters", []), strict=False):
            i = combo.findData(value)
            if i >= 0:
                combo.setCurrentIndex(i)
        self.show_closed.setChecked(bool(state.get("show_closed")))
        if state.get("search"):
            self.search.setText(str(state["search"]))
            self.apply_search()
        family_id = state.get("family_id")
        if family_id:
            try:
                self.open_family(int(family_id))
            except NotFound:
                return
            self.detail.tabs.setCurrentIndex(int(state.get("tab", 0)))
