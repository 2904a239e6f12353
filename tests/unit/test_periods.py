"""School-year and term arithmetic (DESIGN §5)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brugdesk.core.periods import (
    DEFAULT_TERM_STARTS,
    ExportablePeriod,
    PeriodError,
    current_school_year,
    explicit_period,
    exportable_periods,
    find_exportable,
    first_full_month_end,
    last_month_end_before,
    month_end,
    not_exportable_reason,
    parse_date,
    parse_period,
    previous_period,
    school_year,
    school_year_start,
    term_of,
    terms,
    year_earlier,
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


@pytest.mark.parametrize("spec", ["2025-2027", "2025-2026/T4", "T1", "2025/2026", "0000-0001", "0000",
                                  "0000-0001/T1", "9999-10000", "20261"])
def test_bad_period_specs_get_a_dutch_message(spec: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(spec)
    assert any(w in str(info.value) for w in ("periode", "jaar", "Periode"))


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


# ----------------------------------------------------------------- exportable periods (issue 11, contract §1)
D = dt.date
EARLY = D(2020, 1, 1)  # the first recorded day


def test_a_calendar_year_is_a_period_spec() -> None:
    year = parse_period("2026")
    assert (year.start, year.end, year.label) == (D(2026, 1, 1), D(2026, 12, 31), "2026")
    assert year.id == "2026-01-01..2026-12-31"


def test_nonsense_years_are_a_period_error_not_a_crash() -> None:
    for spec in ("0000-0001", "0001-0002/T1", "0000", "3000"):
        with pytest.raises(PeriodError) as info:
            parse_period(spec)
        assert "brugdesk" in str(info.value) and "1900" in str(info.value)


def get(spec: str, today: D, starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> ExportablePeriod:
    entry = find_exportable(spec, starts, today)
    assert entry is not None, not_exportable_reason(spec, starts, today)
    return entry


def labels(entries: list[ExportablePeriod]) -> list[str]:
    return [e.label for e in entries]


def test_catalogue_in_december_lists_started_periods_newest_first_with_running_ones_cut() -> None:
    entries = exportable_periods(DEFAULT_TERM_STARTS, D(2025, 9, 10), D(2026, 12, 15))
    assert labels(entries) == [
        "2026-2027/T1", "2026-2027", "2026",  # running: cut at 30 November 2026
        "2025-2026/T3", "2025-2026", "2025-2026/T2", "2025-2026/T1", "2025",
    ]
    t1, year, cal = entries[:3]
    for e in (t1, year, cal):
        assert e.running and e.end == D(2026, 11, 30)
    assert t1.id == "2026-08-01..2026-11-30" and cal.id == "2026-01-01..2026-11-30"
    assert not entries[3].running and entries[3].id == "2026-04-01..2026-07-31"
    # 2024-2025 ended before anything was recorded; 2026-2027/T2 has not started
    assert "2024-2025" not in labels(entries) and "2026-2027/T2" not in labels(entries)


def test_dutch_and_english_texts() -> None:
    t1 = get("2026-2027/T1", D(2026, 12, 15))
    assert t1.title("nl") == "Schooljaar 2026-2027, periode 1"
    assert t1.cut_text("nl") == "tussenstand t/m 30 november 2026"
    assert t1.text("nl") == "Schooljaar 2026-2027, periode 1 (tussenstand t/m 30 november 2026)"
    assert t1.months_text("nl") == "augustus \u2013 november 2026"
    assert t1.comparison_text("nl") == ("Vergeleken met dezelfde periode een jaar eerder: schooljaar 2025-2026, "
                                        "periode 1 (augustus \u2013 november 2025).")
    assert t1.title("en") == "School year 2026-2027, term 1"
    assert t1.cut_text("en") == "interim figures up to 30 November 2026"
    assert t1.comparison_text("en") == ("Compared with the same period one year earlier: school year 2025-2026, "
                                        "term 1 (August \u2013 November 2025).")
    done = get("2025-2026", D(2026, 12, 15))
    assert done.text("nl") == "Schooljaar 2025-2026" and done.cut_text("nl") == ""
    assert done.months_text("nl") == "augustus 2025 \u2013 juli 2026"
    cal = get("2025", D(2026, 12, 15))
    assert cal.text("nl") == "Kalenderjaar 2025" and cal.text("en") == "Calendar year 2025"
    assert cal.comparison_text("nl") == ("Vergeleken met dezelfde periode een jaar eerder: kalenderjaar 2024 "
                                         "(januari \u2013 december 2024).")


def test_nothing_is_exportable_before_a_full_month_has_passed() -> None:
    # 20 August: the new school year and its first term have no full month yet
    entries = exportable_periods(DEFAULT_TERM_STARTS, D(2026, 1, 5), D(2026, 8, 20))
    assert "2026-2027" not in labels(entries) and "2026-2027/T1" not in labels(entries)
    assert labels(entries)[:3] == ["2025-2026/T3", "2026", "2025-2026"]  # 2026 cut at 31 July
    assert find_exportable("2026-2027/T1", DEFAULT_TERM_STARTS, D(2026, 8, 20)) is None
    assert not_exportable_reason("2026-2027/T1", DEFAULT_TERM_STARTS, D(2026, 8, 20)) == (
        "Schooljaar 2026-2027, periode 1 kan worden gedeeld vanaf 1 september 2026, als de eerste volle maand "
        "voorbij is.")
    # on 1 September August is a full month
    t1 = get("2026-2027/T1", D(2026, 9, 1))
    assert t1.running and t1.id == "2026-08-01..2026-08-31"
    assert not_exportable_reason("2026-2027/T1", DEFAULT_TERM_STARTS, D(2026, 9, 1)) == ""
    assert find_exportable("2026-2027/T2", DEFAULT_TERM_STARTS, D(2026, 9, 1)) is None
    assert not_exportable_reason("2026-2027/T2", DEFAULT_TERM_STARTS, D(2026, 9, 1)) == (
        "Schooljaar 2026-2027, periode 2 is nog niet begonnen.")


def test_a_period_that_ends_today_is_still_cut_and_complete_the_day_after() -> None:
    on_last_day = get("2026-2027/T1", D(2026, 12, 31))
    assert on_last_day.running and on_last_day.end == D(2026, 11, 30)
    after = get("2026-2027/T1", D(2027, 1, 1))
    assert not after.running and after.end == D(2026, 12, 31) and after.cut_text("nl") == ""
    # the school year, running on 1 January, is cut at 31 December: the same span as its first term
    year = get("2026-2027", D(2027, 1, 1))
    assert year.running and year.id == after.id


def test_a_term_starting_mid_month_waits_for_its_first_whole_month() -> None:
    starts = ((8, 1), (10, 15), (2, 1))
    assert get("2026-2027/T1", D(2026, 10, 10), starts).id == "2026-08-01..2026-09-30"
    assert get("2026-2027/T1", D(2026, 10, 20), starts).id == "2026-08-01..2026-10-14"  # ended
    assert "vanaf 1 december 2026" in not_exportable_reason("2026-2027/T2", starts, D(2026, 11, 20))
    t2 = get("2026-2027/T2", D(2026, 12, 1), starts)
    assert t2.id == "2026-10-15..2026-11-30" and t2.months_text("nl") == "oktober \u2013 november 2026"
    assert t2.comparison.id == "2025-10-15..2025-11-30"


def test_comparison_is_like_with_like() -> None:
    def comp(spec: str, today: D, starts: tuple[tuple[int, int], ...] = DEFAULT_TERM_STARTS) -> str:
        e = get(spec, today, starts)
        return f"{e.comparison.label} {e.comparison.id}"

    late = D(2030, 1, 1)
    assert comp("2026-2027/T2", late) == "2025-2026/T2 2026-01-01..2026-03-31"
    assert comp("2026-2027", late) == "2025-2026 2025-08-01..2026-07-31"
    assert comp("2026", late) == "2025 2025-01-01..2025-12-31"
    assert comp("2026-2027/T1", D(2026, 12, 15)) == "2025-2026/T1 2025-08-01..2025-11-30"
    # a cut at the end of February: the same month a year earlier, leap day or not
    assert comp("2027-2028/T2", D(2028, 3, 10)) == "2026-2027/T2 2027-01-01..2027-02-28"
    assert comp("2028-2029/T2", D(2029, 3, 10)) == "2027-2028/T2 2028-01-01..2028-02-29"
    # custom terms: the same term of the previous school year, by the vault's settings
    starts = ((8, 1), (10, 15), (3, 1))
    assert comp("2027-2028/T2", late, starts) == "2026-2027/T2 2026-10-15..2027-02-28"
    assert comp("2028-2029/T2", late, starts) == "2027-2028/T2 2027-10-15..2028-02-29"
    for spec in ("2027-2028/T2", "2028-2029/T2"):
        e = get(spec, late, starts)
        year = int(spec[:4]) - 1
        assert e.comparison == terms(year, starts)[1]


# ----------------------------------------------------------------- property tests of the cut rules
@st.composite
def term_starts(draw: st.DrawFn) -> tuple[tuple[int, int], ...]:
    days = draw(st.sets(st.integers(1, 364), max_size=5))  # days after 1 August 2001
    dates = sorted(D(2001, 8, 1) + dt.timedelta(days=n) for n in days)
    return ((8, 1), *((d.month, d.day) for d in dates))


days = st.dates(D(2001, 1, 1), D(2060, 12, 31))


@settings(max_examples=300, deadline=None)
@given(term_starts(), days, st.integers(0, 3000) | st.none())
def test_every_catalogue_entry_obeys_the_cut_rules(starts: tuple[tuple[int, int], ...], today: D,
                                                   back: int | None) -> None:
    first = None if back is None else today - dt.timedelta(days=back)
    entries = exportable_periods(starts, first, today)
    assert len(set(labels(entries))) == len(entries)  # one version of each period on a day
    keys = [(-e.end.toordinal(), -e.start.toordinal()) for e in entries]
    assert keys == sorted(keys)  # newest first
    for e in entries:
        assert parse_period(e.label, starts) == e.full
        assert e.start <= e.end < today  # started, and nothing of today or later is counted
        assert e.running == (e.full.end >= today)
        if e.running:  # cut at the end of the last full month, which lies whole inside the period
            assert e.end == last_month_end_before(today) == month_end(e.end)
            assert first_full_month_end(e.start) <= e.end
        else:
            assert e.end == e.full.end
        assert e.full.end >= min(first or today, today)
        c = e.comparison
        assert c.start == year_earlier(e.start) and c.months() == [
            f"{int(m[:4]) - 1:04d}{m[4:]}" for m in e.period.months()]


@settings(max_examples=300, deadline=None)
@given(term_starts(), days, days)
def test_every_started_period_with_a_full_month_is_in_the_catalogue(starts: tuple[tuple[int, int], ...],
                                                                    today: D, inside: D) -> None:
    first = min(today, inside)
    entries = {e.label: e for e in exportable_periods(starts, first, today)}
    for full in (school_year(school_year_start(inside)), term_of(inside, starts), parse_period(str(inside.year))):
        if full.start > today:
            assert full.label not in entries
        elif full.end < today or first_full_month_end(full.start) < today.replace(day=1):
            assert full.label in entries
        else:
            assert full.label not in entries


@settings(max_examples=200, deadline=None)
@given(term_starts(), days, st.integers(0, 27))
def test_the_cut_only_moves_at_the_start_of_a_month(starts: tuple[tuple[int, int], ...], today: D,
                                                    later: int) -> None:
    a = today.replace(day=1)
    b = a + dt.timedelta(days=later)
    before = {e.label: e for e in exportable_periods(starts, D(2001, 1, 1), a)}
    after = {e.label: e for e in exportable_periods(starts, D(2001, 1, 1), b)}
    for label, e in before.items():
        if label in after and e.running and after[label].running:
            assert after[label].id == e.id  # the same exportable version all month
