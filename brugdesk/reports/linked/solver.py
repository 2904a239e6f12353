"""GLPK over the model's rows: the least and greatest value a hidden number can take."""


from __future__ import annotations

from collections.abc import Sequence

import swiglpk as glpk

from brugdesk.reports.linked.model import Contradiction, Model


def forced_zero(rows: Sequence[tuple[dict[int, float], float | None, float | None, object, bool]]) -> set[int]:
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


class Solver:
    """GLPK over the model's rows; every column is a nonnegative integer. Columns that the printed
    zeros force to 0 are left out of the program (often two in five), rows left empty with them."""

    def __init__(self, model: Model) -> None:
        self.model = model
        lp = glpk.glp_create_prob()
        self.lp = lp
        zero = forced_zero(model.rows)
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


