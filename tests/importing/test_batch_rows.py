"""What one import writes, row by row, as the rest of the app expects it: every family, member and
contact with its record key (for the report's protection), references that go on from the vault's
own, the search text and sort name, the school names of the Gezinnen list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from brugdesk.core.model import Family, School
from brugdesk.importing import ImportKind, Mapping, Workbook, commit, preview
from brugdesk.store.vault import Vault
from tests.importing.sheetfiles import write_xlsx

TODAY = dt.date(2026, 1, 15)


def _import(vault: Vault, path: Path, kind: ImportKind) -> None:
    sheet = Workbook(path).sheet()
    commit(preview(sheet, Mapping.suggested(sheet, kind), vault.repo, today=TODAY), vault.repo, today=TODAY)


def test_imported_rows_carry_record_keys_references_search_text_and_school_names(vault: Vault,
                                                                                 tmp_path: Path) -> None:
    vault.repo.schools.add(School("De Regenboog"))
    first = vault.repo.families.create(Family("Fam. Eerder", dt.date(2025, 8, 25)))
    rows: list[list[object]] = [["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "School", "Startdatum", "Ouder"]]
    rows += [[i, f"Özdemir{i}", f"Kind{i}", 2016, "De Regenboog", "1-9-2025", f"Ouder{i}"] for i in range(1, 61)]
    _import(vault, write_xlsx(tmp_path / "g.xlsx", {"Blad1": rows}), ImportKind.FAMILIES)
    contacts: list[list[object]] = [["Gezin", "Datum", "Soort", "Duur"]]
    contacts += [[i, "3-9-2025", "Huisbezoek", 45] for i in range(1, 61) for _ in range(3)]
    _import(vault, write_xlsx(tmp_path / "c.xlsx", {"Blad1": contacts}), ImportKind.CONTACTS)

    conn = vault.conn
    for table, count in (("family", 61), ("member", 120), ("contact", 180)):
        keys = [r[0] for r in conn.execute(f"SELECT rkey FROM {table}")]  # noqa: S608 - fixed names
        assert len(keys) == count
        assert all(0 <= k <= 255 for k in keys), table
        assert len(set(keys)) > 10, table  # drawn at random, not one value for all
    refs = [r[0] for r in conn.execute("SELECT ref FROM family ORDER BY id")]
    assert refs[0] == first.ref == "G-2025-001" and refs[1:3] == ["G-2025-002", "G-2025-003"]
    assert len(set(refs)) == 61
    # the Gezinnen list finds a family by its child, sorts it by name and shows its school
    [found] = vault.repo.families.rows(search="kind17")
    assert found.display_name == "Fam. Özdemir17"
    assert conn.execute("SELECT sort_name, school_names, last_contact, status FROM family WHERE id = ?",
                        (found.id,)).fetchone() == ("fam. ozdemir17", "De Regenboog", "2025-09-03", "active")


def test_the_next_contact_ids_of_many_families_at_once_are_each_familys_own(vault: Vault) -> None:
    from brugdesk.core.model import Contact
    from brugdesk.store.repo.imports import next_family_row_ids
    from brugdesk.store.schema.rowids import next_family_row_id

    with_contacts = vault.repo.families.create(Family("Fam. Twee", dt.date(2025, 8, 25)))
    without = vault.repo.families.create(Family("Fam. Geen", dt.date(2025, 8, 25)))
    assert with_contacts.id is not None and without.id is not None
    for day in (3, 4):
        vault.repo.contacts.add(Contact(with_contacts.id, dt.date(2025, 9, day), 30, "phone"))
    many = next_family_row_ids(vault.conn, "contact", {with_contacts.id, without.id, 9999})
    assert many == {f: next_family_row_id(vault.conn, "contact", f) for f in (with_contacts.id, without.id)}
    assert many[with_contacts.id] == (with_contacts.id << 20) + 3  # after its two contacts
