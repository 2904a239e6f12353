"""A failure injected at every migration step leaves the vault at the previous version with
identical data; the pre-migration backup is verified; the next run completes the migration."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from brugdesk.errors import MigrationFailed
from brugdesk.privacy import backup_policy
from brugdesk.store import backup_copy, connection, schema
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.privacy_data import add_canary_family
from tests.vaultbytes import dump


def _add_column(conn: Any) -> None:
    conn.execute("ALTER TABLE family ADD COLUMN extra_a TEXT NOT NULL DEFAULT ''")


def _add_table(conn: Any) -> None:
    conn.execute("CREATE TABLE extra_b (id INTEGER PRIMARY KEY, family_id INTEGER REFERENCES family (id))")
    conn.execute("INSERT INTO extra_b (family_id) SELECT id FROM family")


def _rewrite(conn: Any) -> None:
    conn.execute("UPDATE family SET extra_a = upper(ref)")


EXTRA = [_add_column, _add_table, _rewrite]


def failing(step: Callable[[Any], None]) -> Callable[[Any], None]:
    def run(conn: Any) -> None:
        step(conn)  # the step's statements ran ...
        raise RuntimeError("injected failure")  # ... and then it fails

    return run


@pytest.mark.parametrize("fail_at", range(len(EXTRA)))
def test_failure_at_every_migration_step(vault: Vault, fail_at: int) -> None:
    add_canary_family(vault)
    base = schema.SCHEMA_VERSION
    steps = list(schema.MIGRATIONS) + EXTRA
    # run the steps before the failing one
    schema.migrate(vault.conn, migrations=steps[: base + fail_at])
    before = dump(vault.conn)
    broken = steps[: base + fail_at] + [failing(EXTRA[fail_at])] + EXTRA[fail_at + 1 :]
    with pytest.raises(MigrationFailed):
        schema.migrate(vault.conn, migrations=broken)
    assert schema.user_version(vault.conn) == base + fail_at
    assert dump(vault.conn) == before
    assert not vault.conn.in_transaction
    assert connection.integrity_errors(vault.conn) == []
    assert schema.migrate(vault.conn, migrations=steps) == base + len(EXTRA)


def test_failed_migration_on_open_keeps_a_verified_backup(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=2**14)
    add_canary_family(vault)
    key = vault.data_key
    vault.close()
    monkeypatch.setattr(schema, "MIGRATIONS", list(schema.MIGRATIONS) + [failing(_add_column)])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(MigrationFailed):
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    made = backup_policy.list_backups(vault_dir)
    assert len(made) == 1 and "pre-migration" in made[0].tag
    backup_copy.verify_backup(made[0].path, key)
    monkeypatch.undo()
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as reopened:
        assert reopened.repo.families.count() == 1
