"""The check and the protection: which ``<k`` numbers the printed numbers pin, and which of the
new export's numbers to withhold so that none is pinned."""


from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from brugdesk.reports.linked.model import Contradiction, Published, Violation, build
from brugdesk.reports.linked.solver import Solver


class _Checker:
    """The model and its solver for one set of printed numbers; numbers of the new export can be
    withheld afterwards (their rows stop constraining anything) without building it again."""

    def __init__(self, publisheds: Sequence[Published]) -> None:
        self.model, self.hidden = build(publisheds)
        self.solver = Solver(self.model)
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


_PRIORITY = ("months.", "themes.", "sources.", "closures.", "contacts.", "referrals.", "signals.", "activities.",
             "reach.children_counted", "reach.children", "reach.continuing", "reach.closed", "reach.new",
             "reach.active")


def _rank(pid_code: tuple[str, str], current_pid: str) -> tuple[int, int, int, str, str]:
    pid, code = pid_code
    total = 1 if (code.endswith(".total") or code in ("contacts.total", "referrals.total", "signals.total")) else 0
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
