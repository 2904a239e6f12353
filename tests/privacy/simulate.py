"""An officer exporting everything brugdesk lets out, day after day, while working.

:func:`simulate` builds a vault from a world (``world.py``), and on each export day first writes
what happened since the last one (through the product's repositories), then exports every period of
``catalogue(repo, today)`` for every scope in the given order, as CSV. What the product refuses is
recorded (that is part of the protection); what it writes is parsed back from the file, as a reader
gets it (``attacker.parse_csv``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attacker import Cell, Export, parse_csv
from truth import records, true_value
from world import TEST_N, apply, setup

from brugdesk.reports.export import ExportRefused, catalogue, export
from brugdesk.store.vault import Vault


@dataclass
class Made:
    day: dt.date
    school: int | None  # the world's school index, None: all schools
    export: Export


@dataclass
class Run:
    made: list[Made] = field(default_factory=list)
    refused: list[tuple[dt.date, str, str, str]] = field(default_factory=list)  # day, period, scope, message
    names: dict[int | None, str] = field(default_factory=dict)  # school index -> the report's scope id
    school_names: list[str] = field(default_factory=list)  # every school of the vault

    def scope(self, name: str) -> list[Export]:
        return [m.export for m in self.made if m.export.scope == name]

    def scopes(self) -> list[str]:
        return sorted({m.export.scope for m in self.made})


def simulate(directory: Path, world: dict[str, Any] | None, days: list[dt.date], order: list[int | None],
             *, k: int = 5, every_day: bool = False, backwards: bool = False) -> Run:
    """Export everything allowed on each of ``days`` for the scopes in ``order`` (None: all schools).

    A running period is exported on every day (a new cut each month). A completed period is exported
    the first day it is offered and again on the last day (the same period on two days), not on every
    day in between unless ``every_day`` (the linked check grows with the export history, so exporting
    everything on every day costs minutes; the days skipped add no period the attacker lacks).

    ``world`` None: a demo vault (``brugdesk.store.demo``, 60 families, seed 1) made up to the last
    day at once; its records are dated, so what an export on an earlier day counts is what the vault
    held then (the dated records after it fall outside every period exportable that day)."""
    vault, _recovery = Vault.create(directory / "vault", "attacker test passphrase", scrypt_n=TEST_N)
    run = Run()
    try:
        repo = vault.repo
        if k != repo.settings.report_threshold:
            repo.settings.set_report_threshold(k)
        if world is None:
            from brugdesk.store import demo

            demo.fill(vault.conn, families=60, seed=1, today=days[-1])
            schools = repo.schools.list()
            school_ids = {i: s.id for i, s in enumerate(schools)}
            names = [s.name for s in schools]
        else:
            ids = setup(repo, world)
            school_ids = {i: sid for i, sid in enumerate(ids["school"])}
            names = [s["name"] for s in world["schools"]]
        run.school_names = names
        since: dt.date | None = None
        done: set[tuple[str, int | None]] = set()
        for day in days:
            if world is not None:
                apply(repo, world, ids, since, day, backwards=backwards)
            since = day
            for item in catalogue(repo, day):
                pid = f"{item.period.start}..{item.period.end}"
                for school in order:
                    if not item.running and (pid, school) in done and day != days[-1] and not every_day:
                        continue
                    done.add((pid, school))
                    sid = None if school is None else school_ids[school]
                    label = "all" if school is None else names[school]
                    target = directory / f"{day.isoformat()}-{pid}-{label}.csv"
                    try:
                        result = export(repo, item, sid, today=day, csv=target)
                    except ExportRefused as exc:
                        run.refused.append((day, f"{item.period.start}..{item.period.end}", label, str(exc)))
                        continue
                    data = target.read_bytes()
                    if data.decode("utf-8-sig").startswith("period;code;"):
                        made = parse_csv(data, target.name)
                    else:  # a build whose CSV has no codes yet (contract §4): what the report prints
                        made = printed(result.report, target.name)
                    run.names[school] = made.scope
                    run.made.append(Made(day, school, made))
    finally:
        vault.close()
    return run


def printed(report: Any, name: str) -> Export:
    """Every number a report prints, with its code and period (what the contract's CSV holds): its
    published cells, and the cells its tables and key figures print as withheld (``—``)."""
    cells = [Cell(c.period, c.code, c.value) for c in report.cells]
    have = {(c.period, c.code) for c in cells}

    def add(period: str, code: str, value: str) -> None:
        if code and value == "—" and (period, code) not in have:
            have.add((period, code))
            cells.append(Cell(period, code, value))

    for f in report.key_figures:
        add(report.period_id, f.code, f.current)
        add(report.comparison_id, f.code, f.previous)
    for table in report.tables():
        for row, codes in zip(table.rows, table.codes, strict=False):
            for value, code in zip(row.values, codes, strict=False):
                add(report.period_id, code, value)
    return Export(report.scope_id, report.k, report.d, report.period_id, cells, name)


def unsound(run: Run, world: dict[str, Any]) -> list[str]:
    """Printed numbers that do not fit the truth within the public rules (|p - t| <= D, 0 is 0, <k is
    1..k-1+D): the attacker's model would then be wrong about the product, or the product wrong."""
    out = []
    cache: dict[tuple[str, int | None, dt.date], dict[str, Any]] = {}
    for m in run.made:
        e = m.export
        for c in e.cells:
            if c.code.endswith((".hours", ".minutes_avg")) or c.code in ("reach.pupil_share",
                                                                         "reach.children_counted"):
                continue
            key = (c.period, m.school, m.day)
            if key not in cache:
                start, end = (dt.date.fromisoformat(x) for x in c.period.split(".."))
                cache[key] = records(world, start, end, m.school, until=m.day)
            recs = cache[key].get(c.code)
            if recs is None:
                out.append(f"{e.name}: {c.code} is not a count this suite knows")
                continue
            t = true_value(c.code, recs)
            v = c.value
            ok = (v in ("—", "x") or (v == "0" and t == 0) or (v.startswith("<") and 1 <= t <= e.k - 1 + e.d)
                  or (v.isdigit() and v != "0" and t >= 1 and abs(int(v) - t) <= e.d))
            if not ok:
                out.append(f"{e.name}: {c.period} {c.code} printed {v}, true {t}")
    return out
