"""The table of the referrals page (Doorverwijzingen): one line per referral with its family,
partner, status, the date of its latest status change and the days it has waited since.

A referral that waits too long (voorgesteld, doorverwezen or wachtlijst for longer than the
vault's setting) says so in words ("te lang"), in red as well, for whoever cannot see red.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor

from brugdesk.core.text import fold
from brugdesk.store.repo.rows import ReferralListRow
from brugdesk.ui import theme
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date, referral_status_label
from brugdesk.ui.models.base import Column, RowTableModel


class ReferralListModel(RowTableModel[ReferralListRow]):
    """Rows of :meth:`brugdesk.store.repo.casework.Referrals.listing` (paged, ``load_pages``)."""

    REF, FAMILY, PARTNER, STATUS, SINCE, DAYS, SCHOOL = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.partner_types: dict[str, str] = {}

    def days_text(self, row: ReferralListRow) -> str:
        """"12 dagen" (and "(te lang)" when the referral is overdue)."""
        days = row.days_waiting
        text = self.tr("{n} day", "{n} days", days).format(n=days)
        if row.overdue:
            text += "  " + self.tr("(too long)")
        return text

    def row_foreground(self, row: ReferralListRow) -> QColor | None:
        return QColor(theme.current().error) if row.overdue else None

    def columns(self) -> Sequence[Column[ReferralListRow]]:
        return (
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Reference"), lambda r: r.family_ref,
                   lambda r: r.family_ref),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Family"), lambda r: r.family_name,
                   lambda r: fold(r.family_name)),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Partner"), lambda r: r.partner_name,
                   lambda r: fold(r.partner_name),
                   tooltip=lambda r: self.partner_types.get(r.partner_type, r.partner_type)),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Status"), lambda r: referral_status_label(r.status),
                   lambda r: str(r.status)),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Since"), lambda r: fmt_date(r.status_date),
                   lambda r: r.status_date.isoformat()),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "Waiting"), self.days_text, lambda r: r.days_waiting,
                   align_right=True),
            Column(QT_TRANSLATE_NOOP("ReferralListModel", "School"), lambda r: r.schools, lambda r: fold(r.schools)),
        )
