"""Intake in one go: a family with its parents and children in one transaction, the parents' own
contact details and gezag, validated with Dutch messages; nothing written when anything is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.model import Family, Member, MemberRole, ParentalAuthority, School, SchoolType
from brugdesk.core.text import family_surname
from brugdesk.core.validation import ValidationError, is_email, is_phone
from brugdesk.store import audit
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


def _school(vault: Vault, name: str = "Basisschool De Linde") -> int:
    school = vault.repo.schools.add(School(name, SchoolType.PO))
    assert school.id is not None
    return school.id


def test_an_intake_with_two_parents_and_two_children_is_one_family(vault: Vault) -> None:
    school = _school(vault)
    family = Family("Fam. Özdemir", dt.date(2026, 3, 2), signal_source="teacher", school_ids=[school])
    mother = Member(MemberRole.PARENT, "Ayşe", "Özdemir", phone="06-12345678", email="ayse@example.nl",
                    authority=ParentalAuthority.YES)
    father = Member(MemberRole.PARENT, "Mehmet", "Kaya", address="Lindelaan 4, Utrecht",
                    authority=ParentalAuthority.NO)
    milan = Member(MemberRole.CHILD, "Milan", birth_year=2018, group="5")
    zoe = Member(MemberRole.CHILD, "Zoë", "Kaya", birth_year=2020, group="3")
    entries_before = vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0]

    made = vault.repo.families.intake(family, [mother, father], [milan, zoe], today=TODAY)

    assert made.id is not None and made.ref == "G-2026-001"
    members = vault.repo.members.list(made.id)
    assert [(m.role, m.first_name, m.last_name) for m in members] == [
        (MemberRole.PARENT, "Ayşe", "Özdemir"), (MemberRole.PARENT, "Mehmet", "Kaya"),
        (MemberRole.CHILD, "Milan", "Özdemir"),  # the family's surname
        (MemberRole.CHILD, "Zoë", "Kaya"),  # a surname typed is kept
    ]
    parents = {m.first_name: m for m in members if m.role == MemberRole.PARENT}
    assert (parents["Ayşe"].phone, parents["Ayşe"].email, parents["Ayşe"].authority) == (
        "06-12345678", "ayse@example.nl", ParentalAuthority.YES)
    assert (parents["Mehmet"].address, parents["Mehmet"].authority) == ("Lindelaan 4, Utrecht", ParentalAuthority.NO)
    children = [m for m in members if m.role == MemberRole.CHILD]
    assert [c.school_id for c in children] == [school, school]  # the family's one school
    assert [c.group for c in children] == ["5", "3"]
    # found by a child's name; one audit entry per row (family + four members), in one go
    assert [r.id for r in vault.repo.families.rows(search="milan")] == [made.id]
    assert vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0] - entries_before == 5
    assert audit.verify_chain(vault.conn) is None


def test_children_keep_no_school_when_the_family_has_two(vault: Vault) -> None:
    a, b = _school(vault), _school(vault, "Het Baken")
    family = Family("Gezin Bakker", dt.date(2026, 3, 2), school_ids=[a, b])
    child = Member(MemberRole.CHILD, "Emma")
    vault.repo.families.intake(family, [], [child], today=TODAY)
    assert child.school_id is None
    assert child.last_name == "Bakker"


def test_a_wrong_email_in_the_second_parent_writes_nothing_and_says_where(vault: Vault) -> None:
    family = Family("Fam. de Vries", dt.date(2026, 3, 2))
    parents = [Member(MemberRole.PARENT, "Sanne", email="sanne@example.nl"),
               Member(MemberRole.PARENT, "Mark", email="mark@example", phone="bel maar")]
    children = [Member(MemberRole.CHILD, "", birth_year=2019)]
    with pytest.raises(ValidationError) as info:
        vault.repo.families.intake(family, parents, children, today=TODAY)
    assert info.value.errors == {
        "parents.1.email": "Dit is geen e-mailadres.",
        "parents.1.phone": "Dit is geen telefoonnummer.",
        "children.0.first_name": "Vul een voornaam in.",
    }
    assert vault.repo.families.count() == 0
    assert vault.conn.execute("SELECT count(*) FROM member").fetchone()[0] == 0
    # what was typed is kept
    assert parents[1].email == "mark@example" and family.id is None


def test_an_intake_needs_someone_and_a_failure_halfway_rolls_everything_back(vault: Vault) -> None:
    with pytest.raises(ValidationError) as info:
        vault.repo.families.intake(Family("Fam. Leeg", dt.date(2026, 3, 2)), [], [], today=TODAY)
    assert info.value.errors == {"members": "Voeg minstens één ouder of kind toe."}
    # a member row the database refuses (a school that does not exist) after the family was written
    child = Member(MemberRole.CHILD, "Noor", school_id=999)
    with pytest.raises(Exception):  # noqa: B017 - the foreign key; what matters is what is left
        vault.repo.families.intake(Family("Fam. Mulder", dt.date(2026, 3, 2)), [], [child], today=TODAY)
    assert vault.repo.families.count() == 0
    assert vault.conn.execute("SELECT count(*) FROM member").fetchone()[0] == 0


def test_a_parent_in_the_children_list_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError) as info:
        vault.repo.families.intake(Family("Fam. Smit", dt.date(2026, 3, 2)), [],
                                   [Member(MemberRole.PARENT, "Linda")], today=TODAY)
    assert "children.0.role" in info.value.errors


def test_member_contact_details_are_validated_on_their_own_too(vault: Vault) -> None:
    family = vault.repo.families.create(Family("Fam. Visser", dt.date(2026, 3, 2)), today=TODAY)
    parent = Member(MemberRole.PARENT, "Iris", family_id=family.id, email="iris@@example.nl")
    with pytest.raises(ValidationError) as info:
        vault.repo.members.add(parent, today=TODAY)
    assert info.value.errors == {"email": "Dit is geen e-mailadres."}
    parent.email = " iris@example.nl "
    parent.authority = ParentalAuthority.YES
    vault.repo.members.add(parent, today=TODAY)
    parent.phone, parent.authority = "+31 6 1234 5678", ParentalAuthority.NO
    assert family.id is not None
    vault.repo.members.update(parent, today=TODAY)
    [stored] = vault.repo.members.list(family.id)
    assert (stored.email, stored.phone, stored.authority) == ("iris@example.nl", "+31 6 1234 5678",
                                                             ParentalAuthority.NO)


@pytest.mark.parametrize(("text", "ok"), [
    ("", True), ("a@b.nl", True), ("jan.de.vries+school@gemeente.utrecht.nl", True),
    ("a@b", False), ("a b@c.nl", False), ("@b.nl", False), ("a@@b.nl", False), ("a@b..nl", False),
])
def test_email_addresses(text: str, ok: bool) -> None:
    assert is_email(text) is ok


@pytest.mark.parametrize(("text", "ok"), [
    ("", True), ("06-12345678", True), ("+31 (0)30 123 45 67", True), ("030/1234567", True),
    ("12345", False), ("bel maar", False), ("06-1234567890123456", False),
])
def test_phone_numbers(text: str, ok: bool) -> None:
    assert is_phone(text) is ok


@pytest.mark.parametrize(("name", "surname"), [
    ("Fam. de Jong", "de Jong"), ("Familie Yılmaz", "Yılmaz"), ("gezin Bakker", "Bakker"), ("Bakker", "Bakker"),
    ("Fam.", "Fam."),
])
def test_the_surname_in_a_family_name(name: str, surname: str) -> None:
    assert family_surname(name) == surname
