"""Schema V7 on a vault made before it: the new columns and tables, a referral's latest status date
taken from its history, the signal_closure list in the vault's language, record keys on signals —
and the step run again on a copy whose version number was set back changes nothing. Backups count
the new tables' rows like any other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from brugdesk.core.lists import ListName
from brugdesk.core.model import Appointment, Signal
from brugdesk.store import backup_copy, connection, schema
from brugdesk.store.schema import week
from brugdesk.store.vault import Vault


def _v6_vault(path: Path, english: bool) -> Any:
    conn = connection.connect(path, bytes(range(32)), create=True)
    assert schema.migrate(conn, schema.MIGRATIONS[:6]) == 6
    label = "Parenting" if english else "Opvoeding"
    conn.execute("INSERT INTO list_item (list, code, label, position) VALUES ('theme', 'parenting', ?, 0)", (label,))
    conn.execute("INSERT INTO family (id, ref, display_name, status, start_date, created_at, updated_at) "
                 "VALUES (1, 'G-2025-001', 'Fam. A', 'active', '2025-09-01', '', '')")
    conn.execute("INSERT INTO member (family_id, role, first_name) VALUES (1, 'parent', 'Sanne')")
    conn.execute("INSERT INTO partner (id, name, type) VALUES (1, 'Wijkteam', 'wijkteam')")
    conn.execute("INSERT INTO referral (id, family_id, partner_id, date, status) "
                 "VALUES (10, 1, 1, '2025-09-10', 'waiting_list')")
    conn.executemany("INSERT INTO referral_status (referral_id, status, date) VALUES (10, ?, ?)",
                     [("proposed", "2025-09-10"), ("referred", "2025-09-20"), ("waiting_list", "2025-10-01")])
    conn.execute("INSERT INTO referral (id, family_id, partner_id, date, status) VALUES (11, 1, 1, '2025-11-03', "
                 "'proposed')")  # no history row (never happens through the repository; the date is the fallback)
    return conn


def test_v7_on_a_v6_vault_and_again(tmp_path: Path) -> None:
    conn = _v6_vault(tmp_path / "v6.db", english=False)
    try:
        assert schema.migrate(conn) == schema.SCHEMA_VERSION
        for table, column, _definition in week.V7_COLUMNS:
            assert schema.has_column(conn, table, column), (table, column)
        assert dict(conn.execute("SELECT id, status_date FROM referral")) == {10: "2025-10-01", 11: "2025-11-03"}
        assert conn.execute("SELECT authority, phone FROM member").fetchone() == ("unknown", "")
        closure = [r[0] for r in conn.execute(
            "SELECT label FROM list_item WHERE list = 'signal_closure' ORDER BY position")]
        assert closure[0] == "Geen zorg na navraag" and len(closure) == len(week.V7_SIGNAL_CLOSURE)
        conn.executemany("INSERT INTO signal (date, source, seen, status, status_date, created_at) "
                         "VALUES ('2026-01-05', 'teacher', ?, 'new', '2026-01-05', '')",
                         [(f"s{i}",) for i in range(40)])
        keys = [r[0] for r in conn.execute("SELECT rkey FROM signal")]
        assert all(0 <= k < 256 for k in keys) and len(set(keys)) > 5
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("signal", "referral", "member", "list_item")}
        conn.execute("PRAGMA user_version = 6")  # a copy whose version number was set back
        assert schema.migrate(conn) == schema.SCHEMA_VERSION
        after = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in before}
        assert after == before  # same rows, same record keys, no second list
    finally:
        conn.close()


def test_an_english_vault_gets_english_labels(tmp_path: Path) -> None:
    conn = _v6_vault(tmp_path / "v6en.db", english=True)
    try:
        schema.migrate(conn)
        assert conn.execute("SELECT label FROM list_item WHERE list = 'signal_closure' AND code = 'no_worry'"
                            ).fetchone()[0] == "No worry after asking"
    finally:
        conn.close()


def test_a_new_vault_has_the_closure_list_once_in_its_language(vault_dir: Path) -> None:
    vault, _recovery = Vault.create(vault_dir, "correct horse battery staple", scrypt_n=2**14, language="en")
    try:
        labels = vault.repo.lists.labels(ListName.SIGNAL_CLOSURE)
        assert labels["no_worry"] == "No worry after asking" and len(labels) == len(week.V7_SIGNAL_CLOSURE)
    finally:
        vault.close()


def test_a_backup_counts_and_checks_the_new_tables(vault: Vault, tmp_path: Path) -> None:
    vault.repo.signals.add(Signal(dt.date(2026, 3, 2), "teacher", "Stil in de klas"), today=dt.date(2026, 3, 15))
    vault.repo.appointments.add(Appointment(dt.date(2026, 3, 20), None, "phone"), today=dt.date(2026, 3, 15))
    counts = backup_copy.row_counts(vault.conn)
    assert (counts["signal"], counts["signal_status"], counts["appointment"]) == (1, 1, 1)
    info = backup_copy.backup_to(vault.conn, vault.data_key, tmp_path / "b.bdbackup")
    assert (info.row_counts["signal"], info.row_counts["appointment"]) == (1, 1)


def test_an_erasure_applied_again_to_an_older_database_skips_the_tables_it_does_not_have(tmp_path: Path) -> None:
    """A restored backup (or a database a restore kept aside) from before V7 gets the erasures again
    before it is migrated: the deletion leaves out the signal and appointment tables it lacks."""
    from brugdesk.store import erasure
    from brugdesk.store.transaction import Transaction

    conn = _v6_vault(tmp_path / "old.db", english=False)
    try:
        with erasure.foreign_keys_off(conn), Transaction(conn):
            removed = erasure.purge_rows(conn, [1], dt.date(2026, 3, 2), erasure.REASON_REAPPLIED)
        assert removed == 1
        assert conn.execute("SELECT count(*) FROM family").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM referral_status").fetchone()[0] == 0
    finally:
        conn.close()
