"""The audit log: every listed action is recorded; editing or deleting one entry is detected,
and ``brugdesk check`` exits 4 naming the first broken entry."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from brugdesk.core.model import Family
from brugdesk.privacy import backup_policy, inspection, restore, retention
from brugdesk.reports import export
from brugdesk.store import audit, connection
from brugdesk.store.vault import Vault, db_path
from tests.conftest import PASSPHRASE, TEST_N
from tests.privacy_data import add_canary_family
from tests.reliability.conftest import ROOT, child_env

NOW = dt.datetime(2026, 3, 2, 9, 0)


def actions(vault: Vault) -> list[str]:
    return [e.action for e in reversed(audit.entries(vault.conn, limit=100_000))]


def test_every_listed_action_is_recorded(vault_dir: Path, tmp_path: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.close()
    vault = Vault.open(vault_dir, passphrase=PASSPHRASE)
    fam = add_canary_family(vault)
    vault.repo.families.record_view(fam.id)
    contact_id = vault.repo.contacts.list(fam.id)[0].id
    assert contact_id is not None
    vault.repo.contacts.delete(contact_id)
    inspection.export_family(vault, fam.id, tmp_path / "inzage.pdf")
    export.export(vault.repo, "2025", today=dt.date(2026, 3, 1), csv=tmp_path / "rapportage.csv")
    made = backup_policy.make_backup(vault, now=NOW)
    old = vault.repo.families.create(Family("Oud", dt.date(2020, 1, 6)), today=dt.date(2026, 3, 1))
    assert old.id is not None
    vault.repo.families.close(old.id, dt.date(2021, 1, 4), "resolved", today=dt.date(2026, 3, 1))
    retention.purge(vault, [c.id for c in retention.families_past_retention(vault, dt.date(2026, 3, 1))])
    key = vault.data_key
    vault.close()
    restore.restore(vault_dir, made.path, key)
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        log = actions(v)
        assert audit.verify_chain(v.conn) is None
    for action in ("create_vault", "unlock", "create", "update", "view", "delete", "export", "report", "backup",
                   "restore"):
        assert action in log, action
    # the purge is in the replaced database (kept aside); the restored one ends with restore + unlock
    assert log[-2:] == ["restore", "unlock"]
    aside = next(vault_dir.glob("brugdesk.db.replaced-*"))
    conn = connection.connect(aside, key, readonly=True)
    try:
        assert "purge" in [e.action for e in audit.entries(conn)]
        assert audit.verify_chain(conn) is None
    finally:
        conn.close()
    # entries hold no free text: only known actions and entity types
    assert set(log) <= {str(a) for a in audit.Action}


def tamper(vault_dir: Path, key: bytes, sql: str, *args: object) -> None:
    conn = connection.connect(db_path(vault_dir), key)
    try:
        conn.execute(sql, args)
    finally:
        conn.close()


def run_check(vault_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brugdesk", "check", "--vault", str(vault_dir)], cwd=ROOT,
                          capture_output=True, text=True, env=child_env(), timeout=120, check=False)


@pytest.mark.parametrize("how", ["edit_action", "edit_time", "edit_id", "delete_middle", "delete_last"])
def test_tampering_is_detected_and_named(vault_dir: Path, how: str) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    add_canary_family(vault)
    key = vault.data_key
    ids = [e.id for e in reversed(audit.entries(vault.conn))]
    vault.close()
    target = ids[len(ids) // 2]
    if how == "edit_action":
        tamper(vault_dir, key, "UPDATE audit SET action = 'view' WHERE id = ?", target)
    elif how == "edit_time":
        tamper(vault_dir, key, "UPDATE audit SET ts = '2020-01-01T00:00:00+00:00' WHERE id = ?", target)
    elif how == "edit_id":
        tamper(vault_dir, key, "UPDATE audit SET entity_id = entity_id + 1 WHERE id = ? AND entity_id IS NOT NULL",
               target)
    elif how == "delete_middle":
        tamper(vault_dir, key, "DELETE FROM audit WHERE id = ?", target)
    else:
        target = ids[-1]
        tamper(vault_dir, key, "DELETE FROM audit WHERE id = ?", target)
    conn = connection.connect(db_path(vault_dir), key, readonly=True)
    try:
        assert audit.verify_chain(conn) == target
    finally:
        conn.close()
    result = run_check(vault_dir)
    assert result.returncode == 4, result.stderr
    assert f"verbroken bij regel {target}" in result.stdout
    assert "Traceback" not in result.stderr
    # and one line on stderr says so (a script that only looks at stderr sees it too)
    assert result.stderr.count("\n") == 1 and f"verbroken bij regel {target}" in result.stderr


def test_every_change_through_the_service_layer_leaves_an_audit_entry(vault: Vault) -> None:
    """Each write method of the repositories adds (at least) one entry; none adds free text."""
    from brugdesk.core.lists import ListName
    from brugdesk.core.model import Activity, School

    repo = vault.repo

    def count() -> int:
        return int(vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0])

    def changes(fn: object) -> None:
        before = count()
        fn()  # type: ignore[operator]
        assert count() > before, fn

    school = School("Basisschool De Linde")
    changes(lambda: repo.schools.add(school))
    changes(lambda: repo.schools.update(school))
    fam = add_canary_family(vault)
    changes(lambda: repo.families.record_view(fam.id))
    changes(lambda: repo.lists.add(ListName.THEME, "Huisvesting"))
    changes(lambda: repo.lists.rename(ListName.THEME, "money", "Geld"))
    changes(lambda: repo.lists.set_active(ListName.THEME, "money", False))
    changes(lambda: repo.lists.move(ListName.THEME, "money", 1))
    changes(lambda: repo.settings.set_retention_years(3))
    activity = Activity(dt.date(2026, 2, 2), "coffee_morning", parents_count=4, minutes=60)
    changes(lambda: repo.activities.add(activity, today=dt.date(2026, 3, 1)))
    assert activity.id is not None
    changes(lambda: repo.activities.delete(activity.id))  # type: ignore[arg-type]
    followup = repo.followups.list(fam.id)[0]
    assert followup.id is not None
    changes(lambda: repo.followups.set_done(followup.id, dt.date(2026, 3, 1)))  # type: ignore[arg-type]
    changes(lambda: repo.schools.delete(school.id))  # type: ignore[arg-type]
    texts = " ".join(f"{e.action} {e.entity}" for e in audit.entries(vault.conn, limit=10_000))
    assert not any(c in texts for c in fam.canaries)
