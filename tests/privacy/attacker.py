"""An independent attacker on brugdesk's exported reports (issue 11, contract report-design.md §7).

Written from the contract and the exported files only: it never imports the product's own check
(``brugdesk.reports.linked``) or its model. What the reader of the reports has, the attacker has:

* the exported CSV files (contract §4): every printed number with its cell code and the machine
  identity ``START..END`` of the period it is about, and the scope, k and D of each report;
* the public rules: a printed ``0`` is a true 0; a printed count p (>= k) is the truth changed by
  at most D; ``<k`` means a printed value 1..k-1, so a true value 1..k-1+D; ``x`` and ``—`` say
  nothing; every category of the vault's lists is printed; hours, averages and percentages are
  derived from counts and ignored here;
* the consistency rule of the cell key method: the same set of records always prints the same
  number, so two printed numbers that differ prove two different record sets.

The model (contract §7), per scope (all schools, or one school), for any set of exports
------------------------------------------------------------------------------------------
Time is cut into *buckets* at every period boundary in play (every period's start and the day after
its end, current and comparison periods) and at every month start inside a period that prints a
monthly row. ``BEFORE`` is everything before the first boundary; a family that closes after the last
boundary (or never) closes in ``OPEN``. The unknowns are nonnegative (integers in the IP):

* ``F[a,b]`` families that started in bucket a (or BEFORE) and closed in bucket b (or OPEN), a <= b;
  ``S[src,a,b]`` their split by signal source (a != BEFORE, sum over src = F); ``O[out,a,b]`` by
  closure outcome (b != OPEN, sum over out = F); ``T[x,a,b] <= F[a,b]`` those with theme x;
  ``C[a,b]`` their children;
* ``K[kind,u]`` contacts of a kind in bucket u; ``FM[I]`` distinct families with a contact in the
  month interval I (a month, cut to the period); ``HV[P]`` families with a home visit in period P;
* ``R[type,u]`` referrals made in bucket u; ``RS[e][type,U,group]`` their status group at the period
  end e (U: the buckets between the starts of the periods that end at e; sum over groups = sum of R
  over U); ``W[u] <= sum_type R[type,u]`` warm handovers; ``RF[P]`` families referred in P; the
  partner types no report lists count as one more type (a report lists only the types referred to);
* ``A[kind,u]`` activities and ``PA[kind,u]`` parents attending them;
* ``G[src,u]`` signals (issue 13) passed on by source src dated in bucket u; ``GS[e][src,U,outcome]``
  their outcome (status) at the period end e, split like the referrals' status (sum over outcomes =
  sum of G over U); the sources no report lists count as one more source. Signals are records of
  their own: the attacker ties them to nothing else (a signal's family may start in another period).

Three exact reductions keep the LP small (the contract's unknowns can always be rebuilt from them,
integrally too): no cell splits the new families of a bucket by their closing bucket, so the signal
source split is ``S[src,a]`` with ``sum_src S[src,a] = sum_b F[a,b]`` (any such split spreads over b:
a transport problem with equal totals); likewise ``O[out,b]`` with ``sum_out O[out,b] = sum_a F[a,b]``;
and themes and children are counted only over families in scope of a period, so atoms (a, b) in scope
of exactly the same periods form one *class* g, with ``T[x,g] <= sum of F over g`` and ``C[g]``
(the one-family oracle's bucket is kept apart as a class of its own).

A cell is a sum of unknowns: ``reach.active(P)`` = F over a <= end(P), b >= start(P); ``reach.new``
= F over a in P; ``reach.continuing`` = F over a before P, b >= start(P); ``reach.closed`` = F over b in
P; sources/closures/themes/children likewise from their splits; contacts, months, referrals and
activities as sums over the buckets of P. Linking constraints: ``HV[P] <= contacts.home_visit(P)``,
``HV[P] <= active(P)``; ``FM[I] <= contacts in I``, ``FM[I] <= families in scope during I``;
``RF[P] <= referrals.total(P)``, ``RF[P] <= active(P)``. Beyond §7 (valid, so only stronger):
``HV``, ``RF`` and ``FM`` never shrink when the period grows.

Every printed number bounds its cell (the rules above); the attacker then asks the LP (HiGHS via
:func:`scipy.optimize.linprog`) for the smallest and largest true value of every cell printed
``<k``. Where the LP's optimal point is fractional the integer program (:func:`scipy.optimize.milp`)
decides. The success criterion of the contract: every ``<k`` cell keeps at least k-1 possible
integers.

Consistency (the differencing attacker): two printed numbers of the same code whose record sets are
nested (the same code over nested periods, e.g. a term cut at October and at November) and whose
printed values cannot be equal prove that the larger set has at least one more record; the attacker
adds that as a constraint (``larger - smaller >= 1``). The same cell printed two different ways proves
that the data changed (:attr:`Model.changed`).

Cross-scope (all schools against each school): with ``partition=True`` the attacker assumes every
family, contact and activity belongs to exactly one school, so "all schools" is the sum of the
schools it has reports of (and one unknown rest, unless ``schools`` names every school of the vault
and each has a report).

The one-family oracle: a reader who knows that exactly one family started in a bucket (a week with
one new family, the only one that month) asks whether any attribute of that family is certain: its
signal source, a theme, whether it has children, how many.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_array

__all__ = [
    "Cell",
    "Export",
    "Model",
    "Range",
    "bound_of",
    "parse_csv",
    "parse_period",
]

DERIVED_SUFFIXES = (".hours", ".minutes_avg")
IGNORED_CODES = ("reach.pupil_share", "reach.children_counted")
STATUS_GROUPS = ("proposed", "referred", "accepted", "completed", "ended")
SIGNAL_OUTCOMES = ("new", "taken_up", "family_created", "no_action")
BEFORE = -1  # start bucket: before the first boundary
UNLISTED = "(unlisted)"  # partner types no report names
WITHHELD = "—"
HIDDEN = "x"
TOL = 1e-6


# ------------------------------------------------------------------------------- published cells
@dataclass(frozen=True)
class Cell:
    period: str  # "START..END"
    code: str
    value: str  # exactly as printed


@dataclass
class Export:
    """One exported report as the reader sees it."""

    scope: str  # "all" or the school's name
    k: int
    d: int
    period: str  # the report's own period "START..END"
    cells: list[Cell]
    name: str = ""  # for messages: the file name or day it was made
    about: dict[str, str] = field(default_factory=dict)

    def value(self, code: str, period: str | None = None) -> str:
        period = period or self.period
        for c in self.cells:
            if c.code == code and c.period == period:
                return c.value
        raise KeyError((period, code))


def parse_period(pid: str) -> tuple[dt.date, dt.date]:
    a, b = pid.split("..")
    return dt.date.fromisoformat(a), dt.date.fromisoformat(b)


def parse_csv(data: bytes, name: str = "", *, scope: str | None = None, k: int | None = None,
              d: int | None = None) -> Export:
    """An exported CSV (contract §4) as an :class:`Export`.

    Scope, k and D come from the ``about`` rows; where a value is not recognised there, the caller
    may give it (it is printed in the report in words)."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = [h.strip().lower() for h in rows[0]]
    if header[:2] != ["period", "code"]:
        raise ValueError(f"{name}: not a brugdesk CSV of contract §4: header {rows[0]!r}")
    col = {h: i for i, h in enumerate(header)}
    cells: list[Cell] = []
    about: dict[str, str] = {}
    for row in rows[1:]:
        if not row:
            continue
        code = row[col["code"]]
        value = row[col["value"]]
        if not code:
            about[row[col["row"]]] = value
            continue
        cells.append(Cell(row[col["period"]], code, value))
    about_l = {key.strip().lower(): v for key, v in about.items()}

    def pick(*keys: str) -> str | None:
        for key in keys:
            if key in about_l:
                return about_l[key]
        return None

    if scope is None:  # the about rows in English or Dutch
        scope = pick("scope", "bereik")
    if k is None:
        found = pick("threshold", "drempel")
        k = int(found) if found is not None and found.isdigit() else None
    if d is None:
        found = next((v for key, v in about_l.items() if key.endswith("(d)")), None)
        d = int(found) if found is not None and found.isdigit() else None
    if k is None:  # the "<k" mark says it
        marks = {int(c.value[1:]) for c in cells if c.value.startswith("<")}
        if len(marks) == 1:
            k = marks.pop()
    # the report's own period: the one most of its numbers are about (the comparison has only key figures)
    current = [p for p, _n in Counter(c.period for c in cells).most_common(1)]
    if scope is None or k is None or d is None or not current:
        raise ValueError(f"{name}: scope, k, D or the period not found in the CSV (about rows: {about!r})")
    return Export(scope, k, d, current[0], cells, name, about)


