"""School-year and term arithmetic (DESIGN §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.periods import (
    PeriodError,
    current_school_year,
    explicit_period,
    parse_date,
    parse_period,
    previous_period,
    school_year_start,
    term_of,
    terms,
)


def test_school_year_runs_from_august_to_july() -> None:
    assert school_year_start(dt.date(2025, 7, 31)) == 2024
    assert school_year_start(dt.date(2025, 8, 1)) == 2025
    year = parse_period("2025-2026")
    assert (year.start, year.end) == (dt.date(2025, 8, 1), dt.date(2026, 7, 31))
    assert current_school_year(dt.date(2026, 3, 1)).label == "2025-2026"


def test_default_terms_cover_the_year_without_gaps() -> None:
    t1, t2, t3 = terms(2025)
    assert (t1.start, t1.end) == (dt.date(2025, 8, 1), dt.date(2025, 12, 31))
    assert (t2.start, t2.end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert (t3.start, t3.end) == (dt.date(2026, 4, 1), dt.date(2026, 7, 31))
    assert parse_period("2025-2026/T2") == t2
    assert parse_period("2025-2026/t3") == t3


def test_custom_terms() -> None:
    starts = ((8, 1), (10, 15), (2, 1))
    t1, t2, t3 = terms(2025, starts)
    assert t1.end == dt.date(2025, 10, 14)
    assert t2.end == dt.date(2026, 1, 31)
    assert term_of(dt.date(2026, 2, 1), starts) == t3


@pytest.mark.parametrize("spec", ["2025", "2025-2027", "2025-2026/T4", "T1", "2025/2026"])
def test_bad_period_specs_get_a_dutch_message(spec: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(spec)
    assert any(w in str(info.value) for w in ("periode", "schooljaar", "Periode"))


def test_previous_period() -> None:
    assert previous_period(parse_period("2025-2026/T1")).label == "2024-2025/T3"
    assert previous_period(parse_period("2025-2026/T2")).label == "2025-2026/T1"
    assert previous_period(parse_period("2025-2026")).label == "2024-2025"
    span = explicit_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    before = previous_period(span)
    assert before.end == dt.date(2026, 2, 28) and before.days == span.days


def test_months_and_dates() -> None:
    assert parse_period("2025-2026/T2").months() == ["2026-01", "2026-02", "2026-03"]
    assert parse_date("1-9-2025") == parse_date("2025-09-01") == dt.date(2025, 9, 1)
    with pytest.raises(PeriodError):
        parse_date("31-2-2025")
    with pytest.raises(PeriodError):
        explicit_period(dt.date(2026, 1, 2), dt.date(2026, 1, 1))
