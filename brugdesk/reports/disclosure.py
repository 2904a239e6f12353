"""Statistical disclosure control for the anonymised report (DESIGN §6).

Pure Python, standard library only.  The report builder feeds raw counts in and gets
back tables in which every number is safe to print.

Rules
-----
* Threshold *k* (default 5, valid 3..20, anything else raises ``ValueError``).
* A count of 0 prints as ``"0"``; a count 1..k-1 is *primarily suppressed* and prints
  as ``"<k"`` (e.g. ``"<5"``); a count >= k prints as the number.
* Before suppression, small categories (rows whose total is 1..k-1) are merged into one
  row labelled ``merge_label`` (the caller passes the translated "Overig"/"Other"),
  together with an existing row carrying that label.  The merge only happens when at
  least two rows go into it (renaming a single small row protects nothing).  The merged
  row is placed last; the other rows keep their order.  If the merged row is still < k
  it stays and is suppressed like any other row.
* Additive tables are printed with row totals, column totals and a grand total; the
  totals are cells too and are primarily suppressed when 1..k-1.  *Secondary
  suppression* then hides additional cells (never a 0 cell) so that no suppressed value
  can be derived from what is printed: no row or column with a printed total holds
  exactly one suppressed cell, and every suppressed cell can take at least two values
  among all nonnegative-integer tables that agree with the printed numbers and sums.
  Secondary suppressed cells (value >= k) print as ``SECONDARY_MARK`` (``"x"``).
* A list with a total (``protect_list``) is a one-column table; same rules.
* Non-additive lists/tables (``additive=False``; e.g. themes, where one family can have
  several) get merging and primary suppression only, and no totals.
* Derived numbers (hours, averages, percentages) are hidden wherever their base count is
  suppressed: see ``derived_display``, ``derive`` and ``derive_list``.
* ``enough_families(n, k)`` tells the report whether family tables may be shown at all.

Public API
----------
``Cell(value, suppressed)``, ``Cell.text(k)``

``ProtectedTable`` (frozen) with ``row_labels``, ``col_labels``, ``cells``,
``row_totals``, ``col_totals``, ``grand_total``, ``k``, ``merged_labels`` (input labels
merged into the ``merge_label`` row), ``source_rows`` (for every output row, the input
row indices it sums), ``additive``; ``text(cell)`` and ``texts()`` render it.
For a list, ``cells`` is n x 1, ``row_totals`` is ``None`` and ``col_totals`` is
``(total,)`` with ``grand_total`` the same cell.  Non-additive tables have no totals.

``protect(rows, cols, counts, k=5, *, merge_label="Overig", merge_small_rows=True,
additive=True) -> ProtectedTable``

``protect_list(labels, counts, k=5, *, merge_label="Overig", merge_small=True,
additive=True, merged_count=None) -> ProtectedTable`` -- for non-additive lists,
``merged_count(labels)`` may return the number of distinct units (families) in the merged
categories; without it the merged row is the sum of the merged counts.

``derived_display(base, value, fmt="{:.1f}") -> str``;
``derive(table, values, fmt) -> DerivedTable`` / ``derive_list(table, values, fmt)``
for an additive parallel table (e.g. hours per cell of a contacts table).

``enough_families(n, k=5) -> bool``; ``check_k(k) -> int``.

How secondary suppression works
-------------------------------
The table with margins is an (m+1) x (n+1) grid in which every line sums to zero once the
totals are negated.  Seen as a bipartite graph (row lines and column lines are nodes,
cells are edges), the changes that keep every printed number and every sum intact are
exactly the circulations on the suppressed edges.  A suppressed cell can take another
value iff it lies on a cycle of suppressed cells along which a +1/-1 step respects every
cell's bounds (conformal decomposition; the constraint matrix is totally unimodular).
Two models of "what the reader knows" are used:

* display model: ``"<k"`` means 1..k-1 and ``"x"`` means >= k -- the strict one;
* nonnegative model: every hidden cell is just >= 0 -- the guarantee of DESIGN §6.

Every suppressed cell is processed in a fixed order: if it is not yet protected, the
cheapest path that closes a feasible cycle through it is found with Dijkstra, where
already suppressed cells cost nothing and a printed nonzero cell costs its value (then
one per cell), and that path's cells are suppressed too (and processed in turn).  The
display model is tried first; only where it cannot be met at all (e.g. a 2 x 2 table of
ones whose total is also small) the nonnegative model is used, which can always be met.
Adding suppressions never unprotects a cell, so the loop ends; it is deterministic.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_K",
    "HIDDEN_MARK",
    "MAX_K",
    "MIN_K",
    "MISSING_MARK",
    "SECONDARY_MARK",
    "Cell",
    "DerivedTable",
    "ProtectedTable",
    "check_k",
    "derive",
    "derive_list",
    "derived_display",
    "enough_families",
    "protect",
    "protect_list",
]

DEFAULT_K = 5
MIN_K = 3
MAX_K = 20
#: Printed for a count hidden by secondary suppression (its value is >= k).
SECONDARY_MARK = "x"
#: Printed for a derived value (hours, average, percentage) whose base count is hidden.
HIDDEN_MARK = "x"
#: Printed for a derived value that does not exist (e.g. an average over zero).
MISSING_MARK = "-"

Formatter = str | Callable[[float], str]


def check_k(k: int) -> int:
    """Return *k* if it is a valid threshold (an int in 3..20), else raise ``ValueError``."""
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(f"disclosure threshold k must be an integer in {MIN_K}..{MAX_K}, got {k!r}")
    return k


def enough_families(n: int, k: int = DEFAULT_K) -> bool:
    """True if *n* families are in scope, enough (>= k) to show family tables at all."""
    check_k(k)
    return n >= k


@dataclass(frozen=True)
class Cell:
    """One printed count: its true value and whether it is hidden."""

    value: int
    suppressed: bool = False

    def text(self, k: int) -> str:
        """``"0"``/the number when shown, ``"<k"`` when 1..k-1, ``SECONDARY_MARK`` otherwise."""
        if not self.suppressed:
            return str(self.value)
        if self.value < k:
            return f"<{k}"
        return SECONDARY_MARK


@dataclass(frozen=True)
class ProtectedTable:
    """A table whose printed numbers are safe; see the module docstring."""

    row_labels: tuple[str, ...]
    col_labels: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...] | None
    col_totals: tuple[Cell, ...] | None
    grand_total: Cell | None
    k: int
    merged_labels: tuple[str, ...] = ()
    source_rows: tuple[tuple[int, ...], ...] = ()
    additive: bool = True

    def text(self, cell: Cell) -> str:
        """How *cell* prints in this table."""
        return cell.text(self.k)

    def texts(self) -> list[list[str]]:
        """The printed interior cells, row by row."""
        return [[c.text(self.k) for c in row] for row in self.cells]


@dataclass(frozen=True)
class DerivedTable:
    """Printed derived values parallel to a ``ProtectedTable`` (same shape and totals)."""

    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...] | None
    col_totals: tuple[str, ...] | None
    grand_total: str | None


def derived_display(base: Cell, value: float | None, fmt: Formatter = "{:.1f}") -> str:
    """Render a value derived from *base* (hours, average, percentage).

    ``HIDDEN_MARK`` if the base count is suppressed, ``MISSING_MARK`` if *value* is
    ``None``, else *value* formatted with *fmt* (a ``str.format`` pattern or a callable,
    e.g. a locale-aware formatter).
    """
    if base.suppressed:
        return HIDDEN_MARK
    if value is None:
        return MISSING_MARK
    if isinstance(fmt, str):
        return fmt.format(value)
    return fmt(value)


def derive(
    table: ProtectedTable, values: Sequence[Sequence[float]], fmt: Formatter = "{:.1f}"
) -> DerivedTable:
    """Print an additive table parallel to the *input* counts of ``protect`` (e.g. hours).

    Rows are merged exactly as the counts were, totals are sums, and every value is
    hidden where its count is.
    """
    n = len(table.col_labels)
    rows: list[list[float]] = []
    for sources in table.source_rows:
        acc = [0.0] * n
        for i in sources:
            if len(values[i]) != n:
                raise ValueError("derived values must have the shape of the counts")
            for j in range(n):
                acc[j] += values[i][j]
        rows.append(acc)
    return _derived(table, rows, fmt)


def derive_list(table: ProtectedTable, values: Sequence[float], fmt: Formatter = "{:.1f}") -> DerivedTable:
    """Like ``derive`` for a table made by ``protect_list`` (one value per input label)."""
    rows = [[float(sum(values[i] for i in sources))] for sources in table.source_rows]
    return _derived(table, rows, fmt)


def _derived(table: ProtectedTable, rows: list[list[float]], fmt: Formatter) -> DerivedTable:
    cells = tuple(
        tuple(derived_display(c, v, fmt) for c, v in zip(crow, vrow, strict=True))
        for crow, vrow in zip(table.cells, rows, strict=True)
    )
    row_totals = None
    if table.row_totals is not None:
        row_totals = tuple(
            derived_display(c, sum(r), fmt) for c, r in zip(table.row_totals, rows, strict=True)
        )
    col_totals = None
    if table.col_totals is not None:
        col_totals = tuple(
            derived_display(c, sum(r[j] for r in rows), fmt) for j, c in enumerate(table.col_totals)
        )
    grand = None
    if table.grand_total is not None:
        grand = derived_display(table.grand_total, sum(sum(r) for r in rows), fmt)
    return DerivedTable(cells, row_totals, col_totals, grand)


# --------------------------------------------------------------------------- merging


def _check_counts(counts: Sequence[Sequence[int]], n_rows: int, n_cols: int) -> list[list[int]]:
    if len(counts) != n_rows:
        raise ValueError(f"expected {n_rows} rows of counts, got {len(counts)}")
    out: list[list[int]] = []
    for row in counts:
        if len(row) != n_cols:
            raise ValueError(f"expected {n_cols} counts per row, got {len(row)}")
        for v in row:
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"counts must be nonnegative integers, got {v!r}")
        out.append(list(row))
    return out


def _merge_rows(
    labels: Sequence[str], counts: list[list[int]], k: int, merge_label: str
) -> tuple[list[str], list[list[int]], list[tuple[int, ...]], tuple[str, ...]]:
    """Merge rows with total 1..k-1 (and an existing ``merge_label`` row) into one last row."""
    key = merge_label.strip().casefold()
    small = [i for i, row in enumerate(counts) if 0 < sum(row) < k and labels[i].strip().casefold() != key]
    existing = [i for i in range(len(labels)) if labels[i].strip().casefold() == key]
    group = sorted(small + existing)
    if not small or len(group) < 2:
        return list(labels), counts, [(i,) for i in range(len(labels))], ()
    keep = [i for i in range(len(labels)) if i not in group]
    n = len(counts[0]) if counts else 0
    merged = [sum(counts[i][j] for i in group) for j in range(n)]
    new_labels = [labels[i] for i in keep] + [merge_label]
    new_counts = [counts[i] for i in keep] + [merged]
    sources = [(i,) for i in keep] + [tuple(group)]
    return new_labels, new_counts, sources, tuple(labels[i] for i in small)


# ------------------------------------------------------------------ secondary suppression

_DISPLAY = 0  # reader knows "<k" = 1..k-1 and "x" = >= k
_NONNEG = 1  # reader knows only that hidden counts are >= 0


@dataclass
class _Entry:
    """A cell of the table-with-margins as an edge u -> v of the line graph.

    Its variable is ``value`` (or ``-value`` when ``negated``, for totals); raising the
    variable by one is a unit of flow from ``u`` to ``v``.
    """

    value: int
    u: int
    v: int
    negated: bool
    suppressed: bool


def _bounds(value: int, k: int, model: int) -> tuple[int, int | None]:
    if model == _NONNEG:
        return 0, None
    return (1, k - 1) if value < k else (k, None)


def _moves(e: _Entry, k: int, model: int) -> tuple[bool, bool]:
    """(can the variable go up, can it go down) by one within the reader's bounds."""
    lo, hi = _bounds(e.value, k, model)
    up = hi is None or e.value < hi
    down = e.value > lo
    return (down, up) if e.negated else (up, down)


