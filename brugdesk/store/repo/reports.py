"""The report's raw numbers and its export ledger, read and written in SQL (the service layer).

:class:`ReportData` counts what the anonymised report prints -- families, members, contacts,
referrals and activities of one period (and one school, or all) -- together with each count's
*cell key*: the sum of the counted records' random keys (``rkey``, schema V5) modulo 256, which the
perturbation in :mod:`brugdesk.reports.perturb` turns into the printed number. Nothing here is safe
to print: :mod:`brugdesk.reports` protects it.

It also reads, per family, what the family contributes to each part of a report (for the ledger's
differencing rule), and keeps the export ledger: which reports left the laptop and what they
printed. See ``brugdesk/reports/ledger.py`` for the rules.

Definitions (one place):

* a family is *in scope* of a period when it started on or before the last day and was not closed
  before the first day, and -- with a school chosen -- is linked to that school; *new*: in scope
  and started inside the period; *continuing*: in scope and started before it; *closed*: in scope
  and closed inside it;
* children: child members of the families in scope; *counted*: those registered at a school whose
  pupil count is known (the chosen school, with a school chosen);
* contacts, referrals and activities: dated inside the period (contacts and referrals of families
  linked to the chosen school; activities of the chosen school);
* a referral's status group is the status it had on the period's last day (from its dated history);
* signals: see :mod:`brugdesk.store.repo.report_signals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo
from brugdesk.store.repo.report_signals import (
    SIGNAL_BLOCK,
    signal_contributions,
    signal_counts,
    signal_ids,
)
from brugdesk.store.transaction import Transaction

__all__ = [
    "KEY_RANGE",
    "STATUS_GROUP_OF",
    "Count",
    "ExportRecord",
    "LedgerCell",
    "ReportData",
    "forget_families",
    "merge_export_history",
]

KEY_RANGE = 256

#: referral status -> the report's status group
STATUS_GROUP_OF: dict[str, str] = {
    "proposed": "proposed",
    "referred": "referred",
    "waiting_list": "referred",
    "accepted": "accepted",
    "completed": "completed",
    "declined": "ended",
    "stopped": "ended",
}


@dataclass(frozen=True, slots=True)
class Count:
    """A true count (or a sum, for magnitudes such as parents attending) and its cell key."""

    n: int
    key: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.n + other.n, (self.key + other.key) % KEY_RANGE)


ZERO = Count(0, 0)


def _count(n: Any, keysum: Any) -> Count:
    return Count(int(n or 0), int(keysum or 0) % KEY_RANGE)


def _school_filter(col: str, school_id: int | None) -> str:
    if school_id is None:
        return "1"
    return f"EXISTS (SELECT 1 FROM family_school fs WHERE fs.family_id = {col} AND fs.school_id = :school)"


def _scope(school_id: int | None) -> str:
    return f"""
WITH scope AS (
    SELECT f.id, f.start_date, f.closed_date, f.signal_source, f.closure_outcome, f.rkey
    FROM family f
    WHERE f.start_date <= :e AND (f.closed_date IS NULL OR f.closed_date >= :s)
      AND {_school_filter("f.id", school_id)}
)
"""


#: the family ``f`` was in the caseload at some time in :s..:e (started by the end, not closed before the start)
_ACTIVE = "(f.start_date <= :e AND (f.closed_date IS NULL OR f.closed_date >= :s))"


def _active(started: str, closed: str | None, first: str, last: str) -> bool:
    """Whether a family with these dates (ISO) was in the caseload at some time in ``first``..``last``
    (:data:`_ACTIVE` in Python)."""
    return started <= last and (closed is None or closed >= first)


_STATUS_AT_END = """coalesce((SELECT rs.status FROM referral_status rs WHERE rs.referral_id = r.id
                       AND rs.date <= :e ORDER BY rs.date DESC, rs.id DESC LIMIT 1), r.status)"""


@dataclass(frozen=True)
class LedgerCell:
    period: str
    code: str
    value: str


@dataclass(frozen=True)
class ExportRecord:
    """One earlier export: what it covered and printed, and its families' signatures."""

    id: int
    exported_on: dt.date
    scope: str
    k: int
    d: int
    period_start: dt.date
    period_end: dt.date
    cells: tuple[LedgerCell, ...]
    #: (period id, block) -> {family id: signature}
    signatures: dict[tuple[str, str], dict[int, bytes]]


