"""Tests for brugdesk.reports.disclosure (statistical disclosure control, DESIGN §6).

The attack model is checked by an independent brute-force checker written here (bound
propagation + branching over the integer tables that agree with what is printed), not by
the module's own cycle reasoning.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brugdesk.reports.disclosure import (
    HIDDEN_MARK,
    MISSING_MARK,
    SECONDARY_MARK,
    Cell,
    ProtectedTable,
    check_k,
    derive,
    derive_list,
    derived_display,
    enough_families,
    protect,
    protect_list,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ("c", i, j) interior, ("r", i, 0) row total, ("k", j, 0) column total, ("g", 0, 0) grand total
Pos = tuple[str, int, int]


# ------------------------------------------------------------------ independent checker


def cells_of(t: ProtectedTable) -> dict[Pos, Cell]:
    """Every printed position of the table (a list's total is its single column total)."""
    out: dict[Pos, Cell] = {}
    for i, row in enumerate(t.cells):
        for j, c in enumerate(row):
            out[("c", i, j)] = c
    if t.row_totals is not None:
        for i, c in enumerate(t.row_totals):
            out[("r", i, 0)] = c
    if t.col_totals is not None:
        for j, c in enumerate(t.col_totals):
            out[("k", j, 0)] = c
    if t.grand_total is not None and t.row_totals is not None:
        out[("g", 0, 0)] = t.grand_total
    return out


def lines_of(t: ProtectedTable) -> list[tuple[list[Pos], Pos]]:
    """The sum relations a reader knows: (parts, total)."""
    m, n = len(t.cells), len(t.col_labels)
    lines: list[tuple[list[Pos], Pos]] = []
    if t.row_totals is not None:
        for i in range(m):
            lines.append(([("c", i, j) for j in range(n)], ("r", i, 0)))
    if t.col_totals is not None:
        for j in range(n):
            lines.append(([("c", i, j) for i in range(m)], ("k", j, 0)))
    if t.row_totals is not None and t.col_totals is not None:
        lines.append(([("r", i, 0) for i in range(m)], ("g", 0, 0)))
        lines.append(([("k", j, 0) for j in range(n)], ("g", 0, 0)))
    return lines


def _propagate(lo: list[int], hi: list[int], cons: list[tuple[list[tuple[int, int]], int]]) -> bool:
    """Tighten bounds for constraints sum(coef*x) == rhs; False if infeasible."""
    changed = True
    while changed:
        changed = False
        for terms, rhs in cons:
            mn = sum(c * (lo[v] if c > 0 else hi[v]) for v, c in terms)
            mx = sum(c * (hi[v] if c > 0 else lo[v]) for v, c in terms)
            if mn > rhs or mx < rhs:
                return False
            for v, c in terms:
                own_min = c * (lo[v] if c > 0 else hi[v])
                own_max = c * (hi[v] if c > 0 else lo[v])
                low = rhs - (mx - own_max)  # c*x_v >= low
                high = rhs - (mn - own_min)  # c*x_v <= high
                nlo, nhi = (low, high) if c > 0 else (-high, -low)
                if nlo > lo[v]:
                    lo[v], changed = nlo, True
                if nhi < hi[v]:
                    hi[v], changed = nhi, True
                if lo[v] > hi[v]:
                    return False
    return True


def _feasible(lo: list[int], hi: list[int], cons: list[tuple[list[tuple[int, int]], int]]) -> bool:
    lo, hi = list(lo), list(hi)
    if not _propagate(lo, hi, cons):
        return False
    open_vars = [v for v in range(len(lo)) if lo[v] < hi[v]]
    if not open_vars:
        return all(sum(c * lo[v] for v, c in terms) == rhs for terms, rhs in cons)
    v = min(open_vars, key=lambda x: (hi[x] - lo[x], x))
    mid = (lo[v] + hi[v]) // 2
    left_hi = list(hi)
    left_hi[v] = mid
    if _feasible(lo, left_hi, cons):
        return True
    right_lo = list(lo)
    right_lo[v] = mid + 1
    return _feasible(right_lo, hi, cons)


class Reader:
    """What a reader can compute from a printed table.

    ``display=True``: the reader also knows "<k" means 1..k-1 and a secondary mark means
    >= k; otherwise only that hidden counts are nonnegative integers.  Hidden values are
    searched in [lower bound, grand total + 1]; a second value, if any exists at all,
    exists within one of the true value (conformal decomposition), so the box is enough.
    """

    def __init__(self, t: ProtectedTable, *, display: bool, hidden: Sequence[Pos] | None = None) -> None:
        self.k = t.k
        self.printed = cells_of(t)
        self.hidden = [p for p, c in self.printed.items() if c.suppressed] if hidden is None else list(hidden)
        self.index = {p: n for n, p in enumerate(self.hidden)}
        cap = max((c.value for c in self.printed.values()), default=0) + 1
        self.lo: list[int] = []
        self.hi: list[int] = []
        for p in self.hidden:
            v = self.printed[p].value
            if not display:
                self.lo.append(0)
            elif v < self.k:
                self.lo.append(1)
            else:
                self.lo.append(self.k)
            self.hi.append(self.k - 1 if display and v < self.k else cap)
        self.cons: list[tuple[list[tuple[int, int]], int]] = []
        for parts, total in lines_of(t):
            terms: list[tuple[int, int]] = []
            rhs = 0
            for p, coef in [(q, 1) for q in parts] + [(total, -1)]:
                if p in self.index:
                    terms.append((self.index[p], coef))
                else:
                    rhs -= coef * self.printed[p].value
            if terms:
                self.cons.append((terms, rhs))
            else:
                assert rhs == 0

    def other_value_possible(self, p: Pos) -> bool:
        n, v = self.index[p], self.printed[p].value
        below_hi, above_lo = list(self.hi), list(self.lo)
        below_hi[n] = v - 1
        above_lo[n] = v + 1
        return (below_hi[n] >= self.lo[n] and _feasible(self.lo, below_hi, self.cons)) or (
            above_lo[n] <= self.hi[n] and _feasible(above_lo, self.hi, self.cons)
        )

    def value_set_brute_force(self, p: Pos) -> set[int]:
        """All values of p over every assignment of the box (tiny tables only)."""
        found: set[int] = set()
        boxes = [range(a, b + 1) for a, b in zip(self.lo, self.hi, strict=True)]
        for xs in itertools.product(*boxes):
            if all(sum(c * xs[v] for v, c in terms) == rhs for terms, rhs in self.cons):
                found.add(xs[self.index[p]])
        return found


def assert_protected(t: ProtectedTable) -> None:
    """The DESIGN §6 properties, checked from the outside."""
    k = t.k
    printed = cells_of(t)
    for c in printed.values():
        # every printed count is 0 or >= k; every 1..k-1 count is hidden; no hidden zero
        if not c.suppressed:
            assert c.value == 0 or c.value >= k
            assert c.text(k) == str(c.value)
        else:
            assert c.value >= 1
            assert c.text(k) == (f"<{k}" if c.value < k else SECONDARY_MARK)
    # no line with a printed total holds exactly one hidden part
    for parts, total in lines_of(t):
        if not printed[total].suppressed:
            assert sum(printed[p].suppressed for p in parts) != 1, (parts, total)
    # nothing hidden can be derived, even knowing only nonnegativity
    reader = Reader(t, display=False)
    for p in reader.hidden:
        assert reader.other_value_possible(p), f"{p} derivable from {t.texts()}"
    # knowing what "<k" and the secondary mark mean, a hidden cell is still not derivable,
    # unless it would be derivable even with every nonzero count hidden
    strict = Reader(t, display=True)
    everything = [p for p, c in printed.items() if c.value > 0]
    for p in strict.hidden:
        if not strict.other_value_possible(p):
            assert not Reader(t, display=True, hidden=everything).other_value_possible(p), (
                f"{p} derivable under display model but avoidable: {t.texts()}"
            )


# ------------------------------------------------------------------------- strategies


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[str], list[list[int]], int]:
    m = draw(st.integers(1, 5))
    n = draw(st.integers(1, 4))
    k = draw(st.integers(3, 7))
    value = st.one_of(st.integers(0, k + 1), st.integers(0, 15))
    counts = draw(st.lists(st.lists(value, min_size=n, max_size=n), min_size=m, max_size=m))
    rows = [f"r{i}" for i in range(m)]
    if draw(st.booleans()):
        rows[draw(st.integers(0, m - 1))] = "Overig"
    return rows, [f"c{j}" for j in range(n)], counts, k


