"""From a sheet and a mapping to a preview of every row with its problems, and from the preview to
what the store writes (:meth:`brugdesk.store.repo.imports.Imports.add_families` /
``add_contacts``). Nothing is written here.

* the header row and the :class:`~brugdesk.importing.mapping.Mapping` (which column holds which
  field) live in :mod:`brugdesk.importing.mapping`;
* :func:`preview` — every data row with its problems (:class:`Problem`: an unreadable date, a
  missing name, an unknown school, a text too long …), the rows grouped into families by the family
  key (one row per child or one row per family both work), and each family that is already in the
  vault (same surname, a child with the same first name and year of birth) marked as a duplicate,
  skipped unless the officer chooses to merge it;
* :func:`commit` — writes the preview as one batch (all or nothing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from brugdesk.core.model import Contact, Family, Member, MemberRole
from brugdesk.core.text import family_surname, fold
from brugdesk.core.validation import ValidationError, is_email, is_phone, validate_member
from brugdesk.i18n import N_, _
from brugdesk.importing.fields import MAX_LENGTH, Field, ImportKind, label
from brugdesk.importing.mapping import Mapping, headers_of
from brugdesk.importing.reference import Reference
from brugdesk.importing.sheets import Cell, Sheet, SheetError
from brugdesk.importing.values import code_for, parse_birth_year, parse_date, parse_minutes, split_values

if TYPE_CHECKING:
    from brugdesk.store.repo import Repositories
    from brugdesk.store.repo.imports import Batch, ExistingChild, NewFamily

class Severity(StrEnum):
    ERROR = "error"  # the row is not imported
    WARNING = "warning"  # the row is imported without this value


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell (or the row): a translated message, and whether the row still goes in."""

    field: Field | None
    message: str
    severity: Severity = Severity.ERROR


@dataclass
class PreviewRow:
    """One data row of the sheet: its number in the sheet (from 1, as the spreadsheet shows it), its
    cells, its problems and the family (index into :attr:`Preview.families`) it belongs to."""

    number: int
    cells: list[Cell]
    problems: list[Problem] = field(default_factory=list)
    family: int | None = None

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems)


class DuplicateChoice(StrEnum):
    SKIP = "skip"  # leave the family in the vault as it is
    MERGE = "merge"  # add the sheet's members that the family does not have yet


@dataclass(frozen=True)
class Duplicate:
    """A family already in the vault that a family of the sheet matches."""

    family_id: int
    ref: str
    display_name: str


@dataclass
class FamilyGroup:
    """The rows of one family (families import), what would be written, and a duplicate if found."""

    key: str
    surname: str
    rows: list[int] = field(default_factory=list)  # indexes into Preview.rows
    family: Family | None = None
    parents: list[Member] = field(default_factory=list)
    children: list[Member] = field(default_factory=list)
    duplicate: Duplicate | None = None
    choice: DuplicateChoice = DuplicateChoice.SKIP
    start_read: bool = False  # the start date was read from one of its rows

    @property
    def importable(self) -> bool:
        return self.family is not None and bool(self.family.display_name) and bool(self.parents or self.children)


@dataclass(frozen=True)
class Counts:
    rows: int  # data rows read
    rows_ok: int  # rows without an error
    rows_with_errors: int
    warnings: int
    families: int  # new families that would be written
    members: int
    contacts: int
    duplicates: int
    merged: int  # duplicates to merge (the rest are skipped)