def bound_of(value: str, k: int, d: int) -> tuple[float, float] | None:
    """What a printed value says about the true count (None: nothing)."""
    if value in (HIDDEN, WITHHELD, "", "-"):
        return None
    if value == "0":
        return 0.0, 0.0
    if value.startswith("<"):
        return 1.0, float(int(value[1:]) - 1 + d)
    if m := re.fullmatch(r"(\d+)\.\.(\d+)", value):  # not printed, but known (an adapter's "0..4")
        return float(m.group(1)), float(m.group(2))
    if re.fullmatch(r"\d+", value):
        p = int(value)
        return float(max(1, p - d)), float(p + d)
    raise ValueError(f"unexpected printed count {value!r}")


def printed_values(value: str) -> set[int] | None:
    """The printed (perturbed) values a text can stand for: ``<5`` is {1..4}; None: unknown."""
    if value in (HIDDEN, WITHHELD, "", "-"):
        return None
    if value.startswith("<"):
        return set(range(1, int(value[1:])))
    if re.fullmatch(r"\d+", value):
        return {int(value)}
    return None


def is_count(code: str) -> bool:
    return not (code.endswith(DERIVED_SUFFIXES) or code in IGNORED_CODES)


def parts_of(code: str) -> list[str]:
    """``sum(a,b)`` (a merged row of an older format: the sum of those cells) -> [a, b]; else [code]."""
    if code.startswith("sum(") and code.endswith(")"):
        return code[4:-1].split(",")
    return [code]


# ------------------------------------------------------------------------------- the model
@dataclass(frozen=True)
class Range:
    scope: str
    period: str
    code: str
    printed: str
    lo: float
    hi: float
    integer: bool  # lo/hi are the integer program's (else the LP's, already integral)

    @property
    def values(self) -> int:
        """How many integers the true value can still be."""
        return max(0, math.floor(self.hi + TOL) - math.ceil(self.lo - TOL) + 1)

    def __str__(self) -> str:
        return (f"{self.scope} {self.period} {self.code} printed {self.printed}: true value in "
                f"[{self.lo:g}, {self.hi:g}] ({self.values} possible)")


Expr = dict[int, float]


