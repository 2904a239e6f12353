"""The header row of a sheet and the column mapping: which field each column holds.

* :func:`find_header_row` — the row that looks most like a header (the first 20 rows are tried);
* :class:`Mapping` — the kind of import, the header row and a field per column; suggested from the
  headers, saved and loaded as JSON (by header text, so it fits the next sheet of the same layout).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from brugdesk.i18n import N_, _
from brugdesk.importing.fields import FIELDS, Field, ImportKind, header_score, normalise, suggest
from brugdesk.importing.sheets import Sheet, SheetError

#: how many rows from the top are tried as the header row
HEADER_SEARCH_ROWS = 20
MAPPING_VERSION = 1


def find_header_row(sheet: Sheet) -> int:
    """The index of the row that looks most like a header (most cells that suggest a field); the
    first row when none does. Title rows and empty rows above the header are passed over."""
    best, best_score = 0, 0
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        texts = [c for c in row if isinstance(c, str)]
        if any(len(t) > 60 for t in texts):
            continue
        score = header_score([c if isinstance(c, str) else "" for c in row])
        if score > best_score:
            best, best_score = i, score
    return best


def headers_of(sheet: Sheet, header_row: int) -> list[str]:
    if not sheet.rows:
        return []
    row = sheet.rows[header_row] if header_row < len(sheet.rows) else []
    return [c if isinstance(c, str) else c.isoformat() for c in row] + [""] * (sheet.width - len(row))


@dataclass
class Mapping:
    """Which field each column holds (None: the column is left out), the header row, the kind of import."""

    kind: ImportKind
    header_row: int
    columns: list[Field | None]

    @classmethod
    def suggested(cls, sheet: Sheet, kind: ImportKind | None = None, header_row: int | None = None) -> Mapping:
        """The header row found in ``sheet`` and a field suggested for each column from its header."""
        from brugdesk.importing.fields import guess_kind

        row = find_header_row(sheet) if header_row is None else header_row
        headers = headers_of(sheet, row)
        kind = guess_kind(headers) if kind is None else kind
        return cls(kind, row, suggest(headers, kind))

    def to_json(self, headers: list[str]) -> str:
        """The mapping as JSON: the header row (counted from 1) and each column's header and field."""
        return json.dumps({
            "version": MAPPING_VERSION, "kind": str(self.kind), "header_row": self.header_row + 1,
            "columns": [{"column": i + 1, "header": headers[i] if i < len(headers) else "",
                         "field": str(f) if f is not None else None} for i, f in enumerate(self.columns)],
        }, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, sheet: Sheet) -> Mapping:
        """A saved mapping applied to ``sheet``: each column by its header text (as saved), else by its
        position. A file that is no mapping is a :class:`SheetError`."""
        try:
            data = json.loads(text)
            kind = ImportKind(data["kind"])
            header_row = int(data["header_row"]) - 1
            saved = [(int(c["column"]) - 1, normalise(str(c.get("header", ""))),
                      Field(c["field"]) if c.get("field") else None) for c in data["columns"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise SheetError(_(N_("This file is not a saved column mapping of brugdesk."))) from None
        header_row = max(0, min(header_row, max(len(sheet.rows) - 1, 0)))
        headers = [normalise(h) for h in headers_of(sheet, header_row)]
        columns: list[Field | None] = [None] * len(headers)
        by_header = {h: f for _i, h, f in saved if h}
        for i, h in enumerate(headers):
            if h and h in by_header:
                columns[i] = by_header[h]
        if not any(columns):
            for i, _h, f in saved:
                if 0 <= i < len(columns):
                    columns[i] = f
        allowed = set(FIELDS[kind])
        return cls(kind, header_row, [f if f in allowed else None for f in columns])
