"""School years, terms, calendar years, and which periods a report may cover.

A school year ``YYYY-YYYY+1`` runs 1 August – 31 July. Terms are given per vault as
(month, day) starts within the school year; the defaults are T1 1 Aug – 31 Dec,
T2 1 Jan – 31 Mar, T3 1 Apr – 31 Jul. A period spec is ``2025-2026`` (a school year),
``2025-2026/T1`` (a term), ``2026`` (a calendar year) or explicit dates.

**Exportable periods.** Only fixed periods leave the laptop: a
school year, one of its terms, a calendar year (:func:`exportable_periods`). Only periods that
have started are listed. A period that has not ended on ``today`` is *cut* at the end of the last
full month before today ("tussenstand t/m 30 november 2026"); while no whole calendar month lies
between its start and today it is not exportable yet. So on a given day each period has exactly
one exportable version, and a completed period is never cut. Any other date range is for the
officer's own screen only.

The *comparison* period of a period (the "previous" column of the key figures) is like with
like: the same period one year earlier (:func:`comparison_period`): a term -> the same term of the
previous school year, a school year -> the previous school year, a calendar year -> the previous
calendar year, a cut period -> the same months one year earlier (same start, cut at the same month).

A period's machine identity is ``START..END`` in ISO dates (:attr:`Period.id`; END is the cut of a
running period); its human texts (:meth:`ExportablePeriod.title` and friends) are separate and
translated. Terms are called "periode 1" in Dutch and "term 1" in English, everywhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from brugdesk.i18n import N_, _, language

#: Default term starts as (month, day); each term ends the day before the next starts.
DEFAULT_TERM_STARTS: tuple[tuple[int, int], ...] = ((8, 1), (1, 1), (4, 1))

#: The years brugdesk works with (a period outside them is a typing error, not a report).
MIN_YEAR, MAX_YEAR = 1900, 2999

TERM, SCHOOL_YEAR, CALENDAR_YEAR = "term", "year", "calendar"
_KIND_ORDER = {TERM: 0, SCHOOL_YEAR: 1, CALENDAR_YEAR: 2}

_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")
_TERM_RE = re.compile(r"^(\d{4})-(\d{4})/[Tt](\d{1,2})$")
_CALENDAR_RE = re.compile(r"^(\d{4})$")

MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)


class PeriodError(ValueError):
    """A period spec that cannot be understood or used; ``str()`` is a translated message."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str  # e.g. "2025-2026/T1", "2025-2026", "2026" or "2025-09-01..2025-12-31"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_(N_("The end of the period lies before its start.")))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def id(self) -> str:
        """The machine identity ``START..END`` (ISO dates), e.g. ``2026-08-01..2026-11-30``."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def months(self) -> list[str]:
        """The months the period touches, as ``YYYY-MM``."""
        out: list[str] = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def period_id(period: Period) -> str:
    """The machine identity of ``period``: ``START..END``."""
    return period.id


# ------------------------------------------------------------------ calendar helpers
def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def last_month_end_before(today: dt.date) -> dt.date:
    """The last day of the last full month before ``today`` (30 November for any day in December)."""
    return today.replace(day=1) - dt.timedelta(days=1)


def first_full_month_end(start: dt.date) -> dt.date:
    """The last day of the first whole calendar month that lies inside a period starting on ``start``."""
    end = month_end(start)
    return end if start.day == 1 else month_end(end + dt.timedelta(days=1))


def year_earlier(day: dt.date) -> dt.date:
    """The same day one year earlier (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


# ------------------------------------------------------------------ school years and terms
def school_year_start(day: dt.date) -> int:
    """The calendar year in which the school year containing ``day`` starts."""
    return day.year if day.month >= 8 else day.year - 1


def school_year(start_year: int) -> Period:
    return Period(dt.date(start_year, 8, 1), dt.date(start_year + 1, 7, 31), f"{start_year}-{start_year + 1}")


def calendar_year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}")


def current_school_year(today: dt.date | None = None) -> Period:
    return school_year(school_year_start(today or dt.date.today()))


def _term_start_date(start_year: int, month: int, day: int) -> dt.date:
    return dt.date(start_year if month >= 8 else start_year + 1, month, day)