class _Suppressor:
    def __init__(self, entries: list[_Entry], n_nodes: int, k: int) -> None:
        self.entries = entries
        self.n_nodes = n_nodes
        self.k = k

    def _arcs(self, skip: int, model: int, with_candidates: bool) -> list[list[tuple[int, int, int]]]:
        """Adjacency: node -> [(next node, entry index, cost)]; candidates cost their value."""
        adj: list[list[tuple[int, int, int]]] = [[] for _ in range(self.n_nodes)]
        for idx, e in enumerate(self.entries):
            if idx == skip:
                continue
            if e.suppressed:
                cost = 0
            elif with_candidates and e.value > 0:
                cost = e.value
            else:
                continue
            fwd, bwd = _moves(e, self.k, model)
            if fwd:
                adj[e.u].append((e.v, idx, cost))
            if bwd:
                adj[e.v].append((e.u, idx, cost))
        return adj

    def _path(
        self, adj: list[list[tuple[int, int, int]]], src: int, dst: int
    ) -> tuple[tuple[int, int], list[int]] | None:
        """Cheapest path src -> dst; cost is (sum of new values, number of new cells)."""
        inf = (1 << 62, 0)
        dist: list[tuple[int, int]] = [inf] * self.n_nodes
        prev: list[tuple[int, int] | None] = [None] * self.n_nodes
        dist[src] = (0, 0)
        heap: list[tuple[int, int, int]] = [(0, 0, src)]
        while heap:
            c, n, node = heapq.heappop(heap)
            if (c, n) != dist[node]:
                continue
            if node == dst:
                break
            for nxt, idx, cost in adj[node]:
                cand = (c + cost, n + (1 if cost else 0))
                if cand < dist[nxt]:
                    dist[nxt] = cand
                    prev[nxt] = (node, idx)
                    heapq.heappush(heap, (cand[0], cand[1], nxt))
        if dist[dst] == inf:
            return None
        path: list[int] = []
        node = dst
        while node != src:
            step = prev[node]
            assert step is not None
            node, idx = step
            path.append(idx)
        return dist[dst], path

    def _cycle(self, idx: int, model: int, with_candidates: bool) -> tuple[tuple[int, int], list[int]] | None:
        e = self.entries[idx]
        up, down = _moves(e, self.k, model)
        adj = self._arcs(idx, model, with_candidates)
        best: tuple[tuple[int, int], list[int]] | None = None
        if up:  # flow u -> v through e, back v -> u
            best = self._path(adj, e.v, e.u)
        if down:
            other = self._path(adj, e.u, e.v)
            if other is not None and (best is None or other[0] < best[0]):
                best = other
        return best

    def protected(self, idx: int, model: int) -> bool:
        return self._cycle(idx, model, with_candidates=False) is not None

    def run(self) -> None:
        while True:
            work = deque(i for i, e in enumerate(self.entries) if e.suppressed)
            added = False
            while work:
                idx = work.popleft()
                for model in (_DISPLAY, _NONNEG):
                    if self.protected(idx, model):
                        break
                    found = self._cycle(idx, model, with_candidates=True)
                    if found is not None:
                        for j in found[1]:
                            if not self.entries[j].suppressed:
                                self.entries[j].suppressed = True
                                added = True
                                work.append(j)
                        break
                else:  # pragma: no cover - a nonzero hidden cell always closes a cycle via totals
                    raise RuntimeError("secondary suppression failed to protect a cell")
            if not added:
                return


