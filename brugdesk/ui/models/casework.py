"""Table models of the family detail, Acties and Groepsactiviteiten.

All are :class:`~brugdesk.ui.models.base.RowTableModel`s: ``load(rows)``, column constants,
sort keys under ``Qt.UserRole``, the row object under ``ROW_ROLE``. Codes are shown with
their list labels (``labels`` is a :class:`ListLabels`, refreshed by the view).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from brugdesk.core.lists import ListName
from brugdesk.core.model import Activity, Contact, Member, MemberRole, Referral
from brugdesk.core.text import fold
from brugdesk.store.repo.rows import FollowUpRow
from brugdesk.ui import theme
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date, fmt_time, member_role_label, referral_status_label, yes_no
from brugdesk.ui.models.base import Column, ListLabels, RowTableModel, date_key


def _minutes(n: int) -> str:
    return QCoreApplication.translate("Labels", "{n} min").format(n=n)


def _excerpt(text: str, n: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= n else line[: n - 1] + "…"


class _Labelled(RowTableModel[Any]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.labels = ListLabels()

    def set_labels(self, labels: ListLabels) -> None:
        self.labels = labels


# ------------------------------------------------------------------ contacts
class ContactTimelineModel(_Labelled):
    """A family's contacts, newest first (the order ``repo.contacts.list`` returns)."""

    DATE, KIND, MINUTES, WITH_WHOM, THEMES, NOTE = range(6)

    def columns(self) -> Sequence[Column[Contact]]:
        lab = self.labels
        return (
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "Date"),
                   lambda r: f"{fmt_date(r.date)} {fmt_time(r.time)}".rstrip(),
                   lambda r: f"{r.date.isoformat()} {fmt_time(r.time)}"),
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "Kind"),
                   lambda r: lab.label(ListName.CONTACT_KIND, r.kind),
                   lambda r: fold(lab.label(ListName.CONTACT_KIND, r.kind))),
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "Duration"),
                   lambda r: _minutes(r.minutes), lambda r: r.minutes, align_right=True),
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "With"),
                   lambda r: lab.join(ListName.WITH_WHOM, r.with_whom),
                   lambda r: fold(lab.join(ListName.WITH_WHOM, r.with_whom))),
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "Themes"), lambda r: lab.join(ListName.THEME, r.themes),
                   lambda r: fold(lab.join(ListName.THEME, r.themes))),
            Column(QT_TRANSLATE_NOOP("ContactTimelineModel", "Note"),
                   lambda r: _excerpt(r.note), lambda r: fold(r.note), tooltip=lambda r: r.note),
        )


# ------------------------------------------------------------------ members
class MemberModel(_Labelled):
    ROLE, NAME, BIRTH_YEAR, SCHOOL, GROUP = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.schools: dict[int, str] = {}

    def columns(self) -> Sequence[Column[Member]]:
        return (
            Column(QT_TRANSLATE_NOOP("MemberModel", "Role"), lambda r: member_role_label(r.role),
                   lambda r: 0 if r.role == MemberRole.PARENT else 1),
            Column(QT_TRANSLATE_NOOP("MemberModel", "Name"), lambda r: r.full_name, lambda r: fold(r.full_name)),
            Column(QT_TRANSLATE_NOOP("MemberModel", "Birth year"),
                   lambda r: "" if r.birth_year is None else str(r.birth_year),
                   lambda r: r.birth_year or 0, align_right=True),
            Column(QT_TRANSLATE_NOOP("MemberModel", "School"), lambda r: self.schools.get(r.school_id or 0, ""),
                   lambda r: fold(self.schools.get(r.school_id or 0, ""))),
            Column(QT_TRANSLATE_NOOP("MemberModel", "Group / class"), lambda r: r.group, lambda r: fold(r.group)),
        )


# ------------------------------------------------------------------ referrals
@dataclass(frozen=True)
class ReferralItem:
    referral: Referral
    partner_name: str

    @property
    def id(self) -> int:
        return self.referral.id or 0


