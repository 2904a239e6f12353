"""The benchmark harness: ``python -m benchmarks --scale S [--json FILE] [--seed N]``.

Each op is timed with a warm-up run and the median of repeats, on a working copy of the
cached vault (so runs do not change the cache). Beside each query op the same result is
computed with hand-written SQL on a plain, unencrypted ``sqlite3`` copy of the same data,
in the same run, and the ratio is printed. See docs/benchmarks.md for results and targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.dataset import ROOT, TODAY, Dataset
from brugdesk.store.schema import family_row_range

#: what "interactive" means here: the officer waits for it while clicking or typing
INTERACTIVE = {"family_list_load", "family_list_paint", "search_keystroke", "open_family", "save_contact",
               "due_followups",
               "family_list_page", "search_page", "due_followups_page",
               "family_sort_page", "referrals_page", "week_agenda", "signals_page"}
#: the Gezinnen columns sorted on, in turn (FamilySort values), and their ORDER BY on the plain copy
SORTS = [
    ("ref", "substr(f.ref, 1, 7), CAST(substr(f.ref, 8) AS INTEGER)"),
    ("name", "f.sort_name"),
    ("status", "CASE f.status WHEN 'registered' THEN 0 WHEN 'active' THEN 1 ELSE 2 END"),
    ("schools", "f.school_names"),
    ("last_contact", "f.last_contact IS NULL, f.last_contact"),
    ("next_followup", "f.next_followup IS NULL, f.next_followup"),
    ("open_referrals", "f.open_referrals"),
]
#: what a lazy list model fetches at a time (canFetchMore/fetchMore)
PAGE = 200
#: how many due follow-ups Overzicht lists (with "and N more" below)
OVERVIEW_ROWS = 100
#: search-as-you-type: the text after each keystroke, cycling through typical searches
#: (a surname, a reference code, a child's first name, two words)
KEYSTROKES = ["jans", "janse", "g-2025-0", "g-2025-01", "noor", "ozdem", "bakker e", "bakker em"]
#: environment variable naming a file with a raw data key: the app unlocks with it and quits
#: as soon as its main window is shown (used only for the GUI cold-start measurement)
BENCH_KEY_ENV = "BRUGDESK_BENCH_KEY_FILE"


@dataclass
class Result:
    op: str
    scale: float
    median_ms: float | None
    baseline_ms: float | None = None
    interactive: bool = False
    note: str = ""
    value: float | None = None  # for non-time results (peak memory in MB)
    unit: str = "ms"
    samples: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.median_ms is None or not self.baseline_ms:
            return None
        return self.median_ms / self.baseline_ms

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "op": self.op, "scale": self.scale,
            "median_ms": None if self.median_ms is None else round(self.median_ms, 3),
            "baseline_ms": None if self.baseline_ms is None else round(self.baseline_ms, 3),
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            "interactive": self.interactive,
        }
        if self.value is not None:
            out["value"], out["unit"] = round(self.value, 1), self.unit
        if self.note:
            out["note"] = self.note
        return out


def _once(fn: Callable[[], Any], setup: Callable[[], Any] | None) -> float:
    if setup is not None:
        setup()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def timed(fn: Callable[[], Any], repeats: int, warmup: int = 1,
          setup: Callable[[], Any] | None = None) -> tuple[float, list[float]]:
    """Median wall time of ``fn`` in ms over ``repeats`` runs after ``warmup`` runs."""
    samples = [_once(fn, setup) for _ in range(warmup + repeats)][warmup:]
    return statistics.median(samples), samples


def timed_pair(ours: Callable[[], Any], baseline: Callable[[], Any], repeats: int, warmup: int = 1,
               setup: Callable[[], Any] | None = None, base_setup: Callable[[], Any] | None = None,
               ) -> tuple[float, list[float], float]:
    """Like :func:`timed` for an op and its baseline, run alternately (ours, baseline, ours, …), so
    other work on the machine slows both alike and the ratio stays honest. Returns our median, our
    samples and the baseline's median."""
    ours_samples: list[float] = []
    base_samples: list[float] = []
    for i in range(warmup + repeats):
        a, b = _once(ours, setup), _once(baseline, base_setup)
        if i >= warmup:
            ours_samples.append(a)
            base_samples.append(b)
    return statistics.median(ours_samples), ours_samples, statistics.median(base_samples)


# --------------------------------------------------------------------------- baselines
PLAIN_FAMILY_LIST = """
SELECT f.id, f.ref, f.display_name, f.status, f.start_date,
       coalesce((SELECT group_concat(s.name, ', ') FROM family_school fs JOIN school s ON s.id = fs.school_id
                 WHERE fs.family_id = f.id), ''),
       (SELECT max(date) FROM contact WHERE family_id = f.id),
       (SELECT min(due_date) FROM followup WHERE family_id = f.id AND done_date IS NULL),
       (SELECT count(*) FROM referral WHERE family_id = f.id
          AND status IN ('proposed', 'referred', 'accepted', 'waiting_list')),
       f.search
FROM family f
{where}
ORDER BY f.id DESC
"""


#: the Gezinnen list's columns as schema V8 keeps them on the family row
PLAIN_LIST_COLUMNS = """
SELECT f.id, f.ref, f.display_name, f.status, f.start_date, f.school_names, f.last_contact, f.next_followup,
       f.open_referrals, f.search
FROM family f
"""


