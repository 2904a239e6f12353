"""The linked check: the attacker's linear program over printed numbers, on cases worked out by hand."""

from __future__ import annotations

import datetime as dt

from brugdesk.reports import linked

T1 = (dt.date(2025, 8, 1), dt.date(2025, 12, 31))
T2 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def pub(period: tuple[dt.date, dt.date], cells: dict[str, str], *, new: bool = True, k: int = 5) -> linked.Published:
    return linked.Published(period[0], period[1], k, 2, cells, new)


def test_a_small_total_with_four_small_rows_pins_them_and_is_caught() -> None:
    # four new families, each from another source: every row "<5" and the total "<5" as well.
    # Total <= 6 and each row >= 1 leaves each row at most 3: fewer than k-1 = 4 values.
    cells = {"reach.new": "<5", "sources.teacher": "<5", "sources.ib": "<5", "sources.parent": "<5",
             "sources.wijkteam": "<5", "sources.other": "0"}
    # (and the total is at least 4: 4..6, also fewer than 4 values)
    ranges = {v.code: (v.low, v.high) for v in linked.check([pub(T1, cells)])}
    assert ranges == {"sources.teacher": (1, 3), "sources.ib": (1, 3), "sources.parent": (1, 3),
                      "sources.wijkteam": (1, 3), "reach.new": (4, 6)}
    withheld, unresolved = linked.protect([pub(T1, cells)])
    assert not unresolved and withheld
    left = {c: v for c, v in cells.items() if ("2025-08-01..2025-12-31", c) not in withheld}
    assert linked.check([pub(T1, left)]) == []


def test_a_big_total_leaves_small_rows_their_whole_range() -> None:
    cells = {"reach.new": "40", "sources.teacher": "18", "sources.ib": "15", "sources.parent": "<5",
             "sources.wijkteam": "<5", "sources.other": "0"}
    assert linked.check([pub(T1, cells)]) == []


def test_the_previous_period_identity_is_part_of_the_model() -> None:
    # continuing(T2) = active(T1) - closed(T1): printed active 32 (true 34, changed by -2) and
    # continuing 35 (true 33, +2) leave closed(T1) only the value 1, though it prints "<5"
    t1 = pub(T1, {"reach.active": "32", "reach.closed": "<5"})
    t2 = pub(T2, {"reach.continuing": "35"})
    [violation] = linked.check([t1, t2])
    assert violation.code == "reach.closed" and violation.low == violation.high == 1
    withheld, unresolved = linked.protect([t2], [linked.Published(*T1, 5, 2, t1.cells, False)])
    assert withheld == {("2026-01-01..2026-03-31", "reach.continuing")} and not unresolved


def test_nested_exports_of_a_running_term_are_linked() -> None:
    # a term cut at October, then at November: the November number counts every October family too
    october = pub((dt.date(2025, 8, 1), dt.date(2025, 10, 31)), {"themes.money": "7"}, new=False)
    november = pub((dt.date(2025, 8, 1), dt.date(2025, 11, 30)), {"themes.money": "<5"})
    # 5 <= true(Oct) <= true(Nov) <= 6, and as the two print differently November has one family more
    [violation] = linked.check([october, november])
    assert violation.code == "themes.money" and (violation.low, violation.high) == (6, 6)


def test_nothing_to_hide_is_nothing_to_check() -> None:
    assert linked.check([pub(T1, {"reach.active": "0", "contacts.total": "120"})]) == []


def test_a_number_printed_differently_over_nested_periods_counts_one_record_more() -> None:
    # The same records always print the same number (cell key method). A cut at March printed 5
    # (true 3..7) and the cut at April "<5" (true 1..6): the April cut holds every March record,
    # and as it prints differently it holds at least one more, so April is 4..6: three values.
    march = pub((dt.date(2026, 1, 1), dt.date(2026, 3, 31)), {"activities.coffee_morning.count": "5"}, new=False)
    april = pub((dt.date(2026, 1, 1), dt.date(2026, 4, 30)), {"activities.coffee_morning.count": "<5"})
    [violation] = linked.check([march, april])
    assert (violation.code, violation.low, violation.high) == ("activities.coffee_morning.count", 4, 6)
    withheld, unresolved = linked.protect([april], [march])
    assert withheld == {("2026-01-01..2026-04-30", "activities.coffee_morning.count")} and not unresolved
    # at another threshold the same records print another text: that proves nothing
    assert linked.check([linked.Published(march.start, march.end, 3, 2, march.cells, False), april]) == []


def test_a_changed_sum_of_parents_proves_one_more_activity_not_one_more_parent() -> None:
    march = pub((dt.date(2026, 1, 1), dt.date(2026, 3, 31)), {"activities.coffee_morning.parents": "5"}, new=False)
    april = pub((dt.date(2026, 1, 1), dt.date(2026, 4, 30)), {"activities.coffee_morning.parents": "<5"})
    assert linked.check([march, april]) == []


def test_new_numbers_that_break_the_readers_rules_let_no_family_figure_out() -> None:
    # families with a contact in January outnumber the families active in the whole period: the
    # numbers cannot be checked, so the caller is told to withhold every family figure
    term = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    cells = {"reach.active": "0", "months.2026-01.families": "9"}
    withheld, unresolved = linked.protect([pub(term, cells)])
    assert unresolved