# ------------------------------------------------------------------------- tables


def protect(
    rows: Sequence[str],
    cols: Sequence[str],
    counts: Sequence[Sequence[int]],
    k: int = DEFAULT_K,
    *,
    merge_label: str = "Overig",
    merge_small_rows: bool = True,
    additive: bool = True,
) -> ProtectedTable:
    """Protect a two-dimensional table of counts (``counts[row][col]``).

    With ``additive=True`` the result carries row, column and grand totals and has
    secondary suppression; with ``additive=False`` only merging and primary suppression.
    """
    check_k(k)
    data = _check_counts(counts, len(rows), len(cols))
    if merge_small_rows:
        labels, data, sources, merged = _merge_rows(rows, data, k, merge_label)
    else:
        labels, sources, merged = list(rows), [(i,) for i in range(len(rows))], ()
    m, n = len(labels), len(cols)

    def primary(v: int) -> bool:
        return 0 < v < k

    if not additive:
        cells = tuple(tuple(Cell(v, primary(v)) for v in row) for row in data)
        return ProtectedTable(
            tuple(labels), tuple(cols), cells, None, None, None, k, merged, tuple(sources), False
        )

    row_sum = [sum(r) for r in data]
    col_sum = [sum(data[i][j] for i in range(m)) for j in range(n)]
    grand = sum(row_sum)
    # nodes: rows 0..m-1, total row m, cols m+1..m+n, total col m+n+1
    tr, tc = m, m + n + 1
    entries: list[_Entry] = []
    for i in range(m):
        for j in range(n):
            entries.append(_Entry(data[i][j], i, m + 1 + j, False, primary(data[i][j])))
    for i in range(m):
        entries.append(_Entry(row_sum[i], i, tc, True, primary(row_sum[i])))
    for j in range(n):
        entries.append(_Entry(col_sum[j], tr, m + 1 + j, True, primary(col_sum[j])))
    entries.append(_Entry(grand, tr, tc, False, primary(grand)))
    _Suppressor(entries, m + n + 2, k).run()

    def cell(e: _Entry) -> Cell:
        return Cell(e.value, e.suppressed)

    cells = tuple(tuple(cell(entries[i * n + j]) for j in range(n)) for i in range(m))
    row_totals = tuple(cell(entries[m * n + i]) for i in range(m))
    col_totals = tuple(cell(entries[m * n + m + j]) for j in range(n))
    return ProtectedTable(
        tuple(labels),
        tuple(cols),
        cells,
        row_totals,
        col_totals,
        cell(entries[-1]),
        k,
        merged,
        tuple(sources),
        True,
    )


