"""Text snippets found by a few letters, attendance per family at group activities, the officer's own
name and function, and the audit log viewer's page with each family's reference (kenmerk)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.model import Activity, Contact, Family, Snippet
from brugdesk.core.validation import ValidationError
from brugdesk.privacy import retention
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


def test_snippets_are_found_by_a_few_letters(vault: Vault) -> None:
    snippets = vault.repo.snippets
    hb = snippets.add(Snippet("hb", "Huisbezoek afgelegd; ouders waren beiden aanwezig."))
    snippets.add(Snippet("hbt", "Huisbezoek met tolk via de telefoon."))
    snippets.add(Snippet("lg", "Aanvraag Stichting Leergeld samen ingevuld."))
    snippets.add(Snippet("terug", "Terugkoppeling gevraagd aan het wijkteam."))
    assert [s.abbreviation for s in snippets.lookup("hb")] == ["hb", "hbt"]  # exact first
    assert [s.abbreviation for s in snippets.lookup("HB")] == ["hb", "hbt"]  # case ignored
    assert [s.abbreviation for s in snippets.lookup("leerg")] == ["lg"]  # found in the text
    assert [s.abbreviation for s in snippets.lookup("ter")] == ["terug"]
    assert snippets.lookup("") == [] and snippets.lookup("xyz") == []
    with pytest.raises(ValidationError) as info:
        snippets.add(Snippet("HB", "iets anders"))
    assert info.value.errors == {"abbreviation": "Er is al een tekst met deze letters."}
    with pytest.raises(ValidationError) as info:
        snippets.add(Snippet("twee woorden", " "))
    assert info.value.errors == {"abbreviation": "Gebruik één kort woord van hoogstens 20 tekens.",
                                 "text": "Vul de tekst in."}
    assert hb.id is not None
    snippets.move(hb.id, 2)
    assert [s.abbreviation for s in snippets.list()] == ["hbt", "lg", "hb", "terug"]
    hb.text = "Huisbezoek."
    snippets.update(hb)
    snippets.delete(hb.id)
    assert [s.abbreviation for s in snippets.lookup("hb")] == ["hbt"]


def test_attendance_per_family(vault: Vault) -> None:
    repo = vault.repo
    a = repo.families.create(Family("Fam. Aarts", dt.date(2025, 9, 1)), today=TODAY).id
    b = repo.families.create(Family("Fam. Bos", dt.date(2025, 9, 1)), today=TODAY).id
    assert a is not None and b is not None
    coffee = repo.activities.add(Activity(dt.date(2026, 2, 3), "coffee_morning", parents_count=9, family_ids=[a, b]),
                                 today=TODAY)
    workshop = repo.activities.add(Activity(dt.date(2026, 3, 3), "workshop", parents_count=4), today=TODAY)
    assert coffee.id is not None and workshop.id is not None
    repo.activities.set_attendance(workshop.id, [a])
    assert [x.id for x in repo.activities.of_family(a)] == [workshop.id, coffee.id]
    assert [x.id for x in repo.activities.of_family(b)] == [coffee.id]
    assert [ref for _i, ref, _n in repo.activities.attendees(coffee.id)] == ["G-2025-001", "G-2025-002"]
    assert repo.activities.get(coffee.id).family_ids == [a, b]
    assert repo.activities.get(coffee.id).parents_count == 9  # the count stays
    with pytest.raises(ValidationError) as info:
        repo.activities.add(Activity(dt.date(2026, 2, 3), "workshop", parents_count=1, family_ids=[a, b]),
                            today=TODAY)
    assert info.value.errors == {"family_ids": "Er zijn meer gezinnen als aanwezig aangevinkt dan er ouders waren."}
    retention.erase_family(vault, a, today=TODAY)
    assert repo.activities.get(coffee.id).family_ids == [b]  # the activity stays, the family's mark goes


def test_the_officers_name_and_function(vault: Vault) -> None:
    settings = vault.repo.settings
    assert (settings.officer_name, settings.officer_function) == ("", "")
    settings.set_officer("  Marieke de Boer ", "Brugfunctionaris")
    assert (settings.officer_name, settings.officer_function) == ("Marieke de Boer", "Brugfunctionaris")
    assert vault.meta("officer") == "Marieke de Boer"  # where the inspection export reads it
    with pytest.raises(ValidationError) as info:
        settings.set_officer("x" * 101, "")
    assert info.value.errors == {"officer_name": "Houd het kort: hoogstens 100 tekens."}
    assert settings.officer_name == "Marieke de Boer"


def test_the_audit_page_names_families_by_reference_only(vault: Vault) -> None:
    repo = vault.repo
    family = repo.families.create(Family("Fam. Özdemir", dt.date(2025, 9, 1)), today=TODAY)
    assert family.id is not None
    contact = repo.contacts.add(Contact(family.id, TODAY, 30, "phone"), today=TODAY)
    repo.families.record_view(family.id)
    page = repo.audit.page(limit=10)
    assert page[0].action == "view" and page[0].family_ref == family.ref
    by_entity = {(r.entity, r.action): r.family_ref for r in page}
    assert by_entity[("contact", "create")] == family.ref
    assert by_entity[("family", "create")] == family.ref
    [first] = repo.audit.page(limit=1, offset=repo.audit.count() - 1)
    assert (first.action, first.family_ref) == ("create_vault", "")  # about no family
    assert all("Özdemir" not in str(r) for r in page)
    assert [r.id for r in repo.audit.page(limit=2, offset=1)] == [r.id for r in page[1:3]]
    assert repo.audit.count() >= len(page)
    assert contact.id is not None
    repo.contacts.delete(contact.id)  # a row deleted since: its entries have no reference any more
    assert {r.family_ref for r in repo.audit.page(limit=100) if r.entity == "contact"} == {""}
