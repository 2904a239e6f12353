"""Parents' requests from the family detail: the inspection export (AVG art. 15) and erasure (art. 17)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole
from brugdesk.errors import NotFound
from brugdesk.ui.views.families import FamiliesPage


def _family(session, name: str, child: str, note: str) -> Family:
    repo = session.repo
    family = repo.families.create(Family(name, dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE))
    repo.members.add(Member(MemberRole.CHILD, child, family_id=family.id, birth_year=2016))
    repo.contacts.add(Contact(family.id, dt.date(2026, 1, 13), 45, "home_visit", note=note))
    return family


def _page(qtbot, session, family_id: int) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.open_family(family_id)
    return page


def test_inspection_export_from_the_family_holds_this_family_only(qtbot, session, prompter, tmp_path: Path) -> None:
    ours = _family(session, "Fam. Inzagestra", "Kanariekind", "NOTITIEVANONS")
    _family(session, "Fam. Anderman", "Vreemdkind", "NOTITIEVANANDEREN")
    page = _page(qtbot, session, ours.id)
    target = tmp_path / "inzage.pdf"
    prompter.save_paths.append(str(target))
    assert page.detail.requests_button.menu() is not None
    page.detail.export_action.trigger()
    assert target.exists()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Inzagestra" in text and "Kanariekind" in text and "NOTITIEVANONS" in text
    assert "Anderman" not in text and "Vreemdkind" not in text and "NOTITIEVANANDEREN" not in text


def test_erasure_from_the_family_names_what_goes_and_deletes_it(qtbot, session) -> None:
    family = _family(session, "Fam. Wisselink", "Wiskind", "WEGTEGOOIEN")
    page = _page(qtbot, session, family.id)
    dialog = page.detail.erase_family()
    assert dialog is not None
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.status)))
    assert "Fam. Wisselink" in texts and family.ref in texts
    assert not dialog.erase_button.isEnabled()  # only after confirming that the parents asked
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    try:
        session.repo.families.get(family.id)
        raise AssertionError("the family still exists")
    except NotFound:
        pass
    assert session.repo.families.search("wiskind") == []
