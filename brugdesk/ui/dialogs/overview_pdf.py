"""The two PDFs about one family, made from its page: "Gezinsoverzicht afdrukken" and "Warme overdracht".

:class:`FamilyOverviewDialog` asks whether the contact notes go in, warns that the PDF is not
encrypted, then asks where to save it (suggested name ``gezinsoverzicht-<kenmerk>.pdf``: never a
name). :class:`HandoverDialog` is made from one referral: when no consent to share is recorded on
it, that is the first thing the dialog says, and the PDF can only be made after the officer ticks
that the parents agreed (the service raises :class:`NoSharingConsent` otherwise); then tick boxes
choose which parts go to the partner. The PDFs are written by :mod:`brugdesk.privacy.overview`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.errors import VaultError
from brugdesk.privacy.overview import HandoverParts, NoSharingConsent, family_overview, warm_handover
from brugdesk.ui import prompter, theme
from brugdesk.ui.a11y import Heading, hint
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.widgets import big_font


def safe_ref(ref: str) -> str:
    """A family's kenmerk as it may stand in a file name (letters, digits and dashes)."""
    return "".join(c if c.isalnum() or c == "-" else "-" for c in ref).strip("-") or "gezin"


class _PdfDialog(BaseDialog):
    """Shared: a heading, a not-encrypted warning, "Opslaan als PDF…" and "Annuleren"."""

    def __init__(self, session: Any, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.layout_ = QVBoxLayout(self)
        self.heading = Heading()
        self.heading.setWordWrap(True)
        self.heading.setFont(big_font(self, 1.25))
        self.layout_.addWidget(self.heading)
        #: the path of the PDF made last (tests read it back)
        self.saved: Path | None = None

    def finish_layout(self, save_text: str) -> None:
        warning = hint(QLabel(self.tr("The PDF is not encrypted: keep it only as long as you need it, and not in "
                                      "a synchronised folder. Its file name and properties hold no name.")))
        warning.setWordWrap(True)
        self.layout_.addWidget(warning)
        self.layout_.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(save_text)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.make_pdf)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def choose_target(self, suggested: str) -> Path | None:
        path = prompter.current().choose_save_path(self, self.windowTitle(), suggested, self.tr("PDF files (*.pdf)"))
        return Path(path) if path and self.session.is_unlocked else None

    def write(self, make: Any) -> Path | None:
        """Run ``make()`` (which writes the PDF); a clear message when that fails."""
        try:
            target: Path = make()
        except VaultError as exc:
            prompter.current().warn(self, self.windowTitle(), exc.text())
            return None
        except OSError as exc:
            prompter.current().warn(self, self.windowTitle(), self.tr("The PDF could not be saved: {error}")
                                    .format(error=exc.strerror or ""))
            return None
        self.saved = target
        prompter.current().inform(self, self.windowTitle(), self.tr("The PDF was saved as {path}. It is not "
                                                                    "encrypted.").format(path=str(target)))
        self.accept()
        return target

    def make_pdf(self) -> Path | None:
        raise NotImplementedError


class FamilyOverviewDialog(_PdfDialog):
    """Gezinsoverzicht afdrukken: members, open referrals, open follow-ups, consent and the contact
    history summarised; the notes only when ticked."""

    def __init__(self, session: Any, parent: QWidget | None = None, *, family_id: int) -> None:
        super().__init__(session, parent)
        self.setObjectName("FamilyOverviewDialog")
        self.family_id = family_id
        family = session.repo.families.get(family_id)
        self.ref = family.ref
        self.setWindowTitle(self.tr("Print family overview"))
        self.heading.setText(self.tr("Family overview of {ref}").format(ref=family.ref))
        self.heading.setAccessibleName(self.heading.text())
        about = QLabel(self.tr("A PDF for yourself or a colleague who takes over: the members, open referrals "
                               "with their status, open follow-ups, consent, and the contact history summarised "
                               "(dates, kinds, durations). Marked confidential."))
        about.setWordWrap(True)
        self.layout_.addWidget(about)
        self.with_notes = QCheckBox(self.tr("With the &notes of the contacts"))
        self.with_notes.setToolTip(self.tr("The notes are confidential: add them only when the reader needs them"))
        self.layout_.addWidget(self.with_notes)
        self.finish_layout(self.tr("&Save as PDF…"))
        self.resize(520, 320)
        self.with_notes.setFocus(Qt.FocusReason.OtherFocusReason)

    def make_pdf(self) -> Path | None:
        target = self.choose_target(f"gezinsoverzicht-{safe_ref(self.ref)}.pdf")
        if target is None:
            return None
        return self.write(lambda: family_overview(self.session.vault, self.family_id, target,
                                                  with_notes=self.with_notes.isChecked()))