# ------------------------------------------------------------------------- properties


@SETTINGS
@given(tables(), st.booleans())
def test_random_tables_are_protected(
    data: tuple[list[str], list[str], list[list[int]], int], merge: bool
) -> None:
    rows, cols, counts, k = data
    t = protect(rows, cols, counts, k, merge_small_rows=merge)
    m, n = len(t.row_labels), len(cols)
    assert t.k == k and t.col_labels == tuple(cols)
    assert t.row_totals is not None and t.col_totals is not None and t.grand_total is not None
    # values are the (merged) input, totals are true sums
    for out_row, sources in zip(t.cells, t.source_rows, strict=True):
        assert [c.value for c in out_row] == [sum(counts[i][j] for i in sources) for j in range(n)]
    assert sorted(i for s in t.source_rows for i in s) == list(range(len(rows)))
    for i in range(m):
        assert t.row_totals[i].value == sum(c.value for c in t.cells[i])
    for j in range(n):
        assert t.col_totals[j].value == sum(t.cells[i][j].value for i in range(m))
    assert t.grand_total.value == sum(map(sum, counts))
    assert_protected(t)
    assert protect(rows, cols, counts, k, merge_small_rows=merge) == t  # deterministic


@SETTINGS
@given(
    st.integers(3, 7).flatmap(
        lambda k: st.tuples(
            st.just(k), st.lists(st.one_of(st.integers(0, k + 1), st.integers(0, 15)), max_size=8)
        )
    ),
    st.booleans(),
)
def test_random_lists_are_protected(data: tuple[int, list[int]], merge: bool) -> None:
    k, counts = data
    labels = [f"l{i}" for i in range(len(counts))]
    t = protect_list(labels, counts, k, merge_small=merge)
    assert t.row_totals is None and t.col_totals is not None
    assert t.grand_total == t.col_totals[0]
    assert t.grand_total.value == sum(counts)
    assert_protected(t)
    # a printed total never leaves exactly one hidden category
    if not t.grand_total.suppressed:
        assert sum(row[0].suppressed for row in t.cells) != 1