class ReportData(Repo):
    """Counts with cell keys for one period, per-family contributions, and the export ledger."""

    # ----------------------------------------------------------------- counts
    def counts(self, start: dt.date, end: dt.date, school_id: int | None) -> dict[str, Any]:
        """Every count of the period as ``{code: Count}`` plus ``minutes``, ``parents`` and ``pupils``.

        Codes are the report's cell codes (``reach.active``, ``sources.school``, …); category cells
        appear only for codes that occur (a missing code counts 0).
        """
        conn = self.conn
        p = {"s": start.isoformat(), "e": end.isoformat(), "school": school_id}
        scope = _scope(school_id)
        out: dict[str, Any] = {}
        minutes: dict[str, int] = {}

        row = conn.execute(
            scope + "SELECT count(*), sum(rkey), "
            "count(CASE WHEN start_date >= :s THEN 1 END), sum(CASE WHEN start_date >= :s THEN rkey END), "
            "count(CASE WHEN closed_date IS NOT NULL AND closed_date <= :e THEN 1 END), "
            "sum(CASE WHEN closed_date IS NOT NULL AND closed_date <= :e THEN rkey END) FROM scope", p).fetchone()
        out["reach.active"] = _count(row[0], row[1])
        out["reach.new"] = _count(row[2], row[3])
        out["reach.continuing"] = _count(int(row[0] or 0) - int(row[2] or 0), int(row[1] or 0) - int(row[3] or 0))
        out["reach.closed"] = _count(row[4], row[5])

        row = conn.execute(
            scope + "SELECT count(*), sum(m.rkey), count(sc.id), sum(CASE WHEN sc.id IS NOT NULL THEN m.rkey END) "
            "FROM member m JOIN scope ON scope.id = m.family_id "
            "LEFT JOIN school sc ON sc.id = m.school_id AND sc.pupil_count IS NOT NULL "
            "AND (:school IS NULL OR sc.id = :school) WHERE m.role = 'child'", p).fetchone()
        out["reach.children"] = _count(row[0], row[1])
        out["reach.children_counted"] = _count(row[2], row[3])
        pupils = conn.execute(
            "SELECT sum(pupil_count) FROM school WHERE pupil_count IS NOT NULL AND (:school IS NULL OR id = :school)",
            {"school": school_id}).fetchone()[0]

        for code, n, keys in conn.execute(
                scope + "SELECT signal_source, count(*), sum(rkey) FROM scope WHERE start_date >= :s "
                "GROUP BY signal_source", p):
            out[f"sources.{code or ''}"] = _count(n, keys)
        for code, n, keys in conn.execute(
                scope + "SELECT closure_outcome, count(*), sum(rkey) FROM scope "
                "WHERE closed_date IS NOT NULL AND closed_date <= :e GROUP BY closure_outcome", p):
            out[f"closures.{code or ''}"] = _count(n, keys)
        for code, n, keys in conn.execute(
                scope + "SELECT t.theme, count(*), sum(scope.rkey) FROM family_theme t "
                "JOIN scope ON scope.id = t.family_id GROUP BY t.theme", p):
            out[f"themes.{code}"] = _count(n, keys)

        # the contacts by day and kind, in the covering index's own order (a GROUP BY on anything else
        # sorts every contact of the period); the tables by kind and by month are sums of those groups
        contact_where = f"c.date BETWEEN :s AND :e AND {_school_filter('c.family_id', school_id)}"
        by_kind: dict[str, list[int]] = {}
        by_month: dict[str, list[int]] = {}
        for day, kind, n, keys, mins in conn.execute(
                f"SELECT c.date, c.kind, count(*), sum(c.rkey), sum(c.minutes) "
                f"FROM contact c WHERE {contact_where} GROUP BY c.date, c.kind", p):
            for table, code in ((by_kind, kind), (by_month, day[:7])):
                acc = table.setdefault(code, [0, 0, 0])
                acc[0] += n
                acc[1] += keys
                acc[2] += mins
        total = ZERO
        total_minutes = 0
        for kind, (n, keys, mins) in by_kind.items():
            cell = _count(n, keys)
            out[f"contacts.{kind}"] = cell
            minutes[f"contacts.{kind}"] = mins
            total = total + cell
            total_minutes += mins
        out["contacts.total"] = total
        minutes["contacts.total"] = total_minutes
        for month, (n, keys, mins) in by_month.items():
            out[f"months.{month}.contacts"] = _count(n, keys)
            minutes[f"months.{month}.contacts"] = mins
        # families per month and families with a home visit, one row per family from its (family,
        # date, kind) index: a family counts for a month, and for home visits, only while it was in
        # the caseload (a call before its start date or after its closing date adds contacts, not
        # families)
        first, last = start.isoformat(), end.isoformat()
        month_families: dict[str, list[int]] = {}
        home = [0, 0]
        for rkey, started, closed, months, home_visit in conn.execute(
                "SELECT f.rkey, f.start_date, f.closed_date, group_concat(DISTINCT substr(c.date, 1, 7)), "
                "max(c.kind = 'home_visit') FROM contact c INDEXED BY contact_family "
                f"JOIN family f ON f.id = c.family_id WHERE {contact_where} GROUP BY c.family_id", p):
            for month in months.split(","):
                if _active(started, closed, max(f"{month}-01", first), min(f"{month}-31", last)):
                    acc = month_families.setdefault(month, [0, 0])
                    acc[0] += 1
                    acc[1] += rkey
            if home_visit and _active(started, closed, first, last):
                home[0] += 1
                home[1] += rkey
        for month, (n, keys) in month_families.items():
            out[f"months.{month}.families"] = _count(n, keys)
        out["contacts.home_visit_families"] = _count(*home)

        # referrals by partner type and their status at the end of the period, from the covering
        # index (the status is looked up once per referral: the CTE is materialised)
        ref_where = f"r.date BETWEEN :s AND :e AND {_school_filter('r.family_id', school_id)}"
        grand = ZERO
        warm = ZERO
        for ptype, status, n, keys, n_warm, keys_warm in conn.execute(
                f"WITH period AS MATERIALIZED (SELECT r.partner_id AS partner, r.warm_handover AS warm, "
                f"r.rkey AS rkey, {_STATUS_AT_END} AS st FROM referral r WHERE {ref_where}) "
                "SELECT p.type, period.st, count(*), sum(period.rkey), count(CASE WHEN period.warm THEN 1 END), "
                "sum(CASE WHEN period.warm THEN period.rkey END) FROM period JOIN partner p ON p.id = period.partner "
                "GROUP BY p.type, period.st", p):
            cell = _count(n, keys)
            group = STATUS_GROUP_OF.get(str(status), "ended")
            for code in (f"referrals.{ptype}.{group}", f"referrals.{ptype}.total", f"referrals.total.{group}"):
                out[code] = out.get(code, ZERO) + cell
            grand = grand + cell
            warm = warm + _count(n_warm, keys_warm)
        out["referrals.total"] = grand
        out["referrals.warm"] = warm
        row = conn.execute(
            f"SELECT count(*), sum(f.rkey) FROM family f WHERE f.id IN (SELECT r.family_id FROM referral r "
            f"WHERE {ref_where}) AND {_ACTIVE}", p).fetchone()
        out["referrals.families"] = _count(row[0], row[1])

        act_total = ZERO
        parents_total = ZERO
        act_minutes = 0
        for kind, n, keys, mins, parents in conn.execute(
                "SELECT a.kind, count(*), sum(a.rkey), sum(a.minutes), sum(a.parents_count) FROM activity a "
                "WHERE a.date BETWEEN :s AND :e AND (:school IS NULL OR a.school_id = :school) GROUP BY a.kind", p):
            cell = _count(n, keys)
            out[f"activities.{kind}.count"] = cell
            out[f"activities.{kind}.parents"] = Count(int(parents or 0), cell.key)
            minutes[f"activities.{kind}.count"] = int(mins or 0)
            act_total = act_total + cell
            parents_total = parents_total + Count(int(parents or 0), cell.key)
            act_minutes += int(mins or 0)
        out["activities.total.count"] = act_total
        out["activities.total.parents"] = parents_total
        minutes["activities.total.count"] = act_minutes
        for code, (n, keys) in signal_counts(conn, start, end, school_id).items():
            out[code] = Count(n, keys)
        return {"counts": out, "minutes": minutes, "pupils": int(pupils) if pupils else None}

    def first_day(self) -> dt.date | None:
        """The first day anything was recorded (a family's start, a contact, an activity)."""
        first = self.conn.execute(
            "SELECT min(d) FROM (SELECT min(start_date) AS d FROM family UNION ALL SELECT min(date) FROM contact "
            "UNION ALL SELECT min(date) FROM activity)").fetchone()[0]
        return dt.date.fromisoformat(first) if first else None

    # ------------------------------------------------- per-family contributions
    def family_sets(self, start: dt.date, end: dt.date, school_id: int | None) -> dict[str, frozenset[int]]:
        """Per block, the families that contribute to it at all (ids only: cheap). Two reports whose
        sets for a block differ in k families or more differ in at least that many contributions."""
        conn = self.conn
        p = {"s": start.isoformat(), "e": end.isoformat(), "school": school_id}
        in_scope = frozenset(r[0] for r in conn.execute(_scope(school_id) + "SELECT id FROM scope", p))
        contacts = frozenset(r[0] for r in conn.execute(
            f"SELECT DISTINCT c.family_id FROM contact c WHERE c.date BETWEEN :s AND :e "
            f"AND {_school_filter('c.family_id', school_id)}", p))
        referrals = frozenset(r[0] for r in conn.execute(
            f"SELECT DISTINCT r.family_id FROM referral r WHERE r.date BETWEEN :s AND :e "
            f"AND {_school_filter('r.family_id', school_id)}", p))
        return {"intake": in_scope, "themes": in_scope, "contacts": contacts, "referrals": referrals,
                SIGNAL_BLOCK: signal_ids(conn, start, end, school_id)}

    def contributions(self, start: dt.date, end: dt.date, school_id: int | None,
                      ) -> dict[str, dict[int, tuple[Any, ...]]]:
        """Per block (``intake``, ``themes``, ``contacts``, ``referrals``), what each family contributes
        to the report of this period: ``{block: {family_id: a tuple}}``; the block ``signals`` per
        signal (:func:`~brugdesk.store.repo.report_signals.signal_contributions`). Two reports print the same
        numbers for a block exactly when these tuples agree for every family."""
        conn = self.conn
        p = {"s": start.isoformat(), "e": end.isoformat(), "school": school_id}
        scope = _scope(school_id)
        intake: dict[int, tuple[Any, ...]] = {}
        for fid, new, closed, source, outcome, children, counted in conn.execute(
                scope + "SELECT scope.id, scope.start_date >= :s, "
                "scope.closed_date IS NOT NULL AND scope.closed_date <= :e, scope.signal_source, "
                "scope.closure_outcome, coalesce(k.n, 0), coalesce(k.counted, 0) FROM scope LEFT JOIN ("
                " SELECT m.family_id AS fid, count(*) AS n, count(sc.id) AS counted FROM member m"
                " LEFT JOIN school sc ON sc.id = m.school_id AND sc.pupil_count IS NOT NULL"
                " AND (:school IS NULL OR sc.id = :school) WHERE m.role = 'child' GROUP BY m.family_id"
                ") k ON k.fid = scope.id", p):
            intake[int(fid)] = (bool(new), bool(closed), source if new else None, outcome if closed else None,
                                int(children), int(counted))
        themes: dict[int, tuple[Any, ...]] = {fid: () for fid in intake}
        for fid, theme in conn.execute(
                scope + "SELECT t.family_id, t.theme FROM family_theme t JOIN scope ON scope.id = t.family_id "
                "ORDER BY t.family_id, t.theme", p):
            themes[int(fid)] += (str(theme),)
        contact_where = f"c.date BETWEEN :s AND :e AND {_school_filter('c.family_id', school_id)}"
        contacts: dict[int, list[Any]] = {}
        for fid, kind, month, n, active in conn.execute(
                f"SELECT c.family_id, c.kind, substr(c.date, 1, 7), count(*), "
                f"f.start_date <= min(substr(c.date, 1, 7) || '-31', :e) AND (f.closed_date IS NULL OR "
                f"f.closed_date >= max(substr(c.date, 1, 7) || '-01', :s)) "
                f"FROM contact c JOIN family f ON f.id = c.family_id WHERE {contact_where} "
                "GROUP BY c.family_id, c.kind, substr(c.date, 1, 7)", p):
            contacts.setdefault(int(fid), []).append((str(kind), str(month), int(n), bool(active)))
        ref_where = f"r.date BETWEEN :s AND :e AND {_school_filter('r.family_id', school_id)}"
        referrals: dict[int, list[Any]] = {}
        for fid, ptype, status, warm, n, active in conn.execute(
                f"SELECT family_id, type, st, warm, count(*), active FROM (SELECT r.family_id AS family_id, "
                f"p.type AS type, {_STATUS_AT_END} AS st, r.warm_handover AS warm, {_ACTIVE} AS active "
                f"FROM referral r JOIN partner p ON p.id = r.partner_id JOIN family f ON f.id = r.family_id "
                f"WHERE {ref_where}) GROUP BY family_id, type, st, warm", p):
            referrals.setdefault(int(fid), []).append(
                (str(ptype), STATUS_GROUP_OF.get(str(status), "ended"), int(warm), int(n), bool(active)))
        return {
            "intake": intake,
            "themes": themes,
            "contacts": {fid: tuple(sorted(rows)) for fid, rows in contacts.items()},
            "referrals": {fid: tuple(sorted(rows)) for fid, rows in referrals.items()},
            SIGNAL_BLOCK: signal_contributions(conn, start, end, school_id),
        }

    # ----------------------------------------------------------------- ledger
    def ledger_secret(self) -> bytes:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'report_secret'").fetchone()
        if row is None:  # a vault made before V5 gets it in the migration; this is a safety net
            import secrets

            value = secrets.token_hex(32)
            with self.tx():
                self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('report_secret', ?)", (value,))
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'report_secret'").fetchone()
        return bytes.fromhex(str(row[0]))

    def exports(self, scope: str | None = None, first: dt.date | None = None, last: dt.date | None = None,
                ) -> list[ExportRecord]:
        """Earlier exports (all, or those of ``scope`` whose periods overlap ``first``..``last``)."""
        where, params = [], []
        if scope is not None:
            where.append("scope = ?")
            params.append(scope)
        if first is not None and last is not None:
            where.append("first_start <= ? AND last_end >= ?")
            params.extend([last.isoformat(), first.isoformat()])
        sql = "SELECT id, exported_on, scope, k, d, period_start, period_end FROM report_export"
        if where:
            sql += " WHERE " + " AND ".join(where)
        out = []
        for eid, on, sc, k, d, ps, pe in self.conn.execute(sql + " ORDER BY id", params).fetchall():
            cells = tuple(LedgerCell(str(a), str(b), str(c)) for a, b, c in self.conn.execute(
                "SELECT period, code, value FROM report_cell WHERE export_id = ? ORDER BY period, code", (eid,)))
            sigs: dict[tuple[str, str], dict[int, bytes]] = {}
            for period, block, fid, sig in self.conn.execute(
                    "SELECT period, block, family_id, sig FROM report_family WHERE export_id = ?", (eid,)):
                sigs.setdefault((str(period), str(block)), {})[int(fid)] = bytes(sig)
            out.append(ExportRecord(int(eid), dt.date.fromisoformat(on), str(sc), int(k), int(d),
                                    dt.date.fromisoformat(ps), dt.date.fromisoformat(pe), cells, sigs))
        return out

    def scopes_overlapping(self, first: dt.date, last: dt.date) -> list[tuple[str, str, str]]:
        """(scope, period_start, period_end) of every earlier export whose periods overlap ``first``..``last``."""
        return [(str(a), str(b), str(c)) for a, b, c in self.conn.execute(
            "SELECT scope, period_start, period_end FROM report_export WHERE first_start <= ? AND last_end >= ? "
            "ORDER BY id", (last.isoformat(), first.isoformat()))]

    def record_export(self, *, exported_on: dt.date, scope: str, k: int, d: int, period_start: dt.date,
                      period_end: dt.date, first_start: dt.date, last_end: dt.date,
                      cells: Iterable[tuple[str, str, str]],
                      signatures: Iterable[tuple[str, str, int, bytes]]) -> int:
        """Store one export and its audit entry in one transaction; returns the export's id."""
        from brugdesk.store import audit
        from brugdesk.store.audit import Action

        with Transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO report_export (exported_on, scope, k, d, period_start, period_end, first_start, last_end) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (exported_on.isoformat(), scope, k, d, period_start.isoformat(), period_end.isoformat(),
                 first_start.isoformat(), last_end.isoformat()))
            export_id = int(cur.lastrowid)
            self.conn.executemany("INSERT OR REPLACE INTO report_cell (export_id, period, code, value) "
                                  "VALUES (?,?,?,?)", [(export_id, *c) for c in cells])
            self.conn.executemany("INSERT OR REPLACE INTO report_family (export_id, period, block, family_id, sig) "
                                  "VALUES (?,?,?,?,?)", [(export_id, *s) for s in signatures])
            audit.append(self.conn, Action.REPORT, "report", export_id)
            self._changed(What.REPORT)
        return export_id


