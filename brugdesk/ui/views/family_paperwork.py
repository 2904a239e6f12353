"""The family detail's paperwork: the "Bijlagen" tab, "Gezinsoverzicht afdrukken…" in the header and
"Warme overdracht…" under the referrals. Kept apart from :mod:`brugdesk.ui.views.family_detail`
(which builds the rest of the page) so both stay small."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QDialog, QLayout, QPushButton, QWidget

from brugdesk.ui.dialogs.attachments import AttachmentsPanel
from brugdesk.ui.dialogs.overview_pdf import FamilyOverviewDialog, HandoverDialog


def _row_of(widget: QWidget, layout: QLayout | None = None) -> QBoxLayout | None:
    """The box layout that holds ``widget`` (searched from its parent's layout down)."""
    if layout is None:
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
    if layout is None:
        return None
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        child = item.layout() if item is not None else None
        found = _row_of(widget, child) if child is not None else None
        if found is not None:
            return found
    return None


def _insert_after(anchor: QWidget, button: QPushButton) -> None:
    """Put ``button`` right after ``anchor`` in its row and in the Tab order."""
    row = _row_of(anchor)
    if row is None:
        raise LookupError("the anchor is not in a box layout")
    row.insertWidget(row.indexOf(anchor) + 1, button)
    QWidget.setTabOrder(anchor, button)


class Paperwork(QObject):
    """Adds the paperwork controls to ``detail`` (a :class:`FamilyDetail` whose tabs and buttons exist)."""

    def __init__(self, detail: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.attachments = AttachmentsPanel(detail.session)
        self.attachments_tab = detail.tabs.addTab(self.attachments, self.tr("Attachments"))

        self.overview_button = QPushButton(self.tr("Famil&y overview…"))
        self.overview_button.setToolTip(self.tr("A PDF overview of this family (Gezinsoverzicht)"))
        self.overview_button.clicked.connect(self.print_overview)
        _insert_after(detail.requests_button, self.overview_button)

        self.handover_button = QPushButton(self.tr("War&m handover…"))
        self.handover_button.setToolTip(self.tr("A PDF for the partner of the selected referral, with only "
                                                "what you tick"))
        self.handover_button.clicked.connect(self.warm_handover)
        _insert_after(detail.delete_referral_button, self.handover_button)
        detail.referrals_table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())

    def refresh(self) -> None:
        """The family on the page changed, or was loaded again."""
        if self.detail.family_id:
            self.attachments.set_owner(self.detail.family_id)
        else:
            self.attachments.clear()
        self.update_buttons()

    def update_buttons(self) -> None:
        self.overview_button.setEnabled(self.detail.family is not None)
        self.handover_button.setEnabled(self.detail.referrals_table.current_row_object() is not None)

    def print_overview(self) -> QDialog | None:
        if self.detail.family is None:
            return None
        return self._open(FamilyOverviewDialog(self.detail.session, self.detail, family_id=self.detail.family_id))

    def warm_handover(self) -> QDialog | None:
        item = self.detail.referrals_table.current_row_object()
        if item is None:
            return None
        return self._open(HandoverDialog(self.detail.session, self.detail, referral_id=item.id))

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail.dialog = dialog
        dialog.open()
        return dialog
