"""The linear model of what the reports print: atoms, the printed numbers as rows, and the
relations a reader knows between them (see the package docstring)."""


from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

OTHER = "\x00other"  # the catch-all category: codes no included report prints
BEFORE = -1  # bucket "before the first boundary"
OPEN = 10**6  # close bucket "not closed before the last boundary"

STATUS_GROUPS = ("proposed", "referred", "accepted", "completed", "ended")
TERMINAL = ("completed", "ended")
#: a signal's outcome (its status at a period's end); only "family created" never changes again
SIGNAL_OUTCOMES = ("new", "taken_up", "family_created", "no_action")
SIGNAL_TERMINAL = ("family_created",)
#: the status splits: (existence atom, split atom, category list, status groups, terminal groups)
SPLITS = (("R", "RS", "partners", STATUS_GROUPS, TERMINAL),
          ("G", "GS", "signals", SIGNAL_OUTCOMES, SIGNAL_TERMINAL))


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


def bounds(text: str, k: int, d: int) -> tuple[float, float] | None:
    """What a printed count says about its true value, or None when it says nothing."""
    if text == "0":
        return (0.0, 0.0)
    if text.startswith("<"):
        return (1.0, float(k - 1 + d))
    if text.isdigit():
        p = int(text)
        return (float(max(1, p - d)), float(p + d))
    return None


class Model:
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
                                      ("sources", "closures", "themes", "contacts", "partners", "activities",
                                       "signals")}
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
                elif head == "signals" and len(parts) == 3 and parts[1] != "total":
                    found["signals"].add(parts[1])
        out = {name: sorted(codes) for name, codes in found.items()}
        for name in ("sources", "closures", "contacts", "partners", "activities", "signals"):
            out[name].append(OTHER)
        return out

    # --- family atoms
    def pairs(self) -> list[tuple[int, int]]:
        """One (start, close) pair per group of families that no printed number tells apart.

        Every family count is a sum over (start bucket, close bucket) pairs that meet a condition on
        a published period (in scope, new, continuing, closed); pairs that meet the same conditions
        for every period enter exactly the same sums, so one variable stands for all of them."""
        if self._pairs is None:
            spans = {self.span(p.start, p.end) for p in self.pubs} | set(self.month_spans)
            starts = [BEFORE, *range(self.n)]
            groups: dict[tuple[object, ...], tuple[int, int]] = {}
            for a in starts:
                for c in [*range(max(a, 0), self.n), OPEN]:
                    sig = (a == BEFORE, c == OPEN, *(self._predicates(a, c, s, e) for s, e in sorted(spans)))
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
            if a != BEFORE:
                self.row({f: -1.0, **{self.col("S", x, a, c): 1.0 for x in self._codes["sources"]}}, 0.0, 0.0)
            if c != OPEN:
                self.row({f: -1.0, **{self.col("O", x, a, c): 1.0 for x in self._codes["closures"]}}, 0.0, 0.0)
            for x in self._codes["themes"]:
                self.row({self.col("T", x, a, c): 1.0, f: -1.0}, None, 0.0)
            self.row({self.col("CC", a, c): 1.0, self.col("C", a, c): -1.0}, None, 0.0)
        # referrals by their status at a period's end: one split per published period, summing to the
        # referrals made in it; a period inside another with the same end has no more of any status,
        # and one inside another that ends later has no more that ended (completed, declined/stopped)
        # (signals likewise: G[x,u] signals from source x dated in bucket u, GS their outcome at a period's
        # end; only "family created" is final, a signal closed without action can be taken up again)
        spans = sorted({self.span(p.start, p.end) for p in self.pubs})
        for exist, split, cats, groups, terminal in SPLITS:
            for x in self._codes[cats]:
                for s, e in spans:
                    self.row({**{self.col(exist, x, u): -1.0 for u in range(s, e)},
                              **{self.col(split, x, g, s, e): 1.0 for g in groups}}, 0.0, 0.0)
                for s1, e1 in spans:
                    for s2, e2 in spans:
                        if (s1, e1) == (s2, e2) or not (s2 <= s1 and e1 <= e2):
                            continue
                        for g in (groups if e1 == e2 else terminal):
                            self.row({self.col(split, x, g, s2, e2): 1.0, self.col(split, x, g, s1, e1): -1.0},
                                     0.0, None)
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
        if head == "signals" and len(parts) == 3:
            sources = self._codes["signals"] if parts[1] == "total" else [parts[1]]
            out = {}
            for x in sources:
                if parts[2] == "total":
                    out.update(buckets("G", x))
                else:
                    out[self.col("GS", x, parts[2], s, e)] = 1.0
            return out
        if parts == ["signals", "total"]:
            out = {}
            for x in self._codes["signals"]:
                out.update(buckets("G", x))
            return out
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


SPAN_COLUMNS = ("FM", "HV", "RF", "RS", "GS")  # one unknown per period: nested periods nest by their span


def consistency(model: Model, printed: Sequence[tuple[Published, str, str, dict[int, float]]]) -> None:
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
            if keys and keys[0][0] in SPAN_COLUMNS:
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
                    final = {"RS": TERMINAL, "GS": SIGNAL_TERMINAL}.get(str(sk[0]))
                    if final is not None and e1 != e2 and sk[2] not in final:
                        continue  # a referral's (signal's) status can change after the smaller period's end
                    coefs = dict(big[2])
                    for j, c in small[2].items():
                        coefs[j] = coefs.get(j, 0.0) - c
                else:
                    continue
                owner = big if big[0].new else small
                model.row(coefs, 1.0, None, (owner[0].pid, code), big[0].new or small[0].new)
                if big[0].new and small[0].new:
                    model.owners[len(model.rows)] = [(small[0].pid, code)]


def build(publisheds: Sequence[Published]) -> tuple[Model, list[tuple[Published, str, dict[int, float]]]]:
    model = Model(publisheds)
    model.structure()
    hidden: list[tuple[Published, str, dict[int, float]]] = []
    printed: list[tuple[Published, str, str, dict[int, float]]] = []
    seen: set[tuple[str, str, str]] = set()
    for p in publisheds:
        for code, text in sorted(p.cells.items()):
            form = model.form(p, code)
            if form is None:
                continue
            b = bounds(text, p.k, p.d)
            if b is not None and (p.pid, code, text) not in seen:
                seen.add((p.pid, code, text))
                model.row(form, b[0], b[1], (p.pid, code), p.new)
                printed.append((p, code, text, form))
            if text.startswith("<") and not any(h[0].pid == p.pid and h[1] == code for h in hidden):
                hidden.append((p, code, form))
    model.relations()
    consistency(model, printed)
    return model, hidden


class Contradiction(Exception):
    """The printed numbers cannot all be true at once: the records changed between the exports."""
