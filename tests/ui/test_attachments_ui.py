"""Bijlagen on a family's page and in the referral and contact dialogs, driven by clicks: add through
the file chooser, view inside the app (a real PDF page, a real image, text), "Opslaan als…" after the
not-encrypted warning, delete after a question, and the clear message (nothing stored) for a file
that is too large or not of a kind kept."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QTabWidget
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole, Partner, Referral
from brugdesk.store.repo.attachments import MAX_BYTES
from brugdesk.ui.dialogs.attachments import AttachmentsPanel
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.dialogs.referral import ReferralDialog
from brugdesk.ui.models.attachments import AttachmentModel
from brugdesk.ui.views.families import FamiliesPage
from tests.ui.conftest import dutch_catalogue


def pdf_bytes(pages: int = 2, text: str = "Toestemmingsformulier") -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"{text} pagina {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def png_file(path: Path, width: int = 320, height: int = 200) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab0"))
    assert image.save(str(path), "PNG")
    return path


def _family(session) -> Family:
    repo = session.repo
    family = repo.families.create(Family("Fam. Bijlagema", dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE))
    repo.members.add(Member(MemberRole.CHILD, "Bram", family_id=family.id, birth_year=2016))
    return family


def _page(qtbot, session, family_id: int) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    page.open_family(family_id)
    return page


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def cells(panel: AttachmentsPanel) -> list[list[str]]:
    model = panel.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def select_row(qtbot, panel: AttachmentsPanel, row: int) -> None:
    table = panel.table
    rect = table.visualRect(panel.model.index(row, AttachmentModel.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentIndex().row() == row


def test_the_family_tab_adds_views_saves_and_deletes(qtbot, session, prompter, tmp_path: Path) -> None:
    family = _family(session)
    page = _page(qtbot, session, family.id)
    paperwork = page.detail.paperwork
    panel = paperwork.attachments
    click_tab(qtbot, page.detail.tabs, paperwork.attachments_tab)
    header = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    assert header == ["Name", "Kind", "Size", "Added"]
    assert panel.empty.isVisible() and not panel.view_button.isEnabled()

    source = tmp_path / "toestemming.pdf"
    data = pdf_bytes(2)
    source.write_bytes(data)
    prompter.open_paths.append(str(source))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [row] = cells(panel)
    assert row[0] == "toestemming.pdf" and row[1] == "PDF" and row[2].endswith("kB")
    assert row[3] == dt.date.today().strftime("%d-%m-%Y")
    assert not panel.empty.isVisible()
    stored = session.repo.attachments.list(family.id)
    assert [a.name for a in stored] == ["toestemming.pdf"] and stored[0].referral_id is None

    # Bekijken: the PDF's pages rendered inside the app
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    viewer = panel.viewer
    assert viewer is not None and viewer.pdf is not None
    qtbot.waitUntil(viewer.isVisible)
    assert "toestemming" not in viewer.windowTitle()  # the task bar shows the title: no file name there
    assert viewer.pdf.page_count() == 2
    pages = viewer.pdf._labels
    assert all(not label.pixmap().isNull() and label.pixmap().width() > 100 for label in pages)
    assert "Toestemmingsformulier pagina 1" in pages[0].accessibleDescription()
    qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()

    # Opslaan als…: first the warning, then where; the copy is byte-exact
    target = tmp_path / "kopie.pdf"
    prompter.answers.append(True)
    prompter.save_paths.append(str(target))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == data
    assert "niet versleuteld" in prompter.messages[-2][1]  # the warning came before the copy
    # … and cancelling the warning writes nothing
    other = tmp_path / "niet.pdf"
    prompter.answers.append(False)
    prompter.save_paths.append(str(other))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not other.exists()
    prompter.save_paths.clear()

    # Verwijderen asks first: "no" keeps it, "yes" deletes it
    prompter.answers.append(False)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(session.repo.attachments.list(family.id)) == 1
    prompter.answers.append(True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert session.repo.attachments.list(family.id) == [] and cells(panel) == []
    logged = [(row.action, row.entity) for row in session.repo.audit.page(limit=20)]
    for action in ("create", "view", "export", "delete"):
        assert (action, "attachment") in logged, logged


def test_an_image_and_a_text_file_are_shown_and_an_office_file_offers_a_copy(
        qtbot, session, prompter, tmp_path: Path) -> None:
    family = _family(session)
    page = _page(qtbot, session, family.id)
    panel = page.detail.paperwork.attachments
    click_tab(qtbot, page.detail.tabs, page.detail.paperwork.attachments_tab)
    text = "Afspraak met de gemeente: één brief, graag vóór vrijdag."
    (tmp_path / "brief.txt").write_text(text, encoding="utf-8")
    docx = tmp_path / "verslag.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    for path in (png_file(tmp_path / "formulier.png"), tmp_path / "brief.txt", docx):
        prompter.open_paths.append(str(path))
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [r[:2] for r in cells(panel)] == [["formulier.png", "Image (PNG)"], ["brief.txt", "Text"],
                                             ["verslag.docx", "Word document"]]

    select_row(qtbot, panel, 0)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # Enter views, as a double-click does
    viewer = panel.viewer
    assert viewer is not None and viewer.image is not None
    pixmap = viewer.image.pixmap()
    assert not pixmap.isNull() and (pixmap.width(), pixmap.height()) == (320, 200)
    assert pixmap.toImage().pixelColor(QPoint(10, 10)) == QColor("#2a7ab0")
    viewer.close()

    select_row(qtbot, panel, 1)
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    viewer = panel.viewer
    assert viewer is not None and viewer.text is not None and viewer.text.toPlainText() == text
    viewer.close()

    select_row(qtbot, panel, 2)
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    viewer = panel.viewer
    assert viewer is not None and viewer.pdf is None and viewer.image is None and viewer.text is None
    assert "cannot show" in viewer.content.text()
    target = tmp_path / "kopie.docx"
    prompter.answers.append(True)
    prompter.save_paths.append(str(target))
    qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == docx.read_bytes()


@pytest.mark.parametrize("case", ["too large", "wrong kind"])
def test_a_refused_file_gets_a_dutch_message_and_nothing_is_stored(qtbot, qapp, session, prompter, tmp_path: Path,
                                                                    case: str) -> None:
    family = _family(session)
    if case == "too large":
        source = tmp_path / "scan.pdf"
        with source.open("wb") as fh:
            fh.write(b"%PDF-1.7\n")
            fh.truncate(MAX_BYTES + 1)
        expected = "25 MB"
    else:
        source = tmp_path / "brief.pdf"
        source.write_text("dit is geen pdf", encoding="utf-8")
        expected = "past niet bij de naam"
    with dutch_catalogue(qapp):
        page = _page(qtbot, session, family.id)
        panel = page.detail.paperwork.attachments
        assert page.detail.tabs.tabText(page.detail.paperwork.attachments_tab).replace("&", "") == "Bijlagen"
        click_tab(qtbot, page.detail.tabs, page.detail.paperwork.attachments_tab)
        assert panel.add_button.text().replace("&", "") == "Bestand toevoegen…"
        prompter.open_paths.append(str(source))
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    title, message = prompter.messages[-1]
    assert title == "Bijlage toevoegen" and expected in message, message
    assert session.repo.attachments.list(family.id) == [] and cells(panel) == []
    assert session.repo.attachments.total_size() == 0


def test_the_referral_dialog_keeps_files_on_the_referral(qtbot, session, prompter, tmp_path: Path) -> None:
    family = _family(session)
    partner = session.repo.partners.add(Partner("Schuldhulp Noord", "debt_help"))
    referral = session.repo.referrals.add(Referral(family.id, partner.id, dt.date(2026, 2, 1)))
    new = ReferralDialog(session, None, family_id=family.id)
    qtbot.addWidget(new)
    assert new.attachments is None  # a referral not saved yet: a note instead
    dialog = ReferralDialog(session, None, family_id=family.id, referral_id=referral.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.attachments is not None
    source = tmp_path / "aanmelding.pdf"
    source.write_bytes(pdf_bytes(1))
    prompter.open_paths.append(str(source))
    qtbot.mouseClick(dialog.attachments.add_button, Qt.MouseButton.LeftButton)
    [stored] = session.repo.attachments.of_referral(referral.id)
    assert stored.name == "aanmelding.pdf" and stored.family_id == family.id
    assert [r[0] for r in cells(dialog.attachments)] == ["aanmelding.pdf"]
    assert not dialog.has_unsaved_input()  # adding a file is stored at once: closing asks nothing


def test_the_contact_dialog_keeps_files_on_the_contact(qtbot, session, prompter, tmp_path: Path) -> None:
    family = _family(session)
    contact = session.repo.contacts.add(Contact(family.id, dt.date(2026, 2, 3), 30, "phone", note="belletje"))
    other = session.repo.contacts.add(Contact(family.id, dt.date(2026, 2, 4), 30, "phone"))
    dialog = ContactDialog(session, None, contact_id=contact.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.attachments is not None
    source = png_file(tmp_path / "foto-formulier.png")
    prompter.open_paths.append(str(source))
    qtbot.mouseClick(dialog.attachments.add_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in session.repo.attachments.of_contact(contact.id)] == ["foto-formulier.png"]
    assert session.repo.attachments.of_contact(other.id) == []
    # the family's tab lists every file of the family, the one on the contact too
    page = _page(qtbot, session, family.id)
    assert [r[0] for r in cells(page.detail.paperwork.attachments)] == ["foto-formulier.png"]
    QApplication.processEvents()