@dataclass
class Preview:
    """Everything an import would do, nothing written: every row with its problems, the families."""

    kind: ImportKind
    mapping: Mapping
    headers: list[str]
    rows: list[PreviewRow]
    families: list[FamilyGroup] = field(default_factory=list)
    contacts: list[tuple[int, Contact]] = field(default_factory=list)  # (row index, contact)
    problems: list[str] = field(default_factory=list)  # about the whole sheet (a field not mapped …)

    def set_choice(self, family_index: int, choice: DuplicateChoice) -> None:
        self.families[family_index].choice = choice

    def set_all_choices(self, choice: DuplicateChoice) -> None:
        for group in self.families:
            if group.duplicate is not None:
                group.choice = choice

    @property
    def blocked(self) -> bool:
        """Whether nothing can be imported at all (a problem with the whole sheet)."""
        return bool(self.problems)

    def counts(self) -> Counts:
        ok = sum(r.ok for r in self.rows)
        warnings = sum(1 for r in self.rows for p in r.problems if p.severity == Severity.WARNING)
        new = [g for g in self.families if g.importable and g.duplicate is None]
        merge = [g for g in self.families if g.importable and g.duplicate is not None
                 and g.choice == DuplicateChoice.MERGE]
        dups = sum(1 for g in self.families if g.duplicate is not None)
        members = sum(len(g.parents) + len(g.children) for g in new + merge)
        return Counts(len(self.rows), ok, len(self.rows) - ok, warnings, len(new), members, len(self.contacts),
                      dups, len(merge))


# ------------------------------------------------------------------------ building
def _too_long(fld: Field, text: str, limit: int) -> Problem:
    return Problem(fld, _(N_("{field}: the text is too long ({n} characters; at most {limit}).")).format(
        field=label(fld), n=f"{len(text):,}".replace(",", "."), limit=f"{limit:,}".replace(",", ".")))


def preview(sheet: Sheet, mapping: Mapping, repo: Repositories | Reference, *, today: dt.date | None = None,
            stop: Callable[[], bool] | None = None) -> Preview:
    """Every data row of ``sheet`` under ``mapping`` with its problems, grouped into families (or
    contacts resolved to their families), duplicates marked. Reads the vault (``repo``, or what a
    :class:`~brugdesk.importing.reference.Reference` read of it before), writes nothing. When
    ``stop()`` turns true the rows are no longer checked (a preview nobody waits for any more)."""
    today = today or dt.date.today()
    ref = repo if isinstance(repo, Reference) else Reference(repo, mapping.kind)
    headers = headers_of(sheet, mapping.header_row)
    data = sheet.rows[mapping.header_row + 1:]
    # a row with any cell that is not empty text (a date is never empty)
    rows = [PreviewRow(mapping.header_row + 2 + i, r) for i, r in enumerate(data) if any(r)]
    out = Preview(mapping.kind, mapping, headers, rows)
    if mapping.kind == ImportKind.FAMILIES:
        _families(out, ref, today, stop or _never)
    else:
        _contacts(out, ref, today, stop or _never)
    return out


def _mapped(mapping: Mapping) -> list[tuple[int, Field, int | None]]:
    """(column, field, the longest text it takes) of each mapped column."""
    return [(col, fld, MAX_LENGTH.get(fld)) for col, fld in enumerate(mapping.columns) if fld is not None]


def _row_texts(mapped: list[tuple[int, Field, int | None]], row: PreviewRow) -> dict[Field, str]:
    """The row's text per mapped field, with a problem for each text that is too long (left out)."""
    texts: dict[Field, str] = {}
    cells = row.cells
    width = len(cells)
    for col, fld, limit in mapped:
        cell = cells[col] if col < width else ""
        text = cell.strip() if isinstance(cell, str) else cell.isoformat()
        if limit is not None and len(text) > limit:
            row.problems.append(_too_long(fld, text, limit))
            continue
        texts[fld] = text
    return texts


def _never() -> bool:
    return False