def protect_list(
    labels: Sequence[str],
    counts: Sequence[int],
    k: int = DEFAULT_K,
    *,
    merge_label: str = "Overig",
    merge_small: bool = True,
    additive: bool = True,
    merged_count: Callable[[Sequence[str]], int] | None = None,
) -> ProtectedTable:
    """Protect a category list; with ``additive=True`` it gets a protected total.

    *merged_count* (non-additive lists only) receives the labels merged into
    ``merge_label`` and returns the distinct count for that row.
    """
    check_k(k)
    if merged_count is not None and additive:
        raise ValueError("merged_count only applies to non-additive lists")
    if len(counts) != len(labels):
        raise ValueError(f"expected {len(labels)} counts, got {len(counts)}")
    data = _check_counts([[c] for c in counts], len(labels), 1)
    if merge_small:
        out_labels, data, sources, merged = _merge_rows(labels, data, k, merge_label)
    else:
        out_labels, sources, merged = list(labels), [(i,) for i in range(len(labels))], ()
    if merged_count is not None and merged:
        value = merged_count([labels[i] for i in sources[-1]])
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"merged_count must return a nonnegative integer, got {value!r}")
        data[-1] = [value]
    values = [row[0] for row in data]

    def primary(v: int) -> bool:
        return 0 < v < k

    if not additive:
        cells = tuple((Cell(v, primary(v)),) for v in values)
        return ProtectedTable(
            tuple(out_labels), ("",), cells, None, None, None, k, merged, tuple(sources), False
        )
    total = sum(values)
    # nodes: 0 = the list's line, 1 = a free node (the list has no per-row totals)
    entries = [_Entry(v, 0, 1, False, primary(v)) for v in values]
    entries.append(_Entry(total, 0, 1, True, primary(total)))
    _Suppressor(entries, 2, k).run()
    cells = tuple((Cell(e.value, e.suppressed),) for e in entries[:-1])
    total_cell = Cell(total, entries[-1].suppressed)
    return ProtectedTable(
        tuple(out_labels), ("",), cells, None, (total_cell,), total_cell, k, merged, tuple(sources), True
    )
