"""The attacker against the signal table (issue 13, item 2: signals counted by source and outcome, with
the report's protection).

The signals of ``scenarios.edge_world`` are in every export the officer of ``test_attack_product.py``
makes, so the attacks there (single exports, a year with its terms, the same period on two days,
consecutive month cuts, all exports of a scope, all schools with each school) run over the signal
table too. Here, what is particular to signals:

* without protection (exact counts, this suite's ``truth.py``), a year and its terms pin a term's
  hidden number of signals, and an export before and after a signal was deleted tells the deleted
  signal's source and outcome; with the contract's perturbation the hidden term keeps k-1 values;
* the product (a real vault, exports through ``brugdesk.reports.export``): a completed period
  exported before and again after a signal of it was deleted prints nothing that tells the two
  apart, so neither the deletion nor the signal's source or outcome can be read from them, and
  nothing hidden is narrowed.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import scenarios
from attacker import Export, Model
from simulate import simulate, unsound
from truth import synthetic_export

D = dt.date
YEAR = (D(2025, 8, 1), D(2026, 7, 31))
TERMS = [(D(2025, 8, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 7, 31))]
T2 = "2026-01-01..2026-03-31"


def _signal(day: str, source: str = "teacher", history: list[list[str]] | None = None,
            deleted: str | None = None) -> dict[str, Any]:
    return {"date": day, "source": source, "school": 0, "history": history or [], "deleted": deleted}


def signals_world() -> dict[str, Any]:
    """Signals only: 6 from teachers in term 1, 2 in term 2 (the hidden term), 5 in term 3."""
    signals = [_signal(f"2025-09-{1 + i:02d}", history=[["taken_up", f"2025-09-{11 + i:02d}"]]) for i in range(6)]
    signals += [_signal(f"2026-02-{1 + i:02d}") for i in range(2)]
    signals += [_signal(f"2026-05-{1 + i:02d}", history=[["no_action", f"2026-05-{11 + i:02d}"]]) for i in range(5)]
    return {"schools": [{"name": "A"}], "partners": [{"name": "W", "type": "wijkteam"}], "families": [],
            "activities": [], "signals": signals}


def _only(export: Export, prefix: str) -> Export:
    """The export's cells whose code starts with ``prefix`` (what the reader looks at)."""
    return Export(export.scope, export.k, export.d, export.period,
                  [c for c in export.cells if c.code.startswith(prefix)], export.name)


def test_exact_year_and_terms_pin_the_hidden_number_of_signals() -> None:
    w = signals_world()
    t2 = synthetic_export(w, "A", TERMS[1], None, d=0)
    assert t2.value("signals.teacher.total") == "<5"
    others = [synthetic_export(w, "A", p, None, d=0) for p in (YEAR, TERMS[0], TERMS[2])]
    assert not Model([_only(t2, "signals.")]).violations()  # the term alone says 1..4
    found = {(r.period, r.code): r for r in Model([_only(e, "signals.") for e in (t2, *others)]).violations()}
    pinned = found[(T2, "signals.teacher.total")]
    assert (pinned.lo, pinned.hi) == (2, 2)  # year - term 1 - term 3


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_perturbed_year_and_terms_keep_the_hidden_number_of_signals_among_k_minus_1_values(seed: int) -> None:
    w = signals_world()
    reports = [_only(synthetic_export(w, "A", p, None, d=2, seed=seed), "signals.") for p in (YEAR, *TERMS)]
    assert reports[2].value("signals.teacher.total") == "<5"
    ranges = [r for r in Model(reports).ranges() if r.period == T2 and r.code == "signals.teacher.total"]
    assert ranges and ranges[0].lo <= 2 <= ranges[0].hi and ranges[0].values >= 4, ranges


# ------------------------------------------------------------------------------- a deleted signal
DELETED = _signal("2025-04-10", "teacher", [["no_action", "2025-04-14"]], deleted="2025-09-01")
BEFORE, AFTER = D(2025, 8, 2), D(2025, 10, 2)  # both offer 2024-2025 and its terms as completed periods
T3_2025 = (D(2025, 4, 1), D(2025, 7, 31))


@pytest.fixture(scope="module")
def deleted_world() -> dict[str, Any]:
    w = copy.deepcopy(scenarios.edge_world())
    w["signals"].append({**DELETED, "school": scenarios.NOORD})
    return w


def _changed_signal_codes(exports: list[Export]) -> set[str]:
    model = Model(exports)
    return {entry.split("'")[5] for entry in model.changed if "signals." in entry}


def test_without_protection_an_export_after_a_deletion_tells_the_deleted_signals_source_and_outcome(
        deleted_world: dict[str, Any]) -> None:
    before = synthetic_export(deleted_world, "all", T3_2025, None, d=0, until=BEFORE)
    after = synthetic_export(deleted_world, "all", T3_2025, None, d=0, until=AFTER)
    changed = _changed_signal_codes([_only(before, "signals."), _only(after, "signals.")])
    # exactly the deleted signal's row and column, and the totals: its source and outcome are certain
    assert changed == {"signals.teacher.no_action", "signals.teacher.total", "signals.total.no_action",
                       "signals.total"}


@pytest.mark.slow
def test_the_product_prints_nothing_that_tells_an_export_before_a_deletion_from_one_after(
        tmp_path: Path, deleted_world: dict[str, Any]) -> None:
    run = simulate(tmp_path, deleted_world, [BEFORE, AFTER], [None])
    assert unsound(run, deleted_world) == []
    pid = f"{T3_2025[0].isoformat()}..{T3_2025[1].isoformat()}"
    twice = [m.export for m in run.made if m.export.period == pid]
    assert [m.day for m in run.made if m.export.period == pid] == [BEFORE, AFTER]
    first = {c.code: c.value for c in twice[0].cells if c.period == pid and c.code.startswith("signals.")}
    second = {c.code: c.value for c in twice[1].cells if c.period == pid and c.code.startswith("signals.")}
    assert first["signals.teacher.total"] not in ("", "—")  # the first export printed the signal table
    # after the deletion the signal numbers of that term differ by one signal: withheld, not printed anew
    assert {v for code, v in second.items()} <= {"—"} | set(first.values())
    assert all(second[code] in ("—", first[code]) for code in second if code in first)
    everything = [m.export for m in run.made]
    assert _changed_signal_codes(everything) == set()
    model = Model(everything)
    assert model.feasible(), "the reader could prove that records were deleted"
    assert [str(r) for r in model.violations()] == []
