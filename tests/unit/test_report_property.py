"""Property test of the report builder over random aggregates (no database): whatever the numbers,
every printed count is 0, "<k", "x" or at least k, derived numbers are hidden with their base, and
"active = new + continuing" never gives a hidden number away."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from brugdesk.core.lists import DEFAULT_LISTS, ListName
from brugdesk.core.periods import Period, parse_period
from brugdesk.reports.aggregate import STATUS_GROUPS, Aggregates, Category, MonthRow, Reach, ReferralRow
from brugdesk.reports.csv_out import csv_rows
from brugdesk.reports.report import COUNT, build_report

PERIOD = parse_period("2025-2026/T1")
PREVIOUS = parse_period("2024-2025/T3")
small = st.integers(min_value=0, max_value=12)


def _labels(name: ListName) -> list[tuple[str, str]]:
    return [(code, nl) for code, nl, _en in DEFAULT_LISTS[name]]


@st.composite
def aggregates(draw: st.DrawFn, period: Period = PERIOD, with_previous: bool = True) -> Aggregates:
    def cats(name: ListName, extra: bool = False) -> tuple[Category, ...]:
        out = []
        for code, label in _labels(name):
            n = draw(small)
            out.append(Category(code, label, n, minutes=n * draw(st.integers(5, 90)),
                                extra=draw(st.integers(0, n)) if extra else 0))
        return tuple(out)

    signals = cats(ListName.SIGNAL_SOURCE)
    new = sum(c.count for c in signals)
    continuing = draw(small)
    closures = cats(ListName.CLOSURE_OUTCOME)
    children = draw(st.integers(0, 40))
    reach = Reach(new + continuing, new, continuing, sum(c.count for c in closures), children,
                  draw(st.integers(0, children)), draw(st.sampled_from([None, 150, 400])))
    kinds = cats(ListName.CONTACT_KIND, extra=True)
    themes = cats(ListName.THEME)
    referrals = tuple(ReferralRow(code, label, tuple(draw(small) for _ in STATUS_GROUPS))
                      for code, label in _labels(ListName.PARTNER_TYPE)[:5])
    months = tuple(MonthRow(m, c := draw(small), draw(st.integers(0, c)), c * 20) for m in period.months())
    home = kinds[0]
    return Aggregates(
        period=period, school_id=None, school_names=("School A",), reach=reach,
        contacts_by_kind=kinds, contacts=sum(c.count for c in kinds), contact_minutes=sum(c.minutes for c in kinds),
        home_visits=home.count, home_visit_families=home.extra, signal_sources=signals, themes=themes,
        theme_combinations=tuple((frozenset({c.code}), c.count) for c in themes),
        referrals=referrals, referral_total=sum(sum(r.counts) for r in referrals),
        warm_handovers=draw(small), referred_families=draw(small), closures=closures,
        activities=cats(ListName.ACTIVITY_KIND, extra=True), months=months,
        previous=draw(aggregates(PREVIOUS, False)) if with_previous else None,
    )


@settings(max_examples=60, deadline=None)
@given(agg=aggregates(), k=st.integers(3, 20))
def test_every_printed_count_is_safe_and_shared_numbers_stay_hidden(agg: Aggregates, k: int) -> None:
    report = build_report(agg, k, lang="nl", generated=dt.date(2026, 1, 15))
    assert report.enough_families == (agg.reach.active >= k)
    count_columns = {(t.title, c.label) for t in report.tables() for c in t.columns if c.kind == COUNT}
    count_figures = {f.label for f in report.key_figures if f.kind == COUNT}
    for section, row, column, value in csv_rows(report):
        is_count = (section, column) in count_columns or (
            section == "Kerncijfers" and row in count_figures and column != "Verschil")
        if not is_count or value in ("", "x"):
            continue
        if value.startswith("<"):
            assert value == f"<{k}"
        else:
            assert re.fullmatch(r"\d+", value) and (int(value) == 0 or int(value) >= k), (section, row, value)
    fig = {f.key: f for f in report.key_figures}
    if report.enough_families:
        shown = [key for key in ("active", "new", "continuing") if re.fullmatch(r"\d+", fig[key].current)]
        assert len(shown) != 2
        if fig["contacts"].current in ("x",) or fig["contacts"].current.startswith("<"):
            assert fig["hours"].current == "x"  # hours hidden with their base
    else:
        assert [t.key for t in report.tables()] == ["activities"]
        assert set(fig) == {"active", "activities", "parents"}
