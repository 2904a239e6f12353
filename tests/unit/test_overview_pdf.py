"""Gezinsoverzicht and Warme overdracht read back from the PDF (pdftotext and pypdf): what is in it,
the notes only when asked, no name in the file name or the metadata, long text over pages, and the
handover refused without recorded consent unless the officer confirmed."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugdesk.core.model import (
    Consent,
    Contact,
    Family,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
)
from brugdesk.privacy.overview import (
    HandoverParts,
    NoSharingConsent,
    family_overview,
    handover_consent,
    handover_filename,
    overview_filename,
    warm_handover,
)
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 1)


def text_of(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def case(new_vault: tuple[Vault, str]) -> tuple[Vault, int, int, int]:
    vault = new_vault[0]
    repo = vault.repo
    family = repo.families.intake(
        Family("Fam. Verhoeven", dt.date(2025, 9, 1), phone="06-11112222"),
        [Member(MemberRole.PARENT, "Ingrid", phone="06-33334444")],
        [Member(MemberRole.CHILD, "Daan", birth_year=2016, group="5")], today=TODAY)
    assert family.id is not None
    partner = repo.partners.add(Partner("Schuldhulp Oost", "debt_help"))
    assert partner.id is not None
    open_ref = repo.referrals.add(Referral(family.id, partner.id, dt.date(2026, 1, 10), need="Schulden op orde",
                                           status=ReferralStatus.REFERRED), today=TODAY)
    closed_partner = repo.partners.add(Partner("Voedselbank", "food_bank"))
    assert closed_partner.id is not None
    consented = repo.referrals.add(Referral(family.id, closed_partner.id, dt.date(2026, 1, 12),
                                            sharing_consent=Consent(dt.date(2026, 1, 12), "Ingrid", "alles")),
                                   today=TODAY)
    repo.followups.add(FollowUp(family.id, "Bellen met school over Daan", dt.date(2026, 3, 10)))
    repo.contacts.add(Contact(family.id, dt.date(2026, 1, 5), 60, "home_visit", note="Notitie-GEHEIM-1"),
                      today=TODAY)
    repo.contacts.add(Contact(family.id, dt.date(2026, 2, 5), 15, "phone", note="lang " * 2000), today=TODAY)
    assert open_ref.id is not None and consented.id is not None
    return vault, family.id, open_ref.id, consented.id


def test_the_family_overview_summarises_and_leaves_the_notes_out(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, family_id, _open, _consented = case
    assert overview_filename(TODAY) == "gezinsoverzicht-2026-03-01.pdf"
    target = family_overview(vault, family_id, tmp_path / overview_filename(TODAY), today=TODAY)
    text = text_of(target)
    for expected in ("Gezinsoverzicht", "Vertrouwelijk", "Fam. Verhoeven", "Ingrid", "Daan", "2016",
                     "Schuldhulp Oost", "verwezen (10-01-2026)", "Schulden op orde", "Bellen met school over Daan",
                     "2 contacten van 05-01-2026 tot 05-02-2026, samen 1:15", "Huisbezoek", "Telefonisch"):
        assert expected in text, expected
    assert "Notitie-GEHEIM-1" not in text and "lang lang" not in text
    open_part = text.split("Lopende doorverwijzingen")[1].split("Openstaande acties")[0]
    assert "Voedselbank voorgesteld (12-01-2026)" in open_part  # proposed is still open
    meta = PdfReader(target).metadata
    assert meta is not None and "Verhoeven" not in " ".join(str(v) for v in meta.values())
    assert [e.action for e in vault.repo.audit.about_family(family_id)][-1] == "overview"


def test_with_notes_a_long_note_runs_over_pages(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, family_id, _open, _consented = case
    target = family_overview(vault, family_id, tmp_path / "o.pdf", with_notes=True, today=TODAY)
    text = text_of(target)
    assert "Notitie-GEHEIM-1" in text
    assert text.count("lang") >= 2000  # the whole note, over more than one page
    assert len(PdfReader(target).pages) >= 2


def test_a_warm_handover_needs_recorded_consent_or_the_officers_word(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, _family_id, open_ref, consented = case
    assert handover_consent(vault, open_ref) is None
    with pytest.raises(NoSharingConsent) as info:
        warm_handover(vault, open_ref, tmp_path / "w.pdf", HandoverParts(), today=TODAY)
    assert "geen toestemming vastgelegd" in info.value.text()
    assert not (tmp_path / "w.pdf").exists()
    target = warm_handover(vault, open_ref, tmp_path / handover_filename(TODAY), HandoverParts(members=False),
                           consent_confirmed=True, today=TODAY)
    text = text_of(target)
    assert "Warme overdracht" in text and "Schuldhulp Oost" in text and "Schulden op orde" in text
    assert "de brugfunctionaris bevestigde dat de ouders instemden" in text
    assert "Daan" not in text and "Ingrid" not in text  # members not ticked
    assert "Notitie-GEHEIM-1" not in text and "Contactgeschiedenis" not in text

    consent = handover_consent(vault, consented)
    assert consent is not None and consent.given_by == "Ingrid"
    target = warm_handover(vault, consented, tmp_path / "v.pdf", HandoverParts(contacts=True), today=TODAY)
    text = text_of(target)
    assert "12-01-2026, gegeven door Ingrid" in text
    assert "Daan" in text and "Contactgeschiedenis" in text and "Notitie-GEHEIM-1" not in text
