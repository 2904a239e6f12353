"""The family detail: details, members, the timeline of contacts, referrals and follow-ups.

Opening a family records a view in the audit log. Every change goes through the service
layer (mostly from a dialog); the detail refreshes when a committed change concerns its family,
the names it shows (schools, partners, list labels), or erased families (``session.changed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.model import Contact, Family, FamilyStatus, MemberRole
from brugdesk.errors import NotFound
from brugdesk.store.changes import CASEWORK, LABELS, Change, What
from brugdesk.store.repo.rows import FollowUpRow
from brugdesk.ui import theme
from brugdesk.ui.a11y import Heading, steady_scroll_bars
from brugdesk.ui.dialogs.close_family import CloseFamilyDialog
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog, export_inspection
from brugdesk.ui.dialogs.family import FamilyDialog
from brugdesk.ui.dialogs.followup import FollowUpDialog
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.dialogs.member import MemberDialog
from brugdesk.ui.dialogs.referral import ReferralDialog
from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog
from brugdesk.ui.labels import family_status_label, fmt_date, history_lines
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.models.casework import (
    ActivityModel,
    ContactTimelineModel,
    FollowUpModel,
    MemberModel,
    ReferralItem,
    ReferralModel,
)
from brugdesk.ui.views.family_facts import FamilyFacts
from brugdesk.ui.views.family_paperwork import Paperwork
from brugdesk.ui.views.tables import CaseTable, RowActions, button_row
from brugdesk.ui.widgets import big_font

#: the tabs of the detail (Alt+1 … Alt+5)
FAMILY_TAB, CONTACTS_TAB, REFERRALS_TAB, FOLLOWUPS_TAB, ACTIVITIES_TAB = range(5)


def _button(text: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    if tip:
        b.setToolTip(tip)
    return b


class FamilyDetail(QWidget):
    """One family. ``show_family(id)`` loads it; ``clear()`` empties every widget."""

    back = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FamilyDetail")
        self.session = session
        self.family_id = 0
        self.family: Family | None = None
        self.dialog: QWidget | None = None  # the dialog opened last (tests drive it)
        self._labels = ListLabels()
        session.changed.connect(self._changed)

        outer = QVBoxLayout(self)
        # header
        top = QHBoxLayout()
        self.back_button = _button(self.tr("← &Back to the list"), self.tr("Back to the list (Esc or Alt+Left)"))
        self.back_button.clicked.connect(self.back.emit)
        for keys in ("Alt+Left", "Escape"):
            self._shortcut(keys, self.back.emit)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.edit_button = _button(self.tr("&Edit details…"), self.tr("Edit the family's details (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit_family)
        self._shortcut("Ctrl+E", self.edit_family)
        self.contact_button = _button(self.tr("&Log a contact…"), self.tr("Log a contact with this family"))
        self.contact_button.clicked.connect(self.log_contact)
        self.close_button = _button(self.tr("&Close family…"))
        self.close_button.clicked.connect(self.close_family)
        self.reopen_button = _button(self.tr("Re&open family"))
        self.reopen_button.clicked.connect(self.reopen_family)
        # what parents may ask for (AVG art. 15 and 17), next to the family it concerns
        self.requests_button = _button(self.tr("Parents' re&quests"),
                                       self.tr("Inspection export or erasure of this family's data"))
        requests_menu = QMenu(self.requests_button)
        self.export_action = requests_menu.addAction(self.tr("Inspection export (PDF)…"))
        self.export_action.triggered.connect(self.export_inspection)
        self.erase_action = requests_menu.addAction(self.tr("Erase this family…"))
        self.erase_action.triggered.connect(self.erase_family)
        self.requests_button.setMenu(requests_menu)
        for b in (self.edit_button, self.contact_button, self.close_button, self.reopen_button,
                  self.requests_button):
            top.addWidget(b)
        outer.addLayout(top)

        self.title = Heading()
        self.title.setFont(big_font(self, 1.5))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        outer.addWidget(self.subtitle)
        self.consent_warning = QLabel()
        theme.style(self.consent_warning, theme.WARNING_STYLE)
        self.consent_warning.setWordWrap(True)
        outer.addWidget(self.consent_warning)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Family sections"))
        outer.addWidget(self.tabs, 1)
        self._build_family_tab()
        self._build_contacts_tab()
        self._build_referrals_tab()
        self._build_followups_tab()
        self._build_activities_tab()
        self.paperwork = Paperwork(self)  # the Bijlagen tab, the family overview and the warm handover
        self._rows = self._row_actions()
        for i in range(self.tabs.count()):
            self._shortcut(f"Alt+{i + 1}", partial(self.tabs.setCurrentIndex, i))
        self._update_buttons()

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # ------------------------------------------------------------ tabs
    def _build_family_tab(self) -> None:
        """The family's facts on the left, the members (parents/carers, children) on the right."""
        split = QSplitter(Qt.Orientation.Horizontal)
        self.facts = FamilyFacts()
        split.addWidget(self.facts)

        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        members_label = QLabel(self.tr("Family &members:"))
        lay.addWidget(members_label)
        self.members_model = MemberModel(self)
        self.members_table = CaseTable(self.members_model, self.tr("Family members"), stretch=1)
        members_label.setBuddy(self.members_table)
        self.members_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.members_table)
        self.add_parent_button = _button(self.tr("Add &parent / carer…"))
        self.add_parent_button.clicked.connect(lambda: self.add_member(MemberRole.PARENT))
        self.add_child_button = _button(self.tr("Add c&hild…"))
        self.add_child_button.clicked.connect(lambda: self.add_member(MemberRole.CHILD))
        self.edit_member_button = _button(self.tr("Ed&it…"), self.tr("Edit the selected member (Enter)"))
        self.remove_member_button = _button(self.tr("Remo&ve"), self.tr("Remove the selected member (Delete)"))
        lay.addLayout(button_row(self.add_parent_button, self.add_child_button, self.edit_member_button,
                                  self.remove_member_button))
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([1000, 2000])  # about a third for the details at first (only the ratio counts)
        self.tabs.addTab(split, self.tr("&Family"))

    def _build_contacts_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        split = QSplitter(Qt.Orientation.Vertical)
        self.contacts_model = ContactTimelineModel(self)
        self.contacts_table = CaseTable(self.contacts_model, self.tr("Timeline of contacts"),
                                        stretch=ContactTimelineModel.NOTE)
        self.contacts_table.selectionModel().currentRowChanged.connect(self._show_note)
        split.addWidget(self.contacts_table)
        self.note_view = steady_scroll_bars(QPlainTextEdit())
        self.note_view.setReadOnly(True)
        self.note_view.setAccessibleName(self.tr("Note of the selected contact"))
        self.note_view.setTabChangesFocus(True)
        split.addWidget(self.note_view)
        split.setSizes([300, 120])
        lay.addWidget(split)
        self.new_contact_button = _button(self.tr("&New contact…"))
        self.new_contact_button.clicked.connect(self.log_contact)
        self.edit_contact_button = _button(self.tr("Ed&it…"), self.tr("Edit the selected contact (Enter)"))
        self.delete_contact_button = _button(self.tr("&Delete"), self.tr("Delete the selected contact (Delete)"))
        lay.addLayout(button_row(self.new_contact_button, self.edit_contact_button, self.delete_contact_button))
        self.tabs.addTab(page, self.tr("Con&tacts"))

    def _build_referrals_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.referrals_model = ReferralModel(self)
        self.referrals_table = CaseTable(self.referrals_model, self.tr("Referrals"), stretch=ReferralModel.THEMES)
        self.referrals_table.selectionModel().currentRowChanged.connect(self._show_history)
        lay.addWidget(self.referrals_table, 2)
        self.referral_warning = QLabel()
        theme.style(self.referral_warning, theme.WARNING_STYLE)
        self.referral_warning.setWordWrap(True)
        lay.addWidget(self.referral_warning)
        history_label = QLabel(self.tr("Status &history of the selected referral:"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Status history"))
        history_label.setBuddy(self.history)
        lay.addWidget(history_label)
        self.history.setMaximumHeight(self.fontMetrics().height() * 9)
        lay.addWidget(self.history, 1)
        self.add_referral_button = _button(self.tr("&New referral…"))
        self.add_referral_button.clicked.connect(self.add_referral)
        self.status_button = _button(self.tr("Change &status…"), self.tr("Move to the next status (Enter)"))
        self.status_button.clicked.connect(self.change_referral_status)
        self.edit_referral_button = _button(self.tr("Ed&it…"))
        self.delete_referral_button = _button(self.tr("&Delete"), self.tr("Delete the selected referral (Delete)"))
        lay.addLayout(button_row(self.add_referral_button, self.status_button, self.edit_referral_button,
                                  self.delete_referral_button))
        self.tabs.addTab(page, self.tr("&Referrals"))

    def _build_followups_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.followups_model = FollowUpModel(self)
        self.followups_table = CaseTable(self.followups_model, self.tr("Follow-ups"), stretch=FollowUpModel.TEXT)
        self.followups_table.hideColumn(FollowUpModel.FAMILY_REF)
        self.followups_table.hideColumn(FollowUpModel.FAMILY)
        lay.addWidget(self.followups_table)
        self.add_followup_button = _button(self.tr("&New follow-up…"))
        self.add_followup_button.clicked.connect(self.add_followup)
        self.done_button = _button(self.tr("&Mark done"), self.tr("Mark the selected follow-up done (Enter)"))
        self.done_button.clicked.connect(self.toggle_followup)
        self.edit_followup_button = _button(self.tr("Ed&it…"))
        self.delete_followup_button = _button(self.tr("&Delete"), self.tr("Delete the selected follow-up (Delete)"))
        lay.addLayout(button_row(self.add_followup_button, self.done_button, self.edit_followup_button,
                                  self.delete_followup_button))
        self.followups_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.tabs.addTab(page, self.tr("Follo&w-ups"))

    def _build_activities_tab(self) -> None:
        """The group activities the family attended (recorded in the activity's "families present")."""
        page = QWidget()
        lay = QVBoxLayout(page)
        self.activities_model = ActivityModel(self)
        self.activities_table = CaseTable(self.activities_model, self.tr("Group activities the family attended"),
                                          stretch=ActivityModel.THEMES)
        self.activities_table.hideColumn(ActivityModel.PARENTS)
        lay.addWidget(self.activities_table, 1)
        self.activities_empty = QLabel(self.tr("No group activity records this family as present. Record it in "
                                               "the activity (Group activities → Edit → Families present)."))
        self.activities_empty.setWordWrap(True)
        lay.addWidget(self.activities_empty)
        self.tabs.addTab(page, self.tr("&Activities"))

    # ------------------------------------------------------------ loading
    def show_family(self, family_id: int) -> None:
        self.family_id = family_id
        self.session.repo.families.record_view(family_id)
        self.refresh()
        self.tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        if not self.family_id or not self.session.is_unlocked:
            return
        repo = self.session.repo
        try:
            f = repo.families.get(self.family_id)
        except NotFound:
            self.clear()
            self.back.emit()
            return
        self.family = f
        self._labels = ListLabels.read(repo)
        schools = {s.id or 0: s.name for s in repo.schools.list()}
        lab = self._labels
        self.title.setText(f"{f.display_name}  ·  {f.ref}")
        self.subtitle.setText(self.tr("{status} · since {date} · {schools}")
                              .format(status=family_status_label(f.status), date=fmt_date(f.start_date),
                                      schools=", ".join(schools.get(s, "") for s in f.school_ids)
                                       or self.tr("no school")))
        self.consent_warning.setText("" if f.consent.recorded else
                                     "⚠ " + self.tr("No registration consent recorded for this family."))
        self.consent_warning.setVisible(not f.consent.recorded)
        self.facts.show_family(f, lab, schools)

        self._reload(self.members_table, self.members_model, repo.members.list(f.id or 0),
                     lambda m: m.id, extra=lambda: setattr(self.members_model, "schools", schools))
        self._reload(self.contacts_table, self.contacts_model, repo.contacts.list(f.id or 0), lambda c: c.id)
        partners = {p.id: p.name for p in repo.partners.list()}
        items = [ReferralItem(r, partners.get(r.partner_id, "")) for r in repo.referrals.list(f.id or 0)]
        self._reload(self.referrals_table, self.referrals_model, items, lambda r: r.id)
        followups = [FollowUpRow(u, f.ref, f.display_name) for u in repo.followups.list(f.id or 0)]
        self._reload(self.followups_table, self.followups_model, followups, lambda r: r.followup.id)
        attended = repo.activities.of_family(f.id or 0)
        self._reload(self.activities_table, self.activities_model, attended, lambda a: a.id,
                     extra=lambda: setattr(self.activities_model, "schools", schools))
        self.activities_empty.setVisible(not attended)
        self._show_note()
        self._show_history()
        self._update_buttons()
        self.paperwork.refresh()

    def _reload(self, table: CaseTable, model: Any, rows: list[Any], key: Any, extra: Any = None) -> None:
        current = table.current_row_object()
        current_key = key(current) if current is not None else None
        model.set_labels(self._labels)
        if extra is not None:
            extra()
        model.load(rows)
        table.fit_to_contents()
        if current_key is None or not table.select_where(lambda r: key(r) == current_key):
            table.select_first()

    def clear(self) -> None:
        """Empty every widget (used when the vault locks or the family is gone)."""
        self.family_id = 0
        self.family = None
        for label in (self.title, self.subtitle, self.consent_warning, self.referral_warning):
            label.clear()
        self.facts.clear()
        for model in (self.members_model, self.contacts_model, self.referrals_model, self.followups_model,
                      self.activities_model):
            model.clear()
        self.note_view.clear()
        self.history.clear()
        self.paperwork.refresh()

    def _changed(self, change: Change) -> None:
        if not self.family_id or not self.session.is_unlocked:
            return
        if change.touches(LABELS, What.ERASURE, What.ACTIVITY) or (
                change.touches(CASEWORK) and change.concerns(self.family_id)):
            self.refresh()

    def _show_note(self, *_args: Any) -> None:
        contact: Contact | None = self.contacts_table.current_row_object()
        self.note_view.setPlainText(contact.note if contact else "")
        self._update_buttons()

    def _show_history(self, *_args: Any) -> None:
        item: ReferralItem | None = self.referrals_table.current_row_object()
        self.history.clear()
        warn = ""
        if item is not None:
            self.history.addItems(history_lines(item.referral.history))
            if not item.referral.sharing_consent.recorded:
                warn = "⚠ " + self.tr("No consent to share information with {partner} has been recorded.").format(
                    partner=item.partner_name)
        self.referral_warning.setText(warn)
        self.referral_warning.setVisible(bool(warn))
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.family
        closed = f is not None and f.status == FamilyStatus.CLOSED
        self.close_button.setVisible(f is not None and not closed)
        self.reopen_button.setVisible(closed)
        for b in (self.edit_button, self.contact_button, self.add_parent_button, self.add_child_button,
                  self.new_contact_button, self.add_referral_button, self.add_followup_button):
            b.setEnabled(f is not None)
        self.contact_button.setEnabled(f is not None and not closed)
        self.new_contact_button.setEnabled(f is not None and not closed)
        for rows in self._rows:
            selected = rows.table.current_row_object() is not None
            for button in rows.buttons:
                button.setEnabled(selected)
        followup: FollowUpRow | None = self.followups_table.current_row_object()
        self.done_button.setText(self.tr("&Mark as not done") if followup and followup.followup.done
                                 else self.tr("&Mark done"))

    # ------------------------------------------------------------ actions
    def _row_actions(self) -> tuple[RowActions, ...]:
        """One specification per tab: what editing, deleting and Enter do with its selected row."""
        members = RowActions(
            self.members_table, (self.edit_member_button, self.remove_member_button),
            edit=lambda m: MemberDialog(self.session, self, family_id=self.family_id, member_id=m.id),
            delete=lambda m: self.session.repo.members.delete(m.id),
            question=lambda m: (self.tr("Remove family member"),
                                self.tr("Remove {name} from this family?").format(name=m.full_name)))
        contacts = RowActions(
            self.contacts_table, (self.edit_contact_button, self.delete_contact_button),
            edit=lambda c: ContactDialog(self.session, self, contact_id=c.id),
            delete=lambda c: self.session.repo.contacts.delete(c.id),
            question=lambda c: (self.tr("Delete contact"),
                                self.tr("Delete the contact of {date}? This cannot be undone.")
                                .format(date=fmt_date(c.date))))
        referrals = RowActions(
            self.referrals_table, (self.status_button, self.edit_referral_button, self.delete_referral_button),
            edit=lambda r: ReferralDialog(self.session, self, family_id=self.family_id, referral_id=r.id),
            delete=lambda r: self.session.repo.referrals.delete(r.id),
            question=lambda r: (self.tr("Delete referral"), self.tr("Delete the referral to {partner} and its history?")
                                .format(partner=r.partner_name)),
            activate=lambda _r: self.change_referral_status())
        followups = RowActions(
            self.followups_table, (self.done_button, self.edit_followup_button, self.delete_followup_button),
            edit=lambda u: FollowUpDialog(self.session, self, family_id=self.family_id, followup_id=u.followup.id),
            delete=lambda u: self.session.repo.followups.delete(u.followup.id),
            question=lambda u: (self.tr("Delete follow-up"),
                                self.tr("Delete the follow-up “{text}”?").format(text=u.followup.text)),
            activate=lambda _u: self.toggle_followup())
        for rows, edit_button, delete_button in (
                (members, self.edit_member_button, self.remove_member_button),
                (contacts, self.edit_contact_button, self.delete_contact_button),
                (referrals, self.edit_referral_button, self.delete_referral_button),
                (followups, self.edit_followup_button, self.delete_followup_button)):
            rows.table.on_activate(partial(self._activate, rows))
            rows.table.on_delete(partial(self._delete, rows))
            edit_button.clicked.connect(partial(self._edit, rows))
            delete_button.clicked.connect(partial(self._delete, rows))
        return members, contacts, referrals, followups

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edit(self, rows: RowActions) -> QDialog | None:
        row = rows.table.current_row_object()
        return None if row is None else self._open(rows.edit(row))

    def _activate(self, rows: RowActions) -> None:
        row = rows.table.current_row_object()
        if row is not None:
            if rows.activate is not None:
                rows.activate(row)
            else:
                self._open(rows.edit(row))

    def _delete(self, rows: RowActions) -> None:
        row = rows.table.current_row_object()
        if row is None:
            return
        title, text = rows.question(row)
        if confirm(self, title, text, delete_label()) and self.session.is_unlocked:  # a lock may come meanwhile
            rows.delete(row)

    def edit_family(self) -> QDialog | None:
        return None if self.family is None else self._open(FamilyDialog(self.session, self, family_id=self.family_id))

    def log_contact(self) -> QDialog | None:
        return None if self.family is None else self._open(ContactDialog(self.session, self, family_id=self.family_id))

    def add_member(self, role: MemberRole) -> QDialog | None:
        if self.family is None:
            return None
        return self._open(MemberDialog(self.session, self, family_id=self.family_id, role=role))

    def add_referral(self) -> QDialog | None:
        return None if self.family is None else self._open(ReferralDialog(self.session, self, family_id=self.family_id))

    def change_referral_status(self) -> QDialog | None:
        item: ReferralItem | None = self.referrals_table.current_row_object()
        if item is None:
            return None
        return self._open(ReferralStatusDialog(self.session, self, referral_id=item.id))

    def add_followup(self) -> QDialog | None:
        return None if self.family is None else self._open(FollowUpDialog(self.session, self, family_id=self.family_id))

    def toggle_followup(self) -> None:
        row: FollowUpRow | None = self.followups_table.current_row_object()
        if row is not None and row.followup.id is not None:
            self.session.repo.followups.set_done(row.followup.id, None if row.followup.done else dt.date.today())

    def close_family(self) -> QDialog | None:
        if self.family is None:
            return None
        return self._open(CloseFamilyDialog(self.session, self, family_id=self.family_id))

    def export_inspection(self) -> Path | None:
        """Everything stored about this family, as a PDF for the parents (asks where to save it)."""
        return None if self.family is None else export_inspection(self.session, self, self.family_id)

    def erase_family(self) -> QDialog | None:
        """Erase this family now, after a confirmation that names what will be deleted."""
        if self.family is None:
            return None
        return self._open(EraseFamilyDialog(self.session, self.window(), family_id=self.family_id))

    def reopen_family(self) -> None:
        if self.family is None or self.family.status != FamilyStatus.CLOSED:
            return
        if confirm(self, self.tr("Reopen family"),
                   self.tr("Reopen {ref}? Its closing date and outcome are removed.").format(ref=self.family.ref),
                   self.tr("&Reopen")) and self.session.is_unlocked:
            self.session.repo.families.reopen(self.family_id)
