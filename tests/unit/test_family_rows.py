"""A family's contacts, referrals and follow-ups are stored together (issue 6): their ids come from a
range of the family's own (``schema.next_family_row_id``), so SQLite keeps them on a few pages
however many other families were written in between."""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import Consent, Contact, Family, FollowUp, Partner, Referral
from brugdesk.store.schema.rowids import FAMILY_ROW_BITS, FAMILY_ROW_TABLES, family_row_range
from brugdesk.store.vault import Vault

DAY = dt.date(2026, 3, 2)


def _contact(family_id: int, day: dt.date, note: str) -> Contact:
    return Contact(family_id=family_id, date=day, minutes=30, kind="home_visit", with_whom=["parents"],
                   themes=["parenting"], note=note)


def test_rows_written_in_turns_get_ids_from_their_familys_range(vault: Vault) -> None:
    repo = vault.repo
    a = repo.families.create(Family("Fam. Aarts", dt.date(2025, 9, 1))).id
    b = repo.families.create(Family("Fam. Bos", dt.date(2025, 9, 1))).id
    assert a is not None and b is not None
    partner = repo.partners.add(Partner("Wijkteam Noord", "wijkteam")).id
    assert partner is not None
    written: dict[int, list[int]] = {a: [], b: []}
    for week in range(6):  # the officer's weeks: the two families in turn
        for family_id in (a, b):
            day = DAY + dt.timedelta(days=7 * week)
            contact = repo.contacts.add(_contact(family_id, day, f"week {week}"), today=day + dt.timedelta(days=60))
            assert contact.id is not None
            written[family_id].append(contact.id)
    for family_id, ids in written.items():
        low, high = family_row_range(family_id)
        assert ids == list(range(low + 1, low + 7))  # in writing order, one after the other
        assert all(low < i < high for i in ids)
        timeline = repo.contacts.list(family_id)
        assert [c.id for c in timeline] == ids[::-1]  # newest first
        assert [c.themes for c in timeline] == [["parenting"]] * 6
    referral = repo.referrals.add(Referral(family_id=b, partner_id=partner, date=DAY, themes=["money"],
                                           sharing_consent=Consent(DAY, "moeder")), today=DAY)
    followup = repo.followups.add(FollowUp(a, "Bellen over de aanvraag", DAY + dt.timedelta(days=3)))
    assert referral.id == family_row_range(b)[0] + 1
    assert followup.id == family_row_range(a)[0] + 1
    assert [r.id for r in repo.referrals.list(b)] == [referral.id]
    assert [u.id for u in repo.followups.list(a)] == [followup.id]


def test_ids_already_in_a_range_are_stepped_over_and_a_deleted_newest_id_is_not_a_clash(vault: Vault) -> None:
    """Rows written before keep their ids (numbered across the whole vault). Should one of them fall
    inside a family's range — a vault with over a million contacts — the next id steps over it."""
    repo = vault.repo
    a = repo.families.create(Family("Fam. Aarts", dt.date(2025, 9, 1))).id
    b = repo.families.create(Family("Fam. Bos", dt.date(2025, 9, 1))).id
    assert a is not None and b is not None
    low_a = family_row_range(a)[0]
    # an old row of family b whose (whole-vault) id lies in family a's range
    vault.conn.execute("INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at) "
                       "VALUES (?, ?, '2026-01-05', 30, 'phone', 'parents', 'oud', '2026-01-05')", (low_a + 1, b))
    first = repo.contacts.add(_contact(a, DAY, "nieuw"), today=DAY)
    assert first.id == low_a + 2
    second = repo.contacts.add(_contact(a, DAY, "nog een"), today=DAY)
    assert second.id is not None
    repo.contacts.delete(second.id)
    again = repo.contacts.add(_contact(a, DAY, "opnieuw"), today=DAY)
    assert again.id == second.id  # as SQLite's own rowids: the highest free one, never a clash
    assert {c.note for c in repo.contacts.list(a)} == {"nieuw", "opnieuw"}
    assert [c.note for c in repo.contacts.list(b)] == ["oud"]


def test_the_demo_vault_is_written_day_by_day_with_the_same_ids(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    for table in FAMILY_ROW_TABLES:
        outside = conn.execute(f"SELECT count(*) FROM {table} WHERE id >> {FAMILY_ROW_BITS} != family_id")
        assert outside.fetchone()[0] == 0, table
    # written day by day: within a family a later contact never has a lower id
    assert conn.execute("SELECT count(*) FROM contact a JOIN contact b ON b.family_id = a.family_id "
                        "AND b.id > a.id AND b.date < a.date").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM followup u JOIN contact c ON c.id = u.contact_id "
                        "WHERE c.family_id != u.family_id").fetchone()[0] == 0