class Plain:
    """Hand-written SQL on the unencrypted copy: what each op costs on plain SQLite."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA cache_size = -32000")
        self.path = path

    def search(self, text: str, limit: int | None = None) -> list[Any]:
        words = text.split()
        where = "WHERE " + " AND ".join("instr(f.search, ?) > 0" for _ in words) if words else ""
        sql = PLAIN_FAMILY_LIST.format(where=where) + (f" LIMIT {int(limit)}" if limit else "")
        return self.conn.execute(sql, words).fetchall()

    def family_page(self, limit: int) -> tuple[int, list[Any]]:
        total = self.conn.execute("SELECT count(*) FROM family").fetchone()[0]
        return total, self.conn.execute(PLAIN_FAMILY_LIST.format(where="") + f" LIMIT {int(limit)}").fetchall()

    def search_page(self, text: str, limit: int) -> tuple[int, list[Any]]:
        words = text.split()
        where = " AND ".join("instr(search, ?) > 0" for _ in words) or "1"
        total = self.conn.execute(f"SELECT count(*) FROM family WHERE {where}", words).fetchone()[0]
        return total, self.search(text, limit)

    def due_page(self, until: dt.date, limit: int) -> tuple[int, list[Any]]:
        total = self.conn.execute("SELECT count(*) FROM followup WHERE done_date IS NULL AND due_date <= ?",
                                  (until.isoformat(),)).fetchone()[0]
        return total, self.due_followups(until, limit)

    def open_family(self, family_id: int) -> tuple[Any, ...]:
        c = self.conn
        family = c.execute("SELECT * FROM family WHERE id = ?", (family_id,)).fetchone()
        themes = c.execute("SELECT theme FROM family_theme WHERE family_id = ?", (family_id,)).fetchall()
        schools = c.execute("SELECT school_id FROM family_school WHERE family_id = ?", (family_id,)).fetchall()
        members = c.execute("SELECT * FROM member WHERE family_id = ? ORDER BY role DESC, id", (family_id,)).fetchall()
        contacts = c.execute(
            "SELECT c.*, (SELECT group_concat(theme) FROM contact_theme t WHERE t.contact_id = c.id) FROM contact c "
            "WHERE c.family_id = ? ORDER BY c.date DESC, c.id DESC", (family_id,)).fetchall()
        referrals = c.execute(
            "SELECT r.*, (SELECT group_concat(theme) FROM referral_theme t WHERE t.referral_id = r.id), "
            "(SELECT group_concat(status || ':' || date) FROM referral_status s WHERE s.referral_id = r.id) "
            "FROM referral r WHERE r.family_id = ? ORDER BY r.date DESC, r.id DESC", (family_id,)).fetchall()
        followups = c.execute("SELECT * FROM followup WHERE family_id = ? ORDER BY done_date IS NOT NULL, due_date",
                              (family_id,)).fetchall()
        return family, themes, schools, members, contacts, referrals, followups

    def save_contact(self, family_id: int, day: dt.date) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        # the id from the family's own range, as the service layer gives it (schema.next_family_row_id)
        low, high = family_row_range(family_id)
        cur = c.execute("INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at) "
                        "VALUES ((SELECT coalesce(max(id), ?) + 1 FROM contact WHERE id >= ? AND id < ?),"
                        " ?,?,?,?,?,?,?)", (low, low, high, family_id, day.isoformat(), 45, "home_visit", "parents",
                                            "Benchmark: gesprek over de dagstructuur.", day.isoformat()))
        c.execute("INSERT INTO contact_theme (contact_id, theme) VALUES (?, ?)", (cur.lastrowid, "parenting"))
        # the same result as the service layer's: the last-used kind and a hash-chained audit entry
        c.execute("INSERT INTO setting (key, value) VALUES ('last_contact_kind', '\"home_visit\"') "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        head = c.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
        prev = head[0].split(":", 1)[1] if head else "0" * 64
        digest = hashlib.sha256(f"{prev}|contact|{cur.lastrowid}".encode()).hexdigest()
        audit = c.execute("INSERT INTO audit (ts, action, entity, entity_id, subject, prev_hash, hash) "
                          "VALUES (?, 'create', 'contact', ?, ?, ?, ?)",
                          (day.isoformat(), cur.lastrowid, digest, prev, digest))
        c.execute("INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (f"{audit.lastrowid}:{digest}",))
        c.execute("COMMIT")

    def family_sorted_page(self, order: str, limit: int) -> tuple[int, list[Any]]:
        """The Gezinnen list sorted by a column, closed families hidden: the count and the first page."""
        where = "WHERE f.status != 'closed'"
        total = self.conn.execute(f"SELECT count(*) FROM family f {where}").fetchone()[0]
        ids = [r[0] for r in self.conn.execute(f"SELECT f.id FROM family f {where} ORDER BY {order}, f.id DESC "
                                               f"LIMIT {int(limit)}")]
        rows = self.conn.execute(PLAIN_LIST_COLUMNS + f" WHERE f.id IN ({','.join('?' * len(ids))})", ids).fetchall()
        return total, rows

    def _referral_rows(self, ids: list[int]) -> list[Any]:
        return self.conn.execute(
            "SELECT r.id, r.family_id, f.ref, f.display_name, r.partner_id, p.name, p.type, r.status, r.date, "
            "r.status_date, r.need, r.contact_person, coalesce((SELECT group_concat(s.name, ', ') FROM family_school x "
            "JOIN school s ON s.id = x.school_id WHERE x.family_id = r.family_id), '') FROM referral r "
            "JOIN partner p ON p.id = r.partner_id JOIN family f ON f.id = r.family_id "
            f"WHERE r.id IN ({','.join('?' * len(ids))})", ids).fetchall()

    def referrals_page(self, today: dt.date, limit: int) -> tuple[int, list[Any]]:
        """The referrals page: every referral, the one waiting longest first; count + first page (the
        page's ids first, then their families and partners, as the service layer does)."""
        total = self.conn.execute("SELECT count(*) FROM referral").fetchone()[0]
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM referral ORDER BY status_date, id LIMIT {int(limit)}")]
        return total, self._referral_rows(ids)

    def referrals_overdue_page(self, cutoff: dt.date, limit: int) -> tuple[int, list[Any]]:
        """The referrals page filtered on overdue (Overzicht's link): count + first page."""
        where = "status IN ('proposed', 'referred', 'waiting_list') AND status_date < ?"
        total = self.conn.execute(f"SELECT count(*) FROM referral WHERE {where}", (cutoff.isoformat(),)).fetchone()[0]
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM referral WHERE {where} ORDER BY status_date, id "
                                               f"LIMIT {int(limit)}", (cutoff.isoformat(),))]
        return total, self._referral_rows(ids)

    def week_agenda(self, monday: dt.date) -> list[Any]:
        sunday = monday + dt.timedelta(days=6)
        return self.conn.execute(
            "SELECT a.id, a.date, a.time, a.minutes, a.kind, a.note, a.status, a.family_id, coalesce(f.ref, ''), "
            "coalesce(f.display_name, ''), a.contact_id FROM appointment a LEFT JOIN family f ON f.id = a.family_id "
            "WHERE a.date >= ? AND a.date <= ? AND a.status != 'cancelled' ORDER BY a.date, a.time, a.id",
            (monday.isoformat(), sunday.isoformat())).fetchall()

    def _signal_rows(self, ids: list[Any]) -> list[Any]:
        return self.conn.execute(
            "SELECT g.id, g.date, g.source, g.school_id, g.group_name, g.seen, g.status, g.status_date, "
            "g.closing_reason, g.family_id, coalesce(s.name, ''), coalesce(f.ref, '') FROM signal g "
            "LEFT JOIN school s ON s.id = g.school_id LEFT JOIN family f ON f.id = g.family_id "
            f"WHERE g.id IN ({','.join('?' * len(ids))})", ids).fetchall()

    def signals_page(self, limit: int) -> tuple[int, list[Any]]:
        """The signals page, open signals (nieuw, opgepakt), newest first: count + first page."""
        where = "WHERE status IN ('new', 'taken_up')"
        total = self.conn.execute(f"SELECT count(*) FROM signal {where}").fetchone()[0]
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM signal {where} ORDER BY date DESC, id DESC "
                                               f"LIMIT {int(limit)}")]
        return total, self._signal_rows(ids)

    def signals_all_page(self, limit: int) -> tuple[int, list[Any]]:
        """Every signal, newest first: count + first page."""
        total = self.conn.execute("SELECT count(*) FROM signal").fetchone()[0]
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM signal ORDER BY date DESC, id DESC LIMIT {int(limit)}")]
        return total, self._signal_rows(ids)

    def due_followups(self, until: dt.date, limit: int | None = None) -> list[Any]:
        return self.conn.execute(
            "SELECT u.id, u.family_id, u.contact_id, u.text, u.due_date, u.done_date, f.ref, f.display_name "
            "FROM followup u JOIN family f ON f.id = u.family_id WHERE u.done_date IS NULL AND u.due_date <= ? "
            "ORDER BY u.due_date, u.id" + (f" LIMIT {int(limit)}" if limit else ""), (until.isoformat(),)).fetchall()

    def report_aggregation(self, start: dt.date, end: dt.date) -> list[Any]:
        """The report's main tables for a period, each one GROUP BY query."""
        s, e = start.isoformat(), end.isoformat()
        c = self.conn
        in_scope = "start_date <= :e AND (closed_date IS NULL OR closed_date >= :s)"
        p = {"s": s, "e": e}
        return [
            c.execute(f"SELECT status, count(*), sum(start_date >= :s), sum(closed_date <= :e) FROM family "
                      f"WHERE {in_scope} GROUP BY status", p).fetchall(),
            c.execute("SELECT kind, count(*), sum(minutes), count(DISTINCT family_id) FROM contact "
                      "WHERE date BETWEEN :s AND :e GROUP BY kind", p).fetchall(),
            c.execute("SELECT strftime('%Y-%m', date), kind, count(*) FROM contact WHERE date BETWEEN :s AND :e "
                      "GROUP BY 1, 2", p).fetchall(),
            c.execute(f"SELECT t.theme, count(*) FROM family_theme t JOIN family f ON f.id = t.family_id "
                      f"WHERE {in_scope} GROUP BY t.theme", p).fetchall(),
            c.execute("SELECT signal_source, count(*) FROM family WHERE start_date BETWEEN :s AND :e "
                      "GROUP BY signal_source", p).fetchall(),
            c.execute("SELECT p.type, r.status, count(*), sum(r.warm_handover) FROM referral r "
                      "JOIN partner p ON p.id = r.partner_id WHERE r.date BETWEEN :s AND :e GROUP BY 1, 2",
                      p).fetchall(),
            c.execute("SELECT closure_outcome, count(*) FROM family WHERE closed_date BETWEEN :s AND :e "
                      "GROUP BY closure_outcome", p).fetchall(),
            c.execute(f"SELECT count(*) FROM member m JOIN family f ON f.id = m.family_id "
                      f"WHERE m.role = 'child' AND {in_scope}", p).fetchall(),
            c.execute("SELECT kind, count(*), sum(parents_count), sum(minutes) FROM activity "
                      "WHERE date BETWEEN :s AND :e GROUP BY kind", p).fetchall(),
            c.execute("SELECT source, status, count(*) FROM signal WHERE date BETWEEN :s AND :e GROUP BY 1, 2",
                      p).fetchall(),
        ]

    def unlock(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA user_version").fetchone()
        conn.close()

    def backup(self, target: Path) -> None:
        """Online backup, fsync, reopen, integrity_check and row counts: the verification plain SQLite allows."""
        tables = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        counts = {t: self.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        dst = sqlite3.connect(target)
        self.conn.backup(dst)
        dst.close()
        with open(target, "rb+") as fh:
            os.fsync(fh.fileno())
        check = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {t: check.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables} == counts
        check.close()

    def close(self) -> None:
        self.conn.close()


# --------------------------------------------------------------------------- the UI's model
class ListModel:
    """The Gezinnen list as the GUI fills it: the paged table model offscreen when present (a
    count plus the first page of the query, as the page does), else the same queries."""

    def __init__(self) -> None:
        self.label = f"repo: count_rows + rows(limit={PAGE})"
        self.model: Any = None
        self.query: Any = None
        try:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtWidgets import QApplication

            from brugdesk.ui.models.families import FamilyQuery, FamilyTableModel
        except ImportError:
            return
        from PySide6.QtWidgets import QTableView

        self.app = QApplication.instance() or QApplication(["brugdesk-bench"])
        self.model = FamilyTableModel()
        self.model.page = PAGE
        self.query = FamilyQuery
        self.label = f"FamilyTableModel: count + first {PAGE} rows"
        #: a real table view on the model, shown offscreen at the Gezinnen page's size, for the paint op
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(1100, 800)
        self.view.show()
        self.app.processEvents()

    def load(self, repo: Any) -> int:
        """The page opening (or refreshing): the count and the first page of the whole list."""
        if self.model is None:
            repo.families.count_rows()
            return len(repo.families.rows(limit=PAGE))
        self.model.set_repo(repo)
        self.model.set_query(self.query())
        return int(self.model.rowCount())

    def search(self, repo: Any, text: str) -> int:
        """One keystroke (after the debounce): the model resets to the first page of the search."""
        if self.model is None:
            repo.families.count_rows(search=text)
            return len(repo.families.rows(search=text, limit=PAGE))
        self.model.set_query(self.query(search=text))
        return int(self.model.rowCount())

    def paint(self) -> None:
        """The view's first paint after a reset: Qt asks the model for every role of every visible
        cell (through PySide, into Python) and draws the text, offscreen."""
        self.view.viewport().repaint()


def _vm_hwm_kb(status: Path) -> int:
    """A running process's peak resident memory (VmHWM) in KiB; 0 when it cannot be read."""
    try:
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


# --------------------------------------------------------------------------- the ops
class Bench:
    def __init__(self, dataset: Dataset, repeats: int, work: Path) -> None:
        from brugdesk.store.vault import Vault

        self.dataset = dataset
        self.repeats = repeats
        self.work = work
        self.results: list[Result] = []
        self.gui_peak_mb = 0.0
        self.vault_dir = work / "vault"
        shutil.copytree(dataset.vault_dir, self.vault_dir)
        self.plain_path = work / "plain.db"
        shutil.copy2(dataset.plain, self.plain_path)
        self.key = dataset.key()
        self.vault = Vault.open_with_key(self.vault_dir, self.key)
        self.plain = Plain(self.plain_path)
        ids = [r[0] for r in self.plain.conn.execute("SELECT id FROM family ORDER BY id")]
        step = max(1, len(ids) // 9)
        self.sample_ids = ids[::step][:9]

    @property
    def repo(self) -> Any:
        return self.vault.repo

    def add(self, op: str, ours: Callable[[], Any], baseline: Callable[[], Any] | None = None, *,
            repeats: int | None = None, note: str = "", setup: Callable[[], Any] | None = None,
            base_setup: Callable[[], Any] | None = None) -> Result:
        n = repeats or self.repeats
        base: float | None = None
        if baseline is None:
            median, samples = timed(ours, n, setup=setup)
        else:
            median, samples, base = timed_pair(ours, baseline, n, setup=setup, base_setup=base_setup)
        result = Result(op, self.dataset.scale, median, base, op in INTERACTIVE, note, samples=samples)
        self.results.append(result)
        return result

    def cycle(self, items: list[Any]) -> Callable[[], Any]:
        state = {"i": 0}

        def next_item() -> Any:
            item = items[state["i"] % len(items)]
            state["i"] += 1
            return item

        return next_item

    # -- individual ops
    def unlock(self) -> None:
        from brugdesk.store.vault import Vault

        opened: list[Any] = []

        def ours() -> None:
            opened.append(Vault.open_with_key(self.vault_dir, self.key))

        def close() -> None:
            while opened:
                opened.pop().close()

        self.add("unlock", ours, self.plain.unlock, setup=close,
                 note="raw-key open, schema check, audit entry (no passphrase KDF)")
        close()

    def family_list(self, model: ListModel) -> None:
        n = 0

        def ours() -> None:
            nonlocal n
            n = model.load(self.repo)

        self.add("family_list_load", ours, lambda: self.plain.family_page(PAGE),
                 note=f"{model.label} of {self.dataset.families}")
        if model.model is not None:
            self.add("family_list_paint", model.paint, setup=lambda: model.load(self.repo),
                     note="a QTableView (1100x800, offscreen) painting the first rows after the list loaded")

    def search(self, model: ListModel) -> None:
        model.load(self.repo)
        ours_next, base_next = self.cycle(KEYSTROKES), self.cycle(KEYSTROKES)
        self.add("search_keystroke", lambda: model.search(self.repo, ours_next()),
                 lambda: self.plain.search_page(base_next(), PAGE), repeats=max(self.repeats, len(KEYSTROKES)),
                 note=f"{model.label}; texts {', '.join(KEYSTROKES)}")
        model.search(self.repo, "")

    def pages(self) -> None:
        """What a lazy list model (canFetchMore/fetchMore) asks the service layer for: a count and one page."""
        families = self.repo.families
        self.add("family_list_page", lambda: (families.count_rows(), families.rows(limit=PAGE)),
                 lambda: self.plain.family_page(PAGE), note=f"repo: count + first {PAGE} rows (lazy model)")
        ours_next, base_next = self.cycle(KEYSTROKES), self.cycle(KEYSTROKES)

        def search() -> None:
            text = ours_next()
            families.count_rows(search=text)
            families.rows(search=text, limit=PAGE)

        self.add("search_page", search, lambda: self.plain.search_page(base_next(), PAGE),
                 repeats=max(self.repeats, len(KEYSTROKES)), note=f"repo: count + first {PAGE} matches")
        until = TODAY + dt.timedelta(days=7)
        followups = self.repo.followups
        self.add("due_followups_page", lambda: (followups.count_due(until), followups.due(until, limit=PAGE)),
                 lambda: self.plain.due_page(until, PAGE), note=f"repo: count + first {PAGE}")

    def week(self) -> None:
        """The officer's week (schema V7, V8): the Gezinnen list sorted by each column in turn, the
        referrals page, the week agenda, the signals page."""
        from brugdesk.store.repo.families import FamilySort

        families = self.repo.families
        ours_next, base_next = self.cycle(SORTS), self.cycle(SORTS)

        def ours_sort() -> None:
            column, _order = ours_next()
            families.count_rows(open_only=True)
            families.rows(open_only=True, sort=FamilySort(column), limit=PAGE, today=TODAY)

        self.add("family_sort_page", ours_sort, lambda: self.plain.family_sorted_page(base_next()[1], PAGE),
                 repeats=max(self.repeats, 2 * len(SORTS)),
                 note=f"repo: count + first {PAGE} open families sorted by each column in turn")
        referrals = self.repo.referrals
        self.add("referrals_page", lambda: (referrals.count_listing(today=TODAY),
                                            referrals.listing(limit=PAGE, today=TODAY)),
                 lambda: self.plain.referrals_page(TODAY, PAGE),
                 note=f"repo: count + first {PAGE}, longest waiting first")
        cutoff = referrals.overdue_cutoff(TODAY)
        self.add("referrals_overdue", lambda: (referrals.count_listing(overdue=True, today=TODAY),
                                               referrals.listing(overdue=True, limit=PAGE, today=TODAY)),
                 lambda: self.plain.referrals_overdue_page(cutoff, PAGE),
                 note=f"filtered on overdue: count + first {PAGE}")
        agenda = self.repo.appointments
        monday = TODAY - dt.timedelta(days=TODAY.weekday())
        self.add("week_agenda", lambda: agenda.week(TODAY), lambda: self.plain.week_agenda(monday),
                 note="repo: the appointments of this week, with their families")
        from brugdesk.core.model import SignalStatus

        signals = self.repo.signals
        open_ = (SignalStatus.NEW, SignalStatus.TAKEN_UP)
        self.add("signals_page", lambda: (signals.count(statuses=open_), signals.rows(statuses=open_, limit=PAGE)),
                 lambda: self.plain.signals_page(PAGE), note=f"open signals: count + first {PAGE}, newest first")
        self.add("signals_all_page", lambda: (signals.count(), signals.rows(limit=PAGE)),
                 lambda: self.plain.signals_all_page(PAGE), note=f"every signal: count + first {PAGE}")

    def integrity_on_open(self) -> None:
        from brugdesk.store import integrity
        from brugdesk.store.vault import db_path

        self.add("integrity_on_open", lambda: integrity.check_on_open(db_path(self.vault_dir), self.key),
                 repeats=max(3, min(self.repeats, 5)),
                 note="part of unlock: cipher_integrity_check (every page HMAC), read-only")

    def open_family(self) -> None:
        ours_next, base_next = self.cycle(self.sample_ids), self.cycle(self.sample_ids)

        def open_one(family_id: int) -> None:
            self.repo.families.get(family_id)
            self.repo.members.list(family_id)
            self.repo.contacts.list(family_id)
            self.repo.referrals.list(family_id)
            self.repo.followups.list(family_id)

        self.add("open_family", lambda: open_one(ours_next()), lambda: self.plain.open_family(base_next()),
                 repeats=max(self.repeats, len(self.sample_ids)),
                 note="family, members, contacts (with themes), referrals (with history), follow-ups")
        # the same family again and again: its pages are in both page caches, nothing to decrypt
        warm = self.sample_ids[0]
        self.add("open_family_warm", lambda: open_one(warm), lambda: self.plain.open_family(warm),
                 note="open_family for a family opened just before (its pages cached: no decryption)")

    def save_contact(self) -> None:
        from brugdesk.core.model import Contact

        family_id = self.sample_ids[len(self.sample_ids) // 2]

        def ours() -> None:
            self.repo.contacts.add(Contact(family_id=family_id, date=TODAY, minutes=45, kind="home_visit",
                                           with_whom=["parents"], themes=["parenting"],
                                           note="Benchmark: gesprek over de dagstructuur."), today=TODAY)

        self.add("save_contact", ours, lambda: self.plain.save_contact(family_id, TODAY),
                 note="durable commit (WAL, synchronous=FULL) incl. audit entry")

    def due_followups(self) -> None:
        followups = self.repo.followups
        self.add("due_followups", lambda: (followups.count_due(TODAY), followups.due(TODAY, limit=OVERVIEW_ROWS)),
                 lambda: self.plain.due_page(TODAY, OVERVIEW_ROWS),
                 note=f"what Overzicht shows: count + the first {OVERVIEW_ROWS} due today or overdue")

    def report(self) -> None:
        from brugdesk.core.periods import find_exportable

        label = f"{TODAY.year - 1}-{TODAY.year}"
        item = find_exportable(label, self.vault.repo.settings.term_starts, TODAY)
        assert item is not None
        year, before = item.period, item.comparison
        from benchmarks.report_ops import gather, protect, render_pdf

        heavy = max(3, min(self.repeats, 5))

        def plain_report() -> None:
            # the report shows the period and, for the comparison, the same period a year earlier
            self.plain.report_aggregation(year.start, year.end)
            self.plain.report_aggregation(before.start, before.end)

        self.add("report_aggregation", lambda: gather(self.vault, label, TODAY), plain_report, repeats=heavy,
                 note=f"school year {label} and, for the comparison, {before.label}")
        gathered = gather(self.vault, label, TODAY)
        self.add("report_protection", lambda: protect(self.vault, gathered, TODAY), repeats=heavy,
                 note="perturbation, export history, linked check (LP) and layout")
        report = protect(self.vault, gathered, TODAY)
        target = self.work / "report.pdf"
        self.add("report_pdf", lambda: render_pdf(report, target), repeats=heavy,
                 setup=lambda: target.unlink(missing_ok=True), note="reportlab, DejaVu embedded")

    def backup(self) -> None:
        from brugdesk.store import backup_copy

        targets = iter(range(10_000))
        heavy = max(3, min(self.repeats, 5))

        def ours() -> None:
            backup_copy.backup_to(self.vault.conn, self.key, self.work / "backups" / f"b{next(targets)}.bdbackup")

        def clean() -> None:
            shutil.rmtree(self.work / "backups", ignore_errors=True)
            shutil.rmtree(self.work / "plain-backups", ignore_errors=True)
            (self.work / "plain-backups").mkdir()

        self.add("backup_verify", ours, lambda: self.plain.backup(self.work / "plain-backups" / "b.db"),
                 repeats=heavy, setup=clean, base_setup=clean,
                 note="online backup API, fsync, reopen + cipher_integrity_check + integrity_check + row counts")
        clean()

    def _reopen_from(self, vault_copy: Path) -> None:
        from benchmarks import sheet_ops
        from brugdesk.store.vault import Vault

        self.vault.close()
        sheet_ops.fresh_copy(vault_copy, self.vault_dir)
        self.vault = Vault.open_with_key(self.vault_dir, self.key)

    def sheet_import(self) -> None:
        """Importing 2,000 families (6,000 members) and 20,000 contacts from .xlsx: read, map, preview, commit."""
        from benchmarks import sheet_ops

        families, _mb, _backup_mb = sheet_ops.sizes(self.dataset.scale)
        book = sheet_ops.write_caseload(self.work / "caseload.xlsx", families)
        self.vault.close()
        before = self.work / "vault-before-import"
        sheet_ops.fresh_copy(self.vault_dir, before)
        self._reopen_from(before)
        plain_before = self.work / "plain-before-import.db"
        self.plain.close()
        shutil.copy2(self.plain_path, plain_before)
        self.plain = Plain(self.plain_path)
        counts: list[tuple[int, int, int]] = []

        def plain_reset() -> None:
            self.plain.close()
            shutil.copy2(plain_before, self.plain_path)
            self.plain = Plain(self.plain_path)

        self.add("import_xlsx", lambda: counts.append(sheet_ops.import_caseload(self.vault, book)),
                 lambda: sheet_ops.plain_inserts(self.plain.conn, families), repeats=3,
                 setup=lambda: self._reopen_from(before), base_setup=plain_reset,
                 note=f"{families:,} families, {families * (sheet_ops.CHILDREN_PER_FAMILY + 1):,}"
                      f" members, {families * sheet_ops.CONTACTS_PER_FAMILY:,} contacts from .xlsx "
                      "(read, map, preview, one batch each); plain: the same rows with executemany")
        assert counts and counts[-1] == (families, families * (sheet_ops.CHILDREN_PER_FAMILY + 1),
                                         families * sheet_ops.CONTACTS_PER_FAMILY), counts[-1]
        self._reopen_from(before)
        plain_reset()
        shutil.rmtree(before, ignore_errors=True)

    def attachment(self) -> None:
        """Adding a 20 MB file (in 256 KiB chunks, one transaction) and reading it back whole, as the viewer does."""
        from benchmarks import sheet_ops
        from brugdesk.store.repo.attachments import CHUNK

        _families, mb, _backup_mb = sheet_ops.sizes(self.dataset.scale)
        data = sheet_ops.attachment_bytes(mb)
        family_id = self.sample_ids[0]
        added: list[int] = []

        def ours() -> None:
            attachment = self.repo.attachments.add(family_id, "scan.pdf", data)
            assert attachment.id is not None
            added.append(attachment.id)
            assert len(self.repo.attachments.read(attachment.id)) == len(data)

        def remove() -> None:
            while added:
                self.repo.attachments.delete(added.pop())

        self.add("attachment_20mb", ours, lambda: sheet_ops.plain_attachment(self.plain.conn, data, CHUNK),
                 repeats=max(3, min(self.repeats, 5)), setup=remove,
                 note=f"add a {mb} MB PDF and read it back whole (the viewer's bytes)")
        remove()

    def backup_with_attachments(self) -> None:
        """The verified backup of this vault with 200 MB of attachments added (10 files of 20 MB)."""
        from benchmarks import sheet_ops
        from brugdesk.store import backup_copy
        from brugdesk.store.repo.attachments import CHUNK

        _families, _mb, total_mb = sheet_ops.sizes(self.dataset.scale)
        files = max(1, total_mb // sheet_ops.ATTACHMENT_MB)
        each = total_mb // files
        for i, family_id in enumerate((self.sample_ids * files)[:files]):
            self.repo.attachments.add(family_id, f"scan{i}.pdf", sheet_ops.attachment_bytes(each))
        self.plain.conn.execute(sheet_ops.PLAIN_ATTACHMENT)
        blob = sheet_ops.attachment_bytes(each)
        self.plain.conn.execute("BEGIN")
        self.plain.conn.executemany(
            "INSERT INTO plain_attachment_chunk (attachment_id, seq, data) VALUES (?, ?, ?)",
            [(a, i, blob[o : o + CHUNK]) for a in range(2, 2 + files)
             for i, o in enumerate(range(0, len(blob), CHUNK))])
        self.plain.conn.execute("COMMIT")
        targets = iter(range(10_000))

        def ours() -> None:
            backup_copy.backup_to(self.vault.conn, self.key, self.work / "backups" / f"a{next(targets)}.bdbackup")

        def clean() -> None:
            shutil.rmtree(self.work / "backups", ignore_errors=True)
            shutil.rmtree(self.work / "plain-backups", ignore_errors=True)
            (self.work / "plain-backups").mkdir()

        self.add("backup_200mb_files", ours, lambda: self.plain.backup(self.work / "plain-backups" / "a.db"),
                 repeats=1, setup=clean, base_setup=clean,
                 note=f"backup_verify with {files * each} MB of attachments in the vault")
        clean()

    def gui_cold_start(self) -> None:
        try:
            import brugdesk.ui.app as app_module
        except ImportError as exc:
            self.results.append(Result("gui_cold_start", self.dataset.scale, None, note=f"not measured: {exc}"))
            return
        if getattr(app_module, "BENCH_KEY_ENV", None) != BENCH_KEY_ENV:
            self.results.append(Result("gui_cold_start", self.dataset.scale, None,
                                       note="not measured: brugdesk.ui.app has no bench hook"))
            return
        home = self.work / "gui-home"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
                   **{BENCH_KEY_ENV: str(self.dataset.key_file)})
        cmd = [sys.executable, "-m", "brugdesk", "--vault", str(self.vault_dir)]
        failures: list[str] = []
        peak_kb = [0]

        shown_ms: list[float] = []

        def run() -> None:
            started = time.time()
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # The child's own ru_maxrss would include this process's memory (Linux carries the
            # parent's high-water mark across fork+exec), so sample its VmHWM instead.
            status = Path(f"/proc/{proc.pid}/status")
            while proc.poll() is None:
                peak_kb[0] = max(peak_kb[0], _vm_hwm_kb(status))
                time.sleep(0.005)
            assert proc.stderr is not None and proc.stdout is not None
            err = proc.stderr.read()
            for line in proc.stdout.read().decode(errors="replace").splitlines():
                if line.startswith(app_module.BENCH_SHOWN_MARK + " "):
                    shown_ms.append((float(line.split()[1]) - started) * 1000)
            if proc.returncode != 0 or err.strip():
                failures.append(f"exit {proc.returncode}: {err.decode(errors='replace').strip()[-300:]}")

        self.vault.close()  # one process at a time, as on an officer's laptop
        try:
            result = self.add("gui_cold_start", run, repeats=max(3, min(self.repeats, 5)),
                              note="new process until the unlocked main window is shown (offscreen)")
        finally:
            from brugdesk.store.vault import Vault

            self.vault = Vault.open_with_key(self.vault_dir, self.key)
        # time to the window shown, not to the process's end (quitting makes the backup on close)
        warmups = len(shown_ms) - len(result.samples)
        if len(shown_ms) > warmups >= 0 and not failures:
            result.samples = shown_ms[warmups:]
            result.median_ms = statistics.median(result.samples)
        elif not failures:
            failures.append("the app never reported its main window as shown")
        if failures:
            result.median_ms = None
            result.note = f"failed: {failures[0]}"
        if peak_kb[0]:
            self.gui_peak_mb = peak_kb[0] / 1024

    def peak_memory(self) -> None:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.results.append(Result("peak_memory", self.dataset.scale, None, value=own, unit="MB",
                                   note="this process: vault, every op above, the list model"))
        if self.gui_peak_mb:
            self.results.append(Result("peak_memory_gui", self.dataset.scale, None, value=self.gui_peak_mb,
                                       unit="MB", note="the GUI process at cold start (VmHWM, sampled)"))

    def run_all(self) -> list[Result]:
        model = ListModel()
        self.unlock()
        self.integrity_on_open()
        self.family_list(model)
        self.search(model)
        self.pages()
        self.open_family()
        self.save_contact()
        self.due_followups()
        self.week()
        self.report()
        self.backup()
        self.gui_cold_start()
        self.peak_memory()
        # issue 14, after the memory peak (an import of 24,000 rows and 200 MB of files are not a desk's day)
        self.sheet_import()
        self.attachment()
        self.backup_with_attachments()
        return self.results

    def run_only(self, names: tuple[str, ...]) -> list[Result]:
        for name in names:
            getattr(self, name)()
        return self.results

    def close(self) -> None:
        self.vault.close()
        self.plain.close()


#: ``--only GROUP``: the Bench methods of a group of ops
ONLY: dict[str, tuple[str, ...]] = {
    "import": ("sheet_import",),
    "attachments": ("attachment", "backup_with_attachments"),
    "report": ("report",),
    "week": ("week",),
}


# --------------------------------------------------------------------------- output
def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def table(results: list[Result], dataset: Dataset) -> str:
    info = dataset.info()
    counts = info.get("counts", {})
    assert isinstance(counts, dict)
    lines = [
        f"brugdesk benchmarks, scale {dataset.scale:g} (seed {dataset.seed}): "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items()),
        "",
        f"{'op':<20} {'median ms':>10} {'plain ms':>10} {'ratio':>7}  note",
        "-" * 78,
    ]
    for r in results:
        if r.value is not None:
            lines.append(f"{r.op:<20} {r.value:>8.0f} {r.unit:<3}{'':>8} {'':>7}  {r.note}")
            continue
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
        mark = "*" if r.interactive else " "
        lines.append(f"{r.op:<19}{mark} {fmt_ms(r.median_ms):>10} {fmt_ms(r.baseline_ms):>10} {ratio:>7}  {r.note}")
    lines.append("")
    lines.append("* interactive. Median of repeats after a warm-up; 'plain' is hand-written SQL on an "
                 "unencrypted sqlite3 copy, measured in the same run.")
    return "\n".join(lines)


def ensure_dataset(scale: float, seed: int) -> Dataset:
    """Build the cache entry in a subprocess (its memory must not count as the harness's peak)."""
    from benchmarks.dataset import entry_dir, families_for

    directory = entry_dir(scale, seed)
    if not (directory / "info.json").exists():
        subprocess.run([sys.executable, "-m", "benchmarks.dataset", "--scale", repr(scale), "--seed", str(seed)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return Dataset(directory, scale, seed, families_for(scale))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 300 families (one officer); 100 = 30,000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--repeats", type=int, default=9, help="timed runs per op (after one warm-up)")
    parser.add_argument("--only", metavar="GROUP", choices=sorted(ONLY),
                        help="run only this group of ops (" + ", ".join(sorted(ONLY)) + ")")
    args = parser.parse_args(argv)
    if not 0.01 <= args.scale <= 1000:
        parser.error("--scale must be between 0.01 and 1000")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    dataset = ensure_dataset(args.scale, args.seed)
    with tempfile.TemporaryDirectory(prefix="brugdesk-bench-") as tmp:
        bench = Bench(dataset, args.repeats, Path(tmp))
        try:
            results = bench.run_all() if not args.only else bench.run_only(ONLY[args.only])
        finally:
            bench.close()
    print(table(results, dataset))
    if args.json:
        Path(args.json).write_text(json.dumps([r.as_json() for r in results], indent=1) + "\n", encoding="utf-8")
    return 0