def forget_families(conn: Any, family_ids: Iterable[int]) -> None:
    """Erasure/purge: the families' rows in the export history keep counting as "a family" for the
    differencing rule but say nothing about them any more (a random placeholder id and signature).
    Runs inside the caller's transaction."""
    import secrets

    for family_id in family_ids:
        # the block "signals" holds signals' ids in this column (report_signals.forget_signals)
        rows = conn.execute("SELECT export_id, period, block FROM report_family WHERE family_id = ? AND block != ?",
                            (family_id, SIGNAL_BLOCK)).fetchall()
        if not rows:
            continue
        conn.execute("DELETE FROM report_family WHERE family_id = ? AND block != ?", (family_id, SIGNAL_BLOCK))
        placeholder = -(secrets.randbelow(2**62) + 1)  # negative: never a real family id
        conn.executemany(
            "INSERT OR REPLACE INTO report_family (export_id, period, block, family_id, sig) VALUES (?,?,?,?,?)",
            [(e, p, b, placeholder, secrets.token_bytes(8)) for e, p, b in rows])


def merge_export_history(source: Any, target: Any) -> int:
    """Copy the exports ``source`` knows and ``target`` does not into ``target`` (inside the caller's
    transaction); how many. A restore does this from the database it replaces, so an older backup
    does not forget which reports were already shared. An export is the same when its day, scope,
    threshold, periods and printed cells are."""
    def has_history(conn: Any) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'report_export'").fetchone() is not None

    if not has_history(source):
        return 0
    from brugdesk.store import schema

    schema.ensure_export_history(target)

    def fingerprint(conn: Any, export_id: int) -> tuple[Any, ...]:
        head = conn.execute("SELECT exported_on, scope, k, d, period_start, period_end, first_start, last_end "
                            "FROM report_export WHERE id = ?", (export_id,)).fetchone()
        cells = conn.execute("SELECT period, code, value FROM report_cell WHERE export_id = ? "
                             "ORDER BY period, code", (export_id,)).fetchall()
        return (tuple(head), tuple(tuple(c) for c in cells))

    have = {fingerprint(target, r[0]) for r in target.execute("SELECT id FROM report_export").fetchall()}
    added = 0
    for (export_id,) in source.execute("SELECT id FROM report_export ORDER BY id").fetchall():
        fp = fingerprint(source, export_id)
        if fp in have:
            continue
        cur = target.execute("INSERT INTO report_export (exported_on, scope, k, d, period_start, period_end, "
                             "first_start, last_end) VALUES (?,?,?,?,?,?,?,?)", fp[0])
        new_id = int(cur.lastrowid)
        target.executemany("INSERT INTO report_cell (export_id, period, code, value) VALUES (?,?,?,?)",
                           [(new_id, *c) for c in fp[1]])
        target.executemany(
            "INSERT INTO report_family (export_id, period, block, family_id, sig) VALUES (?,?,?,?,?)",
            [(new_id, *r) for r in source.execute(
                "SELECT period, block, family_id, sig FROM report_family WHERE export_id = ?", (export_id,))])
        have.add(fp)
        added += 1
    return added
