"""The words and numbers of a report: periods and months in words, the suggested file name, and
numbers formatted (and read back) as the report prints them, in Dutch or English."""

from __future__ import annotations

import datetime as dt
import re

from brugdesk.core.periods import Period
from brugdesk.i18n import N_, _, language

MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)
MONTHS_SHORT = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
    N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)

def in_language(message: str, lang: str) -> str:
    """``message`` in ``lang`` (the report's language, not necessarily the app's)."""
    return _(message, lang)


def period_id(period: Period) -> str:
    """The machine identity of a period: ``START..END`` in ISO dates."""
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def month_label(month: str, lang: str, short: bool = False) -> str:
    """``2025-09`` as "september 2025" (Dutch) / "September 2025"; short: "sep 2025"."""
    year, m = int(month[:4]), int(month[5:7])
    name = in_language((MONTHS_SHORT if short else MONTHS)[m - 1], lang).strip()
    return f"{name} {year}"


def month_range(start: dt.date, end: dt.date, lang: str) -> str:
    a = month_label(f"{start.year:04d}-{start.month:02d}", lang)
    b = month_label(f"{end.year:04d}-{end.month:02d}", lang)
    if a == b:
        return a
    if start.year == end.year:
        a = a.rsplit(" ", 1)[0]
    return f"{a} – {b}"


TERM = re.compile(r"^(\d{4}-\d{4})/T(\d+)$")
SCHOOL_YEAR = re.compile(r"^(\d{4}-\d{4})$")
CALENDAR_YEAR = re.compile(r"^(\d{4})$")


def period_label(period: Period) -> str:
    base = period.label.split("@", 1)[0]
    if TERM.match(base) or SCHOOL_YEAR.match(base) or CALENDAR_YEAR.match(base):
        return base
    return f"{period.start.year:04d}-{period.start.month:02d}..{period.end.year:04d}-{period.end.month:02d}"


def period_text(period: Period, lang: str | None = None) -> str:
    """The period in words, never finer than a month."""
    lang = lang or language()
    months = month_range(period.start, period.end, lang)
    base = period.label.split("@", 1)[0]
    if m := TERM.match(base):
        return in_language(N_("School year {year}, term {n}: {months}"), lang).format(year=m.group(1), n=m.group(2),
                                                                              months=months)
    if m := SCHOOL_YEAR.match(base):
        return in_language(N_("School year {year}: {months}"), lang).format(year=m.group(1), months=months)
    if m := CALENDAR_YEAR.match(base):
        return in_language(N_("Calendar year {year}: {months}"), lang).format(year=m.group(1), months=months)
    return months


def suggested_filename(period: Period, extension: str, lang: str | None = None) -> str:
    """A file name with only the period in it, e.g. ``rapportage-2025-2026-T1.pdf``."""
    lang = lang or language()
    label = period_label(period).replace("/", "-").replace("..", "_")
    return f"{in_language(N_('report'), lang)}-{label}.{extension}"


def decimal_text(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def signed_text(diff: float, lang: str, digits: int = 0) -> str:
    if abs(diff) < 10 ** -(digits + 1):
        return "0"
    body = decimal_text(abs(diff), lang, digits) if digits else str(round(abs(diff)))
    return ("+" if diff > 0 else "−") + body


def parse_number(text: str) -> float | None:
    """The numeric value of a printed number, or None when it is hidden, withheld or missing."""
    if not re.fullmatch(r"-?\d+([.,]\d+)?%?", text):
        return None
    return float(text.rstrip("%").replace(",", "."))
