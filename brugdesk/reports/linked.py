"""The report checked as one linked system, the way an attacker would: a linear program over every
number that has left the laptop (no Qt).

What the reader has: every printed number of every report the officer exported (this one and the
earlier ones in the ledger), each within :data:`~brugdesk.reports.perturb.D` of the truth; ``<k``
meaning 1 to k-1 before that change; 0 meaning none. What the reader knows: how the numbers hang
together. Both are written below as one linear model over *atoms* -- the smallest groups of records
the reports can tell apart -- and :func:`check` asks, for every number printed as ``<k``, how small
and how large its true value can be given everything else. Where that range holds fewer than k-1
values, the number is too precise, and :func:`protect` withholds (prints ``—``) one of the new
export's numbers that pins it, until nothing is too precise.

The atoms (per school scope; time is cut into *buckets* at every period start, period end + 1 and
month start of the periods involved):

* ``F[a,c]`` families that started in bucket ``a`` (or before every bucket) and closed in bucket
  ``c`` (or not, before the end); split by signal source ``S[x,a,c]`` and by closure outcome
  ``O[x,a,c]`` (each split sums to ``F``); ``T[x,a,c] <= F[a,c]`` of them have theme ``x``;
  ``C[a,c]`` children, ``CC[a,c] <= C[a,c]`` of them at a school with a known pupil count;
* ``K[x,u]`` contacts of kind ``x`` in bucket ``u``; ``FM`` families with a contact in a month;
  ``HV`` families with a home visit in a period; ``R[x,u]`` referrals to partner type ``x`` made in
  bucket ``u``, split by their status group at the end of each period ``RS``; ``W[u]`` warm handovers;
  ``RF`` families referred in a period; ``A[x,u]`` activities and ``PA[x,u]`` parents attending.

Every printed count is a sum of atoms (``reach.active`` of a period: the families that started
before its end and did not close before its start; ``sources.x``: those of them that started inside
it with source ``x``; …). Codes that no report prints are covered by a catch-all category, so the
model never assumes more than the reports say. The families with a contact in a month are at most
the families in the caseload that month (the family atoms tell every printed month apart), and the
cell key method's own tell is in the model too: the same records print the same number, so a number
printed differently over nested periods counts at least one record more (:func:`_consistency`).

The solver is GLPK (``swiglpk``): small, no NumPy. Each bound is found with the simplex method;
where the optimum is not a whole number, GLPK's branch-and-bound gives the integer bound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import swiglpk as glpk

__all__ = ["Contradiction", "Published", "Violation", "check", "protect"]

_OTHER = "\x00other"  # the catch-all category: codes no included report prints
_BEFORE = -1  # bucket "before the first boundary"
_OPEN = 10**6  # close bucket "not closed before the last boundary"

_STATUS_GROUPS = ("proposed", "referred", "accepted", "completed", "ended")
_TERMINAL = ("completed", "ended")


@dataclass(frozen=True)
class Published:
    """The printed counts of one period in one export (one scope)."""

    start: dt.date
    end: dt.date
    k: int
    d: int
    cells: dict[str, str]  # code -> printed text
    new: bool = False  # part of the export being checked (only these can still be withheld)
    label: str = ""

    pid: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pid", f"{self.start.isoformat()}..{self.end.isoformat()}")


@dataclass(frozen=True)
class Violation:
    pid: str
    code: str
    low: int
    high: int
    #: the new export's cells (pid, code) whose printed bounds pin this range
    binding: tuple[tuple[str, str], ...] = field(default=())


def _bounds(text: str, k: int, d: int) -> tuple[float, float] | None:
    """What a printed count says about its true value, or None when it says nothing."""
    if text == "0":
        return (0.0, 0.0)
    if text.startswith("<"):
        return (1.0, float(k - 1 + d))
    if text.isdigit():
        p = int(text)
        return (float(max(1, p - d)), float(p + d))
    return None


class _Model:
    def __init__(self, publisheds: Sequence[Published]) -> None:
        self.pubs = list(publisheds)
        bounds: set[dt.date] = set()
        for p in self.pubs:
            bounds.add(p.start)
            bounds.add(p.end + dt.timedelta(days=1))
            day = dt.date(p.start.year, p.start.month, 1)
            while day <= p.end:
                if day > p.start:
                    bounds.add(day)
                day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        self.edges = sorted(bounds)  # bucket u = [edges[u], edges[u+1])
        self.n = len(self.edges) - 1
        self.index = {day: i for i, day in enumerate(self.edges)}
        self.cols: dict[tuple[object, ...], int] = {}
        self.rows: list[tuple[dict[int, float], float | None, float | None, tuple[str, str] | None, bool]] = []
        #: rows that depend on a second number of the new export besides their own cell (1-based)
        self.owners: dict[int, list[tuple[str, str]]] = {}
        self._codes = self._categories()
        self._pairs: list[tuple[int, int]] | None = None
        #: the spans (in buckets) of every printed "families with a contact in month m": the family
        #: atoms tell apart who was active in each of them
        self.month_spans = sorted({span for p in self.pubs for code in p.cells
                                   if (span := self.month_span(p, code)) is not None})

    # --- helpers
    def span(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        return self.index[start], self.index[end + dt.timedelta(days=1)]

    def month_span(self, p: Published, code: str) -> tuple[int, int] | None:
        """The buckets of month ``m`` inside ``p`` for a code ``months.m.*``."""
        parts = code.split(".")
        if parts[0] != "months" or len(parts) != 3:
            return None
        month = dt.date(int(parts[1][:4]), int(parts[1][5:7]), 1)
        first = max(month, p.start)
        last = min(dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1) - dt.timedelta(days=1), p.end)
        if first > last:
            return None
        return self.span(first, last)

    def col(self, *key: object) -> int:
        j = self.cols.get(key)
        if j is None:
            j = len(self.cols) + 1
            self.cols[key] = j
        return j

    def row(self, coefs: dict[int, float], lo: float | None, hi: float | None,
            cell: tuple[str, str] | None = None, new: bool = False) -> None:
        self.rows.append((coefs, lo, hi, cell, new))

    def _categories(self) -> dict[str, list[str]]:
        found: dict[str, set[str]] = {name: set() for name in
                                      ("sources", "closures", "themes", "contacts", "partners", "activities")}
        for p in self.pubs:
            for code in p.cells:
                parts = code.split(".")
                head = parts[0]
                if head in ("sources", "closures", "themes") and len(parts) == 2:
                    found[head].add(parts[1])
                elif head == "contacts" and len(parts) == 2 and parts[1] not in ("total", "home_visit_families"):
                    found["contacts"].add(parts[1])
                elif head == "referrals" and len(parts) == 3 and parts[1] != "total":
                    found["partners"].add(parts[1])
                elif head == "activities" and len(parts) == 3 and parts[1] != "total":
                    found["activities"].add(parts[1])
        out = {name: sorted(codes) for name, codes in found.items()}
        for name in ("sources", "closures", "contacts", "partners", "activities"):
            out[name].append(_OTHER)
        return out

    # --- family atoms
    def pairs(self) -> list[tuple[int, int]]:
        """One (start, close) pair per group of families that no printed number tells apart.

        Every family count is a sum over (start bucket, close bucket) pairs that meet a condition on
        a published period (in scope, new, continuing, closed); pairs that meet the same conditions
        for every period enter exactly the same sums, so one variable stands for all of them."""
        if self._pairs is None:
            spans = {self.span(p.start, p.end) for p in self.pubs} | set(self.month_spans)
            starts = [_BEFORE, *range(self.n)]
            groups: dict[tuple[object, ...], tuple[int, int]] = {}
            for a in starts:
                for c in [*range(max(a, 0), self.n), _OPEN]:
                    sig = (a == _BEFORE, c == _OPEN, *(self._predicates(a, c, s, e) for s, e in sorted(spans)))
                    groups.setdefault(sig, (a, c))
            self._pairs = list(groups.values())
        return self._pairs

    @staticmethod
    def _predicates(a: int, c: int, s: int, e: int) -> tuple[bool, bool, bool, bool]:
        return (a < e and c >= s, s <= a < e, a < s <= c, a < e and s <= c < e)

    def families(self, s: int, e: int, what: str) -> list[tuple[int, int]]:
        """The (start, close) groups of families that are ``what`` (active, new, continuing, closed)
        in the period of buckets ``s..e-1``."""
        which = ("active", "new", "continuing", "closed").index(what)
        return [(a, c) for a, c in self.pairs() if self._predicates(a, c, s, e)[which]]

    def structure(self) -> None:
        """The identities between atoms that hold whatever was printed."""
        for a, c in self.pairs():
            f = self.col("F", a, c)
            if a != _BEFORE:
                self.row({f: -1.0, **{self.col("S", x, a, c): 1.0 for x in self._codes["sources"]}}, 0.0, 0.0)
            if c != _OPEN:
                self.row({f: -1.0, **{self.col("O", x, a, c): 1.0 for x in self._codes["closures"]}}, 0.0, 0.0)
            for x in self._codes["themes"]:
                self.row({self.col("T", x, a, c): 1.0, f: -1.0}, None, 0.0)
            self.row({self.col("CC", a, c): 1.0, self.col("C", a, c): -1.0}, None, 0.0)
        # referrals by their status at a period's end: one split per published period, summing to the
        # referrals made in it; a period inside another with the same end has no more of any status,
        # and one inside another that ends later has no more that ended (completed, declined/stopped)
        spans = sorted({self.span(p.start, p.end) for p in self.pubs})
        for x in self._codes["partners"]:
            for s, e in spans:
                self.row({**{self.col("R", x, u): -1.0 for u in range(s, e)},
                          **{self.col("RS", x, g, s, e): 1.0 for g in _STATUS_GROUPS}}, 0.0, 0.0)
            for s1, e1 in spans:
                for s2, e2 in spans:
                    if (s1, e1) == (s2, e2) or not (s2 <= s1 and e1 <= e2):
                        continue
                    for g in (_STATUS_GROUPS if e1 == e2 else _TERMINAL):
                        self.row({self.col("RS", x, g, s2, e2): 1.0, self.col("RS", x, g, s1, e1): -1.0}, 0.0, None)
        for u in range(self.n):
            self.row({self.col("W", u): 1.0, **{self.col("R", x, u): -1.0 for x in self._codes["partners"]}},
                     None, 0.0)

    # --- a printed code as a sum of atoms
    def form(self, p: Published, code: str) -> dict[int, float] | None:
        s, e = self.span(p.start, p.end)
        parts = code.split(".")
        head = parts[0]
        fam = self.families

        def atoms(name: str, pairs: Iterable[tuple[int, int]], *extra: object) -> dict[int, float]:
            return {self.col(name, *extra, a, c): 1.0 for a, c in pairs}

        def buckets(name: str, x: object, lo: int = s, hi: int = e) -> dict[int, float]:
            return {self.col(name, x, u): 1.0 for u in range(lo, hi)}

        if head == "reach":
            what = parts[1]
            if what in ("active", "new", "continuing", "closed"):
                return atoms("F", fam(s, e, what))
            if what == "children":
                return atoms("C", fam(s, e, "active"))
            if what == "children_counted":
                return atoms("CC", fam(s, e, "active"))
            return None
        if head == "sources" and len(parts) == 2:
            return atoms("S", fam(s, e, "new"), parts[1])
        if head == "closures" and len(parts) == 2:
            return atoms("O", fam(s, e, "closed"), parts[1])
        if head == "themes" and len(parts) == 2:
            return atoms("T", fam(s, e, "active"), parts[1])
        if head == "contacts" and len(parts) == 2:
            if parts[1] == "total":
                out: dict[int, float] = {}
                for x in self._codes["contacts"]:
                    out.update(buckets("K", x))
                return out
            if parts[1] == "home_visit_families":
                return {self.col("HV", s, e): 1.0}
            return buckets("K", parts[1])
        if head == "months" and len(parts) == 3:
            month_span = self.month_span(p, code)
            if month_span is None:
                return None
            ms, me = month_span
            if parts[2] == "families":
                return {self.col("FM", ms, me): 1.0}
            out = {}
            for x in self._codes["contacts"]:
                out.update(buckets("K", x, ms, me))
            return out
        if head == "referrals":
            if parts[1:] == ["total"]:
                out = {}
                for x in self._codes["partners"]:
                    out.update(buckets("R", x))
                return out
            if parts[1:] == ["warm"]:
                return {self.col("W", u): 1.0 for u in range(s, e)}
            if parts[1:] == ["families"]:
                return {self.col("RF", s, e): 1.0}
            if len(parts) == 3:
                types = self._codes["partners"] if parts[1] == "total" else [parts[1]]
                out = {}
                for x in types:
                    if parts[2] == "total":
                        out.update(buckets("R", x))
                    else:
                        out[self.col("RS", x, parts[2], s, e)] = 1.0
                return out
            return None
        if head == "activities" and len(parts) == 3:
            kinds = self._codes["activities"] if parts[1] == "total" else [parts[1]]
            name = "A" if parts[2] == "count" else "PA" if parts[2] == "parents" else None
            if name is None:
                return None
            out = {}
            for x in kinds:
                out.update(buckets(name, x))
            return out
        return None

    def relations(self) -> None:
        """Inequalities between the per-period unknowns (families per month, home visits, referred)."""
        spans: dict[str, set[tuple[int, int]]] = {"HV": set(), "RF": set(), "FM": set()}
        for key in self.cols:
            if key[0] in spans:
                spans[str(key[0])].add((int(key[1]), int(key[2])))  # type: ignore[call-overload]
        for (s, e) in spans["HV"]:
            hv = self.col("HV", s, e)
            self.row({hv: 1.0, **{self.col("K", "home_visit", u): -1.0 for u in range(s, e)}}, None, 0.0)
            self.row({hv: 1.0, **{self.col("F", a, c): -1.0 for a, c in self.families(s, e, "active")}}, None, 0.0)
        for (s, e) in spans["RF"]:
            rf = self.col("RF", s, e)
            self.row({rf: 1.0, **{self.col("R", x, u): -1.0 for x in self._codes["partners"] for u in range(s, e)}},
                     None, 0.0)
            self.row({rf: 1.0, **{self.col("F", a, c): -1.0 for a, c in self.families(s, e, "active")}}, None, 0.0)
        for (s, e) in spans["FM"]:
            fm = self.col("FM", s, e)
            self.row({fm: 1.0, **{self.col("K", x, u): -1.0 for x in self._codes["contacts"] for u in range(s, e)}},
                     None, 0.0)
            # no more families than were active in that month (the family atoms tell the months apart)
            self.row({fm: 1.0, **{self.col("F", a, c): -1.0 for a, c in self.families(s, e, "active")}}, None, 0.0)
        for name in ("HV", "RF", "FM"):  # families with X in a period include those of every part of it
            items = sorted(spans[name])
            for s1, e1 in items:
                for s2, e2 in items:
                    if (s1, e1) != (s2, e2) and s2 <= s1 and e1 <= e2:
                        self.row({self.col(name, s1, e1): 1.0, self.col(name, s2, e2): -1.0}, None, 0.0)


def _forced_zero(rows: Sequence[tuple[dict[int, float], float | None, float | None, object, bool]]) -> set[int]:
    """The columns a printed 0 (or a sum of nonnegative atoms bounded by 0) forces to zero."""
    zero: set[int] = set()
    changed = True
    while changed:
        changed = False
        for coefs, _lo, hi, _cell, _new in rows:
            if hi == 0 and all(c > 0 for j, c in coefs.items() if j not in zero):
                fresh = [j for j in coefs if j not in zero]
                if fresh:
                    zero.update(fresh)
                    changed = True
    return zero


class _Solver:
    """GLPK over the model's rows; every column is a nonnegative integer. Columns that the printed
    zeros force to 0 are left out of the program (often two in five), rows left empty with them."""

    def __init__(self, model: _Model) -> None:
        self.model = model
        lp = glpk.glp_create_prob()
        self.lp = lp
        zero = _forced_zero(model.rows)
        self.colmap = {j: n for n, j in enumerate(sorted(set(range(1, len(model.cols) + 1)) - zero), start=1)}
        ncols = len(self.colmap)
        self.contradiction = False
        glpk.glp_add_cols(lp, max(ncols, 1))
        for j in range(1, max(ncols, 1) + 1):
            glpk.glp_set_col_bnds(lp, j, glpk.GLP_LO, 0.0, 0.0)
            glpk.glp_set_col_kind(lp, j, glpk.GLP_IV)
        self.rowmap: dict[int, int] = {}
        kept: list[tuple[dict[int, float], float | None, float | None]] = []
        for i, (coefs, lo, hi, _cell, _new) in enumerate(model.rows, start=1):
            mapped = {self.colmap[j]: c for j, c in coefs.items() if j in self.colmap}
            if not mapped:  # every atom of it is 0: it holds when its bounds allow 0
                if (lo is not None and lo > 0) or (hi is not None and hi < 0):
                    self.contradiction = True
                continue
            kept.append((mapped, lo, hi))
            self.rowmap[i] = len(kept)
        self.back = {n: i for i, n in self.rowmap.items()}
        glpk.glp_add_rows(lp, max(len(kept), 1))
        entries = [(i, j, v) for i, (coefs, _lo, _hi) in enumerate(kept, start=1) for j, v in coefs.items()]
        size = len(entries) + 1
        ia, ja, ar = glpk.intArray(size), glpk.intArray(size), glpk.doubleArray(size)
        for n, (i, j, v) in enumerate(entries, start=1):
            ia[n], ja[n], ar[n] = i, j, v
        glpk.glp_load_matrix(lp, len(entries), ia, ja, ar)
        for i, (_coefs, lo, hi) in enumerate(kept, start=1):
            if lo is not None and hi is not None:
                kind = glpk.GLP_FX if lo == hi else glpk.GLP_DB
            elif lo is not None:
                kind = glpk.GLP_LO
            elif hi is not None:
                kind = glpk.GLP_UP
            else:
                kind = glpk.GLP_FR
            glpk.glp_set_row_bnds(lp, i, kind, lo or 0.0, hi or 0.0)
        self.smcp = glpk.glp_smcp()
        glpk.glp_init_smcp(self.smcp)
        self.smcp.msg_lev = glpk.GLP_MSG_OFF
        self.iocp = glpk.glp_iocp()
        glpk.glp_init_iocp(self.iocp)
        self.iocp.msg_lev = glpk.GLP_MSG_OFF
        self.iocp.presolve = glpk.GLP_ON
        self.ncols = ncols
        self._objective: dict[int, float] = {}
        self.watch: list[int] = []  # the model's columns whose values :meth:`values` reads
        self.cell_rows = [self.rowmap[i] for i, row in enumerate(model.rows, start=1)
                          if row[3] is not None and row[4] and i in self.rowmap]

    def free_row(self, model_row: int) -> None:
        """The row of a withheld number constrains nothing any more."""
        if model_row in self.rowmap:
            glpk.glp_set_row_bnds(self.lp, self.rowmap[model_row], glpk.GLP_FR, 0.0, 0.0)

    def _set_objective(self, coefs: dict[int, float]) -> None:
        for j in self._objective:
            if j not in coefs:
                glpk.glp_set_obj_coef(self.lp, j, 0.0)
        for j, v in coefs.items():
            glpk.glp_set_obj_coef(self.lp, j, v)
        self._objective = dict(coefs)

    def close(self) -> None:
        glpk.glp_delete_prob(self.lp)

    def feasible(self) -> bool:
        if self.contradiction:
            return False
        self._set_objective({})
        return self._simplex()

    def _simplex(self) -> bool:
        ret = glpk.glp_simplex(self.lp, self.smcp)
        if ret != 0:  # a failed warm start: try once from scratch
            glpk.glp_adv_basis(self.lp, 0)
            ret = glpk.glp_simplex(self.lp, self.smcp)
        return bool(ret == 0 and glpk.glp_get_status(self.lp) == glpk.GLP_OPT)

    def values(self, mip: bool = False) -> dict[int, float]:
        """The solution's values of the columns that matter (:attr:`watch`, the model's numbering)."""
        get = glpk.glp_mip_col_val if mip else glpk.glp_get_col_prim
        return {j: (get(self.lp, self.colmap[j]) if j in self.colmap else 0.0) for j in self.watch}

    def bound(self, coefs: dict[int, float], maximize: bool, with_binding: bool = False,
              ) -> tuple[int, list[int], dict[int, float]]:
        """The optimum of the form (the linear program's, or the integer program's where that is not a
        whole number), the model rows binding at the LP optimum, and a solution that attains it."""
        lp = self.lp
        mapped = {self.colmap[j]: c for j, c in coefs.items() if j in self.colmap}
        if not mapped:  # only atoms that are 0
            return 0, [], {j: 0.0 for j in self.watch}
        self._set_objective(mapped)
        glpk.glp_set_obj_dir(lp, glpk.GLP_MAX if maximize else glpk.GLP_MIN)
        if not self._simplex():
            if glpk.glp_get_status(lp) == glpk.GLP_UNBND:
                return (10**9 if maximize else -(10**9)), [], {}
            raise Contradiction()
        value = glpk.glp_get_obj_val(lp)
        binding = ([self.back[i] for i in self.cell_rows if abs(glpk.glp_get_row_dual(lp, i)) > 1e-9]
                   if with_binding else [])
        solution = self.values()
        if abs(value - round(value)) > 1e-6:
            # a fractional optimum: the reader's integer bound comes from branch-and-bound
            if glpk.glp_intopt(lp, self.iocp) != 0 or glpk.glp_mip_status(lp) != glpk.GLP_OPT:
                raise RuntimeError("GLPK could not find the integer bound")  # never silently weaker
            value = glpk.glp_mip_obj_val(lp)
            solution = self.values(mip=True)
        return int(round(value)), binding, solution


_SPAN_COLUMNS = ("FM", "HV", "RF", "RS")  # one unknown per period: nested periods nest by their span


def _consistency(model: _Model, printed: Sequence[tuple[Published, str, str, dict[int, float]]]) -> None:
    """Rows for what the cell key method itself gives away: the same records always print the same
    number, so where one printed number counts a subset of another's records (one code over nested
    periods, at the same k) and the two are printed differently, the larger counts at least one
    record more. (For parents attending an activity the records are the activities: a changed sum
    proves one more activity, not one more parent.)"""
    inv = {j: key for key, j in model.cols.items()}
    groups: dict[tuple[str, int, int], list[tuple[Published, str, dict[int, float]]]] = {}
    for p, code, text, form in printed:
        groups.setdefault((code, p.k, p.d), []).append((p, text, form))
    for (code, _k, _d), items in groups.items():
        if len({text for _p, text, _f in items}) < 2:
            continue
        described: list[tuple[Published, str, dict[int, float], frozenset[int] | None, tuple[object, ...]]] = []
        for p, text, form in items:
            keys = [inv[j] for j in form]
            if keys and keys[0][0] in _SPAN_COLUMNS:
                described.append((p, text, form, None, keys[0]))
            elif keys and keys[0][0] == "PA":
                described.append((p, text, form, frozenset(model.col("A", *key[1:]) for key in keys), ()))
            else:
                described.append((p, text, form, frozenset(form), ()))
        for small in described:
            for big in described:
                if small[1] == big[1]:
                    continue
                if small[3] is not None and big[3] is not None:
                    if not small[3] < big[3]:
                        continue
                    coefs = {j: 1.0 for j in big[3] - small[3]}
                elif small[3] is None and big[3] is None:
                    sk, bk = small[4], big[4]
                    (s1, e1), (s2, e2) = (int(sk[-2]), int(sk[-1])), (int(bk[-2]), int(bk[-1]))  # type: ignore[call-overload]
                    if (s1, e1) == (s2, e2) or not (s2 <= s1 and e1 <= e2):
                        continue
                    if sk[0] == "RS" and e1 != e2 and sk[2] not in _TERMINAL:
                        continue  # a referral's status can change after the smaller period's end
                    coefs = dict(big[2])
                    for j, c in small[2].items():
                        coefs[j] = coefs.get(j, 0.0) - c
                else:
                    continue
                owner = big if big[0].new else small
                model.row(coefs, 1.0, None, (owner[0].pid, code), big[0].new or small[0].new)
                if big[0].new and small[0].new:
                    model.owners[len(model.rows)] = [(small[0].pid, code)]


def _build(publisheds: Sequence[Published]) -> tuple[_Model, list[tuple[Published, str, dict[int, float]]]]:
    model = _Model(publisheds)
    model.structure()
    hidden: list[tuple[Published, str, dict[int, float]]] = []
    printed: list[tuple[Published, str, str, dict[int, float]]] = []
    seen: set[tuple[str, str, str]] = set()
    for p in publisheds:
        for code, text in sorted(p.cells.items()):
            form = model.form(p, code)
            if form is None:
                continue
            b = _bounds(text, p.k, p.d)
            if b is not None and (p.pid, code, text) not in seen:
                seen.add((p.pid, code, text))
                model.row(form, b[0], b[1], (p.pid, code), p.new)
                printed.append((p, code, text, form))
            if text.startswith("<") and not any(h[0].pid == p.pid and h[1] == code for h in hidden):
                hidden.append((p, code, form))
    model.relations()
    _consistency(model, printed)
    return model, hidden


class _Checker:
    """The model and its solver for one set of printed numbers; numbers of the new export can be
    withheld afterwards (their rows stop constraining anything) without building it again."""

    def __init__(self, publisheds: Sequence[Published]) -> None:
        self.model, self.hidden = _build(publisheds)
        self.solver = _Solver(self.model)
        self.rows_of: dict[tuple[str, str], list[int]] = {}
        for i, (_coefs, _lo, _hi, cell, new) in enumerate(self.model.rows, start=1):
            if cell is not None and new:
                self.rows_of.setdefault(cell, []).append(i)
            for other in self.model.owners.get(i, ()):
                self.rows_of.setdefault(other, []).append(i)
        self.withheld: set[tuple[str, str]] = set()

    def close(self) -> None:
        self.solver.close()

    def feasible(self) -> bool:
        return self.solver.feasible()

    def withhold(self, cells: Iterable[tuple[str, str]]) -> None:
        for cell in cells:
            self.withheld.add(cell)
            for i in self.rows_of.get(cell, ()):
                self.solver.free_row(i)

    def violations(self, only: set[tuple[str, str]] | None = None) -> list[Violation]:
        """The ``<k`` numbers (all, or those in ``only``) that are too precise.

        Every solution the solver finds is a set of records the reader cannot rule out, so each one
        shows values every hidden number can take; a number whose values seen so far already span
        k-1 integers needs no bounds of its own (most do not, which keeps this fast)."""
        model, solver = self.model, self.solver
        todo = [(p, code, form) for p, code, form in self.hidden
                if (p.pid, code) not in self.withheld and (only is None or (p.pid, code) in only)]
        seen: dict[int, tuple[int, int]] = {}  # index in todo -> lowest and highest value seen
        open_ = set(range(len(todo)))

        def witness(solution: dict[int, float]) -> None:
            if not solution:
                return
            for n in list(open_):
                p, _code, form = todo[n]
                v = int(round(sum(c * solution[j] for j, c in form.items())))
                lo, hi = seen.get(n, (v, v))
                lo, hi = min(lo, v), max(hi, v)
                seen[n] = (lo, hi)
                if hi - lo + 1 >= p.k - 1:
                    open_.discard(n)

        def watch() -> None:
            solver.watch = sorted({j for n in open_ for j in todo[n][2]})

        # a few solutions that push all the numbers still in question up (and down) at once
        for _round in range(8):
            if not open_:
                break
            before = len(open_)
            watch()
            combined: dict[int, float] = {}
            for n in open_:
                for j, c in todo[n][2].items():
                    combined[j] = combined.get(j, 0.0) + c
            for maximize in (True, False):
                witness(solver.bound(combined, maximize)[2])
            if len(open_) > before * 0.8:
                break  # little progress: bound the rest one by one
        out = []
        for n in sorted(open_):
            if n not in open_:
                continue
            p, code, form = todo[n]
            watch()
            # the top first: a hidden number's low end (1) is nearly always reached by some solution
            high, _b, solution = solver.bound(form, maximize=True)
            witness(solution)
            if n not in open_:
                continue
            low, _b, solution = solver.bound(form, maximize=False)
            witness(solution)
            if n not in open_:
                continue
            open_.discard(n)
            if high - low + 1 < p.k - 1:
                _v, bind_lo, _s = solver.bound(form, maximize=False, with_binding=True)
                _v, bind_hi, _s = solver.bound(form, maximize=True, with_binding=True)
                binding = []
                for i in sorted(set(bind_lo) | set(bind_hi)):
                    cell = model.rows[i - 1][3]
                    if cell is not None and model.rows[i - 1][4] and cell not in self.withheld:
                        binding.append(cell)
                out.append(Violation(p.pid, code, low, high, tuple(dict.fromkeys(binding))))
        return out


def check(publisheds: Sequence[Published], only: set[tuple[str, str]] | None = None) -> list[Violation]:
    """Every number printed ``<k`` whose true value the printed numbers pin to fewer than k-1 values.

    An empty list means the attacker learns nothing beyond the printed ranges. Raises
    :class:`Contradiction` when the printed numbers cannot all be true of one set of records (the
    records changed between two exports)."""
    checker = _Checker(publisheds)
    try:
        if not checker.feasible():
            raise Contradiction()
        return checker.violations(only)
    finally:
        checker.close()


_PRIORITY = ("months.", "themes.", "sources.", "closures.", "contacts.", "referrals.", "activities.",
             "reach.children_counted", "reach.children", "reach.continuing", "reach.closed", "reach.new",
             "reach.active")


def _rank(pid_code: tuple[str, str], current_pid: str) -> tuple[int, int, int, str, str]:
    pid, code = pid_code
    total = 1 if (code.endswith(".total") or code in ("contacts.total", "referrals.total")) else 0
    head = next((i for i, prefix in enumerate(_PRIORITY) if code.startswith(prefix)), len(_PRIORITY))
    # the comparison column first, then detail cells before totals before key figures
    return (0 if pid != current_pid else 1, total, head, pid, code)


def protect(new: Sequence[Published], earlier: Sequence[Published] = (), *, max_rounds: int = 100,
            refine: Callable[[], Sequence[Published]] | None = None,
            ) -> tuple[set[tuple[str, str]], list[Violation]]:
    """The cells of the new export (``new``: its current and comparison periods) to withhold so that,
    together with the ``earlier`` exports, no ``<k`` number is too precise. Returns the withheld
    (pid, code) and the violations that withholding could not resolve (then the caller withholds
    all of the export's family figures). Deterministic.

    When the earlier exports contradict today's records (they were changed since), ``refine`` gives
    them again without what changed; if they still contradict, each earlier export is taken together
    with the new one on its own, and the new one alone."""
    new = [Published(p.start, p.end, p.k, p.d, p.cells, True, p.label) for p in new]
    groups: list[list[Published]] = [[*new, *earlier]]
    withheld: set[tuple[str, str]] = set()
    current_pid = new[0].pid if new else ""
    while groups:
        group = groups.pop(0)
        checker = _Checker(group)
        try:
            if not checker.feasible():
                others = [p for p in group if not p.new]
                if refine is not None and others:
                    groups.insert(0, [*new, *refine()])
                    refine = None
                    continue
                if len(others) > 1:
                    groups.extend([*new, e] for e in others)
                elif others:
                    groups.append(list(new))
                else:
                    # the new numbers alone break a rule the reader assumes: nothing can be checked,
                    # so nothing of the families may go out
                    return withheld, [Violation(new[0].pid, "*", 0, 0)]
                continue
            checker.withhold(withheld)
            pending: set[tuple[str, str]] | None = None
            for _round in range(max_rounds):
                violations = checker.violations(pending)
                if not violations:
                    break
                # withholding only widens what the reader can infer: after this round only the numbers
                # that were too precise need another look
                pending = {(v.pid, v.code) for v in violations}
                chosen: set[tuple[str, str]] = set()
                for v in violations:
                    options = sorted((c for c in v.binding if c not in withheld), key=lambda c: _rank(c, current_pid))
                    if options:
                        chosen.add(options[0])
                    elif any(p.pid == v.pid for p in new) and (v.pid, v.code) not in withheld:
                        chosen.add((v.pid, v.code))  # nothing of ours pins it: withhold the number itself
                if not chosen:
                    return withheld, violations
                withheld |= chosen
                checker.withhold(chosen)
            else:
                return withheld, checker.violations(pending)
        finally:
            checker.close()
    return withheld, []


class Contradiction(Exception):
    """The printed numbers cannot all be true at once: the records changed between the exports."""
