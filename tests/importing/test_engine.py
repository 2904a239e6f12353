"""The import engine on real files: .xlsx (openpyxl), .ods, Dutch Excel CSV; header row, suggestions,
the preview's problems, families grouped by key, duplicates, one batch, undo of the latest batch."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from brugdesk.core.model import Family, Member, MemberRole, School
from brugdesk.core.validation import ValidationError
from brugdesk.importing import (
    DuplicateChoice,
    Field,
    ImportKind,
    Mapping,
    Severity,
    SheetError,
    Workbook,
    commit,
    preview,
    template_bytes,
)
from brugdesk.store.audit import entries
from brugdesk.store.repo.imports import ImportUndoError, NewFamily
from brugdesk.store.vault import Vault
from tests.importing.sheetfiles import CASELOAD, write_csv, write_ods, write_xlsx

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def vault(new_vault: tuple[Vault, str]) -> Vault:
    v = new_vault[0]
    v.repo.schools.add(School("De Regenboog"))
    return v


def _load(path: Path, vault: Vault, sheet: str | None = None, kind: ImportKind | None = None):  # type: ignore[no-untyped-def]
    book = Workbook(path)
    data = book.sheet(sheet)
    mapping = Mapping.suggested(data, kind)
    return data, mapping, preview(data, mapping, vault.repo, today=TODAY)


def _messages(prev, number: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.message for r in prev.rows if r.number == number for p in r.problems]


def test_an_xlsx_caseload_is_found_mapped_grouped_and_written_as_one_batch(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": CASELOAD})
    data, mapping, prev = _load(path, vault)
    assert mapping.header_row == 2  # the title row and the empty row above it are passed over
    assert mapping.kind == ImportKind.FAMILIES
    assert mapping.columns == [Field.FAMILY_KEY, Field.SURNAME, Field.CHILD_FIRST_NAME, Field.BIRTH_YEAR, Field.GROUP,
                               Field.SCHOOL, Field.START_DATE, Field.THEME, Field.PHONE, Field.PARENT_FIRST_NAME]
    assert [r.number for r in prev.rows] == [4, 5, 6, 7]  # the numbers the spreadsheet shows
    assert len(prev.families) == 3  # Milan and Sara are one family (key 1)
    jansen = prev.families[0]
    assert [c.first_name for c in jansen.children] == ["Milan", "Sara"]
    assert [p.first_name for p in jansen.parents] == ["Sandra"]
    assert jansen.family is not None and jansen.family.start_date == dt.date(2025, 9, 3)
    assert jansen.family.themes == ["parenting"]
    assert prev.families[1].family is not None and prev.families[1].family.themes == ["money", "housing"]
    # the unknown school: a warning, the row still goes in without a school
    [warning] = [p for r in prev.rows if r.number == 7 for p in r.problems]
    assert warning.severity == Severity.WARNING and "Onbekende school" in warning.message
    counts = prev.counts()
    assert (counts.rows, counts.rows_ok, counts.families, counts.members) == (4, 4, 3, 6)
    # nothing is written by the preview
    assert vault.repo.families.count() == 0

    batch = commit(prev, vault.repo, today=TODAY)
    assert (batch.families, batch.members, batch.contacts, batch.skipped) == (3, 6, 0, 0)
    rows = vault.repo.families.rows()
    assert sorted(r.display_name for r in rows) == ["Fam. Jansen", "Fam. Yılmaz", "Fam. de Vries"]
    jansen_row = next(r for r in rows if r.display_name == "Fam. Jansen")
    members = vault.repo.members.list(jansen_row.id)
    assert sorted((m.role, m.first_name, m.birth_year) for m in members) == [
        (MemberRole.CHILD, "Milan", 2016), (MemberRole.CHILD, "Sara", 2018), (MemberRole.PARENT, "Sandra", None)]
    school = vault.repo.schools.by_name("De Regenboog")
    assert school is not None and vault.repo.families.get(jansen_row.id).school_ids == [school.id]
    assert vault.repo.families.get(jansen_row.id).phone == "06-12345678"
    # one audit entry for the batch (its counts live in the batch row; the log holds no names)
    imports = [e for e in entries(vault.conn) if e.action == "import"]
    assert [(e.entity, e.entity_id) for e in imports] == [("import_batch", batch.id)]
    assert vault.repo.imports.undoable() == batch


def test_one_row_per_family_from_an_ods_file(vault: Vault, tmp_path: Path) -> None:
    path = write_ods(tmp_path / "gezinnen.ods", [
        ["Achternaam", "Voornaam kind", "Geboortedatum", "Klas", "Startdatum"],
        ["Bakker", "Lotte", dt.date(2014, 5, 2), "1B", dt.date(2025, 10, 1)],
        ["Öztürk", "Ali", dt.date(2013, 1, 20), "2A", "01-10-25"],
    ])
    _data, mapping, prev = _load(path, vault)
    assert mapping.columns == [Field.SURNAME, Field.CHILD_FIRST_NAME, Field.BIRTH_YEAR, Field.GROUP, Field.START_DATE]
    assert all(r.ok and not r.problems for r in prev.rows)
    batch = commit(prev, vault.repo, today=TODAY)
    assert (batch.families, batch.members) == (2, 2)
    ali = next(r for r in vault.repo.families.rows() if r.display_name == "Fam. Öztürk")
    assert vault.repo.families.get(ali.id).start_date == dt.date(2025, 10, 1)
    [child] = vault.repo.members.list(ali.id)
    assert (child.first_name, child.last_name, child.birth_year, child.group) == ("Ali", "Öztürk", 2013, "2A")


@pytest.mark.parametrize(("encoding", "bom"), [("cp1252", False), ("utf-8", True), ("utf-8", False)])
def test_a_dutch_excel_csv_with_semicolons_and_dutch_dates(vault: Vault, tmp_path: Path, encoding: str,
                                                          bom: bool) -> None:
    path = write_csv(tmp_path / "export.csv", [
        ["Achternaam", "Naam kind", "Geboortejaar", "Groep", "Startdatum", "Thema"],
        ["Müller", "René", "2016", "5", "3-9-2025", "Opvoeding, Gedrag van het kind"],
        ["Smit", "Zoë", "2017", "4", "03-09-25", ""],
        ["Visser", "Daan", "2016", "5", "31-02-2025", ""],
    ], encoding=encoding, bom=bom)
    _data, mapping, prev = _load(path, vault)
    assert mapping.columns[:2] == [Field.SURNAME, Field.CHILD_FIRST_NAME]
    assert prev.families[0].children[0].first_name == "René"  # cp1252 and UTF-8 read alike
    assert prev.families[0].family is not None and prev.families[0].family.start_date == dt.date(2025, 9, 3)
    assert prev.families[0].family.themes == ["parenting", "behaviour"]
    assert prev.families[1].family is not None and prev.families[1].family.start_date == dt.date(2025, 9, 3)
    [problem] = [p for r in prev.rows if r.number == 4 for p in r.problems]
    assert problem.field == Field.START_DATE and "'31-02-2025' is geen datum" in problem.message


def test_rows_with_problems_are_shown_and_left_out(vault: Vault, tmp_path: Path) -> None:
    long_text = "x" * 5000
    path = write_xlsx(tmp_path / "fouten.xlsx", {"Blad1": [
        ["Gezin", "Achternaam", "Naam kind", "Geboortejaar", "Startdatum"],
        ["A", "Peters", "Tim", "2016", "1-9-2025"],
        ["B", "Kok", "", "2015", "1-9-2025"],  # missing child's name
        ["C", long_text, "Eva", "2016", "1-9-2025"],  # 5,000 characters in one cell
        ["D", "Bos", "Finn", "twintig", "1-9-2025"],  # unreadable year: a warning
        ["E", "Dekker", "Mila", "2016", "volgende week"],  # unreadable date
    ]})
    _data, _mapping, prev = _load(path, vault)
    assert _messages(prev, 3) == ["De voornaam van het kind ontbreekt: de rij wordt niet geïmporteerd."]
    assert any("te lang (5.000 tekens; hoogstens 100)" in m for m in _messages(prev, 4))
    assert _messages(prev, 5) == ["Geboortejaar: 'twintig' is geen jaar of datum; het wordt weggelaten."]
    assert _messages(prev, 6) == ["Startdatum: 'volgende week' is geen datum (schrijf hem als 3-9-2025)."]
    ok = {r.number: r.ok for r in prev.rows}
    assert ok == {2: True, 3: False, 4: False, 5: True, 6: False}
    batch = commit(prev, vault.repo, today=TODAY)
    names = sorted(r.display_name for r in vault.repo.families.rows())
    assert names == ["Fam. Bos", "Fam. Peters"]
    assert batch.skipped == 3


def test_merged_cells_belong_to_every_row_they_cover_and_formulas_never_crash(vault: Vault, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "samengevoegd.xlsx", {"Blad1": [
        ["Achternaam", "Naam kind", "Geboortejaar"],
        ["Hendriks", "Bram", 2016],
        [None, "Julia", 2018],  # the surname is merged over both rows
        ["=A2", "Sem", 2015],  # a formula Excel never calculated: no value saved
    ]}, merged={"Blad1": ["A2:A3"]})
    _data, _mapping, prev = _load(path, vault)
    assert [c.first_name for c in prev.families[0].children] == ["Bram", "Julia"]
    assert not prev.rows[2].ok and prev.rows[2].problems[0].field == Field.SURNAME


def test_duplicates_are_skipped_or_merged_as_chosen(vault: Vault, tmp_path: Path) -> None:
    family = vault.repo.families.intake(Family("Fam. Jansen", dt.date(2025, 1, 6)), [],
                                        [Member(MemberRole.CHILD, "Milan", birth_year=2016)], today=TODAY)
    path = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": CASELOAD})
    _data, _mapping, prev = _load(path, vault)
    jansen = prev.families[0]
    assert jansen.duplicate is not None and jansen.duplicate.family_id == family.id
    assert "staat al in de kluis" in " ".join(_messages(prev, 4))
    assert prev.counts().families == 2 and prev.counts().duplicates == 1
    skipped = commit(prev, vault.repo, today=TODAY)
    assert (skipped.families, skipped.merged, skipped.skipped) == (2, 0, 1)
    assert [m.first_name for m in vault.repo.members.list(family.id)] == ["Milan"]

    vault.repo.imports.undo_last()
    _data, _mapping, prev = _load(path, vault)
    prev.set_choice(0, DuplicateChoice.MERGE)
    merged = commit(prev, vault.repo, today=TODAY)
    assert (merged.families, merged.merged) == (2, 1)
    # Milan was there; Sara and the parent Sandra are added
    assert sorted(m.first_name for m in vault.repo.members.list(family.id)) == ["Milan", "Sandra", "Sara"]
    assert vault.repo.families.count() == 3


def test_undo_removes_the_latest_batch_as_a_whole_and_only_until_the_next_import(vault: Vault,
                                                                                tmp_path: Path) -> None:
    existing = vault.repo.families.intake(Family("Fam. Jansen", dt.date(2025, 1, 6)), [],
                                          [Member(MemberRole.CHILD, "Milan", birth_year=2016)], today=TODAY)
    path = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": CASELOAD})
    _data, _mapping, prev = _load(path, vault)
    prev.set_all_choices(DuplicateChoice.MERGE)
    first = commit(prev, vault.repo, today=TODAY)
    assert vault.repo.families.count() == 3
    undone = vault.repo.imports.undo_last()
    assert undone.id == first.id and undone.undone
    assert vault.repo.families.count() == 1  # the families it made are gone …
    assert [m.first_name for m in vault.repo.members.list(existing.id)] == ["Milan"]  # … and the merged members
    assert vault.repo.families.rows(search="Sara") == []  # the search text follows
    with pytest.raises(ImportUndoError):
        vault.repo.imports.undo_last()
    assert [e.action for e in entries(vault.conn)][:2] == ["undo_import", "import"]  # newest first

    commit(_load(path, vault)[2], vault.repo, today=TODAY)
    second = commit(_load(write_xlsx(tmp_path / "nog.xlsx", {"B": [["Achternaam", "Naam kind"], ["Kramer", "Ivo"]]}),
                          vault)[2], vault.repo, today=TODAY)
    assert vault.repo.imports.undo_last().id == second.id
    assert vault.repo.families.count() == 3  # the import before it stays: only the latest batch can be undone
    with pytest.raises(ImportUndoError):
        vault.repo.imports.undo_last()


def test_a_failing_item_writes_nothing(vault: Vault) -> None:
    good = NewFamily(Family("Fam. Goed", dt.date(2025, 9, 1)), [], [Member(MemberRole.CHILD, "Anna")])
    bad = NewFamily(Family("Fam. Fout", dt.date(2025, 9, 1)), [], [Member(MemberRole.CHILD, "")])
    with pytest.raises(ValidationError):
        vault.repo.imports.add_families([good, bad], today=TODAY)
    assert vault.repo.families.count() == 0 and vault.repo.imports.last() is None


def test_contacts_find_their_family_by_the_imported_key_or_the_reference(vault: Vault, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "alles.xlsx", {"Gezinnen": CASELOAD, "Contacten": [
        ["Gezin", "Datum", "Soort", "Duur", "Notitie"],
        [1, "10-9-2025", "Huisbezoek", "60", "Kennismaking"],
        [2, dt.date(2025, 10, 14), "telefonisch", "1:30", ""],
        [9, "10-9-2025", "Huisbezoek", "60", ""],  # no such family
        [1, "11-9-2025", "Paardrijden", "60", ""],  # no such kind
        [1, "12-9-2025", "Gesprek op school", "dertig", ""],
    ]})
    commit(_load(book, vault, "Gezinnen")[2], vault.repo, today=TODAY)
    _data, mapping, prev = _load(book, vault, "Contacten")
    assert mapping.kind == ImportKind.CONTACTS
    assert mapping.columns == [Field.FAMILY_KEY, Field.CONTACT_DATE, Field.CONTACT_KIND, Field.MINUTES, Field.NOTE]
    assert "geen gezin in de kluis heeft deze sleutel" in _messages(prev, 4)[0]
    assert "'Paardrijden' staat niet in je lijst" in _messages(prev, 5)[0]
    assert "'dertig' is geen aantal minuten" in _messages(prev, 6)[0]
    batch = commit(prev, vault.repo, today=TODAY)
    assert (batch.contacts, batch.skipped) == (2, 3)
    jansen = next(r for r in vault.repo.families.rows() if r.display_name == "Fam. Jansen")
    [contact] = vault.repo.contacts.list(jansen.id)
    assert (contact.date, contact.kind, contact.minutes, contact.note) == (dt.date(2025, 9, 10), "home_visit", 60,
                                                                           "Kennismaking")
    yilmaz = next(r for r in vault.repo.families.rows() if r.display_name == "Fam. Yılmaz")
    assert [(c.kind, c.minutes) for c in vault.repo.contacts.list(yilmaz.id)] == [("phone", 90)]
    # the family's reference works as a key too
    refs = write_csv(tmp_path / "c.csv", [["Gezin", "Datum", "Soort"], [jansen.ref, "1-12-2025", "Huisbezoek"]])
    assert commit(_load(refs, vault)[2], vault.repo, today=TODAY).contacts == 1
    vault.repo.imports.undo_last()
    assert len(vault.repo.contacts.list(jansen.id)) == 1


def test_a_mapping_saved_as_json_fits_the_next_sheet_of_the_same_layout(vault: Vault, tmp_path: Path) -> None:
    first = Workbook(write_xlsx(tmp_path / "a.xlsx", {"A": [["Kolom 1", "Kolom 2"], ["Jansen", "Milan"]]})).sheet()
    mapping = Mapping.suggested(first)
    assert mapping.columns == [None, None]  # nothing to suggest from these headers
    mapping.columns = [Field.SURNAME, Field.CHILD_FIRST_NAME]
    saved = mapping.to_json(["Kolom 1", "Kolom 2"])
    assert json.loads(saved)["columns"][0] == {"column": 1, "header": "Kolom 1", "field": "surname"}
    # the next sheet has the columns the other way round: they are found by their header
    second = Workbook(write_xlsx(tmp_path / "b.xlsx", {"B": [["Kolom 2", "Kolom 1"], ["Sara", "Bakker"]]})).sheet()
    loaded = Mapping.from_json(saved, second)
    assert loaded.columns == [Field.CHILD_FIRST_NAME, Field.SURNAME]
    with pytest.raises(SheetError, match="geen opgeslagen kolomindeling"):
        Mapping.from_json("{}", second)


def test_the_template_holds_the_expected_columns_and_maps_itself(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "sjabloon.xlsx"
    path.write_bytes(template_bytes())
    book = Workbook(path)
    assert book.sheet_names == ["Gezinnen", "Contactmomenten"]
    families = Mapping.suggested(book.sheet("Gezinnen"))
    assert families.kind == ImportKind.FAMILIES and None not in families.columns
    assert len(set(families.columns)) == len(families.columns)
    contacts = Mapping.suggested(book.sheet("Contactmomenten"))
    assert contacts.kind == ImportKind.CONTACTS and None not in contacts.columns


def test_an_erased_family_takes_its_import_rows_with_it_and_undo_still_works(vault: Vault, tmp_path: Path) -> None:
    from brugdesk.privacy.retention import REASON_ERASURE, erase

    path = write_xlsx(tmp_path / "gezinnen.xlsx", {"Gezinnen": CASELOAD})
    commit(_load(path, vault)[2], vault.repo, today=TODAY)
    jansen = next(r for r in vault.repo.families.rows() if r.display_name == "Fam. Jansen")
    assert erase(vault, [jansen.id], reason=REASON_ERASURE).removed == 1  # the purge's foreign-key check passes
    for table in ("import_item", "import_key"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table} WHERE family_id = ?", (jansen.id,)).fetchone()[0] == 0
    keys = vault.repo.imports.family_keys()
    assert "1" not in keys and "2" in keys  # the sheet's key of the erased family is gone
    vault.repo.imports.undo_last()  # the two other families of the batch go; the erased one is gone already
    assert vault.repo.families.count() == 0