class ReferralModel(_Labelled):
    DATE, PARTNER, STATUS, STATUS_DATE, THEMES, CONSENT, WARM_HANDOVER = range(7)

    def columns(self) -> Sequence[Column[ReferralItem]]:
        lab = self.labels

        def since_date(r: ReferralItem) -> str:
            return (r.referral.history[-1].date if r.referral.history else r.referral.date).isoformat()

        def since(r: ReferralItem) -> str:
            return fmt_date(r.referral.history[-1].date if r.referral.history else r.referral.date)

        def consent(r: ReferralItem) -> str:
            sc = r.referral.sharing_consent
            if sc.recorded:
                return fmt_date(sc.date)
            return "⚠ " + QCoreApplication.translate("ReferralModel", "not recorded")

        return (
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Date"),
                   lambda r: fmt_date(r.referral.date), lambda r: r.referral.date.isoformat()),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Partner"),
                   lambda r: r.partner_name, lambda r: fold(r.partner_name)),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Status"), lambda r: referral_status_label(r.referral.status),
                   lambda r: str(r.referral.status)),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Since"), since, since_date),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Themes"), lambda r: lab.join(ListName.THEME, r.referral.themes),
                   lambda r: fold(lab.join(ListName.THEME, r.referral.themes))),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Sharing consent"),
                   consent, lambda r: int(r.referral.sharing_consent.recorded)),
            Column(QT_TRANSLATE_NOOP("ReferralModel", "Warm handover"), lambda r: yes_no(r.referral.warm_handover),
                   lambda r: int(r.referral.warm_handover)),
        )


# ------------------------------------------------------------------ follow-ups
class FollowUpModel(_Labelled):
    DUE, FAMILY_REF, FAMILY, TEXT, DONE = range(5)

    def row_id(self, row: FollowUpRow) -> int:
        return row.followup.id or 0

    @staticmethod
    def is_overdue(row: FollowUpRow) -> bool:
        return row.followup.done_date is None and row.followup.due_date < dt.date.today()

    def row_foreground(self, row: FollowUpRow) -> QColor | None:
        """Overdue follow-ups in red (and "overdue" in words beside the date, for who cannot see red)."""
        return QColor(theme.current().error) if self.is_overdue(row) else None

    def _due_text(self, row: FollowUpRow) -> str:
        text = fmt_date(row.followup.due_date)
        if self.is_overdue(row):
            text += "  " + QCoreApplication.translate("FollowUpModel", "(overdue)")
        return text

    def columns(self) -> Sequence[Column[FollowUpRow]]:
        return (
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Due"),
                   self._due_text, lambda r: r.followup.due_date.isoformat()),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Reference"), lambda r: r.family_ref, lambda r: r.family_ref),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Family"),
                   lambda r: r.family_name, lambda r: fold(r.family_name)),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Follow-up"),
                   lambda r: _excerpt(r.followup.text), lambda r: fold(r.followup.text),
                   tooltip=lambda r: r.followup.text),
            Column(QT_TRANSLATE_NOOP("FollowUpModel", "Done"),
                   lambda r: fmt_date(r.followup.done_date), lambda r: date_key(r.followup.done_date)),
        )


# ------------------------------------------------------------------ activities
class ActivityModel(_Labelled):
    DATE, KIND, TITLE, SCHOOL, PARENTS, MINUTES, THEMES = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.schools: dict[int, str] = {}

    def columns(self) -> Sequence[Column[Activity]]:
        lab = self.labels
        return (
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Date"),
                   lambda r: fmt_date(r.date), lambda r: r.date.isoformat()),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Kind"), lambda r: lab.label(ListName.ACTIVITY_KIND, r.kind),
                   lambda r: fold(lab.label(ListName.ACTIVITY_KIND, r.kind))),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Title"), lambda r: r.title, lambda r: fold(r.title)),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "School"), lambda r: self.schools.get(r.school_id or 0, ""),
                   lambda r: fold(self.schools.get(r.school_id or 0, ""))),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Parents"),
                   lambda r: str(r.parents_count), lambda r: r.parents_count, align_right=True),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Duration"),
                   lambda r: _minutes(r.minutes), lambda r: r.minutes, align_right=True),
            Column(QT_TRANSLATE_NOOP("ActivityModel", "Themes"), lambda r: lab.join(ListName.THEME, r.themes),
                   lambda r: fold(lab.join(ListName.THEME, r.themes))),
        )