def terms(start_year: int, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> list[Period]:
    """The terms of school year ``start_year``-``start_year+1``."""
    validate_term_starts(term_starts)
    starts = [_term_start_date(start_year, m, d) for m, d in term_starts]
    year_end = dt.date(start_year + 1, 7, 31)
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) else year_end
        out.append(Period(start, end, f"{start_year}-{start_year + 1}/T{i + 1}"))
    return out


def validate_term_starts(term_starts: tuple[tuple[int, int], ...]) -> None:
    if not term_starts or tuple(term_starts[0]) != (8, 1):
        raise PeriodError(_(N_("The first term must start on 1 August.")))
    try:
        dates = [_term_start_date(2000, m, d) for m, d in term_starts]
    except ValueError as exc:
        raise PeriodError(_(N_("A term starts on a day that does not exist."))) from exc
    if any(b <= a for a, b in zip(dates, dates[1:], strict=False)):
        raise PeriodError(_(N_("Terms must start in order within the school year.")))


def term_of(day: dt.date, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> Period:
    for term in terms(school_year_start(day), term_starts):
        if term.contains(day):
            return term
    raise AssertionError("terms cover the whole school year")  # pragma: no cover


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(_(N_("The year {year} lies outside the years brugdesk works with ({lo}-{hi}).")).format(
            year=f"{year:04d}", lo=MIN_YEAR, hi=MAX_YEAR))


def parse_period(spec: str, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> Period:
    """Parse ``2025-2026``, ``2025-2026/T2`` or ``2026``; raises :class:`PeriodError` with a clear message."""
    spec = spec.strip()
    if m := _YEAR_RE.match(spec):
        a, b = int(m.group(1)), int(m.group(2))
        if b != a + 1:
            raise PeriodError(_(N_("A school year is two consecutive years, such as 2025-2026.")))
        _check_year(a)
        return school_year(a)
    if m := _TERM_RE.match(spec):
        a, b, n = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if b != a + 1:
            raise PeriodError(_(N_("A school year is two consecutive years, such as 2025-2026.")))
        _check_year(a)
        all_terms = terms(a, term_starts)
        if not 1 <= n <= len(all_terms):
            raise PeriodError(_(N_("This school year has no term {n}.")).format(n=n))
        return all_terms[n - 1]
    if m := _CALENDAR_RE.match(spec):
        year = int(m.group(1))
        _check_year(year)
        return calendar_year(year)
    raise PeriodError(_(N_("Unknown period '{spec}': use for example 2025-2026, 2025-2026/T1 or 2026.")).format(
        spec=spec))


def period_kind(period: Period) -> str | None:
    """``term``, ``school_year`` or ``calendar_year`` for a fixed period's label, else None."""
    base = period.label
    if _TERM_RE.match(base):
        return TERM
    if _YEAR_RE.match(base):
        return SCHOOL_YEAR
    if _CALENDAR_RE.match(base):
        return CALENDAR_YEAR
    return None


def explicit_period(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")


def previous_period(period: Period, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> Period:
    """The period before ``period``: the previous term, school year, or a span of equal length.

    (The report compares like with like instead: see :func:`comparison_period`.)"""
    if _YEAR_RE.match(period.label):
        return school_year(period.start.year - 1)
    if _TERM_RE.match(period.label):
        return term_of(period.start - dt.timedelta(days=1), term_starts)
    length = period.end - period.start
    end = period.start - dt.timedelta(days=1)
    start = end - length
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")


def _previous_label(period: Period) -> str | None:
    if m := _TERM_RE.match(period.label):
        a = int(m.group(1)) - 1
        return f"{a}-{a + 1}/T{int(m.group(3))}"
    if m := _YEAR_RE.match(period.label):
        a = int(m.group(1)) - 1
        return f"{a}-{a + 1}"
    if m := _CALENDAR_RE.match(period.label):
        return str(int(m.group(1)) - 1)
    return None


def comparison_period(period: Period, end: dt.date | None = None) -> Period:
    """The same period one year earlier (like with like); with ``end``: of ``period``
    cut at ``end``.

    The start moves back one year (terms keep their (month, day) start every year); an end on the
    last day of a month moves to the last day of the same month a year earlier (a cut at 29
    February 2028 compares with 28 February 2027, one at 28 February 2029 with 29 February 2028),
    any other end to the same day a year earlier. So a term gives the same term of the previous
    school year, a school year the previous one, a calendar year the previous one, and a cut
    period the same months one year earlier."""
    end = period.end if end is None else end
    start = year_earlier(period.start)
    stop = month_end(year_earlier(end.replace(day=1))) if end == month_end(end) else year_earlier(end)
    label = _previous_label(period)
    return Period(start, stop, label) if label is not None else explicit_period(start, stop)


def parse_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or Dutch ``D-M-YYYY`` within :data:`MIN_YEAR`-:data:`MAX_YEAR`; raises
    :class:`PeriodError`."""
    text = text.strip()
    day: dt.date | None = None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", text)
        if m:
            try:
                day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                day = None
    if day is not None:
        _check_year(day.year)
        return day
    raise PeriodError(_(N_("'{text}' is not a date; use for example 2025-09-01 or 1-9-2025.")).format(text=text))


# ------------------------------------------------------------------ human texts
def month_name(month: int, lang: str | None = None) -> str:
    """"november" (Dutch) / "November" (English)."""
    return _(MONTHS[month - 1], lang or language())


def date_text(day: dt.date, lang: str | None = None) -> str:
    """"30 november 2026" (Dutch) / "30 November 2026"."""
    return f"{day.day} {month_name(day.month, lang)} {day.year}"


def months_text(start: dt.date, end: dt.date, lang: str | None = None) -> str:
    """The months a span covers: "augustus – november 2026", "augustus 2025 – juli 2026", "mei 2026"."""
    a = f"{month_name(start.month, lang)} {start.year}"
    b = f"{month_name(end.month, lang)} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return b
    if start.year == end.year:
        a = month_name(start.month, lang)
    return f"{a} \u2013 {b}"


def period_title(period: Period, lang: str | None = None) -> str:
    """"Schooljaar 2026-2027, periode 1", "Schooljaar 2026-2027", "Kalenderjaar 2026"; other
    date ranges by their months ("september – december 2025")."""
    lang = lang or language()
    if m := _TERM_RE.match(period.label):
        return _(N_("School year {year}, term {n}"), lang).format(year=f"{m.group(1)}-{m.group(2)}",
                                                                  n=int(m.group(3)))
    if m := _YEAR_RE.match(period.label):
        return _(N_("School year {year}"), lang).format(year=period.label)
    if m := _CALENDAR_RE.match(period.label):
        return _(N_("Calendar year {year}"), lang).format(year=period.label)
    return months_text(period.start, period.end, lang)


def cut_text(end: dt.date, lang: str | None = None) -> str:
    """"tussenstand t/m 30 november 2026" (Dutch) / "interim figures up to 30 November 2026"."""
    return _(N_("interim figures up to {date}"), lang or language()).format(date=date_text(end, lang))


# ------------------------------------------------------------------ the catalogue
@dataclass(frozen=True)
class ExportablePeriod:
    """One entry of the catalogue of exportable periods: a school year, a term or a calendar year
    as it may be exported on the catalogue's day. ``period`` is what the report covers
    (``start..end``, the end being the cut of a running period), labelled with the spec;
    ``full`` the whole period; ``comparison`` the same months one year earlier."""

    period: Period
    full: Period
    kind: str  # TERM ("term"), SCHOOL_YEAR ("year") or CALENDAR_YEAR ("calendar")
    running: bool  # not ended yet, so cut at the end of the last full month (a "tussenstand")
    comparison: Period

    @property
    def label(self) -> str:
        """The spec: "2026-2027/T1", "2026-2027" or "2026"."""
        return self.full.label

    @property
    def start(self) -> dt.date:
        return self.period.start

    @property
    def end(self) -> dt.date:
        """The last day counted: the cut of a running period, else the period's last day."""
        return self.period.end

    @property
    def id(self) -> str:
        """``START..END`` (END = the cut)."""
        return self.period.id

    def title(self, lang: str | None = None) -> str:
        """"Schooljaar 2026-2027, periode 1"."""
        return period_title(self.full, lang)

    def cut_text(self, lang: str | None = None) -> str:
        """"tussenstand t/m 30 november 2026", or "" for a completed period."""
        return cut_text(self.end, lang) if self.running else ""

    def months_text(self, lang: str | None = None) -> str:
        """"augustus – november 2026"."""
        return months_text(self.start, self.end, lang)

    def text(self, lang: str | None = None) -> str:
        """The title with the cut: "Schooljaar 2026-2027, periode 1 (tussenstand t/m 30 november 2026)"."""
        cut = self.cut_text(lang)
        return f"{self.title(lang)} ({cut})" if cut else self.title(lang)

    def comparison_text(self, lang: str | None = None) -> str:
        """What the "previous" column is, in one plain sentence: "Vergeleken met dezelfde periode een
        jaar eerder: schooljaar 2025-2026, periode 1 (augustus – november 2025)."
        """
        lang = lang or language()
        c = self.comparison
        title = period_title(c, lang)
        return _(N_("Compared with the same period one year earlier: {period} ({months})."), lang).format(
            period=title[:1].lower() + title[1:], months=months_text(c.start, c.end, lang))


def exportable(full: Period, kind: str, today: dt.date) -> ExportablePeriod | None:
    """``full`` (a school year, term or calendar year of ``kind``) as it may be exported on
    ``today``: whole when it has ended; else cut at the end of the last full month, but only once a
    whole calendar month of it lies before today; None when it has not started or is not that far."""
    if full.start > today:
        return None
    if full.end < today:
        return ExportablePeriod(full, full, kind, False, comparison_period(full))
    cut = last_month_end_before(today)
    if cut < first_full_month_end(full.start):
        return None
    period = Period(full.start, cut, full.label)
    return ExportablePeriod(period, full, kind, True, comparison_period(period))


def exportable_periods(term_starts: tuple[tuple[int, int], ...], first_day: dt.date | None,
                       today: dt.date) -> list[ExportablePeriod]:
    """Every period that may be exported on ``today``, newest first.

    School years, their terms and calendar years from the one containing ``first_day`` (the first
    recorded day in the vault; ``None``: nothing recorded yet, so only periods running today) up to
    today, each as :func:`exportable` allows it. Newest first: by last day counted, then by start
    (the shorter first), then term before school year before calendar year."""
    first = min(first_day or today, today)
    candidates: list[Period] = []
    for year in range(school_year_start(first), school_year_start(today) + 1):
        candidates.append(school_year(year))
        candidates.extend(terms(year, term_starts))
    candidates.extend(calendar_year(y) for y in range(first.year, today.year + 1))
    out = [e for p in candidates
           if p.end >= first and (e := exportable(p, _kind(p), today)) is not None]
    out.sort(key=lambda e: (-e.end.toordinal(), -e.start.toordinal(), _KIND_ORDER[e.kind]))
    return out


def _kind(period: Period) -> str:
    kind = period_kind(period)
    if kind is None:
        raise PeriodError(_(N_("Only a school year, a term or a calendar year can be shared.")))
    return kind


def find_exportable(spec: str, term_starts: tuple[tuple[int, int], ...], today: dt.date) -> ExportablePeriod | None:
    """The exportable version on ``today`` of ``spec`` (``2025-2026``, ``2025-2026/T1`` or ``2026``),
    or None (:func:`not_exportable_reason` says why); a malformed spec raises :class:`PeriodError`."""
    full = parse_period(spec, term_starts)
    return exportable(full, _kind(full), today)


def not_exportable_reason(spec: str, term_starts: tuple[tuple[int, int], ...], today: dt.date) -> str:
    """Why ``spec`` cannot be exported on ``today`` ("" when it can)."""
    full = parse_period(spec, term_starts)
    if exportable(full, _kind(full), today) is not None:
        return ""
    if full.start > today:
        return _(N_("{period} has not started yet.")).format(period=period_title(full))
    return _(N_("{period} can be shared from {date}, when its first full month has passed.")).format(
        period=period_title(full), date=date_text(first_full_month_end(full.start) + dt.timedelta(days=1)))
