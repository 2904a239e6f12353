"""The report rows of the benchmark, through the report engineer's modules (brugdesk.reports)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from brugdesk.core.periods import explicit_period, school_year
from brugdesk.reports.aggregate import aggregate as _aggregate
from brugdesk.reports.pdf import write_pdf
from brugdesk.reports.report import build_report


def aggregate(vault: Any, start: dt.date, end: dt.date) -> Any:
    """Aggregation plus disclosure control, as the Rapportages screen and ``brugdesk report`` do."""
    period = school_year(start.year) if (start.month, start.day) == (8, 1) else explicit_period(start, end)
    agg = _aggregate(vault.repo, period)
    return build_report(agg, vault.repo.settings.report_threshold, lang="nl")


def render_pdf(report: Any, target: Path) -> None:
    write_pdf(report, target)