class HandoverDialog(_PdfDialog):
    """Warme overdracht: a PDF for the partner of one referral with only the parts ticked."""

    def __init__(self, session: Any, parent: QWidget | None = None, *, referral_id: int) -> None:
        super().__init__(session, parent)
        self.setObjectName("HandoverDialog")
        self.referral_id = referral_id
        repo = session.repo
        referral = repo.referrals.get(referral_id)
        self.ref = repo.families.get(referral.family_id).ref
        partner = next((p.name for p in repo.partners.list() if p.id == referral.partner_id), "")
        self.consent_recorded = referral.sharing_consent.recorded
        self.setWindowTitle(self.tr("Warm handover"))
        self.heading.setText(self.tr("Warm handover to {partner}").format(partner=partner))
        self.heading.setAccessibleName(self.heading.text())
        #: ticked by the officer when no consent is recorded: the parents did agree
        self.confirm_consent: QCheckBox | None = None
        if not self.consent_recorded:
            warning = QLabel("⚠ " + self.tr("No consent to share information with {partner} is recorded for this "
                                            "referral. Ask the parents first, or record their consent with the "
                                            "referral.").format(partner=partner))
            theme.style(warning, theme.WARNING_STYLE)
            warning.setWordWrap(True)
            self.consent_warning = warning
            self.layout_.addWidget(warning)
            self.confirm_consent = QCheckBox(self.tr("The parents &agreed that this is shared with {partner}")
                                             .format(partner=partner))
            self.confirm_consent.toggled.connect(self._update)
            self.layout_.addWidget(self.confirm_consent)
        box = QGroupBox(self.tr("What goes to the partner, besides the referral itself"))
        inner = QVBoxLayout(box)
        defaults = HandoverParts()
        self.parts: dict[str, QCheckBox] = {}
        for name, text in (("family", self.tr("The family's &details (address, phone, language, themes)")),
                           ("members", self.tr("The &members of the family")),
                           ("followups", self.tr("The open &follow-ups")),
                           ("contacts", self.tr("The &contact history, summarised (dates, kinds, durations)")),
                           ("notes", self.tr("… with the &notes of the contacts"))):
            check = QCheckBox(text)
            check.setChecked(bool(getattr(defaults, name)))
            inner.addWidget(check)
            self.parts[name] = check
        self.layout_.addWidget(box)
        self.finish_layout(self.tr("&Make PDF…"))
        self.resize(560, 460)
        first = self.confirm_consent or self.parts["family"]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.confirm_consent is None or self.confirm_consent.isChecked())

    def chosen_parts(self) -> HandoverParts:
        return HandoverParts(**{name: check.isChecked() for name, check in self.parts.items()})

    def make_pdf(self) -> Path | None:
        confirmed = self.confirm_consent is not None and self.confirm_consent.isChecked()
        if not self.consent_recorded and not confirmed:
            prompter.current().warn(self, self.windowTitle(), NoSharingConsent().text())
            return None
        target = self.choose_target(f"warme-overdracht-{safe_ref(self.ref)}.pdf")
        if target is None:
            return None
        return self.write(lambda: warm_handover(self.session.vault, self.referral_id, target, self.chosen_parts(),
                                                consent_confirmed=confirmed))
