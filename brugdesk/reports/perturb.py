"""Consistent perturbation of the report's counts: the cell key method.

This is the method of the Australian Bureau of Statistics' TableBuilder and the UK 2021 Census
flexible tables (Thompson, Broadfoot & Elazar 2013; the ONS ``cell-key-perturbation`` package):

* every record a report counts (a family, a member, a contact, a referral, an activity) carries a
  random *record key* in ``0..255``, drawn once when the record is made (``store/schema/protection.py``, V6);
* a cell's *cell key* is the sum of the keys of the records it counts, modulo 256;
* the *perturbation table* below maps (true count, cell key) to a small change.

So the same records always give the same printed number -- in any order, on any day, in any
report, at any threshold -- and exporting again cannot average the noise away, while two cells
that differ by even one record get unrelated changes.

The table (public, like the method; its safety does not depend on secrecy):

* a true 0 stays 0, and a count of 1 or more never prints as 0;
* no printed count differs from the truth by more than :data:`D` (2);
* for counts of 3 and more the change is -2, -1, 0, +1, +2 with chances 13, 51, 128, 51, 13 in
  256 (mean absolute change 0.6); for 1 and 2 the distribution is cut so the count stays >= 1;
* the column of the table is ``(cell key + 37 * count) mod 256``, so two cells with the same key
  but different counts do not move together.

Pure Python, no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["D", "KEY_RANGE", "PTABLE", "cell_key", "change", "mean_abs_change", "perturb"]

#: The largest change of a printed count (stated on every report).
D = 2
#: Record keys and cell keys lie in ``0 .. KEY_RANGE - 1``.
KEY_RANGE = 256

#: (change, width in 256ths) per true count; the row for 3 applies to every count >= 3.
PTABLE: dict[int, tuple[tuple[int, int], ...]] = {
    1: ((0, 160), (1, 70), (2, 26)),
    2: ((-1, 51), (0, 128), (1, 51), (2, 26)),
    3: ((-2, 13), (-1, 51), (0, 128), (1, 51), (2, 13)),
}

_COLUMNS: dict[int, tuple[int, ...]] = {}
for _count, _row in PTABLE.items():
    _cols: list[int] = []
    for _change, _width in _row:
        _cols.extend([_change] * _width)
    assert len(_cols) == KEY_RANGE, _count
    _COLUMNS[_count] = tuple(_cols)


def cell_key(record_keys: Iterable[int]) -> int:
    """The cell key of the records with these keys."""
    return sum(record_keys) % KEY_RANGE


def change(count: int, key: int) -> int:
    """The change the table gives a true ``count`` with cell key ``key``."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count == 0:
        return 0
    column = (key + 37 * count) % KEY_RANGE
    return _COLUMNS[min(count, 3)][column]


def perturb(count: int, key: int) -> int:
    """The printed (perturbed) value of a true ``count`` with cell key ``key``."""
    return count + change(count, key)


def mean_abs_change(count: int) -> float:
    """The expected absolute change of a count over all cell keys (for the utility tests)."""
    if count == 0:
        return 0.0
    return sum(abs(c) * w for c, w in PTABLE[min(count, 3)]) / KEY_RANGE
