"""True counts of a world (``world.py``) and synthetic exports made from them.

:func:`records` gives, for a period and scope, every count cell of contract §3 as the set of
records it counts (so a cell's true value is the set's size, and its cell key the sum of the
records' keys). Definitions follow the report's (brugdesk/reports/aggregate.py docstring): a family
is in scope when it started on or before the period's last day and did not close before its
first; contacts, referrals, activities and signals count when dated inside the period (a signal by
its status on the period's last day, and only until it is deleted).

:func:`synthetic_export` prints those cells the way contract §2 says, with this module's own copy
of the contract's perturbation table (:func:`perturb`) or without perturbation (``d=0``): the
attacker's known-answer tests use it, independent of the product.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from typing import Any

from attacker import Cell, Export

SIGNAL_OUTCOMES = ("new", "taken_up", "family_created", "no_action")
GROUP_OF = {"proposed": "proposed", "referred": "referred", "waiting_list": "referred", "accepted": "accepted",
            "completed": "completed", "declined": "ended", "stopped": "ended"}
LISTS = {  # the vault's default list codes
    "sources": ["teacher", "ib", "parent", "wijkteam", "jgz", "school_social_work", "partner", "other"],
    "closures": ["resolved", "referred", "moved", "no_contact", "declined", "other"],
    "themes": ["parenting", "money", "behaviour", "attendance", "wellbeing", "housing", "health", "language",
               "divorce", "social_network", "poverty_school_costs", "safety", "other"],
    "contacts": ["home_visit", "school_talk", "phone", "digital", "walk_in", "accompany", "network_meeting", "other"],
    "activities": ["coffee_morning", "workshop", "office_hour", "other"],
}
Rec = tuple[Any, ...]


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def records(world: dict[str, Any], start: dt.date, end: dt.date, school: int | None = None,
            until: dt.date | None = None, partner_types: list[str] | None = None) -> dict[str, set[Rec]]:
    """code -> the records it counts (magnitude cells: ``activities.*.parents`` -> (activity, parents))."""
    until = until or dt.date.max
    types = partner_types or sorted({p["type"] for p in world["partners"]})
    out: dict[str, set[Rec]] = defaultdict(set)
    for cat, codes in LISTS.items():
        for code in codes:
            if cat == "activities":
                out[f"activities.{code}.count"]
                out[f"activities.{code}.parents"]
            else:
                out[f"{cat}.{code}"]
    for t in [*types, "total"]:
        for g in ("proposed", "referred", "accepted", "completed", "ended", "total"):
            out[f"referrals.{t}.{g}"]
    for src in [*LISTS["sources"], "total"]:
        for g in (*SIGNAL_OUTCOMES, "total"):
            out[f"signals.{src}.{g}"]
    for name in ("reach.active", "reach.new", "reach.continuing", "reach.closed", "reach.children", "contacts.total",
                 "contacts.home_visit_families", "referrals.warm", "referrals.families",
                 "activities.total.count", "activities.total.parents"):
        out[name]
    months = []
    m = dt.date(start.year, start.month, 1)
    while m <= end:
        months.append(m)
        out[f"months.{m:%Y-%m}.contacts"]
        out[f"months.{m:%Y-%m}.families"]
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    for i, f in enumerate(world["families"]):
        begun = _d(f["start"])
        assert begun is not None
        if begun > until or (school is not None and f["school"] != school):
            continue
        closed = _d(f.get("closed"))
        if closed is not None and closed > until:
            closed = None
        fam = ("family", i)
        if begun <= end and (closed is None or closed >= start):
            out["reach.active"].add(fam)
            for x in f["themes"]:
                out[f"themes.{x}"].add(fam)
            for n in range(f["children"]):
                out["reach.children"].add(("child", i, n))
            if begun >= start:
                out["reach.new"].add(fam)
                out[f"sources.{f['source']}"].add(fam)
            else:
                out["reach.continuing"].add(fam)
            if closed is not None and closed <= end:
                out["reach.closed"].add(fam)
                out[f"closures.{f['outcome']}"].add(fam)
        for j, (when_text, kind, _minutes) in enumerate(f.get("contacts", [])):
            when = _d(when_text)
            assert when is not None
            if not (start <= when <= end) or when > until:
                continue
            rec = ("contact", i, j)
            out["contacts.total"].add(rec)
            out[f"contacts.{kind}"].add(rec)
            if kind == "home_visit":
                out["contacts.home_visit_families"].add(fam)
            out[f"months.{when:%Y-%m}.contacts"].add(rec)
            out[f"months.{when:%Y-%m}.families"].add(fam)
        for j, r in enumerate(f.get("referrals", [])):
            when = _d(r["date"])
            assert when is not None
            if not (start <= when <= end) or when > until:
                continue
            rec = ("referral", i, j)
            status = "proposed"
            for s, day in r.get("history", []):
                if _d(day) <= min(end, until):  # type: ignore[operator]
                    status = s
            ptype = world["partners"][r["partner"]]["type"]
            group = GROUP_OF[status]
            for key in (f"referrals.{ptype}.{group}", f"referrals.{ptype}.total", f"referrals.total.{group}",
                        "referrals.total.total"):
                out[key].add(rec)
            if r.get("warm"):
                out["referrals.warm"].add(rec)
            out["referrals.families"].add(fam)
    for i, a in enumerate(world.get("activities", [])):
        when = _d(a["date"])
        assert when is not None
        if not (start <= when <= end) or when > until or (school is not None and a["school"] != school):
            continue
        out[f"activities.{a['kind']}.count"].add(("activity", i))
        out["activities.total.count"].add(("activity", i))
        out[f"activities.{a['kind']}.parents"].add(("activity", i, a["parents"]))
        out["activities.total.parents"].add(("activity", i, a["parents"]))
    for i, g in enumerate(world.get("signals", [])):
        when = _d(g["date"])
        assert when is not None
        gone = _d(g.get("deleted"))
        if not (start <= when <= end) or when > until or (gone is not None and gone <= until):
            continue
        if school is not None and g.get("school") != school:
            continue
        status = "new"
        for st, day in g.get("history", []):
            if _d(day) <= min(end, until):  # type: ignore[operator]
                status = st
        rec = ("signal", i)
        for key in (f"signals.{g['source']}.{status}", f"signals.{g['source']}.total", f"signals.total.{status}",
                    "signals.total.total"):
            out[key].add(rec)
    out["referrals.total"] = out.pop("referrals.total.total")
    out["signals.total"] = out.pop("signals.total.total")
    return dict(out)


def true_value(code: str, recs: set[Rec]) -> int:
    if code.endswith(".parents"):
        return sum(r[2] for r in recs)
    return len(recs)


# ------------------------------------------------------------------------------- the contract's ptable
PTABLE = {  # contract §2: (change, width in 256ths)
    1: ((0, 160), (1, 70), (2, 26)),
    2: ((-1, 51), (0, 128), (1, 51), (2, 26)),
    3: ((-2, 13), (-1, 51), (0, 128), (1, 51), (2, 13)),
}


def perturb(t: int, c: int) -> int:
    """The contract's ptable: t + f(t, c) with c' = (c + 37 t) mod 256 choosing the column."""
    if t == 0:
        return 0
    col = (c + 37 * t) % 256
    for change, width in PTABLE[min(t, 3)]:
        if col < width:
            return t + change
        col -= width
    raise AssertionError("the widths add up to 256")


def rkey(seed: int, rec: Rec) -> int:
    """A record's key: fixed per record and seed (like the vault's random rkey)."""
    base = rec[:2] if rec[0] == "activity" else rec  # a magnitude's records are the activities
    return hashlib.sha256(f"{seed}:{base}".encode()).digest()[0]


def printed(p: int, k: int) -> str:
    return "0" if p == 0 else (f"<{k}" if p < k else str(p))


def synthetic_export(world: dict[str, Any], scope: str, period: tuple[dt.date, dt.date],
                     comparison: tuple[dt.date, dt.date] | None, *, k: int = 5, d: int = 2, seed: int = 1,
                     school: int | None = None, hide: frozenset[str] = frozenset(),
                     until: dt.date | None = None) -> Export:
    """What a report of ``period`` would print with contract §2 (``d=0``: exact counts, no noise), made
    on ``until`` (None: with everything the world holds)."""
    cells = []
    for start, end in [period] + ([comparison] if comparison else []):
        pid = f"{start.isoformat()}..{end.isoformat()}"
        for code, recs in sorted(records(world, start, end, school, until=until).items()):
            if (start, end) != period and code not in KEY_FIGURES:
                continue
            t = true_value(code, recs)
            if d == 0:
                p = t
            else:
                key = sum(rkey(seed, r) for r in recs) % 256
                p = perturb(t, key) if not code.endswith(".parents") else _magnitude(t, key)
            cells.append(Cell(pid, code, "—" if code in hide else printed(p, k)))
    return Export(scope, k, d, f"{period[0].isoformat()}..{period[1].isoformat()}", cells, f"synthetic {period}")


def _magnitude(t: int, key: int) -> int:
    return perturb(t, key)


KEY_FIGURES = {"reach.active", "reach.new", "reach.continuing", "reach.closed", "reach.children", "contacts.total",
               "contacts.home_visit", "referrals.total", "referrals.warm", "activities.total.count",
               "activities.total.parents"}