@SETTINGS
@given(tables())
def test_merge_keeps_order_and_lifts_small_rows(
    data: tuple[list[str], list[str], list[list[int]], int],
) -> None:
    rows, cols, counts, k = data
    t = protect(rows, cols, counts, k)
    small = [i for i, r in enumerate(counts) if 0 < sum(r) < k and rows[i] != "Overig"]
    existing = [i for i, r in enumerate(rows) if r == "Overig"]
    if small and len(small) + len(existing) >= 2:
        group = tuple(sorted(small + existing))
        kept = [i for i in range(len(rows)) if i not in group]
        assert t.row_labels == tuple(rows[i] for i in kept) + ("Overig",)
        assert t.source_rows == tuple((i,) for i in kept) + (group,)
        assert t.merged_labels == tuple(rows[i] for i in small)
    else:
        assert t.row_labels == tuple(rows)
        assert t.merged_labels == ()
    # no unmerged row other than "Overig" is small
    for label, total in zip(t.row_labels, t.row_totals or (), strict=True):
        if label != "Overig" and t.merged_labels:
            assert not 0 < total.value < k


@SETTINGS
@given(
    st.integers(3, 7).flatmap(
        lambda k: st.tuples(st.just(k), st.lists(st.integers(0, 12), min_size=1, max_size=8))
    )
)
def test_non_additive_lists_only_primary(data: tuple[int, list[int]]) -> None:
    k, counts = data
    labels = [f"thema {i}" for i in range(len(counts))]
    t = protect_list(labels, counts, k, additive=False, merge_small=False)
    assert t.row_totals is None and t.col_totals is None and t.grand_total is None
    assert not t.additive
    assert [row[0].value for row in t.cells] == counts
    assert [row[0].suppressed for row in t.cells] == [0 < v < k for v in counts]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 2), min_size=2, max_size=2), min_size=1, max_size=2),
    st.lists(st.booleans(), min_size=9, max_size=9),
    st.booleans(),
)
def test_checker_agrees_with_brute_force(counts: list[list[int]], mask: list[bool], display: bool) -> None:
    """The propagation search finds exactly what full enumeration finds, for any hiding."""
    base = protect([f"r{i}" for i in range(len(counts))], ["x", "y"], counts, 3, merge_small_rows=False)
    printed = cells_of(base)
    hide = {p for p, h in zip(printed, mask, strict=False) if h and printed[p].value > 0}
    if len(hide) > 4:
        hide = set(sorted(hide)[:4])
    t = _with_hidden(base, hide)
    reader = Reader(t, display=display)
    for p in reader.hidden:
        brute = reader.value_set_brute_force(p)
        assert printed[p].value in brute
        assert reader.other_value_possible(p) == (len(brute) > 1), (counts, hide, p, display)


