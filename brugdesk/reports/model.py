"""The protected report as it is printed: key figures, sections, tables, charts and every
printed cell, with the marks for hidden, withheld and missing values and the bounds of k.

Everything in it is safe to print; :mod:`brugdesk.reports.report` builds it from the counts.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_K = 5
MIN_K = 3
MAX_K = 20
#: Printed for a derived value (hours, average, share) whose count prints ``<k``.
HIDDEN_MARK = "x"
#: Printed for a number the export rules withhold.
WITHHELD_MARK = "—"
#: Printed for a derived value that does not exist (an average over zero).
MISSING_MARK = "-"

COUNT, HOURS, PERCENT, MINUTES, TEXT = "count", "hours", "percent", "minutes", "text"


def check_k(k: int) -> int:
    """Return ``k`` if it is a valid threshold (an int in 3..20), else raise ``ValueError``."""
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(f"the threshold k must be an integer in {MIN_K}..{MAX_K}, got {k!r}")
    return k


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = COUNT  # count, hours, minutes, percent or text


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]
    total: bool = False


@dataclass(frozen=True)
class ReportTable:
    key: str  # stable English identifier
    title: str  # translated; the CSV's "section"
    row_header: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    #: the cell code of every value (same shape as ``rows``; "" for text or derived values)
    codes: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]  # printed values; 0 where the number is hidden
    texts: tuple[str, ...]  # what each bar says ("<5" where hidden)
    horizontal: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[ReportTable, ...]
    chart: Chart | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    current: str
    previous: str
    difference: str  # "+3", "−2", "0" or "" when either side is not a number
    kind: str = COUNT
    indent: bool = False
    code: str = ""  # the cell code of the count (or of the base of a derived figure)


@dataclass(frozen=True)
class PublishedCell:
    """One printed count: the period it is about (``START..END``), its code and its printed text."""

    period: str
    code: str
    value: str


@dataclass(frozen=True)
class ProtectedReport:
    language: str
    k: int
    d: int
    title: str
    period_label: str  # "2025-2026/T1", "2025-2026", "2026" or months for other date ranges
    period_id: str  # START..END (the cut for a running period)
    period_text: str  # e.g. "Schooljaar 2025-2026, periode 1: augustus – december 2025"
    cut_text: str  # "tussenstand t/m 30 november 2026", or ""
    running: bool
    exportable: bool  # False: a date range for the officer's own screen only
    comparison_id: str
    comparison_text: str  # what the previous column is, in a plain sentence ("" without one)
    previous_text: str  # the comparison period in words
    schools_text: str
    scope_id: str  # "all" or the school's name
    generated: str  # month precision, e.g. "november 2026"
    enough_families: bool
    notice: str  # the "fewer than k families" notice, or ""
    notes: tuple[str, ...]  # under the key figures
    key_figures: tuple[KeyFigure, ...]
    sections: tuple[Section, ...]
    explanation: tuple[str, ...]
    withheld_notes: tuple[str, ...]
    remarks: str  # the officer's toelichting (checked against every name before export)
    cells: tuple[PublishedCell, ...]  # every printed count (current and comparison), once
    suggested_pdf: str
    suggested_csv: str

    def tables(self) -> list[ReportTable]:
        return [t for s in self.sections for t in s.tables]

    def key_figure(self, key: str) -> KeyFigure:
        for figure in self.key_figures:
            if figure.key == key:
                return figure
        raise KeyError(key)
