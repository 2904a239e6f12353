"""The service layer on a real vault: families, members, contacts, referrals, follow-ups (issue 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.lists import ListName
from brugdesk.core.model import (
    Activity,
    Consent,
    Contact,
    Family,
    FamilyStatus,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
    School,
    SchoolType,
)
from brugdesk.core.validation import ValidationError
from brugdesk.store import audit
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


@pytest.fixture
def school(vault: Vault) -> School:
    return vault.repo.schools.add(School("Basisschool De Linde", SchoolType.PO, "12AB", 280))


def _family(vault: Vault, school: School, name: str = "Fam. Özdemir", start: dt.date = dt.date(2025, 9, 2)) -> Family:
    assert school.id is not None
    return vault.repo.families.create(
        Family(name, start, signal_source="teacher", themes=["money", "parenting"], school_ids=[school.id],
               consent=Consent(start, "moeder", "school en wijkteam")),
        today=TODAY,
    )


def test_reference_codes_are_generated_per_start_year(vault: Vault, school: School) -> None:
    a = _family(vault, school, "Fam. A", dt.date(2025, 9, 1))
    b = _family(vault, school, "Fam. B", dt.date(2025, 10, 1))
    c = _family(vault, school, "Fam. C", dt.date(2026, 1, 5))
    assert (a.ref, b.ref, c.ref) == ("G-2025-001", "G-2025-002", "G-2026-001")
    assert vault.repo.families.by_ref("g-2025-002").display_name == "Fam. B"


def test_family_round_trip_keeps_every_field(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    family.home_language, family.interpreter_needed, family.email = "Turks", True, "ouder@example.org"
    vault.repo.families.update(family, today=TODAY)
    assert family.id is not None
    again = vault.repo.families.get(family.id)
    assert again == family


def test_search_finds_family_name_reference_and_member_names_without_accents(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    vault.repo.members.add(Member(MemberRole.CHILD, "Zoë", "Özdemir", 2017, school.id, "5", family_id=family.id),
                           today=TODAY)
    other = _family(vault, school, "Fam. Jansen")
    assert [r.id for r in vault.repo.families.search("zoe")] == [family.id]
    assert [r.id for r in vault.repo.families.search("OZDEMIR")] == [family.id]
    assert [r.id for r in vault.repo.families.search(family.ref)] == [family.id]
    assert [r.id for r in vault.repo.families.search("jansen")] == [other.id]
    assert vault.repo.families.search("zoe jansen") == []  # words combine with AND


def test_list_rows_show_last_contact_next_followup_and_open_referrals(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    vault.repo.contacts.add(Contact(family.id, dt.date(2025, 9, 3), 60, "home_visit", ["parents"],
                                    followup_text="Nabellen", followup_date=dt.date(2025, 9, 20)), today=TODAY)
    vault.repo.contacts.add(Contact(family.id, dt.date(2025, 10, 1), 30, "phone"), today=TODAY)
    partner = vault.repo.partners.add(Partner("Wijkteam Oost", "wijkteam"))
    assert partner.id is not None
    vault.repo.referrals.add(Referral(family.id, partner.id, dt.date(2025, 9, 10)), today=TODAY)
    row = vault.repo.families.row(family.id)
    assert row.last_contact == dt.date(2025, 10, 1)
    assert row.next_followup == dt.date(2025, 9, 20)
    assert row.open_referrals == 1
    assert row.schools == "Basisschool De Linde"
    assert row.status == FamilyStatus.ACTIVE  # the first contact makes a registered family active


def test_filters_combine(vault: Vault, school: School) -> None:
    a = _family(vault, school, "Fam. A")
    b = vault.repo.families.create(Family("Fam. B", dt.date(2025, 9, 1), themes=["housing"]), today=TODAY)
    assert [r.id for r in vault.repo.families.rows(theme="money")] == [a.id]
    assert [r.id for r in vault.repo.families.rows(school_id=school.id)] == [a.id]
    assert {r.id for r in vault.repo.families.rows(status=FamilyStatus.REGISTERED)} == {a.id, b.id}


def test_close_and_reopen(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    with pytest.raises(ValidationError) as info:
        vault.repo.families.close(family.id, dt.date(2025, 8, 1), "resolved", today=TODAY)
    assert info.value.errors == {"closed_date": "De datum van afsluiten kan niet vóór de startdatum liggen."}
    assert vault.repo.families.get(family.id).status == FamilyStatus.REGISTERED  # nothing half-saved
    vault.repo.families.close(family.id, dt.date(2026, 2, 1), "resolved", today=TODAY)
    closed = vault.repo.families.get(family.id)
    assert (closed.status, closed.closed_date, closed.closure_outcome) == (FamilyStatus.CLOSED,
                                                                           dt.date(2026, 2, 1), "resolved")
    reopened = vault.repo.families.reopen(family.id)
    assert (reopened.status, reopened.closed_date, reopened.closure_outcome) == (FamilyStatus.ACTIVE, None, "")
    actions = [e.action for e in audit.entries(vault.conn, entity="family", entity_id=family.id)]
    assert "close" in actions and "reopen" in actions


def test_referral_moves_through_statuses_with_dated_history(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    partner = vault.repo.partners.add(Partner("Schuldhulp", "debt_help"))
    assert family.id is not None and partner.id is not None
    referral = vault.repo.referrals.add(
        Referral(family.id, partner.id, dt.date(2025, 9, 10), themes=["money"],
                 sharing_consent=Consent(dt.date(2025, 9, 10), "vader"), warm_handover=True), today=TODAY)
    assert referral.id is not None
    steps = [(ReferralStatus.REFERRED, dt.date(2025, 9, 12)), (ReferralStatus.WAITING_LIST, dt.date(2025, 9, 20)),
             (ReferralStatus.ACCEPTED, dt.date(2025, 10, 15)), (ReferralStatus.COMPLETED, dt.date(2026, 1, 30))]
    for status, day in steps:
        referral = vault.repo.referrals.change_status(referral.id, status, day, today=TODAY)  # type: ignore[arg-type]
    assert referral.status == ReferralStatus.COMPLETED
    assert [(h.status, h.date) for h in referral.history] == [(ReferralStatus.PROPOSED, dt.date(2025, 9, 10)), *steps]
    # a completed referral cannot go back to "referred"
    with pytest.raises(ValidationError) as info:
        vault.repo.referrals.change_status(referral.id, ReferralStatus.REFERRED, dt.date(2026, 2, 1),  # type: ignore[arg-type]
                                           today=TODAY)
    assert "status" in info.value.errors


def test_status_change_cannot_be_dated_before_the_previous(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    partner = vault.repo.partners.add(Partner("JGZ", "jgz"))
    assert family.id is not None and partner.id is not None
    referral = vault.repo.referrals.add(Referral(family.id, partner.id, dt.date(2025, 9, 10)), today=TODAY)
    assert referral.id is not None
    with pytest.raises(ValidationError) as info:
        vault.repo.referrals.change_status(referral.id, ReferralStatus.REFERRED, dt.date(2025, 9, 1), today=TODAY)
    assert info.value.errors == {"status_date": "Een statuswijziging kan niet vóór de vorige gedateerd zijn."}


def test_followups_due_overdue_and_done(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    vault.repo.contacts.add(Contact(family.id, dt.date(2026, 3, 1), 45, "home_visit",
                                    followup_text="Formulier ophalen", followup_date=dt.date(2026, 3, 10)),
                            today=TODAY)
    vault.repo.contacts.add(Contact(family.id, dt.date(2026, 3, 2), 15, "phone",
                                    followup_text="Terugbellen", followup_date=dt.date(2026, 3, 30)), today=TODAY)
    due = vault.repo.followups.due(TODAY)
    assert [r.followup.text for r in due] == ["Formulier ophalen"]
    assert due[0].family_ref == family.ref
    first = due[0].followup
    assert first.id is not None
    vault.repo.followups.set_done(first.id, TODAY)
    assert vault.repo.followups.due(TODAY) == []
    assert [r.followup.text for r in vault.repo.followups.done(dt.date(2026, 3, 1))] == ["Formulier ophalen"]
    assert [r.followup.text for r in vault.repo.followups.open()] == ["Terugbellen"]


def test_contact_timeline_is_newest_first_and_remembers_the_last_kind(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    for day, kind in [(dt.date(2025, 9, 3), "home_visit"), (dt.date(2025, 11, 3), "phone"),
                      (dt.date(2025, 10, 3), "school_talk")]:
        vault.repo.contacts.add(Contact(family.id, day, 30, kind), today=TODAY)
    assert [c.date.month for c in vault.repo.contacts.list(family.id)] == [11, 10, 9]
    assert vault.repo.contacts.last_kind() == "school_talk"


def test_invalid_contact_is_refused_and_nothing_is_written(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    before = vault.repo.contacts.count()
    with pytest.raises(ValidationError):
        vault.repo.contacts.add(Contact(family.id, TODAY + dt.timedelta(days=1), 0, "home_visit"), today=TODAY)
    assert vault.repo.contacts.count() == before


def test_members_and_activities(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    mum = vault.repo.members.add(Member(MemberRole.PARENT, "Ayşe", family_id=family.id), today=TODAY)
    kid = vault.repo.members.add(Member(MemberRole.CHILD, "Elif", "Özdemir", 2016, school.id, "6",
                                        family_id=family.id), today=TODAY)
    assert [m.first_name for m in vault.repo.members.list(family.id)] == ["Ayşe", "Elif"]
    assert kid.id is not None and mum.id is not None
    vault.repo.members.delete(kid.id)
    assert vault.repo.families.search("elif") == []
    activity = vault.repo.activities.add(Activity(dt.date(2026, 2, 3), "coffee_morning", school.id, 12, 90,
                                                  ["parenting"]), today=TODAY)
    activity.parents_count = 14
    vault.repo.activities.update(activity, today=TODAY)
    assert [a.parents_count for a in vault.repo.activities.list()] == [14]


def test_lists_ship_dutch_defaults_and_are_editable(vault: Vault) -> None:
    labels = vault.repo.lists.labels(ListName.CONTACT_KIND)
    assert labels["home_visit"] == "Huisbezoek"
    item = vault.repo.lists.add(ListName.THEME, "Mantelzorg")
    assert item.code.startswith("custom_")
    vault.repo.lists.rename(ListName.THEME, item.code, "Mantelzorg thuis")
    vault.repo.lists.set_active(ListName.THEME, "divorce", False)
    codes = [i.code for i in vault.repo.lists.items(ListName.THEME)]
    assert item.code in codes and "divorce" not in codes
    assert vault.repo.lists.label(ListName.THEME, "divorce") == "Scheiding"  # hidden, still labelled for old data
    with pytest.raises(ValidationError):
        vault.repo.lists.add(ListName.THEME, "mantelzorg thuis")


def test_settings_validate(vault: Vault) -> None:
    assert vault.repo.settings.report_threshold == 5
    assert vault.repo.settings.term_starts == ((8, 1), (1, 1), (4, 1))
    vault.repo.settings.set_report_threshold(7)
    assert vault.repo.settings.report_threshold == 7
    with pytest.raises(ValidationError) as info:
        vault.repo.settings.set_report_threshold(2)
    assert info.value.errors["report_threshold"] == "De drempel moet tussen 3 en 20 liggen."
    vault.repo.settings.set_term_starts([(8, 1), (11, 1), (2, 1), (5, 1)])
    assert len(vault.repo.settings.term_starts) == 4


def test_every_change_is_audited_without_free_text(vault: Vault, school: School) -> None:
    family = _family(vault, school)
    assert family.id is not None
    vault.repo.contacts.add(Contact(family.id, dt.date(2025, 9, 3), 60, "home_visit", note="Geheime notitie"),
                            today=TODAY)
    rows = vault.conn.execute("SELECT * FROM audit").fetchall()
    text = repr(rows)
    assert "Özdemir" not in text and "Geheime" not in text
    assert audit.verify_chain(vault.conn) is None
    assert {r[2] for r in rows} >= {"create_vault", "create"}
