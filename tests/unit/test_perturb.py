"""The perturbation table of the cell key method: its promises, checked over every cell key."""

from __future__ import annotations

import pytest

from brugdesk.reports import perturb


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5, 17, 250, 10_000])
def test_every_cell_key_gives_a_change_within_the_promise(count: int) -> None:
    printed = [perturb.perturb(count, key) for key in range(perturb.KEY_RANGE)]
    assert all(abs(p - count) <= perturb.D for p in printed)
    if count == 0:
        assert set(printed) == {0}  # a true zero stays zero
    else:
        assert min(printed) >= 1  # a family that is there is never printed as none
        assert len(set(printed)) > 1  # and the number really changes with the key


def test_the_table_is_unbiased_for_counts_of_three_and_more_and_small_on_average() -> None:
    for count in (3, 4, 10, 99):
        changes = [perturb.change(count, key) for key in range(perturb.KEY_RANGE)]
        assert sum(changes) == 0
        assert perturb.mean_abs_change(count) == sum(abs(c) for c in changes) / perturb.KEY_RANGE <= 1
    assert perturb.mean_abs_change(1) <= 1 and perturb.mean_abs_change(2) <= 1


def test_cells_with_the_same_key_but_other_counts_do_not_move_together() -> None:
    same = sum(perturb.change(10, key) == perturb.change(11, key) for key in range(perturb.KEY_RANGE))
    assert same < perturb.KEY_RANGE * 0.6  # as good as independent (0.34 expected), not in lockstep


def test_the_cell_key_is_the_sum_of_the_record_keys_modulo_the_range() -> None:
    assert perturb.cell_key([200, 100, 3]) == 47
    assert perturb.cell_key([]) == 0
    with pytest.raises(ValueError):
        perturb.perturb(-1, 0)
