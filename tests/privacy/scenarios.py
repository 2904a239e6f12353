"""Worlds (see ``world.py``) with known truths for the attacker tests.

:func:`issue_world` holds every situation issue 11 describes, for the build without protection
(commit fd35787) and for the product alike:

* school year 2025-2026, term 1 (Aug - Dec 2025), all schools: 34 families supported (12 continuing,
  22 new); the new families came in via teacher (10), IB (8), and parent, wijkteam, JGZ and school
  social work (one each), so four sources are small and none came via "other"; exactly 3 families
  with the theme housing; 3 warm handovers among 8 referrals; exactly one family closed (20 Nov).
* term 2 (Jan - Mar 2026): 33 continuing, 10 new (5 via teacher, 5 via parent), none closed.
* two schools: "Noord" and "Zuid"; Zuid has only 3 families (all continuing, open all along).
* 2026-2027: six families new in September/October 2026 and one, on 16 November 2026, with three
  children and the themes money and parenting: the only new family that month.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

World = dict[str, Any]

NOORD, ZUID = 0, 1
PARTNERS = [{"name": "Wijkteam Centrum", "type": "wijkteam"}, {"name": "GGD JGZ", "type": "jgz"},
            {"name": "Schuldhulp", "type": "debt_help"}, {"name": "Leergeld", "type": "youth_funds"}]
KINDS = ["home_visit", "school_talk", "phone", "home_visit", "digital", "school_talk", "phone"]
COMMON_THEMES = ["parenting", "money", "behaviour", "wellbeing", "attendance"]
NEW_FAMILY_DAY = "2026-11-16"


def day(x: dt.date) -> str:
    return x.isoformat()


def _contacts(rng: random.Random, start: dt.date, end: dt.date, every: int = 24) -> list[list[Any]]:
    """Contacts from the start to the end, about every ``every`` days."""
    out = []
    when = start + dt.timedelta(days=rng.randint(0, 5))
    while when <= end:
        kind = rng.choice(KINDS)
        out.append([day(when), kind, rng.choice([15, 30, 45, 60, 90])])
        when += dt.timedelta(days=rng.randint(every - 6, every + 6))
    return out


def _family(rng: random.Random, start: dt.date, source: str, school: int, *, end: dt.date,
            themes: list[str] | None = None, children: int | None = None, closed: dt.date | None = None,
            outcome: str = "") -> dict[str, Any]:
    if themes is None:
        themes = sorted(set(rng.sample(COMMON_THEMES, rng.randint(1, 3))))
    return {
        "start": day(start), "source": source, "school": school, "themes": themes,
        "children": children if children is not None else rng.choice([1, 1, 2, 2, 3]),
        "parents": rng.choice([1, 2]),
        "closed": day(closed) if closed else None, "outcome": outcome,
        "contacts": _contacts(rng, start, closed or end),
        "referrals": [],
    }


def issue_world(seed: int = 11) -> World:
    rng = random.Random(seed)
    end = dt.date(2026, 11, 30)  # the last day of the world
    fams: list[dict[str, Any]] = []

    # 12 continuing into 2025-2026/T1: 9 at Noord (one closes on 20 Nov 2025), 3 at Zuid
    for i in range(9):
        start = dt.date(2025, 3, 3) + dt.timedelta(days=11 * i)
        closed = dt.date(2025, 11, 20) if i == 0 else None
        fams.append(_family(rng, start, "teacher", NOORD, end=end, closed=closed,
                            outcome="resolved" if closed else ""))
    for i in range(3):
        fams.append(_family(rng, dt.date(2025, 5, 6) + dt.timedelta(days=9 * i), "ib", ZUID, end=end))
    # 22 new in T1 at Noord: teacher 10, ib 8, four small sources one each
    sources = ["teacher"] * 10 + ["ib"] * 8 + ["parent", "wijkteam", "jgz", "school_social_work"]
    for i, src in enumerate(sources):
        fams.append(_family(rng, dt.date(2025, 8, 25) + dt.timedelta(days=5 * i), src, NOORD, end=end))
    # exactly 3 families with the theme housing in T1 (none of the later families has it)
    for f in (fams[1], fams[14], fams[20]):
        f["themes"] = sorted({*f["themes"], "housing"})
    # 8 referrals in T1, 3 of them warm
    for n, f in enumerate(fams[12:20]):
        when = dt.date(2025, 10, 6) + dt.timedelta(days=4 * n)
        f["referrals"].append({"date": day(when), "partner": n % 2, "warm": n < 3,
                               "history": [["referred", day(when + dt.timedelta(days=7))]]})
    # T2: 10 new at Noord (teacher 5, parent 5), none closed
    for i in range(10):
        fams.append(_family(rng, dt.date(2026, 1, 12) + dt.timedelta(days=6 * i), "teacher" if i < 5 else "parent",
                            NOORD, end=end))
    # 2026-2027: six new in September/October 2026; one new on 16 November 2026
    for i in range(6):
        fams.append(_family(rng, dt.date(2026, 9, 7) + dt.timedelta(days=8 * i), "teacher", NOORD, end=end))
    new = _family(rng, dt.date.fromisoformat(NEW_FAMILY_DAY), "teacher", NOORD, end=end,
                  themes=["money", "parenting"], children=3)
    new["contacts"] = []  # nothing else happens that day
    fams.append(new)
    # money and parenting are common enough to be printed as numbers
    for f in fams[:-1]:
        if not f["closed"] and f["school"] == NOORD and len(f["themes"]) < 3 and rng.random() < 0.5:
            f["themes"] = sorted({*f["themes"], rng.choice(["money", "parenting"])})
    # no contact on the day the new family starts (so nothing else changes that day)
    for f in fams:
        f["contacts"] = [c for c in f["contacts"] if c[0] != NEW_FAMILY_DAY]
    activities = []
    when = dt.date(2025, 1, 15)
    while when <= end:
        activities.append({"date": day(when), "kind": "coffee_morning", "school": NOORD,
                           "parents": rng.randint(6, 14), "minutes": 90})
        activities.append({"date": day(when + dt.timedelta(days=3)), "kind": "coffee_morning", "school": ZUID,
                           "parents": rng.randint(4, 9), "minutes": 60})
        when += dt.timedelta(days=28)
    return {"seed": seed, "schools": [{"name": "Noord", "pupils": 400}, {"name": "Zuid", "pupils": 120}],
            "partners": PARTNERS, "families": fams, "activities": activities}


# ------------------------------------------------------------------------------- truths
def active(world: World, start: dt.date, end: dt.date, school: int | None = None) -> list[dict[str, Any]]:
    return [f for f in world["families"]
            if dt.date.fromisoformat(f["start"]) <= end
            and (f["closed"] is None or dt.date.fromisoformat(f["closed"]) >= start)
            and (school is None or f["school"] == school)]


# ------------------------------------------------------------------------------- the edge cases for the product
ONE_NEW_DAY = "2025-11-12"  # the only family that starts in November 2025 (three children, two themes)
PATHS = [[], [["referred", 9]], [["referred", 5], ["accepted", 20]], [["referred", 6], ["accepted", 15],
         ["completed", 60]], [["declined", 10]], [["referred", 7], ["waiting_list", 14]]]


def edge_world(seed: int = 5, noord: int = 44, *, signals: bool = False) -> World:
    """School years 2024-2025 and 2025-2026 at two schools, with the hand-made edge cases:

    * Zuid has only 3 families (all open throughout);
    * November 2025 has exactly one new family (12 Nov: three children, themes money and parenting);
    * one family only with signal source "jgz", one only with closure outcome "moved";
    * everything else: about two new families a month at Noord, a third of them closed later, contacts
      every three weeks while open, a referral for every third family, a coffee morning a month per school;
    * with ``signals``: signals (:func:`edge_signals`), a few a month at Noord, one from the JGZ, two
      at Zuid (the families and everything else stay the same).
    """
    rng = random.Random(seed)
    end = dt.date(2026, 7, 31)
    fams: list[dict[str, Any]] = []
    days = sorted(dt.date(2024, 8, 20) + dt.timedelta(days=rng.randint(0, 680)) for _ in range(noord))
    days = [x for x in days if (x.year, x.month) != (2025, 11)]
    for i, start in enumerate(days):
        closed = None
        if rng.random() < 0.35 and (end - start).days > 70:
            closed = start + dt.timedelta(days=rng.randint(60, min(260, (end - start).days)))
        source = rng.choice(["teacher", "teacher", "ib", "parent", "wijkteam", "school_social_work"])
        outcome = rng.choice(["resolved", "resolved", "referred", "no_contact", "declined"]) if closed else ""
        f = _family(rng, start, source, NOORD, end=end, closed=closed, outcome=outcome)
        f["contacts"] = _contacts(rng, start, closed or end, every=21)
        if i % 3 == 0:
            when = start + dt.timedelta(days=rng.randint(3, 30))
            last = closed or end
            if when <= last:
                history = []
                for status, after in rng.choice(PATHS):
                    day_ = when + dt.timedelta(days=after)
                    if day_ <= last:
                        history.append([status, day(day_)])
                f["referrals"].append({"date": day(when), "partner": rng.randrange(len(PARTNERS)),
                                       "warm": rng.random() < 0.5, "history": history})
        fams.append(f)
    # one family with source jgz, one with outcome moved (categories with one family)
    fams[5]["source"] = "jgz"
    closed_ones = [f for f in fams if f["closed"]]
    closed_ones[len(closed_ones) // 2]["outcome"] = "moved"
    # the only new family of November 2025
    new = _family(rng, dt.date.fromisoformat(ONE_NEW_DAY), "parent", NOORD, end=end, themes=["money", "parenting"],
                  children=3)
    new["contacts"] = _contacts(rng, dt.date.fromisoformat(ONE_NEW_DAY), end, every=21)
    fams.append(new)
    # Zuid: three families, open all along
    for start in (dt.date(2025, 2, 10), dt.date(2025, 6, 2), dt.date(2025, 10, 6)):
        f = _family(rng, start, "ib", ZUID, end=end)
        f["contacts"] = _contacts(rng, start, end, every=30)
        fams.append(f)
    activities = []
    when = dt.date(2024, 8, 20)
    while when <= end:
        if when.month not in (7, 8):
            activities.append({"date": day(when), "kind": "coffee_morning", "school": NOORD,
                               "parents": rng.randint(6, 14), "minutes": 90})
            activities.append({"date": day(when + dt.timedelta(days=2)), "kind": rng.choice(
                ["coffee_morning", "workshop"]), "school": ZUID, "parents": rng.randint(3, 9), "minutes": 60})
        when += dt.timedelta(days=30)
    fams.sort(key=lambda f: f["start"])
    return {"seed": seed, "schools": [{"name": "Noord", "pupils": 400}, {"name": "Zuid", "pupils": 90}],
            "partners": PARTNERS, "families": fams, "activities": activities,
            "signals": edge_signals(rng, fams, end) if signals else []}


#: the paths a signal takes: (status, days after the signal)
SIGNAL_PATHS = [[], [["taken_up", 6]], [["taken_up", 4], ["no_action", 20]], [["no_action", 3]],
                [["no_action", 2], ["taken_up", 35]], [["taken_up", 3], ["family_created", 12]]]


def edge_signals(rng: random.Random, fams: list[dict[str, Any]], end: dt.date) -> list[dict[str, Any]]:
    """Signals (issue 13) beside the edge world's families: two or three a school month at Noord from
    teachers, the IB, parents and school social work along the paths above (a signal that becomes a
    family is linked to a Noord family that had started by then); exactly one from the JGZ (a source
    with one signal); two at Zuid. Every signal is about a school (the cross-school attacker assumes
    every record belongs to one)."""
    out: list[dict[str, Any]] = []
    month = dt.date(2024, 9, 1)
    while month <= end:
        if month.month not in (7, 8):
            for _n in range(rng.randint(2, 3)):
                when = month + dt.timedelta(days=rng.randint(0, 26))
                out.append(_signal(rng, fams, when, rng.choice(["teacher", "teacher", "ib", "parent",
                                                                 "school_social_work"]), NOORD, end))
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    out.append(_signal(rng, fams, dt.date(2025, 10, 8), "jgz", NOORD, end, path=[["taken_up", 5]]))
    out.append(_signal(rng, fams, dt.date(2025, 3, 12), "teacher", ZUID, end, path=[["no_action", 4]]))
    out.append(_signal(rng, fams, dt.date(2025, 10, 21), "ib", ZUID, end, path=[["taken_up", 2]]))
    return sorted(out, key=lambda g: g["date"])


def _signal(rng: random.Random, fams: list[dict[str, Any]], when: dt.date, source: str, school: int, end: dt.date,
            path: list[list[Any]] | None = None) -> dict[str, Any]:
    path = rng.choice(SIGNAL_PATHS) if path is None else path
    history, family = [], None
    for status, after in path:
        on = when + dt.timedelta(days=after)
        if on > end:
            break
        if status == "family_created":
            started = [i for i, f in enumerate(fams) if f["school"] == school and f["start"] <= day(on)]
            if not started:
                break
            family = rng.choice(started)
        history.append([status, day(on)])
    return {"date": day(when), "source": source, "school": school, "history": history, "family": family}


def export_days(year: int = 2025, term_ends: tuple[str, ...] = ("12-31", "03-31", "07-31")) -> list[dt.date]:
    """The 2nd of every month of school year ``year``-``year+1``, each term's last day and the day after."""
    out = {dt.date(year + (m < 8), m, 2) for m in (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)}
    for md in term_ends:
        last = dt.date.fromisoformat(f"{year + (int(md[:2]) < 8)}-{md}")
        out |= {last, last + dt.timedelta(days=1)}
    return sorted(out)
