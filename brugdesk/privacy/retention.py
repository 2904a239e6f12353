"""Retention (bewaartermijn), purge and erasure on request.

A closed family is kept for ``retention_years`` (a per-vault setting, default 2) after its
closing date. :func:`families_past_retention` lists the families past that term; after the
officer reviewed and confirmed, :func:`purge` deletes every row about them — members,
contacts (with themes), follow-ups, referrals (with status history and themes), the family's
signals and appointments, school and theme links, the family itself — redacts their ids in
the audit log (the hash chain stays verifiable), writes a ``deletion_record`` holding only the
date and how many families, and then rewrites the database so no old page keeps a trace: WAL checkpoint, ``VACUUM``,
checkpoint with truncation (``secure_delete`` is on as well). Signals closed without a family
("geen actie nodig") follow the same term from the day they were closed: the retention purge
deletes them too (:func:`purge_signals`).

:func:`erase_family` is the same for one family at the parents' request, after a
confirmation built from :func:`describe_erasure`.

Every purge and erasure is also written to the *erasure ledger* (:mod:`brugdesk.store.ledger`),
a file beside the database, before the rows are deleted: restoring a backup made before, or putting
an older database file in place by hand, brings the family back only until the ledger is applied
again — right after every restore and on every unlock (:func:`reapply_ledger`: the same deletion
as here, recorded as ``reapplied`` with its own audit entry). Backups made before a purge still hold
the family until they are rotated away (at most seven days plus four weeks); copies made to a folder
or USB stick are the officer's to delete. The databases a restore kept aside
(``brugdesk.db.replaced-*``) get the same deletion (:func:`brugdesk.privacy.restore.erase_in_replaced`);
one that cannot be opened and checked with the vault's key is removed instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from brugdesk.privacy.restore import erase_in_replaced
from brugdesk.store import erasure, ledger
from brugdesk.store.changes import Change, What
from brugdesk.store.erasure import (
    REASON_ERASURE,
    REASON_RETENTION,
    DeletionRecord,
    foreign_keys_off,
    purge_rows,
    scrub,
)
from brugdesk.store.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionCandidate:
    """A closed family whose retention term has passed (shown for review before the purge)."""

    id: int
    ref: str
    display_name: str
    closed_date: dt.date
    due_date: dt.date


@dataclass(frozen=True)
class ErasureSummary:
    """What erasing one family deletes (for the confirmation text)."""

    family_id: int
    ref: str
    display_name: str
    members: int
    contacts: int
    referrals: int
    followups: int
    audit_entries: int
    signals: int = 0  # the signal(s) the family came from
    appointments: int = 0  # its appointments in the agenda, past and planned


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def families_past_retention(vault: Vault, today: dt.date | None = None) -> list[RetentionCandidate]:
    """Closed families whose closing date plus the retention term is on or before ``today``."""
    today = today or dt.date.today()
    years = vault.repo.settings.retention_years
    out: list[RetentionCandidate] = []
    for row in vault.repo.families.closed():
        due = add_years(row.closed_date, years)
        if due <= today:
            out.append(RetentionCandidate(row.id, row.ref, row.display_name, row.closed_date, due))
    return out


def describe_erasure(vault: Vault, family_id: int) -> ErasureSummary:
    """Counts of what :func:`erase_family` would delete, and the family's name for the confirmation."""
    family = vault.repo.families.get(family_id)  # NotFound when it is not there
    rows = vault.repo.families.owned_rows(family_id)
    return ErasureSummary(
        family_id, family.ref, family.display_name, len(rows["member"]), len(rows["contact"]),
        len(rows["referral"]), len(rows["followup"]), len(vault.repo.audit.about_family(family_id)),
        len(rows.get("signal", [])), len(rows.get("appointment", [])),
    )


def purge(vault: Vault, family_ids: list[int], *, today: dt.date | None = None,
          reason: str = REASON_RETENTION) -> int:
    """Delete every row about ``family_ids``; returns how many families were removed (see :func:`erase`).

    The retention purge (``reason`` retention) also deletes the signals past their term
    (:func:`purge_signals`)."""
    removed = erase(vault, family_ids, today=today, reason=reason).removed
    if reason == REASON_RETENTION:
        purge_signals(vault, today=today)
    return removed


def signals_past_retention(vault: Vault, today: dt.date | None = None) -> list[int]:
    """Ids of the signals closed without a family ("geen actie nodig") at least the retention term
    ago: they follow the families' retention rule (a family's own signal goes with the family)."""
    today = today or dt.date.today()
    years = vault.repo.settings.retention_years
    # closed on or before this day: closing date plus the term is on or before today
    cutoff = add_years(today, -years)
    return vault.repo.signals.past_retention(cutoff)


