"""The attacker works: against the build without the protection (commit fd35787) it finds every
leak issue 11 describes.

A vault is made with that old code from :func:`scenarios.issue_world` (whose truths the test
knows), the old ``brugdesk report`` command writes the CSVs a reader would get, and the attacker
(``attacker.py``, through the old-format adapter ``oldbuild.py``) works from those files alone.
The commit is extracted with ``git archive``; a clone without it fails here with a clear message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import scenarios
from attacker import Export, Model
from oldbuild import OldBuildUnavailable, adapt, build_vault, old_tree, report

D = dt.date
T1 = ("2025-2026/T1", D(2025, 8, 1), D(2025, 12, 31))
T2 = ("2025-2026/T2", D(2026, 1, 1), D(2026, 3, 31))
Report = Callable[..., Export]


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """``old(name, start, end, kind, *cli args)``: a report of the old build as the reader's cells."""
    base = tmp_path_factory.mktemp("oldbuild")
    try:
        tree = old_tree(base / "tree")
    except OldBuildUnavailable as exc:
        pytest.fail(f"the build without protection is needed to prove the attacker works: {exc}")
    world = scenarios.issue_world()
    vault = base / "vault"
    labels = build_vault(tree, vault, world, D(2026, 11, 30))
    made: dict[tuple[str, ...], Export] = {}

    def make(name: str, start: dt.date, end: dt.date, kind: str, *args: str) -> Export:
        if args not in made:
            made[args] = adapt(report(tree, vault, base / f"{name}.csv", *args), labels, start, end, kind, name)
        return made[args]

    make.world = world  # type: ignore[attr-defined]
    return make


def term(old: Report, spec: tuple[str, dt.date, dt.date], *args: str) -> Export:
    name, start, end = spec
    return old(f"{name.replace('/', '-')}-{'-'.join(args)}", start, end, "term", "--period", name, *args)


def pinned(model: Model) -> dict[str, tuple[float, float]]:
    """code (with scope and period) -> range, of the cells printed <k narrowed below k-1 values."""
    return {f"{r.scope} {r.period} {r.code}": (r.lo, r.hi) for r in model.violations()}


def test_the_same_term_at_k3_and_k5_gives_away_what_k5_hides(old: Report) -> None:
    at5 = term(old, T1, "--threshold", "5")
    at3 = term(old, T1, "--threshold", "3")
    cell = "all 2025-08-01..2025-12-31 referrals.warm"
    assert at5.value("referrals.warm") == "<5" and at3.value("referrals.warm") == "3"
    # alone, the k=5 report keeps the 3 warm handovers among 1..4
    assert cell not in pinned(Model([at5]))
    found = pinned(Model([at5, at3]))
    assert found[cell] == (3, 3)
    assert found["all 2025-08-01..2025-12-31 themes.housing"] == (3, 3)  # merged away at k=5, printed at k=3


def test_other_below_k_with_four_missing_sources_pins_each_of_them_to_one(old: Report) -> None:
    t1 = term(old, T1, "--threshold", "5")
    merged = "sum(sources.other,sources.parent,sources.wijkteam,sources.jgz,sources.school_social_work)"
    assert t1.value(merged) == "<5"
    found = pinned(Model([t1]))
    prefix = "all 2025-08-01..2025-12-31 "
    assert found[prefix + merged] == (4, 4)
    for source in ("parent", "wijkteam", "jgz", "school_social_work"):
        assert found[prefix + f"sources.{source}"] == (1, 1)


def test_the_previous_period_column_and_continuing_pin_last_terms_closures(old: Report) -> None:
    t2 = term(old, T2, "--threshold", "5")
    prev = "2025-08-01..2025-12-31"
    assert (t2.value("reach.active", prev), t2.value("reach.continuing"), t2.value("reach.closed", prev)) == (
        "34", "33", "<5")
    assert pinned(Model([t2]))[f"all {prev} reach.closed"] == (1, 1)


def test_two_ranges_a_day_apart_reveal_the_one_new_familys_themes_and_children(old: Report) -> None:
    before = old("to-1115", D(2026, 8, 1), D(2026, 11, 15), "range", "--from", "2026-08-01", "--to", "2026-11-15")
    after = old("to-1116", D(2026, 8, 1), D(2026, 11, 16), "range", "--from", "2026-08-01", "--to", "2026-11-16")
    day = D.fromisoformat(scenarios.NEW_FAMILY_DAY)
    known = Model([before, after]).one_new_family("all", day, day)
    certain = {attr: lo for attr, (lo, hi) in known.items() if abs(hi - lo) < 1e-6}
    # the family's truth (scenarios.issue_world): money and parenting, three children, via a teacher
    assert certain["themes.money"] == 1 and certain["themes.parenting"] == 1
    assert certain["children"] == 3
    assert certain["sources.teacher"] == 1
    # one report alone says nothing certain about it (the family is not separable)
    alone = Model([after]).one_new_family("all", D(2026, 11, 1), D(2026, 11, 16))
    assert alone["themes.money"] == (0, 1) and alone["children"][0] < alone["children"][1]


def test_all_schools_minus_the_other_school_gives_the_small_schools_exact_numbers(old: Report) -> None:
    every = term(old, T1, "--threshold", "5")
    noord = term(old, T1, "--threshold", "5", "--school", "Noord")
    zuid = term(old, T1, "--threshold", "5", "--school", "Zuid")
    assert zuid.value("reach.active") == "<5"
    assert "reach.new" not in {c.code for c in zuid.cells}  # "fewer than k families": no family figures
    alone = Model([zuid]).ranges()
    assert all(r.values == 4 for r in alone)  # alone, 1..4
    found = pinned(Model([every, noord, zuid], partition=True, schools=["Noord", "Zuid"]))
    assert found["Zuid 2025-08-01..2025-12-31 reach.active"] == (3, 3)


def test_the_attackers_ranges_hold_the_truth(old: Report) -> None:
    """Sanity: the model is sound (never excludes what is true) on the old build's reports."""
    world = old.world  # type: ignore[attr-defined]
    t1 = term(old, T1, "--threshold", "5")
    model = Model([t1, term(old, T1, "--threshold", "3")])
    truth = {
        "reach.closed": 1, "referrals.warm": 3, "themes.housing": 3,
        "sources.parent": 1, "sources.wijkteam": 1, "sources.jgz": 1, "sources.school_social_work": 1,
    }
    assert len(scenarios.active(world, T1[1], T1[2])) == 34
    ranges = {r.code: r for r in model.ranges() if r.period == "2025-08-01..2025-12-31"}
    for code, value in truth.items():
        assert ranges[code].lo - 1e-6 <= value <= ranges[code].hi + 1e-6, (code, ranges[code])