def _families(out: Preview, ref: Reference, today: dt.date, stop: Callable[[], bool]) -> None:
    cols = out.mapping.columns
    if Field.SURNAME not in cols and Field.FAMILY_KEY not in cols:
        out.problems.append(_(N_("Choose the column with the surname (or the family key): without it no family can "
                                 "be made.")))
    if Field.CHILD_FIRST_NAME not in cols and Field.PARENT_FIRST_NAME not in cols:
        out.problems.append(_(N_("Choose the column with the child's first name (or a parent's first name).")))
    groups: dict[str, int] = {}
    mapped = _mapped(out.mapping)
    for index, row in enumerate(out.rows):
        if stop():
            return
        texts = _row_texts(mapped, row)
        surname = texts.get(Field.SURNAME, "") or texts.get(Field.CHILD_LAST_NAME, "")
        key = texts.get(Field.FAMILY_KEY, "")
        if not key:
            key = "|".join((surname, texts.get(Field.ADDRESS, ""), texts.get(Field.PHONE, "")))
        key = fold(key).strip("| ")
        if not key:
            row.problems.append(Problem(Field.SURNAME, _(N_("No surname (or family key): the row belongs to no "
                                                            "family."))))
            continue
        if key not in groups:
            groups[key] = len(out.families)
            out.families.append(FamilyGroup(key, surname))
        row.family = groups[key]
        group = out.families[row.family]
        if not group.surname and surname:
            group.surname = surname
        group.rows.append(index)
        # a row with an error adds nothing to its family: its fields are read into a copy first
        kept = _copy(group.family), group.start_read
        _family_fields(group, row, texts, ref, today)
        if row.ok:
            _member_fields(group, row, texts, ref, today)
        if not row.ok:
            group.family, group.start_read = kept
    for group in out.families:
        if group.family is not None and not group.surname:
            for i in group.rows:
                out.rows[i].problems.append(Problem(Field.SURNAME, _(N_("The family has no surname in any row."))))
            group.family = None
    _mark_duplicates(out, ref.children)


def _copy(family: Family | None) -> Family | None:
    if family is None:
        return None
    return dataclasses.replace(family, themes=list(family.themes), school_ids=list(family.school_ids))


def _family_fields(group: FamilyGroup, row: PreviewRow, texts: dict[Field, str], ref: Reference,
                   today: dt.date) -> None:
    """The family's own fields from the first row that has each; problems found on this row."""
    if group.family is None:
        group.family = Family(display_name="", start_date=today)
    family = group.family
    start = texts.get(Field.START_DATE, "")
    if start and not group.start_read:
        day = parse_date(start)
        if day is None:
            row.problems.append(Problem(Field.START_DATE, _(N_("Start date: '{text}' is not a date (write it as "
                                                               "3-9-2025).")).format(text=start[:40])))
        elif day > today:
            row.problems.append(Problem(Field.START_DATE, _(N_("Start date: the date lies in the future."))))
        else:
            family.start_date = day
            group.start_read = True
    school = texts.get(Field.SCHOOL, "")
    if school:
        school_id = ref.school(school)
        if school_id is None:
            row.problems.append(Problem(Field.SCHOOL, _(N_(
                "School: '{text}' is not one of your schools; the row is imported without a school. Add the school "
                "in Settings first to link it.")).format(text=school[:60]), Severity.WARNING))
        elif school_id not in family.school_ids:
            family.school_ids.append(school_id)
    for theme in split_values(texts.get(Field.THEME, "")):
        code = code_for(theme, ref.themes)
        if code is None:
            row.problems.append(Problem(Field.THEME, _(N_("Theme: '{text}' is not in your list of themes; it is "
                                                          "left out.")).format(text=theme[:60]), Severity.WARNING))
        elif code not in family.themes:
            family.themes.append(code)
    source = texts.get(Field.SIGNAL_SOURCE, "")
    if source and not family.signal_source:
        code = code_for(source, ref.sources)
        if code is None:
            row.problems.append(Problem(Field.SIGNAL_SOURCE, _(N_(
                "Referred by: '{text}' is not in your list; it is left out.")).format(text=source[:60]),
                Severity.WARNING))
        else:
            family.signal_source = code
    for fld, attr, check, message in (
        (Field.PHONE, "phone", is_phone, N_("Phone: '{text}' is not a phone number; it is left out.")),
        (Field.EMAIL, "email", is_email, N_("E-mail: '{text}' is not an e-mail address; it is left out.")),
    ):
        text = texts.get(fld, "")
        if text and not getattr(family, attr):
            if check(text):
                setattr(family, attr, text)
            else:
                row.problems.append(Problem(fld, _(message).format(text=text[:60]), Severity.WARNING))
    for fld, attr in ((Field.ADDRESS, "address"), (Field.HOME_LANGUAGE, "home_language")):
        if texts.get(fld) and not getattr(family, attr):
            setattr(family, attr, texts[fld])
    if group.surname:
        family.display_name = f"Fam. {family_surname(group.surname)}"


