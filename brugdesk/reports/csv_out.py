"""The report's tables as CSV: one row per printed cell, the same suppression as the PDF.

Format: UTF-8 with a byte-order mark (so Excel recognises the encoding), ``;`` as the
delimiter (what Excel expects with Dutch regional settings, where the decimal separator
is a comma), quoting where needed, ``\\r\\n`` line ends. The first line is the header
``section;row;column;value``; values are exactly what the PDF prints (``<5``, ``x``,
``12,5`` hours …), counts without thousands separators.

Sections: the report's details (period, schools, month made, threshold), the key
figures (this period, previous period, change), then every table of the report.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from brugdesk.fsutil import write_atomic
from brugdesk.i18n import N_, _
from brugdesk.reports.report import ProtectedReport

__all__ = ["DELIMITER", "csv_rows", "render_csv", "write_csv"]

DELIMITER = ";"


def csv_rows(report: ProtectedReport) -> list[tuple[str, str, str, str]]:
    """(section, row, column, value) for every printed cell."""
    lang = report.language

    def t(message: str) -> str:
        return _(message, lang)

    about = t(N_("Report"))
    rows: list[tuple[str, str, str, str]] = [
        (about, t(N_("Period")), "", report.period_text),
        (about, t(N_("School(s)")), "", report.schools_text),
        (about, t(N_("Made in")), "", report.generated),
        (about, t(N_("Threshold")), "", str(report.k)),
    ]
    if report.notice:
        rows.append((about, t(N_("Notice")), "", report.notice))
    key = t(N_("Key figures"))
    cols = (t(N_("This period")), t(N_("Previous period")), t(N_("Change")))
    for f in report.key_figures:
        for col, value in zip(cols, (f.current, f.previous, f.difference), strict=True):
            rows.append((key, f.label, col, value))
    for table in report.tables():
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                rows.append((table.title, row.label, column.label, value))
    return rows


def render_csv(report: ProtectedReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    lang = report.language
    writer.writerow([_(N_("section"), lang), _(N_("row"), lang), _(N_("column"), lang), _(N_("value"), lang)])
    writer.writerows(csv_rows(report))
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(report: ProtectedReport, target: Path) -> None:
    """Write the CSV atomically (:func:`brugdesk.fsutil.write_atomic`)."""
    write_atomic(Path(target), render_csv(report))