def _with_hidden(t: ProtectedTable, hide: set[Pos]) -> ProtectedTable:
    """A copy of t with exactly the given positions hidden (for checker tests)."""

    def c(p: Pos, cell: Cell) -> Cell:
        return Cell(cell.value, p in hide)

    assert t.row_totals is not None and t.col_totals is not None and t.grand_total is not None
    return ProtectedTable(
        t.row_labels,
        t.col_labels,
        tuple(tuple(c(("c", i, j), x) for j, x in enumerate(r)) for i, r in enumerate(t.cells)),
        tuple(c(("r", i, 0), x) for i, x in enumerate(t.row_totals)),
        tuple(c(("k", j, 0), x) for j, x in enumerate(t.col_totals)),
        c(("g", 0, 0), t.grand_total),
        t.k,
    )


def test_checker_catches_unsafe_tables() -> None:
    """The checker can fail: primary suppression alone leaves derivable cells."""
    t = protect(["a", "b"], ["x", "y"], [[2, 9], [8, 7]], 5, merge_small_rows=False)
    naive = _with_hidden(t, {("c", 0, 0)})
    with pytest.raises(AssertionError):
        assert_protected(naive)
    # under the display model: <5 + x = 26 with x >= 5 pins nothing, but 1 + 5 does
    t2 = protect(["a", "b"], ["x", "y", "z"], [[1, 5, 20], [7, 8, 9]], 5, merge_small_rows=False)
    bad = _with_hidden(t2, {("c", 0, 0), ("c", 0, 1), ("c", 1, 0), ("c", 1, 1)})
    assert Reader(bad, display=False).other_value_possible(("c", 0, 0))
    assert not Reader(bad, display=True).other_value_possible(("c", 0, 0))
    with pytest.raises(AssertionError):
        assert_protected(bad)


# ------------------------------------------------------------------------- examples


