"""Gezinsoverzicht afdrukken and Warme overdracht from a family's page, by clicks; the PDFs read back
with pypdf: notes only when ticked, only the parts ticked, no name in the suggested file name or the
metadata, and the missing consent shown first and confirmed before any PDF is made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel

from brugdesk.core.model import Consent, Contact, Family, FamilyStatus, Member, MemberRole, Partner, Referral
from brugdesk.ui.dialogs.overview_pdf import FamilyOverviewDialog, HandoverDialog
from brugdesk.ui.views.families import FamiliesPage
from tests.ui.conftest import ScriptedPrompter, dutch_catalogue


class SuggestingPrompter(ScriptedPrompter):
    """Also records the file name the app suggests."""

    def __init__(self) -> None:
        super().__init__()
        self.suggested: list[str] = []

    def choose_save_path(self, parent: object, title: str, suggested: str, filters: str) -> str:
        self.suggested.append(suggested)
        return super().choose_save_path(parent, title, suggested, filters)


@pytest.fixture
def prompter(prompter: ScriptedPrompter):  # type: ignore[no-untyped-def]
    from brugdesk.ui import prompter as prompter_module

    scripted = SuggestingPrompter()
    previous = prompter_module.install(scripted)
    yield scripted
    prompter_module.install(previous)


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _case(session, *, consent: bool) -> tuple[Family, int]:
    repo = session.repo
    family = repo.families.create(Family("Fam. Overzichtstra", dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE,
                                         phone="06-12121212"))
    repo.members.add(Member(MemberRole.CHILD, "Olivierkind", family_id=family.id, birth_year=2016))
    repo.contacts.add(Contact(family.id, dt.date(2026, 1, 20), 45, "home_visit", note="GEHEIME-NOTITIE-7"))
    partner = repo.partners.add(Partner("Opvoedsteunpunt West", "parenting"))
    referral = repo.referrals.add(Referral(
        family.id, partner.id, dt.date(2026, 2, 1), need="Hulp bij opvoeding",
        sharing_consent=Consent(dt.date(2026, 2, 1), "moeder") if consent else Consent()))
    return family, referral.id


def _page(qtbot, session, family_id: int) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    page.open_family(family_id)
    return page


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """A click where a person clicks: a check box on its box (its far right may be empty space)."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("with_notes", [False, True])
def test_the_family_overview_from_the_page(qtbot, session, prompter, tmp_path: Path, with_notes: bool) -> None:
    family, _referral = _case(session, consent=True)
    page = _page(qtbot, session, family.id)
    click(qtbot, page.detail.paperwork.overview_button)
    dialog = page.detail.dialog
    assert isinstance(dialog, FamilyOverviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.with_notes.isChecked()  # the notes only when asked
    assert any("not encrypted" in label.text() for label in dialog.findChildren(QLabel))
    if with_notes:
        click(qtbot, dialog.with_notes)
        assert dialog.with_notes.isChecked()
    target = tmp_path / "overzicht.pdf"
    prompter.save_paths.append(str(target))
    click(qtbot, dialog.save_button)
    assert prompter.suggested == [f"gezinsoverzicht-{family.ref}.pdf"]
    assert "Overzichtstra" not in prompter.suggested[0]
    text = text_of(target)
    assert "Fam. Overzichtstra" in text and "Olivierkind" in text and "Opvoedsteunpunt West" in text
    assert "Vertrouwelijk" in text
    assert ("GEHEIME-NOTITIE-7" in text) is with_notes
    meta = PdfReader(target).metadata or {}
    assert not any("Overzichtstra" in str(value) or "Olivierkind" in str(value) for value in meta.values())
    assert not dialog.isVisible()  # done: closed
    assert prompter.messages[-1][1].startswith("The PDF was saved as")


def test_the_overview_dialog_is_dutch(qtbot, qapp, session) -> None:
    family, _referral = _case(session, consent=True)
    with dutch_catalogue(qapp):
        page = _page(qtbot, session, family.id)
        assert page.detail.paperwork.overview_button.text().replace("&", "") == "Gezinsoverzicht…"
        click(qtbot, page.detail.paperwork.overview_button)
        dialog = page.detail.dialog
        assert dialog.windowTitle() == "Gezinsoverzicht afdrukken"
        assert dialog.with_notes.text().replace("&", "") == "Met de notities van de contactmomenten"
        dialog.reject()


def test_warm_handover_without_consent_asks_first_and_holds_only_what_is_ticked(
        qtbot, session, prompter, tmp_path: Path) -> None:
    family, referral_id = _case(session, consent=False)
    page = _page(qtbot, session, family.id)
    detail = page.detail
    bar = detail.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())  # Doorverwijzingen
    assert detail.referrals_table.current_row_object().id == referral_id
    click(qtbot, detail.paperwork.handover_button)
    dialog = detail.dialog
    assert isinstance(dialog, HandoverDialog)
    qtbot.waitUntil(dialog.isVisible)
    # the missing consent is the first thing said (right under the heading), and has the focus's box
    texts = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    assert texts[1] is dialog.consent_warning and "No consent to share" in dialog.consent_warning.text()
    assert dialog.confirm_consent is not None and dialog.focusWidget() is dialog.confirm_consent
    assert not dialog.save_button.isEnabled()
    target = tmp_path / "overdracht.pdf"
    click(qtbot, dialog.save_button)  # disabled: nothing happens
    assert not target.exists() and prompter.suggested == []

    click(qtbot, dialog.confirm_consent)
    assert dialog.save_button.isEnabled()
    # only the referral and the members: untick the family's details, tick nothing else
    assert dialog.parts["family"].isChecked() and dialog.parts["members"].isChecked()
    click(qtbot, dialog.parts["family"])
    assert not dialog.parts["contacts"].isChecked() and not dialog.parts["notes"].isChecked()
    prompter.save_paths.append(str(target))
    click(qtbot, dialog.save_button)
    assert prompter.suggested == [f"warme-overdracht-{family.ref}.pdf"]
    text = text_of(target)
    assert "Warme overdracht" in text and "Opvoedsteunpunt West" in text and "Hulp bij opvoeding" in text
    assert "Olivierkind" in text  # the members were ticked
    assert "06-12121212" not in text  # the family's details were not
    assert "GEHEIME-NOTITIE-7" not in text and "Huisbezoek" not in text
    assert "bevestigd" in text  # the PDF says the officer confirmed the consent


def test_warm_handover_with_consent_recorded_needs_no_confirmation(qtbot, session, prompter, tmp_path: Path) -> None:
    family, referral_id = _case(session, consent=True)
    dialog = HandoverDialog(session, None, referral_id=referral_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.confirm_consent is None and dialog.save_button.isEnabled()
    assert not [c for c in dialog.findChildren(QCheckBox) if "agreed" in c.text()]
    click(qtbot, dialog.parts["contacts"])
    click(qtbot, dialog.parts["notes"])
    target = tmp_path / "overdracht.pdf"
    prompter.save_paths.append(str(target))
    click(qtbot, dialog.save_button)
    text = text_of(target)
    assert "GEHEIME-NOTITIE-7" in text and "Huisbezoek" in text and "moeder" in text
