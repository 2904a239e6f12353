"""Turning a cell into a value: Dutch dates, years of birth, durations, list labels into codes.

Each function returns the value or None; the caller turns None into a problem of the row.
"""

from __future__ import annotations

import datetime as dt
import re

from brugdesk.importing.fields import normalise
from brugdesk.importing.sheets import Cell

#: Excel's day 0 (a date cell saved as a plain number, 45903 = 3-9-2025)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})")
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mrt": 3, "maart": 3, "mar": 3,
    "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7,
    "july": 7, "aug": 8, "augustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10,
    "oktober": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})")


def _year(text: str) -> int:
    """A two-digit year in this century up to next year, else the previous one ('25' → 2025, '98' → 1998)."""
    year = int(text)
    if len(text) == 2:
        year += 2000
        if year > dt.date.today().year + 1:
            year -= 100
    return year


def parse_date(cell: Cell) -> dt.date | None:
    """A date from a date cell or Dutch text: ``3-9-2025``, ``03-09-25``, ``3/9/2025``, ``2025-09-03``,
    ``3 september 2025``, or Excel's day number; None when it is none of these (or no real date)."""
    if isinstance(cell, dt.date):
        return cell
    text = cell.strip().lower()
    if not text:
        return None
    try:
        if m := _YMD.fullmatch(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.fullmatch(text):
            return dt.date(_year(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH_NAME.fullmatch(text)) and m[2] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
        if text.isdigit() and 20_000 <= int(text) <= 80_000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    except ValueError:
        return None
    return None


def parse_birth_year(cell: Cell) -> int | None:
    """A year of birth from a year (``2016``) or a date of birth (its year); None when unreadable."""
    if isinstance(cell, dt.date):
        return cell.year
    text = cell.strip()
    if re.fullmatch(r"(19|20)\d\d", text):
        return int(text)
    day = parse_date(text)
    return day.year if day is not None else None


def parse_minutes(cell: Cell) -> int | None:
    """A duration in minutes: ``45``, ``45 min``, ``1:30``, ``1,5 uur``/``1.5 u``; None when unreadable."""
    if isinstance(cell, dt.date):
        return None
    text = cell.strip().lower().replace(",", ".")
    if m := re.fullmatch(r"(\d{1,3})\s*(min|minuten|minutes|m)?\.?", text):
        return int(m[1])
    if m := re.fullmatch(r"(\d{1,2}):(\d{2})(:00)?", text):
        return int(m[1]) * 60 + int(m[2])
    if m := re.fullmatch(r"(\d{1,2}(?:\.\d+)?)\s*(uur|u|h|hours|hour)", text):
        return round(float(m[1]) * 60)
    return None


def split_values(text: str) -> list[str]:
    """The values of a cell holding several (``Opvoeding, Geldzorgen``; ``;``, ``/`` and new lines too)."""
    return [p.strip() for p in re.split(r"[,;/\n]+", text) if p.strip()]


def code_for(text: str, labels: dict[str, str]) -> str | None:
    """The code of a list whose label or code is ``text`` (folded; a label that starts with the text
    counts when it is the only one: "Geldzorgen" finds "Geldzorgen en schulden")."""
    wanted = normalise(text)
    if not wanted:
        return None
    for code, lab in labels.items():
        if normalise(lab) == wanted or normalise(code) == wanted:
            return code
    starts = [code for code, lab in labels.items() if normalise(lab).startswith(wanted)]
    return starts[0] if len(starts) == 1 else None
