"""The report as CSV: every printed number once, with the period it is about and its cell code.

Format (design contract §4): UTF-8 with a byte-order mark (so Excel recognises the encoding),
``;`` as the delimiter (what Excel expects with Dutch regional settings, where the decimal separator
is a comma), quoting where needed, ``\\r\\n`` line ends. The header is
``period;code;section;row;column;value``:

* ``period``: the machine identity ``START..END`` of the period the number is about (the report's
  period, or the comparison period for the "a year earlier" column); empty on the header rows (a
  date range for the officer's own screen, which brugdesk never saves, gives only its months);
* ``code``: the stable cell code (``reach.active``, ``contacts.home_visit``, ``months.2026-09.hours``
  …), empty on text rows;
* ``section``, ``row``, ``column``: where the number stands in the report (translated);
* ``value``: exactly what the PDF prints: ``0``, ``<5``, ``12``, ``12,5``, ``x`` (a derived value
  hidden with its base) or ``—`` (withheld), counts without thousands separators.

First come the header rows (code empty): the period, the cut, the school(s), the scope, k, D, the
month the report was made, notices and notes; then the key figures (this period, then the
comparison period), then every table, then printed numbers that stand only in a sentence (home-visit
families, families referred). A number that the report prints in several places (the total of
contacts is a key figure and the total of two tables) is written once, where it first appears.
The change column of the key figures is not written: it is the difference of two written numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from brugdesk.fsutil import write_atomic
from brugdesk.i18n import N_, _
from brugdesk.reports.report import HOURS, MINUTES, PERCENT, ProtectedReport

__all__ = ["DELIMITER", "HEADER", "csv_rows", "derived_code", "render_csv", "write_csv"]

DELIMITER = ";"
HEADER = ("period", "code", "section", "row", "column", "value")

#: key figures that are derived values, not counts: their own code
_FIGURE_CODES = {"hours": "contacts.total.hours", "pupil_share": "reach.pupil_share"}
#: printed numbers that stand in a sentence rather than a table: (section, row) labels
_SENTENCE_CELLS = {
    "contacts.home_visit_families": (N_("Contacts"), N_("Families with a home visit")),
    "referrals.families": (N_("Referrals"), N_("Families referred")),
    "referrals.warm": (N_("Referrals"), N_("Warm handovers")),
    "reach.children_counted": (N_("Key figures"), N_("Children at schools with a known pupil count")),
}
_SUFFIX = {HOURS: "hours", MINUTES: "minutes_avg", PERCENT: "share"}


def derived_code(base: str, kind: str) -> str:
    """The code of a derived value from its count's code: ``contacts.home_visit`` + hours ->
    ``contacts.home_visit.hours``, ``months.2026-09.contacts`` -> ``months.2026-09.hours``,
    ``activities.coffee.count`` -> ``activities.coffee.hours``."""
    for tail in (".contacts", ".count"):
        if base.endswith(tail) and base.count(".") >= 2:
            base = base[: -len(tail)]
            break
    return f"{base}.{_SUFFIX[kind]}"


Row = tuple[str, str, str, str, str, str]


def csv_rows(report: ProtectedReport) -> list[Row]:
    """(period, code, section, row, column, value) for the header rows and every printed number."""
    lang = report.language

    def t(message: str) -> str:
        return _(message, lang)

    about = t(N_("Report"))
    rows: list[Row] = []

    def text(row: str, value: str) -> None:
        rows.append(("", "", about, row, "", value))

    text(t(N_("Period")), report.period_text)
    text(t(N_("Interim figures")), report.cut_text)
    text(t(N_("Schools")), report.schools_text)
    text(t(N_("Scope")), report.scope_id)
    text(t(N_("Threshold")), str(report.k))
    text(t(N_("Largest change (D)")), str(report.d))
    text(t(N_("Made in")), report.generated)
    if report.comparison_text:
        text(t(N_("Comparison")), report.comparison_text)
    if not report.exportable:
        text(t(N_("Notice")), t(N_("Only for yourself \u2014 not for sharing")))
    if report.notice:
        text(t(N_("Notice")), report.notice)
    for note in report.withheld_notes:
        text(t(N_("Not shown")), note)
    if report.remarks.strip():
        text(t(N_("Remarks by the bridge officer")), report.remarks.strip())

    seen: set[tuple[str, str]] = set()
    current, comparison = _ids(report)

    def number(period: str, code: str, section: str, row: str, column: str, value: str) -> None:
        if not value:
            return
        if code:
            if (period, code) in seen:
                return
            seen.add((period, code))
        rows.append((period, code, section, row, column, value))

    key = t(N_("Key figures"))
    earlier = t(N_("A year earlier")) if report.comparison_text else t(N_("Previous period"))
    for f in report.key_figures:
        code = _FIGURE_CODES.get(f.key, f.code)
        number(current, code, key, f.label, t(N_("This period")), f.current)
        if comparison or f.previous:
            number(comparison, code, key, f.label, earlier, f.previous)
    for table in report.tables():
        for i, row in enumerate(table.rows):
            codes = table.codes[i] if i < len(table.codes) else ()
            base = next((c for c in codes if c), "")
            for j, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
                code = codes[j] if j < len(codes) else ""
                if not code and base and column.kind in _SUFFIX:
                    code = derived_code(base, column.kind)
                number(current, code, table.title, row.label, column.label, value)
    for cell in report.cells:
        period = current if cell.period == report.period_id else comparison
        if (period, cell.code) not in seen and cell.code in _SENTENCE_CELLS:
            section, label = _SENTENCE_CELLS[cell.code]
            which = t(N_("This period")) if cell.period == report.period_id else earlier
            number(period, cell.code, t(section), t(label), which, cell.value)
    return rows


def _ids(report: ProtectedReport) -> tuple[str, str]:
    """The period column's values: ``START..END`` for an exportable period; for another date range
    (the officer's own screen, never saved by brugdesk) only its months, ``2025-09..2025-11``, so
    that even that CSV holds no date finer than a month."""
    if report.exportable:
        return report.period_id, report.comparison_id

    def months(pid: str) -> str:
        return "..".join(day[:7] for day in pid.split("..")) if pid else ""

    return months(report.period_id), months(report.comparison_id)


def render_csv(report: ProtectedReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(csv_rows(report))
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(report: ProtectedReport, target: Path) -> None:
    """Write the CSV atomically (:func:`brugdesk.fsutil.write_atomic`)."""
    write_atomic(Path(target), render_csv(report))
