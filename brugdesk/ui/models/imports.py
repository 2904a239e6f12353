"""The import wizard's preview: every row of the sheet with its family and its problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brugdesk.importing import Field, ImportKind, Mapping, Preview, Severity
from brugdesk.ui.labels import QT_TRANSLATE_NOOP
from brugdesk.ui.models.base import Column, RowTableModel


@dataclass(frozen=True)
class PreviewLine:
    """One row of the preview as shown: its number in the sheet, its family, what it holds, its problems."""

    number: int
    family: str
    person: str
    status: str  # "OK", "Let op" (warnings only) or "Fout" (not imported), translated
    problems: str
    ok: bool


class ImportPreviewModel(RowTableModel[PreviewLine]):
    ROW, STATUS, FAMILY, PERSON, PROBLEMS = range(5)

    def columns(self) -> Sequence[Column[PreviewLine]]:
        return (
            Column(QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"), lambda r: str(r.number), lambda r: r.number,
                   align_right=True),
            Column(QT_TRANSLATE_NOOP("ImportPreviewModel", "Status"), lambda r: r.status, lambda r: (r.ok, r.number)),
            Column(QT_TRANSLATE_NOOP("ImportPreviewModel", "Family"), lambda r: r.family, lambda r: r.family),
            Column(QT_TRANSLATE_NOOP("ImportPreviewModel", "Name"), lambda r: r.person, lambda r: r.person),
            Column(QT_TRANSLATE_NOOP("ImportPreviewModel", "Problems"), lambda r: r.problems, lambda r: r.problems,
                   tooltip=lambda r: r.problems),
        )

    def row_id(self, row: Any) -> int:
        return int(row.number)


def preview_lines(prev: Preview, statuses: tuple[str, str, str]) -> list[PreviewLine]:
    """A line per row of the preview; ``statuses``: the translated "error", "check" and "OK"."""
    names = {i: g.family.display_name if g.family is not None and g.family.display_name else g.key
             for i, g in enumerate(prev.families)}
    contacts = dict(prev.contacts)
    lines = []
    for index, row in enumerate(prev.rows):
        errors = [p for p in row.problems if p.severity == Severity.ERROR]
        status = statuses[0] if errors else statuses[1] if row.problems else statuses[2]
        person = _name_in(row.cells, prev.mapping)
        if prev.kind == ImportKind.CONTACTS:
            contact = contacts.get(index)
            person = contact.date.strftime("%d-%m-%Y") if contact is not None else ""
        lines.append(PreviewLine(row.number, names.get(row.family, "") if row.family is not None else "",
                                 person, status, " ".join(p.message for p in row.problems), row.ok))
    return lines


def field_of(value: str) -> Field:
    return Field(value)


def _name_in(cells: list[Any], mapping: Mapping) -> str:
    """The first name a row of families holds (the child's, else the parent's)."""
    for fld in (Field.CHILD_FIRST_NAME, Field.PARENT_FIRST_NAME):
        if fld in mapping.columns:
            col = mapping.columns.index(fld)
            if col < len(cells) and cells[col] != "":
                return shown(cells[col])[:100]
    return ""


def shown(cell: object) -> str:
    """A cell as the wizard shows it (a date as dd-mm-jjjj)."""
    return f"{cell:%d-%m-%Y}" if isinstance(cell, dt.date) else str(cell)