def _member_fields(group: FamilyGroup, row: PreviewRow, texts: dict[Field, str], ref: Reference,
                   today: dt.date) -> None:
    """The child and the parent a row names (each once per family), with their problems."""
    first = texts.get(Field.CHILD_FIRST_NAME, "")
    has_child_data = bool(texts.get(Field.BIRTH_YEAR) or texts.get(Field.GROUP) or texts.get(Field.CHILD_LAST_NAME))
    if first:
        child = Member(MemberRole.CHILD, first, texts.get(Field.CHILD_LAST_NAME, "") or family_surname(group.surname),
                       group=texts.get(Field.GROUP, ""))
        year_text = texts.get(Field.BIRTH_YEAR, "")
        if year_text:
            year = parse_birth_year(year_text)
            if year is None:
                row.problems.append(Problem(Field.BIRTH_YEAR, _(N_(
                    "Year of birth: '{text}' is not a year or a date; it is left out.")).format(text=year_text[:40]),
                    Severity.WARNING))
            else:
                child.birth_year = year
        school = texts.get(Field.SCHOOL, "")
        if school:
            child.school_id = ref.school(school)
        try:
            validate_member(child, today)
        except ValidationError as exc:
            if "birth_year" in exc.errors and len(exc.errors) == 1:
                row.problems.append(Problem(Field.BIRTH_YEAR, exc.errors["birth_year"] + " " + _(N_(
                    "It is left out.")), Severity.WARNING))
                child.birth_year = None
            else:
                for message in exc.errors.values():
                    row.problems.append(Problem(Field.CHILD_FIRST_NAME, message))
                return
        same = [c for c in group.children if fold(c.first_name) == fold(child.first_name)
                and c.birth_year == child.birth_year]
        if not same:
            group.children.append(child)
    elif has_child_data or (Field.CHILD_FIRST_NAME in texts and not texts.get(Field.PARENT_FIRST_NAME)):
        row.problems.append(Problem(Field.CHILD_FIRST_NAME, _(N_("The child's first name is missing: the row is "
                                                                  "not imported."))))
    parent_first = texts.get(Field.PARENT_FIRST_NAME, "")
    if parent_first and not any(fold(p.first_name) == fold(parent_first) for p in group.parents):
        group.parents.append(Member(MemberRole.PARENT, parent_first,
                                    texts.get(Field.PARENT_LAST_NAME, "") or family_surname(group.surname)))


def _mark_duplicates(out: Preview, children: list[ExistingChild]) -> None:
    """A family of the sheet that is in the vault already: same surname, and a child with the same
    first name and year of birth."""
    index: dict[tuple[str, str, int | None], ExistingChild] = {}
    for known in children:
        for surname in {fold(family_surname(known.display_name)), fold(known.last_name)}:
            index.setdefault((surname, fold(known.first_name), known.birth_year), known)
    for group in out.families:
        surname = fold(family_surname(group.surname))
        for child in group.children:
            hit = index.get((surname, fold(child.first_name), child.birth_year))
            if hit is not None:
                group.duplicate = Duplicate(hit.family_id, hit.ref, hit.display_name)
                for i in group.rows:
                    out.rows[i].problems.append(Problem(None, _(N_(
                        "This family is already in the vault ({ref}): skipped, unless you choose to merge it.")).format(
                            ref=hit.ref), Severity.WARNING))
                break


