"""The signals (signalen) in the anonymised report: counts with cell keys, per-signal contributions
for the export history, and erasure of a signal's rows in that history (the service layer, no Qt).

Definitions (the report's, beside those of :mod:`brugdesk.store.repo.reports`):

* a signal counts in a period when it is dated inside it and -- with a school chosen -- is about that
  school (its own ``school_id``; a signal without a school counts only for all schools together);
* it counts by its *source* (who passed it on: a code of the ``signal_source`` list) and by its
  *outcome*: its status on the period's last day, from its dated status history (``nieuw`` when the
  history holds nothing up to then);
* codes: ``signals.{source}.{outcome}``, ``signals.{source}.total``, ``signals.total.{outcome}`` and
  ``signals.total``; the cell key is the sum of the counted signals' record keys (``rkey``, V7).

In the export history (``report_family``) the block ``signals`` holds one row per *signal*: its
``family_id`` column holds the signal's id (the other blocks hold families' ids), so erasing a family
must not touch the rows of the block ``signals`` and erasing a signal only those
(:func:`forget_signals`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

__all__ = ["OUTCOMES", "SIGNAL_BLOCK", "forget_signals", "signal_contributions", "signal_counts", "signal_ids"]

#: the report's signal outcomes: the statuses a signal can have at the end of a period
OUTCOMES = ("new", "taken_up", "family_created", "no_action")
#: the export history's block of the signals
SIGNAL_BLOCK = "signals"

_KEY_RANGE = 256

#: the status of signal ``g`` on the period's last day. The signal's own ``status``/``status_date`` are
#: the last entry of its history (a change is never dated before the one before it), so only a signal
#: whose latest change lies after the period needs its history (ordered by date and id; the
#: (signal_id, date, id, status) index answers it)
_STATUS_AT_END = """CASE WHEN g.status_date <= :e THEN g.status ELSE
    coalesce((SELECT ss.status FROM signal_status ss WHERE ss.signal_id = g.id
              AND ss.date <= :e ORDER BY ss.date DESC, ss.id DESC LIMIT 1), 'new') END"""
_WHERE = "g.date BETWEEN :s AND :e AND (:school IS NULL OR g.school_id = :school)"


def _params(start: Any, end: Any, school_id: int | None) -> dict[str, Any]:
    return {"s": start.isoformat(), "e": end.isoformat(), "school": school_id}


def signal_counts(conn: Any, start: Any, end: Any, school_id: int | None) -> dict[str, tuple[int, int]]:
    """``{code: (count, key sum mod 256)}`` of the signals of the period; codes that do not occur are
    left out (they count 0), ``signals.total`` is always there. (The status is worked out once per
    signal: the CTE is materialised, as for the referrals.)"""
    out: dict[str, list[int]] = {"signals.total": [0, 0]}
    for source, status, n, keys in conn.execute(
            f"WITH period AS MATERIALIZED (SELECT g.source AS source, g.rkey AS rkey, {_STATUS_AT_END} AS st "
            f"FROM signal g WHERE {_WHERE}) SELECT source, st, count(*), sum(rkey) FROM period GROUP BY source, st",
            _params(start, end, school_id)):
        outcome = status if status in OUTCOMES else "new"
        for code in (f"signals.{source}.{outcome}", f"signals.{source}.total", f"signals.total.{outcome}",
                     "signals.total"):
            acc = out.setdefault(code, [0, 0])
            acc[0] += int(n)
            acc[1] += int(keys or 0)
    return {code: (n, keys % _KEY_RANGE) for code, (n, keys) in out.items()}


def signal_ids(conn: Any, start: Any, end: Any, school_id: int | None) -> frozenset[int]:
    """The signals that count in the period (ids only: cheap)."""
    return frozenset(int(r[0]) for r in conn.execute(
        f"SELECT g.id FROM signal g WHERE {_WHERE}", _params(start, end, school_id)))


def signal_contributions(conn: Any, start: Any, end: Any, school_id: int | None) -> dict[int, tuple[Any, ...]]:
    """What each signal contributes to the report of the period: ``{signal id: (source, outcome)}``.
    Two reports print the same signal numbers exactly when these agree for every signal."""
    return {int(sid): (str(source), str(status) if status in OUTCOMES else "new") for sid, source, status in
            conn.execute(f"SELECT g.id, g.source, {_STATUS_AT_END} FROM signal g WHERE {_WHERE}",
                         _params(start, end, school_id))}


def forget_signals(conn: Any, signal_ids: Iterable[int]) -> None:
    """A signal deleted, erased with its family or purged: its rows in the export history keep counting
    as "a signal" for the differencing rule but say nothing about it any more (a random placeholder id
    and signature, as for families). Runs inside the caller's transaction."""
    for signal_id in signal_ids:
        rows = conn.execute("SELECT export_id, period FROM report_family WHERE block = ? AND family_id = ?",
                            (SIGNAL_BLOCK, signal_id)).fetchall()
        if not rows:
            continue
        conn.execute("DELETE FROM report_family WHERE block = ? AND family_id = ?", (SIGNAL_BLOCK, signal_id))
        placeholder = -(secrets.randbelow(2**62) + 1)  # negative: never a real id
        conn.executemany(
            "INSERT OR REPLACE INTO report_family (export_id, period, block, family_id, sig) VALUES (?,?,?,?,?)",
            [(e, p, SIGNAL_BLOCK, placeholder, secrets.token_bytes(8)) for e, p in rows])
