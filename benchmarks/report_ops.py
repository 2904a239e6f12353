"""The report rows of the benchmark, through brugdesk.reports (what the Rapportages page and
``brugdesk report`` run): gathering the numbers, protecting them, and rendering the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from brugdesk.reports import export
from brugdesk.reports.pdf import write_pdf


def gather(vault: Any, spec: str, today: dt.date) -> Any:
    """The raw numbers of an exportable period and of its comparison period (SQL)."""
    return export.gather(vault.repo, spec, None, today=today)


def protect(vault: Any, gathered: Any, today: dt.date) -> Any:
    """The export rules (export history, linked check) and the report's layout."""
    agg, item = gathered
    return export.protect(vault.repo, agg, item, today=today, lang="nl").report


def render_pdf(report: Any, target: Path) -> None:
    write_pdf(report, target)