def test_k_validation() -> None:
    for bad in (2, 21, 0, -5, 5.0, True, "5", None):
        with pytest.raises(ValueError):
            check_k(bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            protect_list(["a"], [1], bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            protect(["a"], ["b"], [[1]], bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            enough_families(10, bad)  # type: ignore[arg-type]
    assert check_k(3) == 3 and check_k(20) == 20
    assert protect_list(["a"], [4], 3).k == 3


def test_bad_counts_rejected() -> None:
    with pytest.raises(ValueError):
        protect_list(["a", "b"], [1])
    with pytest.raises(ValueError):
        protect_list(["a"], [-1])
    with pytest.raises(ValueError):
        protect(["a"], ["x", "y"], [[1]])
    with pytest.raises(ValueError):
        protect(["a"], ["x"], [[1.5]])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        protect_list(["a"], [1], merged_count=lambda labels: 1)


def test_enough_families() -> None:
    assert not enough_families(4)
    assert enough_families(5)
    assert not enough_families(9, 10)
    assert enough_families(10, 10)
    assert not enough_families(0, 3)


def test_cell_text() -> None:
    assert Cell(0).text(5) == "0"
    assert Cell(7).text(5) == "7"
    assert Cell(3, True).text(5) == "<5"
    assert Cell(1, True).text(10) == "<10"
    assert Cell(12, True).text(5) == SECONDARY_MARK
    t = protect_list(["a", "b", "c"], [0, 3, 12], merge_small=False)
    assert [t.text(r[0]) for r in t.cells] == ["0", "<5", SECONDARY_MARK]
    assert t.grand_total is not None and t.text(t.grand_total) == "15"


def test_merge_into_overig_golden() -> None:
    labels = ["Ouder", "School", "Wijkteam", "Overig", "Huisarts", "Leerplicht"]
    t = protect_list(labels, [12, 2, 6, 1, 3, 0], merge_label="Overig")
    assert t.row_labels == ("Ouder", "Wijkteam", "Leerplicht", "Overig")
    assert t.merged_labels == ("School", "Huisarts")
    assert t.source_rows == ((0,), (2,), (5,), (1, 3, 4))
    assert [r[0].text(5) for r in t.cells] == ["12", "6", "0", "6"]
    assert t.grand_total is not None and t.grand_total.text(5) == "24"


def test_merge_label_is_a_parameter_and_small_merge_stays_suppressed() -> None:
    t = protect_list(["a", "b", "c"], [1, 1, 10], merge_label="Other")
    assert t.row_labels == ("c", "Other")
    assert t.merged_labels == ("a", "b")
    # Other = 2 is primary, so c must hide too (else 12 - 10 = 2); the total stays
    assert t.texts() == [[SECONDARY_MARK], ["<5"]]
    assert t.grand_total is not None and t.text(t.grand_total) == "12"


def test_single_small_row_is_not_renamed() -> None:
    t = protect_list(["a", "b", "c"], [2, 10, 8])
    assert t.row_labels == ("a", "b", "c") and t.merged_labels == ()
    assert t.cells[0][0].suppressed
    assert sum(r[0].suppressed for r in t.cells) + t.grand_total.suppressed >= 2  # type: ignore[union-attr]


def test_two_dimensional_merge_and_secondary_golden() -> None:
    rows = ["Ouder", "School", "Wijkteam", "GGD"]
    cols = ["open", "gesloten"]
    counts = [[6, 9], [1, 2], [7, 8], [0, 1]]
    t = protect(rows, cols, counts, merge_label="Overig")
    assert t.row_labels == ("Ouder", "Wijkteam", "Overig")
    assert t.merged_labels == ("School", "GGD")
    assert [[c.value for c in r] for r in t.cells] == [[6, 9], [7, 8], [1, 3]]
    assert t.texts()[2] == ["<5", "<5"]
    assert t.row_totals is not None and t.text(t.row_totals[2]) == "<5"
    assert_protected(t)


def test_two_dimensional_secondary_golden() -> None:
    t = protect(["a", "b", "c"], ["x", "y", "z"], [[1, 5, 20], [7, 8, 9], [10, 12, 3]])
    # the 5 next to the 1 would pin both (1 + 5 = 26 - 20 with "x" >= 5): hide 20 and 10 instead
    assert t.texts() == [["<5", "5", "x"], ["7", "8", "9"], ["x", "12", "<5"]]
    assert [t.text(c) for c in t.row_totals or ()] == ["26", "24", "25"]
    assert [t.text(c) for c in t.col_totals or ()] == ["18", "25", "32"]
    assert t.grand_total is not None and t.text(t.grand_total) == "75"
    assert_protected(t)


def test_all_small_table_hides_everything() -> None:
    t = protect(["a", "b"], ["x", "y"], [[1, 1], [1, 1]], merge_small_rows=False)
    assert all(c.suppressed for c in cells_of(t).values())
    assert_protected(t)


def test_non_additive_merge_and_distinct_count() -> None:
    labels = ["wonen", "geld", "taal", "gezondheid"]
    t = protect_list(labels, [9, 2, 3, 6], additive=False)
    assert t.row_labels == ("wonen", "gezondheid", "Overig")
    assert [r[0].value for r in t.cells] == [9, 6, 5]
    assert t.grand_total is None and t.col_totals is None
    seen: list[Sequence[str]] = []

    def distinct(merged: Sequence[str]) -> int:
        seen.append(list(merged))
        return 4  # two families had both themes

    t2 = protect_list(labels, [9, 2, 3, 6], additive=False, merged_count=distinct)
    assert seen == [["geld", "taal"]]
    assert t2.texts() == [["9"], ["6"], ["<5"]]
    t3 = protect(["a", "b"], ["x", "y"], [[1, 7], [8, 0]], additive=False)
    assert t3.texts() == [["<5", "7"], ["8", "0"]] and t3.row_totals is None


def test_derived_display() -> None:
    assert derived_display(Cell(3, True), 4.5) == HIDDEN_MARK
    assert derived_display(Cell(12, True), 4.5) == HIDDEN_MARK
    assert derived_display(Cell(12), 4.5) == "4.5"
    assert derived_display(Cell(0), None) == MISSING_MARK
    assert derived_display(Cell(10), 0.256, "{:.0%}") == "26%"
    assert derived_display(Cell(10), 1.5, lambda v: f"{v:.1f}".replace(".", ",")) == "1,5"


def test_derived_table_hides_hours_with_counts() -> None:
    rows = ["huisbezoek", "telefonisch", "mail", "overleg"]
    cols = ["sep", "okt"]
    counts = [[6, 1], [8, 9], [1, 0], [2, 0]]
    hours = [[9.0, 1.5], [2.0, 2.5], [0.5, 0.0], [3.0, 0.0]]
    t = protect(rows, cols, counts, merge_label="Overig")
    assert t.row_labels == ("huisbezoek", "telefonisch", "Overig")
    d = derive(t, hours, "{:.1f}")
    for crow, drow in zip(t.cells, d.cells, strict=True):
        for c, text in zip(crow, drow, strict=True):
            assert (text == HIDDEN_MARK) == c.suppressed
    assert t.cells[2][0].value == 3 and t.cells[2][0].suppressed
    assert d.cells[2][1] == "0.0"  # a shown 0 count keeps its (zero) hours
    assert d.col_totals == ("14.5", "4.0")
    assert t.grand_total is not None and not t.grand_total.suppressed
    assert d.grand_total == "18.5"
    assert d.row_totals is not None and t.row_totals is not None
    assert [x == HIDDEN_MARK for x in d.row_totals] == [c.suppressed for c in t.row_totals]
    dl = derive_list(protect_list(["a", "b", "c"], [3, 9, 2]), [1.0, 2.0, 4.0])
    assert dl.cells == (("2.0",), ("5.0",))  # Overig = 3 + 2 = 5 is shown, with its hours
    dl = derive_list(protect_list(["a", "b", "c"], [1, 9, 2]), [1.0, 2.0, 4.0])
    assert dl.cells == ((HIDDEN_MARK,), (HIDDEN_MARK,)) and dl.grand_total == "7.0"