def _contacts(out: Preview, ref: Reference, today: dt.date, stop: Callable[[], bool]) -> None:
    cols = out.mapping.columns
    for fld, message in ((Field.FAMILY_KEY, N_("Choose the column with the family key (the key of an earlier "
                                               "import or the family's reference, such as G-2025-014).")),
                         (Field.CONTACT_DATE, N_("Choose the column with the contact's date.")),
                         (Field.CONTACT_KIND, N_("Choose the column with the kind of contact."))):
        if fld not in cols:
            out.problems.append(_(message))
    keys = ref.keys
    kinds: dict[str, str | None] = {}  # the same few kinds and durations, row after row
    durations: dict[str, int | None] = {}
    date_col = cols.index(Field.CONTACT_DATE) if Field.CONTACT_DATE in cols else None
    mapped = _mapped(out.mapping)
    for index, row in enumerate(out.rows):
        if stop():
            return
        texts = _row_texts(mapped, row)
        key = texts.get(Field.FAMILY_KEY, "")
        found = keys.get(fold(key).strip()) if key else None
        if not key:
            row.problems.append(Problem(Field.FAMILY_KEY, _(N_("The family key is missing: the contact belongs to "
                                                               "no family."))))
        elif found is None:
            row.problems.append(Problem(Field.FAMILY_KEY, _(N_(
                "Family key '{text}': no family in the vault has this key. Import the families first, or use the "
                "family's reference (such as G-2025-014).")).format(text=key[:40])))
        day_text = texts.get(Field.CONTACT_DATE, "")
        day = parse_date(row.cells[date_col] if date_col is not None and date_col < len(row.cells) else "")
        if not day_text:
            row.problems.append(Problem(Field.CONTACT_DATE, _(N_("The date is missing."))))
        elif day is None:
            row.problems.append(Problem(Field.CONTACT_DATE, _(N_("Date: '{text}' is not a date (write it as "
                                                                 "3-9-2025).")).format(text=day_text[:40])))
        elif day > today:
            row.problems.append(Problem(Field.CONTACT_DATE, _(N_("Date: the date lies in the future."))))
        kind_text = texts.get(Field.CONTACT_KIND, "")
        if kind_text not in kinds:
            kinds[kind_text] = code_for(kind_text, ref.kinds) if kind_text else None
        kind = kinds[kind_text]
        if not kind_text:
            row.problems.append(Problem(Field.CONTACT_KIND, _(N_("The kind of contact is missing."))))
        elif kind is None:
            row.problems.append(Problem(Field.CONTACT_KIND, _(N_(
                "Kind of contact: '{text}' is not in your list (for example Huisbezoek, Telefonisch).")).format(
                    text=kind_text[:40])))
        minutes_text = texts.get(Field.MINUTES, "")
        minutes: int | None = 30
        if minutes_text:
            if minutes_text not in durations:
                durations[minutes_text] = parse_minutes(minutes_text)
            minutes = durations[minutes_text]
            if minutes is None or not 0 < minutes <= 720:
                row.problems.append(Problem(Field.MINUTES, _(N_(
                    "Duration: '{text}' is not a number of minutes between 1 and 720.")).format(
                        text=minutes_text[:40])))
        if row.ok and found is not None and day is not None and kind is not None and minutes is not None:
            out.contacts.append((index, Contact(found[0], day, minutes, kind, note=texts.get(Field.NOTE, ""))))


# ------------------------------------------------------------------------ writing
def commit(prev: Preview, repo: Repositories, *, today: dt.date | None = None) -> Batch:
    """Write what the preview shows as one batch, in one transaction (all or nothing)."""
    from brugdesk.store.repo.imports import NewFamily

    if prev.blocked:
        raise SheetError(prev.problems[0])
    if prev.kind == ImportKind.CONTACTS:
        skipped = len(prev.rows) - len(prev.contacts)
        return repo.imports.add_contacts([c for _i, c in prev.contacts], skipped=skipped, today=today)
    items: list[NewFamily] = []
    skipped = 0
    for group in prev.families:
        if not group.importable or group.family is None:
            skipped += 1
            continue
        if group.duplicate is not None:
            if group.choice == DuplicateChoice.SKIP:
                skipped += 1
                continue
            existing = repo.members.list(group.duplicate.family_id)
            have = {(fold(m.first_name), m.role) for m in existing}
            parents = [m for m in group.parents if (fold(m.first_name), m.role) not in have]
            children = [m for m in group.children if (fold(m.first_name), m.role) not in have]
            items.append(NewFamily(group.family, parents, children, group.key, group.duplicate.family_id))
        else:
            items.append(NewFamily(group.family, list(group.parents), list(group.children), group.key))
    return repo.imports.add_families(items, skipped=skipped, today=today)