def purge_signals(vault: Vault, *, today: dt.date | None = None) -> int:
    """Delete the signals past retention (:func:`signals_past_retention`), then rewrite the database
    so no freed page keeps them; how many."""
    ids = signals_past_retention(vault, today)
    if not ids:
        return 0
    with vault.transaction():
        removed = erasure.purge_signals(vault.conn, ids)
    if removed:
        scrub(vault.conn)
        vault.changes.emit(Change(frozenset({What.SIGNAL})))
    return removed


@dataclass(frozen=True)
class ErasureOutcome:
    removed: int
    #: the erasure ledger was missing or damaged and a new one was started
    ledger_restarted: bool = False


def erase(vault: Vault, family_ids: list[int], *, today: dt.date | None = None,
          reason: str = REASON_RETENTION) -> ErasureOutcome:
    """Delete every row about ``family_ids``.

    The families go into the erasure ledger first, then one transaction deletes them (all or
    nothing), then ``VACUUM`` so no freed page keeps old content; the databases kept aside by a
    restore get the same deletion. A ledger that is missing or damaged does not stop an erasure:
    a new one is started (:func:`brugdesk.store.ledger.restart`) and the outcome says so.
    """
    family_ids = sorted({int(i) for i in family_ids})
    if not family_ids:
        return ErasureOutcome(0)
    today = today or dt.date.today()
    conn = vault.conn
    # the write lock: one ledger writer at a time, across processes
    with foreign_keys_off(conn), vault.transaction():
        identities = ledger.identities_of(conn, family_ids)
        if not identities:
            return ErasureOutcome(0)
        book, added, restarted = _record(vault, identities, today, reason)
        try:
            removed = purge_rows(conn, [ident[0] for ident in identities], today, reason)
        except BaseException:
            _unrecord(vault, book, added)
            raise
        vault.changes.emit(Change(frozenset({What.ERASURE}), family_ids[0] if len(family_ids) == 1 else None))
    if removed:
        scrub(conn)
        _anchor(vault, book.count)
        erase_in_replaced(vault.directory, vault.data_key, today=today)
    return ErasureOutcome(removed, restarted)


def _record(vault: Vault, identities: list[ledger.Identity], today: dt.date,
            reason: str) -> tuple[ledger.Ledger, int, bool]:
    """Add the families to the ledger file (inside the caller's transaction): the ledger, how
    many entries were added, and whether it had to be started anew."""
    known = ledger.facts(vault.conn, ledger.key_file_erasures(vault.directory, vault.slots))
    restarted = False
    try:
        book = ledger.load_for_change(vault.directory, vault.data_key, known)
    except ledger.LedgerDamaged:
        log.warning("the erasure ledger was missing or damaged; a new one is started")
        book = ledger.restart(vault.directory, vault.data_key, known=known.known, today=today)
        restarted = True
    added = book.add(identities, today, reason)
    ledger.write(vault.directory, book, [vault.data_key])
    ledger.mark_kept(vault.conn)
    return book, added, restarted


def _unrecord(vault: Vault, book: ledger.Ledger, added: int) -> None:
    """The deletion failed (rolled back): take its entries out of the ledger again, if possible."""
    if not added:
        return
    del book.entries[-added:]
    try:
        ledger.write(vault.directory, book, [vault.data_key])
    except OSError:
        # left in: the families are erased when the ledger is next applied (they were confirmed)
        log.warning("the erasure ledger could not be rolled back")


def _anchor(vault: Vault, erasures: int) -> None:
    """Anchor the audit log's head (and the erasure count) in the key file."""
    vault.anchor_audit(erasures=erasures)


def erase_family(vault: Vault, family_id: int, *, today: dt.date | None = None) -> int:
    """Erasure on request (AVG art. 17): delete this one family now, as thoroughly as the purge."""
    return erase_family_outcome(vault, family_id, today=today).removed


def erase_family_outcome(vault: Vault, family_id: int, *, today: dt.date | None = None) -> ErasureOutcome:
    """:func:`erase_family`, saying also whether the erasure ledger had to be started anew."""
    vault.repo.families.get(family_id)  # NotFound when it is not there
    return erase(vault, [family_id], today=today, reason=REASON_ERASURE)


def deletion_records(vault: Vault) -> list[DeletionRecord]:
    """Every deletion record (date, how many families, why), newest first."""
    return erasure.deletion_records(vault.conn)