class Model:
    """The atom model of contract §7 for a set of exports (see the module docstring).

    ``exports`` may mix scopes only with ``partition=True`` (cross-scope attack)."""

    def __init__(self, exports: Sequence[Export], *, partition: bool = False, consistency: bool = True,
                 schools: Sequence[str] = (), focus: tuple[dt.date, dt.date] | None = None) -> None:
        if not exports:
            raise ValueError("no exports")
        scopes = {e.scope for e in exports}
        if len(scopes) > 1 and not partition:
            raise ValueError(f"one scope at a time (got {sorted(scopes)}); use partition=True to combine")
        self.exports = list(exports)
        self.partition = partition
        self.consistency = consistency
        self.schools = tuple(schools)
        # base scopes: the schools, plus an unknown rest when "all" is combined with some of the schools
        # (``schools``: every school of the vault, as the all-schools report names them)
        named = sorted(s for s in scopes if s != "all")
        if "all" in scopes and named:
            self.base = named if set(schools) and set(schools) <= set(named) else [*named, "(rest)"]
        else:
            self.base = sorted(scopes)
        self.focus = focus
        # signals need not belong to a school (the product counts one without a school only for all
        # schools together): when combining, "all" has its own unknown rest of signals
        self.signal_rest = "(signals without a school)" if "all" in scopes and named else None
        self._collect()
        self._buckets()
        self._classes()
        self.names: list[tuple[object, ...]] = []
        self.index: dict[tuple[object, ...], int] = {}
        self.rows: list[tuple[Expr, float, float]] = []
        self._structure()
        self.keys: dict[tuple[str, str, str], tuple[str, Expr]] = {}  # (scope, period, code) -> printed, expr
        self.changed: list[str] = []  # cells printed two different ways
        self._publish()
        if consistency:
            self._consistency()

    # ---- what is in play
    def _collect(self) -> None:
        self.periods: set[str] = set()
        self.month_periods: set[str] = set()  # periods that print monthly rows
        self.cats: dict[str, set[str]] = defaultdict(set)
        self.ref_ends: dict[str, set[str]] = defaultdict(set)  # end -> period ids with status cells
        self.sig_ends: dict[str, set[str]] = defaultdict(set)  # end -> period ids with signal outcome cells
        for e in self.exports:
            for c in e.cells:
                for code in parts_of(c.code):
                    self._collect_one(c.period, code)
        # a report lists only the partner types referred to: the others (if any) as one unknown type
        self.cats["referrals"].add(UNLISTED)
        self.cats["signals"].add(UNLISTED)  # likewise the sources of signals

    def _collect_one(self, period: str, code: str) -> None:
        if not is_count(code):
            return
        self.periods.add(period)
        parts = code.split(".")
        head = parts[0]
        if head in ("sources", "closures", "themes"):
            self.cats[head].add(parts[1])
        elif head == "contacts" and parts[1] not in ("total", "home_visit_families"):
            self.cats["contacts"].add(parts[1])
        elif head == "months":
            self.month_periods.add(period)
        elif head == "referrals" and len(parts) == 3:
            if parts[1] != "total":
                self.cats["referrals"].add(parts[1])
            if parts[2] in STATUS_GROUPS:
                self.ref_ends[parse_period(period)[1].isoformat()].add(period)
        elif head == "activities" and parts[1] != "total":
            self.cats["activities"].add(parts[1])
        elif head == "signals" and len(parts) == 3:
            if parts[1] != "total":
                self.cats["signals"].add(parts[1])
            if parts[2] in SIGNAL_OUTCOMES:
                self.sig_ends[parse_period(period)[1].isoformat()].add(period)

    def _buckets(self) -> None:
        cuts: set[dt.date] = set()
        for pid in self.periods:
            s, e = parse_period(pid)
            cuts.add(s)
            cuts.add(e + dt.timedelta(days=1))
            if pid in self.month_periods:
                day = dt.date(s.year, s.month, 1)
                while day <= e:
                    if day > s:
                        cuts.add(day)
                    day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        if self.focus:
            cuts |= {self.focus[0], self.focus[1] + dt.timedelta(days=1)}
        self.cuts = sorted(cuts)
        self.n = len(self.cuts) - 1  # buckets 0..n-1; OPEN = n

    def _classes(self) -> None:
        """Family atoms (a, b) that no period tells apart (the same "in scope of P" for every period,
        and the same answer to "started in the focus bucket"): themes and children need only their sums."""
        spans = [self.span(pid) for pid in sorted(self.periods)]
        focus = self.bucket_of(self.focus[0]) if self.focus else None
        by_signature: dict[tuple[bool, ...], list[tuple[int, int]]] = defaultdict(list)
        for a, b in self.pairs():
            signature = tuple(a <= hi and b >= lo for lo, hi in spans) + (a == focus,)
            if any(signature[:-1]):
                by_signature[signature].append((a, b))
        self.classes = list(by_signature.values())
        self.class_of = {pair: g for g, members in enumerate(self.classes) for pair in members}
        self.focus_bucket = focus

    def bucket_of(self, day: dt.date) -> int:
        """The bucket holding ``day`` (BEFORE or n for days outside)."""
        if day < self.cuts[0]:
            return BEFORE
        for i in range(self.n):
            if self.cuts[i] <= day < self.cuts[i + 1]:
                return i
        return self.n

    def span(self, pid: str) -> tuple[int, int]:
        """First and last bucket of a period (or of a month interval)."""
        s, e = parse_period(pid)
        return self.cuts.index(s), self.cuts.index(e + dt.timedelta(days=1)) - 1

    def pairs(self) -> Iterable[tuple[int, int]]:
        """(a, b) of the family atoms: a in BEFORE..n-1, b in a..n (n = OPEN), never both BEFORE."""
        for a in range(BEFORE, self.n):
            for b in range(max(a, 0), self.n + 1):
                yield a, b

    # ---- variables and rows
    def var(self, *name: object) -> int:
        i = self.index.get(name)
        if i is None:
            i = self.index[name] = len(self.names)
            self.names.append(name)
        return i

    def row(self, expr: Expr, lo: float, hi: float) -> None:
        self.rows.append((expr, lo, hi))

    @staticmethod
    def add(*exprs: Expr, sign: float = 1.0) -> Expr:
        out: Expr = defaultdict(float)
        for i, ex in enumerate(exprs):
            s = 1.0 if i == 0 else sign
            for v, c in ex.items():
                out[v] += s * c
        return {v: c for v, c in out.items() if c}

    # ---- structure (contract §7)
    def _structure(self) -> None:
        n = self.n
        for s in self.base:
            for a, b in self.pairs():
                self.var(s, "F", a, b)
            # the splits of F (exact reductions of S[src,a,b], O[out,a,b], T[x,a,b], C[a,b]: see above)
            if self.cats["sources"]:
                for a in range(n):
                    self.row(self.add({self.var(s, "S", src, a): 1.0 for src in sorted(self.cats["sources"])},
                                      {self.var(s, "F", a, b): 1.0 for b in range(a, n + 1)}, sign=-1), 0, 0)
            if self.cats["closures"]:
                for b in range(n):
                    self.row(self.add({self.var(s, "O", out, b): 1.0 for out in sorted(self.cats["closures"])},
                                      {self.var(s, "F", a, b): 1.0 for a in range(BEFORE, b + 1)}, sign=-1), 0, 0)
            for g, members in enumerate(self.classes):
                fam = {self.var(s, "F", a, b): 1.0 for a, b in members}
                for x in sorted(self.cats["themes"]):
                    self.row(self.add({self.var(s, "T", x, g): 1.0}, fam, sign=-1), -math.inf, 0)
                self.var(s, "C", g)
            for u in range(n):
                if self.cats["referrals"]:
                    self.row(self.add({self.var(s, "W", u): 1.0},
                                      {self.var(s, "R", t, u): 1.0 for t in sorted(self.cats["referrals"])},
                                      sign=-1), -math.inf, 0)
            # status at each period end: pieces between the starts of the periods ending there
            for end, pids in self.ref_ends.items():
                for t in sorted(self.cats["referrals"]):
                    for lo, hi in self._pieces(end, pids):
                        self.row(self.add({self.var(s, "RS", end, t, lo, g): 1.0 for g in STATUS_GROUPS},
                                          {self.var(s, "R", t, u): 1.0 for u in range(lo, hi + 1)}, sign=-1), 0, 0)
            self._signal_structure(s)
            # per-period unknowns (HV, RF) and month intervals (FM) and their links
            for pid in sorted(self.periods):
                hv = self.var(s, "HV", pid)
                self.row(self.add({hv: 1.0}, self._contacts(s, pid, "home_visit"), sign=-1), -math.inf, 0)
                self.row(self.add({hv: 1.0}, self._active(s, pid), sign=-1), -math.inf, 0)
                rf = self.var(s, "RF", pid)
                self.row(self.add({rf: 1.0}, self._referrals(s, pid), sign=-1), -math.inf, 0)
                self.row(self.add({rf: 1.0}, self._active(s, pid), sign=-1), -math.inf, 0)
            for iid in sorted(self._month_intervals()):
                fm = self.var(s, "FM", iid)
                self.row(self.add({fm: 1.0}, self._contacts(s, iid, None), sign=-1), -math.inf, 0)
                self.row(self.add({fm: 1.0}, self._active(s, iid), sign=-1), -math.inf, 0)
            # monotone in the period (valid; beyond §7)
            for kind, ids in (("HV", self.periods), ("RF", self.periods), ("FM", self._month_intervals())):
                spans = {pid: parse_period(pid) for pid in ids}
                for p1, (s1, e1) in spans.items():
                    for p2, (s2, e2) in spans.items():
                        if p1 != p2 and s2 <= s1 and e1 <= e2:
                            self.row({self.var(s, kind, p1): 1.0, self.var(s, kind, p2): -1.0}, -math.inf, 0)

        if self.signal_rest:
            self._signal_structure(self.signal_rest)

    def _signal_structure(self, s: str) -> None:
        """Signals: their outcome at each period end, over the same kind of pieces as the referrals."""
        for end, pids in self.sig_ends.items():
            for src in sorted(self.cats["signals"]):
                for lo, hi in self._pieces(end, pids):
                    self.row(self.add({self.var(s, "GS", end, src, lo, g): 1.0 for g in SIGNAL_OUTCOMES},
                                      {self.var(s, "G", src, u): 1.0 for u in range(lo, hi + 1)}, sign=-1), 0, 0)

    def _pieces(self, end: str, pids: set[str]) -> list[tuple[int, int]]:
        starts = sorted({self.span(p)[0] for p in pids})
        last = self.span(next(iter(pids)))[1]
        return [(a, (starts[i + 1] - 1) if i + 1 < len(starts) else last) for i, a in enumerate(starts)]

    def _month_intervals(self) -> set[str]:
        out = set()
        for pid in self.month_periods:
            s, e = parse_period(pid)
            day = dt.date(s.year, s.month, 1)
            while day <= e:
                nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
                out.add(f"{max(s, day).isoformat()}..{min(e, nxt - dt.timedelta(days=1)).isoformat()}")
                day = nxt
        return out

    # ---- cells as sums of unknowns (one base scope)
    def _fam(self, s: str, kind: str, pid: str, family_var: str = "F", *extra: object) -> Expr:
        """Families of base scope ``s`` that are ``kind`` (active, new, continuing, closed) in ``pid``,
        counted through ``family_var``: F itself, or its split S (new), O (closed), T or C (active)."""
        lo, hi = self.span(pid)
        n = self.n
        if family_var == "S":  # by the bucket of starting
            return {self.var(s, "S", *extra, a): 1.0 for a in range(lo, hi + 1)}
        if family_var == "O":  # by the bucket of closing
            return {self.var(s, "O", *extra, b): 1.0 for b in range(lo, hi + 1) if b != n}
        out: Expr = {}
        for a, b in self.pairs():
            if kind == "active":
                ok = a <= hi and b >= lo
            elif kind == "new":
                ok = lo <= a <= hi
            elif kind == "continuing":
                ok = a < lo and b >= lo
            elif kind == "closed":
                ok = lo <= b <= hi and b != n
            else:
                raise ValueError(kind)
            if not ok:
                continue
            if family_var == "F":
                out[self.var(s, "F", a, b)] = 1.0
            else:  # T or C: by class (every pair of a class is active in the same periods)
                out[self.var(s, family_var, *extra, self.class_of[(a, b)])] = 1.0
        return out

    def _active(self, s: str, pid: str) -> Expr:
        return self._fam(s, "active", pid)

    def _contacts(self, s: str, pid: str, kind: str | None) -> Expr:
        lo, hi = self.span(pid)
        kinds = [kind] if kind is not None else sorted(self.cats["contacts"])
        if kind is not None and kind not in self.cats["contacts"]:
            self.cats["contacts"].add(kind)
        return {self.var(s, "K", kd, u): 1.0 for kd in kinds for u in range(lo, hi + 1)}

    def _referrals(self, s: str, pid: str, ptype: str | None = None) -> Expr:
        lo, hi = self.span(pid)
        types = [ptype] if ptype else sorted(self.cats["referrals"])
        return {self.var(s, "R", t, u): 1.0 for t in types for u in range(lo, hi + 1)}

    def _status(self, s: str, pid: str, ptype: str | None, group: str) -> Expr:
        end = parse_period(pid)[1].isoformat()
        lo, _hi = self.span(pid)
        types = [ptype] if ptype else sorted(self.cats["referrals"])
        return {self.var(s, "RS", end, t, a, group): 1.0 for t in types
                for a, _b in self._pieces(end, self.ref_ends[end]) if a >= lo}

    def _signals(self, s: str, pid: str, src: str | None, outcome: str | None) -> Expr:
        sources = [src] if src else sorted(self.cats["signals"])
        if outcome is None:
            return self._sum_buckets(s, "G", sources, pid)
        end = parse_period(pid)[1].isoformat()
        lo, _hi = self.span(pid)
        return {self.var(s, "GS", end, x, a, outcome): 1.0 for x in sources
                for a, _b in self._pieces(end, self.sig_ends[end]) if a >= lo}

    def _sum_buckets(self, s: str, name: str, kinds: Iterable[str], pid: str) -> Expr:
        lo, hi = self.span(pid)
        return {self.var(s, name, kd, u): 1.0 for kd in kinds for u in range(lo, hi + 1)}

    def expr(self, s: str, pid: str, code: str) -> Expr | None:
        """The cell ``code`` of period ``pid`` in base scope ``s`` as a sum of unknowns (None: not a count)."""
        if not is_count(code):
            return None
        if code.startswith("sum("):
            found = [self.expr(s, pid, part) for part in parts_of(code)]
            return self.add(*[x for x in found if x is not None])
        p = code.split(".")
        head = p[0]
        if head == "reach":
            if p[1] in ("active", "new", "continuing", "closed"):
                return self._fam(s, p[1], pid)
            if p[1] == "children":
                return self._fam(s, "active", pid, "C")
        elif head == "sources":
            return self._fam(s, "new", pid, "S", p[1])
        elif head == "closures":
            return self._fam(s, "closed", pid, "O", p[1])
        elif head == "themes":
            return self._fam(s, "active", pid, "T", p[1])
        elif head == "contacts":
            if p[1] == "total":
                return self._contacts(s, pid, None)
            if p[1] == "home_visit_families":
                return {self.var(s, "HV", pid): 1.0}
            return self._contacts(s, pid, p[1])
        elif head == "months":
            ps, pe = parse_period(pid)
            m0 = dt.date(int(p[1][:4]), int(p[1][5:7]), 1)
            m1 = dt.date(m0.year + (m0.month == 12), m0.month % 12 + 1, 1) - dt.timedelta(days=1)
            iid = f"{max(ps, m0).isoformat()}..{min(pe, m1).isoformat()}"
            if p[2] == "contacts":
                return self._contacts(s, iid, None)
            if p[2] == "families":
                return {self.var(s, "FM", iid): 1.0}
        elif head == "referrals":
            if code == "referrals.total":
                return self._referrals(s, pid)
            if code == "referrals.warm":
                lo, hi = self.span(pid)
                return {self.var(s, "W", u): 1.0 for u in range(lo, hi + 1)}
            if code == "referrals.families":
                return {self.var(s, "RF", pid): 1.0}
            ptype = None if p[1] == "total" else p[1]
            if p[2] == "total":
                return self._referrals(s, pid, ptype)
            if p[2] in STATUS_GROUPS:
                return self._status(s, pid, ptype, p[2])
        elif head == "signals":
            if code == "signals.total":
                return self._signals(s, pid, None, None)
            src = None if p[1] == "total" else p[1]
            if p[2] == "total":
                return self._signals(s, pid, src, None)
            if p[2] in SIGNAL_OUTCOMES:
                return self._signals(s, pid, src, p[2])
        elif head == "activities":
            kinds = sorted(self.cats["activities"]) if p[1] == "total" else [p[1]]
            if p[2] == "count":
                return self._sum_buckets(s, "A", kinds, pid)
            if p[2] == "parents":
                return self._sum_buckets(s, "PA", kinds, pid)
        raise ValueError(f"unknown cell code {code!r}")

    def scope_expr(self, scope: str, pid: str, code: str) -> Expr | None:
        """A cell of a report's scope: "all" is the sum over the base scopes when combining."""
        if scope == "all" and len(self.base) > 1:
            rest = [self.signal_rest] if self.signal_rest and code.startswith("signals.") else []
            parts = [self.expr(s, pid, code) for s in [*self.base, *rest]]
            if parts[0] is None:
                return None
            return self.add(*[x for x in parts if x is not None])
        return self.expr(scope, pid, code)

    # ---- what was printed
    def _publish(self) -> None:
        bounds: dict[tuple[str, str, str], tuple[float, float]] = {}
        for e in self.exports:
            for c in e.cells:
                key = (e.scope, c.period, c.code)
                ex = self.scope_expr(e.scope, c.period, c.code)
                if ex is None:
                    continue
                if key in self.keys and self.keys[key][0] != c.value:
                    known, new = printed_values(self.keys[key][0]), printed_values(c.value)
                    if known is not None and new is not None and not known & new:
                        self.changed.append(f"{key}: {self.keys[key][0]} then {c.value}")
                if key not in self.keys or self.keys[key][0] in (HIDDEN, WITHHELD) or c.value.startswith("<"):
                    self.keys[key] = (c.value, ex)
                bound = bound_of(c.value, e.k, e.d)
                if bound is None:
                    continue
                lo, hi = bounds.get(key, (-math.inf, math.inf))
                bounds[key] = (max(lo, bound[0]), min(hi, bound[1]))
        for key, (lo, hi) in bounds.items():
            self.row(self.keys[key][1], lo, hi)
        self.k = max(e.k for e in self.exports)

    def _consistency(self) -> None:
        """Nested record sets printed differently: the larger one holds at least one more record (for a
        sum of parents attending: one more activity)."""
        by_code: dict[tuple[str, str], list[tuple[str, str, Expr]]] = defaultdict(list)
        for (scope, pid, code), (value, ex) in self.keys.items():
            if printed_values(value) is not None:
                by_code[(scope, code)].append((pid, value, ex))
        self.consistency_rows = 0
        for (_scope, code), cells in by_code.items():
            for p1, v1, x1 in cells:
                for p2, v2, x2 in cells:
                    if p1 == p2 or printed_values(v1) & printed_values(v2):  # type: ignore[operator]
                        continue
                    s1, e1 = parse_period(p1)
                    s2, e2 = parse_period(p2)
                    if not (s2 <= s1 and e1 <= e2):
                        continue
                    if code.endswith(".parents"):
                        # a magnitude's records are the activities it sums (one may have 0 parents)
                        x1 = self.keys.get((_scope, p1, code[:-len("parents")] + "count"), ("", None))[1] or \
                            self.scope_expr(_scope, p1, code[:-len("parents")] + "count") or {}
                        x2 = self.keys.get((_scope, p2, code[:-len("parents")] + "count"), ("", None))[1] or \
                            self.scope_expr(_scope, p2, code[:-len("parents")] + "count") or {}
                    diff = self.add(x2, x1, sign=-1)
                    if any(c < 0 for c in diff.values()):
                        # per-period unknowns (HV, RF, FM) nest by their periods
                        single = code.endswith(("home_visit_families", "referrals.families", ".families"))
                        if not (single and len(x1) == 1 and len(x2) == 1):
                            continue
                    if not diff:
                        continue
                    self.row(diff, 1, math.inf)
                    self.consistency_rows += 1

    # ---- solving
    def _matrix(self, extra: Sequence[tuple[Expr, float, float]] = ()) -> tuple[csr_array, np.ndarray, np.ndarray]:
        rows = list(self.rows) + list(extra)
        data, ri, ci = [], [], []
        lo = np.empty(len(rows))
        hi = np.empty(len(rows))
        for r, (ex, a, b) in enumerate(rows):
            for v, c in ex.items():
                data.append(c)
                ri.append(r)
                ci.append(v)
            lo[r], hi[r] = a, b
        return csr_array((data, (ri, ci)), shape=(len(rows), len(self.names))), lo, hi

    def solver(self, extra: Sequence[tuple[Expr, float, float]] = (), backend: str = "highspy") -> _Solver:
        return _Solver(*self._matrix(extra), len(self.names), backend)

    def ranges(self, *, integer: bool = True, extra: Sequence[tuple[Expr, float, float]] = (),
               backend: str = "highspy") -> list[Range]:
        """For every cell printed ``<k``: the smallest and largest true value it can have."""
        solver = self.solver(extra, backend)
        out = []
        for (scope, pid, code), (value, ex) in sorted(self.keys.items()):
            if not value.startswith("<"):
                continue
            lo, lo_int = solver.optimum(ex, +1, integer)
            hi, hi_int = solver.optimum(ex, -1, integer)
            out.append(Range(scope, pid, code, value, lo, hi, lo_int or hi_int))
        return out

    def range_of(self, ex: Expr, *, integer: bool = True,
                 extra: Sequence[tuple[Expr, float, float]] = ()) -> tuple[float, float]:
        solver = self.solver(extra)
        return solver.optimum(ex, +1, integer)[0], solver.optimum(ex, -1, integer)[0]

    def feasible(self, extra: Sequence[tuple[Expr, float, float]] = ()) -> bool:
        return self.solver(extra).feasible()

    def violations(self, *, integer: bool = True) -> list[Range]:
        """The ``<k`` cells narrowed below k-1 possible values (the contract's failure).

        Same answer as checking :meth:`ranges`, faster: every integer solution the solver meets is a
        set of true values consistent with all the reports (a *witness*); a cell whose values over the
        witnesses already span k-1 integers cannot be narrowed below that, so only the others are
        minimised and maximised."""
        solver = self.solver()
        targets = [(key, value, ex) for key, (value, ex) in sorted(self.keys.items()) if value.startswith("<")]
        if not targets:
            return []
        everything = self.add(*[ex for _key, _value, ex in targets])
        solver.lp(everything, +1)
        solver.lp(everything, -1)
        out = []
        for (scope, pid, code), value, ex in targets:
            need = int(value[1:]) - 1
            if solver.witnessed(ex) >= need:
                continue
            hi, hi_integral = solver.lp(ex, -1)
            if solver.witnessed(ex) >= need:
                continue
            lo, lo_integral = solver.lp(ex, +1)
            r = Range(scope, pid, code, value, lo, hi, False)
            if r.values >= need and integer and not (hi_integral and lo_integral):
                # the LP leaves enough values; the integer program may leave fewer
                hi = hi if hi_integral else solver.ip(ex, -1, hi)[0]
                lo = lo if lo_integral else solver.ip(ex, +1, lo)[0]
                r = Range(scope, pid, code, value, lo, hi, True)
            if r.values < need:
                out.append(r)
        return out

    # ---- the one-family oracle
    def one_new_family(self, scope: str, first: dt.date, last: dt.date) -> dict[str, tuple[float, float]]:
        """What is certain about the only family that started between ``first`` and ``last``.

        The reader knows that exactly one family of ``scope`` started in those days (which must be
        one bucket: a month with one new family). Returns, per attribute, the range of that family's
        value: ``sources.{src}`` and ``themes.{x}`` in [0, 1], ``children`` its number of children,
        ``has_children`` in [0, 1]. An attribute is certain when its range is one value.
        Attributes a printed 0 states for the whole group are left out (not protected, §0)."""
        if self.focus != (first, last):  # the family's days as a bucket of their own
            return Model(self.exports, partition=self.partition, consistency=self.consistency,
                         schools=self.schools, focus=(first, last)).one_new_family(scope, first, last)
        a = self.bucket_of(first)
        if a != self.bucket_of(last) or a in (BEFORE, self.n):
            raise ValueError(f"{first}..{last} is not one bucket of this model")
        base = [scope] if scope != "all" or len(self.base) == 1 else self.base
        focus = [g for g, members in enumerate(self.classes) if members[0][0] == a]
        fam = {self.var(s, "F", a, b): 1.0 for s in base for b in range(a, self.n + 1)}
        know = [(fam, 1.0, 1.0)]
        out: dict[str, tuple[float, float]] = {}
        solver = self.solver(know)
        if not solver.feasible():
            raise AssertionError("the reader's knowledge contradicts the reports (model error)")
        zero = self._printed_zero_codes(scope, a)
        for src in sorted(self.cats["sources"]):
            if f"sources.{src}" not in zero:
                ex = {self.var(s, "S", src, a): 1.0 for s in base}
                out[f"sources.{src}"] = (solver.optimum(ex, 1, True)[0], solver.optimum(ex, -1, True)[0])
        for x in sorted(self.cats["themes"]):
            if f"themes.{x}" not in zero:
                ex = {self.var(s, "T", x, g): 1.0 for s in base for g in focus}
                out[f"themes.{x}"] = (solver.optimum(ex, 1, True)[0], solver.optimum(ex, -1, True)[0])
        if "reach.children" not in zero:
            ex = {self.var(s, "C", g): 1.0 for s in base for g in focus}
            lo, hi = solver.optimum(ex, 1, True)[0], solver.optimum(ex, -1, True)[0]
            out["children"] = (lo, hi)
            out["has_children"] = (min(lo, 1.0), min(hi, 1.0))
        return out

    def _printed_zero_codes(self, scope: str, a: int) -> set[str]:
        """Codes printed 0 for a period that holds bucket ``a`` (group facts, not protected)."""
        out = set()
        for (sc, pid, code), (value, _ex) in self.keys.items():
            if sc == scope and value == "0":
                lo, hi = self.span(pid)
                if lo <= a <= hi:
                    out.add(code)
        return out


