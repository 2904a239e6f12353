"""Reading a spreadsheet: ``.xlsx``, ``.xls`` and ``.ods`` with calamine, ``.csv`` with the csv module.

Every cell comes back as text or a date (:data:`Cell`), every row as a list of cells of the same
width, so the rest of the import never sees a float or a formula. What cannot be read is a
:class:`SheetError` with a Dutch message (an empty file, a password, a file too large, a damaged
workbook, an unknown format); nothing else escapes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk.errors import VaultError
from brugdesk.i18n import N_, _

#: the largest file read (a caseload is a few hundred rows, some 100 KB; a larger file is not a caseload)
MAX_FILE_BYTES = 20 * 1024 * 1024
#: the most rows read from one sheet (2,000 families with their children and 20,000 contacts fit)
MAX_ROWS = 50_000
#: the most columns kept of a row
MAX_COLUMNS = 60
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv", ".txt")

Cell = str | dt.date


class SheetError(VaultError):
    """A file that cannot be imported; the message says why and what to do."""

    message = N_("This file cannot be imported.")

    def __init__(self, message: str) -> None:
        self.message_text = message
        super().__init__()

    def text(self) -> str:
        return self.message_text


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells: ``rows[i][j]`` is text (trimmed, ``''`` when empty) or a date."""

    name: str
    rows: list[list[Cell]]

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _cell(value: object) -> Cell:
    """A cell as text or a date: whole numbers without ``.0``, a date-time as its date."""
    # the kinds calamine gives most (text, numbers, dates) first: an import reads tens of thousands
    if type(value) is str:
        return value.strip()
    if type(value) is float:
        return _number(value)
    if type(value) is dt.date:
        return value
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, (dt.time, dt.timedelta)):
        return str(value)
    return str(value).strip()


def _rectangle(raw: list[list[object]]) -> list[list[Cell]]:
    rows = [[v.strip() if type(v) is str else _cell(v) for v in row[:MAX_COLUMNS]] for row in raw]
    while rows and not any(c != "" for c in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SheetError(_(N_("The file {name} does not exist (any more).")).format(name=path.name)) from None
    except OSError:
        raise SheetError(_(N_("The file {name} cannot be read.")).format(name=path.name)) from None
    if size == 0:
        raise SheetError(_(N_("The file {name} is empty.")).format(name=path.name))
    if size > MAX_FILE_BYTES:
        raise SheetError(_(N_(
            "The file {name} is too large to import ({size} MB; at most {limit} MB). Save only the sheet with the "
            "families in a file of its own, or split it into parts.")).format(
                name=path.name, size=round(size / 1024 / 1024), limit=MAX_FILE_BYTES // 1024 // 1024))
    return size


class Workbook:
    """An opened spreadsheet or CSV file: its sheets by name (a CSV file has one)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in SUFFIXES:
            raise SheetError(_(N_(
                "brugdesk can import .xlsx, .xls, .ods and .csv files; {name} is none of these. Save it from "
                "Excel or LibreOffice as .xlsx or .csv.")).format(name=self.path.name))
        _check_size(self.path)
        self._csv: Sheet | None = None
        self._book: Any = None
        if suffix in (".csv", ".txt"):
            self._csv = read_csv(self.path)
            self.sheet_names = [self._csv.name]
        else:
            self._book = _open_book(self.path)
            self.sheet_names = [str(n) for n in self._book.sheet_names]
            if not self.sheet_names:
                raise SheetError(_(N_("The file {name} has no sheets.")).format(name=self.path.name))

    def sheet(self, name: str | None = None) -> Sheet:
        """The sheet ``name`` (the first when None); an unknown name or an unreadable sheet is a :class:`SheetError`."""
        if self._csv is not None:
            return self._csv
        name = self.sheet_names[0] if name is None else name
        if name not in self.sheet_names:
            raise SheetError(_(N_("The file has no sheet called {sheet}. Its sheets: {names}.")).format(
                sheet=name, names=", ".join(self.sheet_names)))
        from python_calamine import CalamineError

        try:
            sheet = self._book.get_sheet_by_name(name)
            raw = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            merged = sheet.merged_cell_ranges or []
        except (CalamineError, ValueError, OSError, MemoryError):
            raise SheetError(_(N_("The sheet {sheet} cannot be read: the file may be damaged.")).format(
                sheet=name)) from None
        if len(raw) > MAX_ROWS:
            raise SheetError(_(N_(
                "The sheet {sheet} has more than {limit} rows. Import at most {limit} rows at a time: split the "
                "sheet into parts.")).format(sheet=name, limit=f"{MAX_ROWS:,}".replace(",", ".")))
        return Sheet(name, _fill_merged(_rectangle(raw), merged))


def _fill_merged(rows: list[list[Cell]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[list[Cell]]:
    """Every cell of a merged range holds the range's value (a surname merged over the rows of the
    children of one family belongs to each of them)."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    return rows


def _open_book(path: Path) -> Any:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise SheetError(_(N_(
            "The file {name} is protected with a password. Open it in Excel or LibreOffice, remove the password "
            "(save a copy without it) and import that copy.")).format(name=path.name)) from None
    except (CalamineError, ValueError, OSError, MemoryError):
        raise SheetError(_(N_(
            "The file {name} cannot be read as a spreadsheet: it may be damaged or of another kind. Open it in "
            "Excel or LibreOffice and save it again as .xlsx.")).format(name=path.name)) from None


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) when it is that, else Windows-1252 (Dutch Excel's CSV)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(path: Path) -> Sheet:
    """A CSV file as one sheet: the separator (``;`` from Dutch Excel, ``,`` or a tab) found by looking."""
    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise SheetError(_(N_("The file {name} cannot be read.")).format(name=path.name)) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetError(_(N_(
            "The file {name} is not a CSV text file. Choose the spreadsheet itself (.xlsx, .xls or .ods) or save "
            "it as CSV.")).format(name=path.name))
    text = _decode(data)
    if not text.strip():
        raise SheetError(_(N_("The file {name} is empty.")).format(name=path.name))
    sample = "\n".join(text.splitlines()[:20])
    counts = {sep: sample.count(sep) for sep in (";", "\t", ",")}
    separator = max(counts, key=lambda s: (counts[s], s == ";"))
    csv.field_size_limit(MAX_FILE_BYTES)
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            rows.append(list(row))
            if len(rows) > MAX_ROWS:
                raise SheetError(_(N_(
                    "The sheet {sheet} has more than {limit} rows. Import at most {limit} rows at a time: split the "
                    "sheet into parts.")).format(sheet=path.name, limit=f"{MAX_ROWS:,}".replace(",", ".")))
    except csv.Error:
        raise SheetError(_(N_("The file {name} cannot be read as CSV.")).format(name=path.name)) from None
    return Sheet(path.stem, _rectangle(rows))
