"""Purge (retention) and erasure on request leave no trace of the family: no row, no canary in
any decrypted page of the database (free pages included), none in the vault's raw files, none in a
backup made afterwards; the other families stay whole and the audit chain stays verifiable."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.errors import NotFound
from brugdesk.privacy import backup_policy, retention
from brugdesk.store import audit, connection
from brugdesk.store.vault import Vault, db_path
from tests.privacy_data import add_canary_family
from tests.vaultbytes import dump, occurrences, plaintext_of, raw_files

NOW = dt.datetime(2026, 3, 2, 9, 0)


def test_purge_deletes_every_row_and_every_trace(vault: Vault) -> None:
    gone = add_canary_family(vault, "weg", closed=dt.date(2024, 1, 10))
    kept = add_canary_family(vault, "blijft")
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert occurrences(gone.canaries, {"db": plaintext_of(db_path(vault.directory), vault.data_key)})
    due = retention.families_past_retention(vault, dt.date(2026, 3, 1))
    assert retention.purge(vault, [c.id for c in due], today=dt.date(2026, 3, 1)) == 1
    text = dump(vault.conn)
    assert occurrences(gone.canaries, {"rows": text.encode()}) == []
    assert all(c in text for c in kept.canaries)
    for table in ("member", "contact", "referral", "followup", "family_theme", "family_school"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table} WHERE family_id = ?", (gone.id,)).fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM referral_status").fetchone()[0] == 2  # only the kept family's
    assert [(r.date, r.families, r.reason) for r in retention.deletion_records(vault)] == [
        (dt.date(2026, 3, 1), 1, "retention")]
    assert audit.entries(vault.conn, entity="family", entity_id=gone.id) != []  # digest stays, plain id is gone
    assert vault.conn.execute("SELECT count(*) FROM audit WHERE entity = 'family' AND entity_id = ?",
                              (gone.id,)).fetchone()[0] == 0
    assert audit.verify_chain(vault.conn) is None
    # no decrypted page (free pages included) and no file in the vault holds the purged family;
    # the write-ahead log was emptied, so no old page image survives there either
    wal = vault.directory / "brugdesk.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    blobs = {"pages": plaintext_of(db_path(vault.directory), vault.data_key), **raw_files(vault.directory)}
    assert occurrences(gone.canaries, blobs) == []
    assert occurrences(kept.canaries[:1], {"pages": blobs["pages"]})  # the check can find what is there


def test_erasure_is_described_then_as_thorough_as_the_purge(vault: Vault) -> None:
    fam = add_canary_family(vault, "wis")
    other = add_canary_family(vault, "ander")
    summary = retention.describe_erasure(vault, fam.id)
    assert (summary.display_name, summary.members, summary.contacts, summary.referrals, summary.followups) == (
        fam.canaries[0], 2, 2, 1, 2)
    assert summary.audit_entries >= 8
    retention.erase_family(vault, fam.id, today=dt.date(2026, 3, 1))
    with pytest.raises(NotFound):
        vault.repo.families.get(fam.id)
    after = backup_policy.make_backup(vault, now=NOW)
    conn = connection.connect(after.path, vault.data_key, readonly=True)
    try:
        assert occurrences(fam.canaries, {"backup rows": dump(conn).encode()}) == []
    finally:
        conn.close()
    blobs = {"pages": plaintext_of(db_path(vault.directory), vault.data_key),
             "backup pages": plaintext_of(after.path, vault.data_key), **raw_files(vault.directory)}
    assert occurrences(fam.canaries, blobs) == []
    assert occurrences(other.canaries[:1], {"p": blobs["backup pages"]})
    assert retention.deletion_records(vault)[0].reason == "erasure"
    assert [e.action for e in audit.entries(vault.conn, limit=2)] == ["backup", "erase"]
    with pytest.raises(NotFound):
        retention.describe_erasure(vault, fam.id)
