"""School-year and term arithmetic (DESIGN §5).

A school year ``YYYY-YYYY+1`` runs 1 August – 31 July. Terms are given per vault as
(month, day) starts within the school year; the defaults are T1 1 Aug – 31 Dec,
T2 1 Jan – 31 Mar, T3 1 Apr – 31 Jul. A period spec is ``2025-2026``, ``2025-2026/T1``
or explicit dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brugdesk.i18n import N_, _

#: Default term starts as (month, day); each term ends the day before the next starts.
DEFAULT_TERM_STARTS: tuple[tuple[int, int], ...] = ((8, 1), (1, 1), (4, 1))

_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")
_TERM_RE = re.compile(r"^(\d{4})-(\d{4})/[Tt](\d{1,2})$")


class PeriodError(ValueError):
    """A period spec that cannot be understood; ``str()`` is a translated message."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str  # e.g. "2025-2026/T1", "2025-2026" or "2025-09-01..2025-12-31"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_(N_("The end of the period lies before its start.")))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[str]:
        """The months the period touches, as ``YYYY-MM``."""
        out: list[str] = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def school_year_start(day: dt.date) -> int:
    """The calendar year in which the school year containing ``day`` starts."""
    return day.year if day.month >= 8 else day.year - 1


def school_year(start_year: int) -> Period:
    return Period(dt.date(start_year, 8, 1), dt.date(start_year + 1, 7, 31), f"{start_year}-{start_year + 1}")


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


def parse_period(spec: str, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> Period:
    """Parse ``2025-2026`` or ``2025-2026/T2``; raises :class:`PeriodError` with a clear message."""
    spec = spec.strip()
    if m := _YEAR_RE.match(spec):
        a, b = int(m.group(1)), int(m.group(2))
        if b != a + 1:
            raise PeriodError(_(N_("A school year is two consecutive years, such as 2025-2026.")))
        return school_year(a)
    if m := _TERM_RE.match(spec):
        a, b, n = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if b != a + 1:
            raise PeriodError(_(N_("A school year is two consecutive years, such as 2025-2026.")))
        all_terms = terms(a, term_starts)
        if not 1 <= n <= len(all_terms):
            raise PeriodError(_(N_("This school year has no term T{n}.")).format(n=n))
        return all_terms[n - 1]
    raise PeriodError(_(N_("Unknown period '{spec}': use for example 2025-2026 or 2025-2026/T1.")).format(spec=spec))


def explicit_period(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")


def previous_period(period: Period, term_starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> Period:
    """The period before ``period``: the previous term, school year, or a span of equal length."""
    if _YEAR_RE.match(period.label):
        return school_year(period.start.year - 1)
    if _TERM_RE.match(period.label):
        return term_of(period.start - dt.timedelta(days=1), term_starts)
    length = period.end - period.start
    end = period.start - dt.timedelta(days=1)
    return explicit_period(end - length, end)


def parse_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or Dutch ``D-M-YYYY``; raises :class:`PeriodError`."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", text)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    raise PeriodError(_(N_("'{text}' is not a date; use for example 2025-09-01 or 1-9-2025.")).format(text=text))
