"""Property tests of the product's perturbation (``brugdesk/reports/perturb.py``) against contract §2.

* bounds: |published - true| <= D = 2, a true 0 stays 0, a non-zero count never prints as 0;
* the table is the contract's: per true count the changes have exactly the contract's widths (in
  256ths of the key range), and the column depends on the count too (c' = c + 37 t);
* consistency: the same records give the same published table in any insertion order (the cell key
  is a sum modulo 256 of the record keys);
* utility: the mean absolute change over all cell keys is at most 1 for every count (it is what a
  report's mean converges to), and over the cells of a table with random record keys it stays <= 1.
"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from brugdesk.reports import perturb as product

CONTRACT = {  # contract §2: change -> width in 256ths
    1: {0: 160, 1: 70, 2: 26},
    2: {-1: 51, 0: 128, 1: 51, 2: 26},
    3: {-2: 13, -1: 51, 0: 128, 1: 51, 2: 13},
}


def published(t: int, record_keys: list[int]) -> int:
    return product.perturb(t, product.cell_key(record_keys))


def test_d_and_key_range_are_the_contracts() -> None:
    assert product.D == 2
    assert product.KEY_RANGE == 256


@given(t=st.integers(0, 10_000), c=st.integers(0, 255))
def test_bounds(t: int, c: int) -> None:
    p = product.perturb(t, c)
    assert abs(p - t) <= 2
    assert (p == 0) == (t == 0)


def test_bounds_exhaustively_for_small_counts() -> None:
    for t in range(0, 60):
        for c in range(256):
            p = product.perturb(t, c)
            assert abs(p - t) <= 2 and (p == 0) == (t == 0), (t, c, p)


def test_the_table_has_the_contracts_widths() -> None:
    for t in range(1, 300):
        changes = Counter(product.perturb(t, c) - t for c in range(256))
        assert dict(changes) == CONTRACT[min(t, 3)], t


def test_the_column_depends_on_the_count() -> None:
    """Cells with the same key but different counts do not move together."""
    for t in range(3, 40):
        row_t = [product.perturb(t, c) - t for c in range(256)]
        row_next = [product.perturb(t + 1, c) - (t + 1) for c in range(256)]
        assert row_t != row_next, t


def test_the_mean_absolute_change_per_count_is_at_most_one() -> None:
    for t in range(0, 300):
        mean = sum(abs(product.perturb(t, c) - t) for c in range(256)) / 256
        assert mean <= 1.0, (t, mean)


@settings(max_examples=200)
@given(records=st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 255)), max_size=60),
       seed=st.integers(0, 2**32 - 1))
def test_same_records_same_table_in_any_order(records: list[tuple[str, int]], seed: int) -> None:
    """A table (cell -> records with their keys) published from the records in any order is the same."""
    def table(rows: list[tuple[str, int]]) -> dict[str, int]:
        cells: dict[str, list[int]] = {}
        for cell, key in rows:
            cells.setdefault(cell, []).append(key)
        cells.setdefault("total", []).extend(key for _cell, key in rows)
        return {cell: published(len(keys), keys) for cell, keys in cells.items()}

    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    assert table(records) == table(shuffled)


@settings(max_examples=50, derandomize=True)
@given(counts=st.lists(st.integers(1, 200), min_size=60, max_size=100), seed=st.integers(0, 2**32 - 1))
def test_the_mean_absolute_change_over_a_report_stays_at_most_one(counts: list[int], seed: int) -> None:
    """Record keys are random (secrets.randbelow in the vault); over a report of 60+ cells the mean
    absolute change is about 0.6 (at most 0.75 per count), far from 1."""
    rnd = random.Random(seed)
    changes = [abs(published(t, [rnd.randrange(256) for _ in range(t)]) - t) for t in counts]
    assert sum(changes) / len(changes) <= 1.0
