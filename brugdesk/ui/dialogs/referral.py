"""Add or edit a referral: partner (existing or new), the contact person there, date, the
hulpvraag (what the family needs), themes, sharing consent, warm handover.

The status is not edited here: it moves through :mod:`brugdesk.ui.dialogs.referral_status`
so that every step is dated in the history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import Consent, Partner, Referral
from brugdesk.core.validation import ValidationError, validate_referral
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.dialogs.attachments import attachments_row
from brugdesk.ui.dialogs.formkit import BoundFormDialog, CheckList, OptionalDate
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit


class ReferralDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None,
                 referral_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("ReferralDialog")
        repo = session.repo
        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.partner.addItem("", 0)
        for p in repo.partners.list():
            self.partner.addItem(p.name, p.id)
        partner_edit = self.partner.lineEdit()
        if partner_edit is not None:
            partner_edit.setPlaceholderText(self.tr("Choose or type a new organisation"))
        self.field(self.tr("&Partner:"), "partner", self.partner, "name", "partner_id")
        self.partner_type = QComboBox()
        for item in repo.lists.items(ListName.PARTNER_TYPE):
            self.partner_type.addItem(item.label, item.code)
        self.field(self.tr("Kind of partner (&new):"), "partner_type", self.partner_type, "type")
        self.partner.currentTextChanged.connect(self._partner_changed)
        self.contact_person = QLineEdit()
        self.contact_person.setPlaceholderText(self.tr("Name and phone of the person there"))
        self.field(self.tr("Con&tact person:"), "contact_person", self.contact_person)
        self.date = date_edit()
        self.field(self.tr("&Date:"), "date", self.date)
        self.need = steady_scroll_bars(QPlainTextEdit())
        self.need.setTabChangesFocus(True)
        self.need.setFixedHeight(70)
        self.need.setPlaceholderText(self.tr("What the family needs from the partner"))
        self.field(self.tr("Hulp&vraag:"), "need", self.need)
        self.themes = CheckList([(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.themes.setFixedHeight(110)
        self.field(self.tr("The&mes:"), "themes", self.themes)
        self.consent_date = OptionalDate(self.tr("recorded on"))
        self.field(self.tr("Sharing &consent:"), "consent_date", self.consent_date)
        self.consent_by = QLineEdit()
        self.consent_by.setPlaceholderText(self.tr("e.g. both parents"))
        self.field(self.tr("Consent given &by:"), "consent_by", self.consent_by)
        self.warm_handover = QCheckBox(self.tr("Warm handover (introduced in person)"))
        self.field(self.tr("&Handover:"), "warm_handover", self.warm_handover)
        self.outcome_note = steady_scroll_bars(QPlainTextEdit())
        self.outcome_note.setTabChangesFocus(True)
        self.outcome_note.setFixedHeight(80)
        self.field(self.tr("&Outcome note:"), "outcome_note", self.outcome_note)
        self._referral: Referral | None = None
        self.bind(family_id=family_id, referral_id=referral_id)
        self.attachments = attachments_row(
            self.form, session, self._referral.family_id if self._referral else None, referral_id=referral_id)
        self.resize(660 if self.attachments else 520, 760 if self.attachments else 640)
        self.partner.setFocus()

    def _existing_partner(self) -> int:
        text = self.partner.currentText().strip()
        i = self.partner.findText(text)
        return int(self.partner.itemData(i) or 0) if i > 0 else 0

    def _partner_changed(self) -> None:
        self.partner_type.setEnabled(self._existing_partner() == 0)

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        referral_id = ids.get("referral_id")
        self._referral = self.session.repo.referrals.get(referral_id) if referral_id else None
        r = self._referral
        self.setWindowTitle(self.tr("Edit referral") if r else self.tr("New referral"))
        if r is not None:
            self.partner.setCurrentIndex(max(0, self.partner.findData(r.partner_id)))
            self.date.setDate(to_qdate(r.date))
            labels = self.session.repo.lists.labels(ListName.THEME)
            for code in r.themes:
                self.themes.ensure(code, labels.get(code, code))
            self.themes.set_checked(r.themes)
            self.consent_date.set_value(r.sharing_consent.date)
            self.consent_by.setText(r.sharing_consent.given_by)
            self.warm_handover.setChecked(r.warm_handover)
            self.outcome_note.setPlainText(r.outcome_note)
            self.need.setPlainText(r.need)
            self.contact_person.setText(r.contact_person)
        self._partner_changed()

    def save_changes(self) -> int:
        repo = self.session.repo
        partner_id = self._existing_partner()
        name = self.partner.currentText().strip()
        if not partner_id and not name:
            raise ValidationError({"partner": self.tr("Choose a partner or type the organisation's name.")})
        referral = Referral(
            family_id=int(self.ids["family_id"]),
            partner_id=partner_id,
            date=from_qdate(self.date.date()),
            themes=self.themes.checked(),
            sharing_consent=Consent(self.consent_date.value(), self.consent_by.text()),
            warm_handover=self.warm_handover.isChecked(),
            outcome_note=self.outcome_note.toPlainText(),
            need=self.need.toPlainText(),
            contact_person=self.contact_person.text(),
        )
        validate_referral(referral)  # check the referral before a new partner is stored
        with repo.families.tx():
            if not partner_id:
                referral.partner_id = repo.partners.add(Partner(name, str(self.partner_type.currentData()))).id or 0
            if self._referral is None:
                repo.referrals.add(referral)
            else:
                referral.id = self._referral.id
                referral.status = self._referral.status
                repo.referrals.update(referral)
        return referral.id or 0
