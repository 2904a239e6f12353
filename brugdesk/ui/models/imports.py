"""The import wizard's preview: every row of the sheet with its family and its problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