def _snap(value: float) -> float:
    """An optimum within rounding of an integer is that integer."""
    return float(round(value)) if abs(value - round(value)) < TOL else value


class _Solver:
    """min/max of linear expressions over the model's polytope.

    HiGHS through ``highspy``: the model is passed once and each objective re-solved from the last
    basis (many targets over one polytope); where an optimal point is fractional the same model with
    integer columns (HiGHS's MIP) decides. ``backend="scipy"`` does the same with
    :func:`scipy.optimize.linprog` and :func:`scipy.optimize.milp` (HiGHS too, without warm starts:
    slower; the tests check that both agree)."""

    def __init__(self, a: csr_array, lo: np.ndarray, hi: np.ndarray, n: int, backend: str = "highspy") -> None:
        self.n = n
        self.a = a
        self.lo, self.hi = lo, hi
        self.backend = backend
        self._last: list[int] = []
        self._mip: object | None = None
        self.points: list[np.ndarray] = []  # integer solutions met so far (witnesses)
        if backend == "highspy":
            self.h = self._highs(integer=False)

    def _highs(self, integer: bool) -> object:
        import highspy

        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        inf = highspy.kHighsInf
        lp = highspy.HighsLp()
        lp.num_col_ = self.n
        lp.num_row_ = self.a.shape[0]
        lp.col_cost_ = np.zeros(self.n)
        lp.col_lower_ = np.zeros(self.n)
        lp.col_upper_ = np.full(self.n, inf)
        lp.row_lower_ = np.where(np.isfinite(self.lo), self.lo, -inf)
        lp.row_upper_ = np.where(np.isfinite(self.hi), self.hi, inf)
        csc = self.a.tocsc()
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = csc.indptr
        lp.a_matrix_.index_ = csc.indices
        lp.a_matrix_.value_ = csc.data
        lp.a_matrix_.num_col_ = self.n
        lp.a_matrix_.num_row_ = self.a.shape[0]
        if integer:
            lp.integrality_ = [highspy.HighsVarType.kInteger] * self.n
        h.passModel(lp)
        if integer:
            h.setOptionValue("time_limit", 30.0)
        else:  # keep the basis between objectives (presolve would start afresh every time)
            h.setOptionValue("presolve", "off")
            h.setOptionValue("solver", "simplex")
        return h

    def _solve(self, h: object, ex: Expr, sense: int, reset: list[int]) -> tuple[str, float, np.ndarray | None]:
        import highspy

        idx = sorted(set(reset) | set(ex))
        h.changeColsCost(len(idx), np.array(idx, dtype=np.int32),  # type: ignore[attr-defined]
                         np.array([sense * ex.get(i, 0.0) for i in idx]))
        h.run()  # type: ignore[attr-defined]
        status = h.getModelStatus()  # type: ignore[attr-defined]
        if status == highspy.HighsModelStatus.kOptimal:
            x = np.asarray(h.getSolution().col_value)  # type: ignore[attr-defined]
            return "optimal", _snap(sense * h.getInfo().objective_function_value), x  # type: ignore[attr-defined]
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return "unbounded", math.nan, None
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", math.nan, None
        return str(status), math.nan, None

    def feasible(self) -> bool:
        if self.backend == "highspy":
            return self._solve(self.h, {}, 1, [])[0] != "infeasible"
        from scipy.sparse import vstack

        eq = self.lo == self.hi
        res = linprog(np.zeros(self.n), A_ub=vstack([self.a[np.isfinite(self.hi) & ~eq], -self.a[np.isfinite(self.lo)
                      & ~eq]]), b_ub=np.concatenate([self.hi[np.isfinite(self.hi) & ~eq],
                      -self.lo[np.isfinite(self.lo) & ~eq]]), A_eq=self.a[eq], b_eq=self.lo[eq], bounds=(0, None),
                      method="highs")
        return bool(res.status == 0)

    def optimum(self, ex: Expr, sense: int, integer: bool) -> tuple[float, bool]:
        """Min (sense 1) or max (sense -1) of ``ex``; True when the integer program decided it."""
        if self.backend == "scipy":
            return self._optimum_scipy(ex, sense, integer)
        value, integral = self.lp(ex, sense)
        if integral or not integer:
            return value, False
        return self.ip(ex, sense, value)

    def lp(self, ex: Expr, sense: int) -> tuple[float, bool]:
        """The LP optimum, and whether the optimal point found is integral (then it is the IP's too)."""
        status, value, x = self._solve(self.h, ex, sense, self._last)
        self._last = list(ex)
        if status == "unbounded":
            return (math.inf if sense < 0 else -math.inf), True
        if status != "optimal" or x is None:
            raise AssertionError(f"the attacker's LP failed: {status} (the reports contradict the model)")
        if np.all(np.abs(x - np.round(x)) < TOL):
            self.points.append(np.round(x))
            return value, True
        return value, False

    def ip(self, ex: Expr, sense: int, value: float) -> tuple[float, bool]:
        """The integer program's optimum (``value``: the LP's, returned if the IP gives no answer)."""
        if self._mip is None:
            self._mip = self._highs(integer=True)
            self._mip_last: list[int] = []
        status, ivalue, ix = self._solve(self._mip, ex, sense, self._mip_last)
        self._mip_last = list(ex)
        if status != "optimal" or ix is None:
            return value, False  # the LP bound (the integer range is at most this wide)
        self.points.append(np.round(ix))
        return ivalue, True

    def witnessed(self, ex: Expr) -> int:
        """How many integers lie between the smallest and largest value of ``ex`` over the witnesses."""
        if not self.points:
            return 0
        idx = np.array(list(ex), dtype=np.int64)
        coef = np.array(list(ex.values()))
        values = np.array([p[idx] @ coef for p in self.points])
        return int(round(values.max() - values.min())) + 1

    def _optimum_scipy(self, ex: Expr, sense: int, integer: bool) -> tuple[float, bool]:
        from scipy.sparse import vstack

        c = np.zeros(self.n)
        for v, coef in ex.items():
            c[v] = sense * coef
        eq = self.lo == self.hi
        up, down = np.isfinite(self.hi) & ~eq, np.isfinite(self.lo) & ~eq
        res = linprog(c, A_ub=vstack([self.a[up], -self.a[down]]), b_ub=np.concatenate([self.hi[up], -self.lo[down]]),
                      A_eq=self.a[eq], b_eq=self.lo[eq], bounds=(0, None), method="highs")
        if res.status == 3:
            return (math.inf if sense < 0 else -math.inf), False
        if res.status != 0:
            raise AssertionError(f"the attacker's LP failed: {res.message} (the reports contradict the model)")
        value = _snap(sense * res.fun)
        if not integer or np.all(np.abs(res.x - np.round(res.x)) < TOL):
            return value, False
        mres = milp(c, constraints=LinearConstraint(self.a, self.lo, self.hi), integrality=np.ones(self.n),
                    bounds=Bounds(0, np.inf), options={"time_limit": 30})
        if mres.status != 0 or mres.x is None:
            return value, False
        return _snap(sense * mres.fun), True
