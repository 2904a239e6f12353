"""A vault with 500 MB of attachments still backs up (verified), restores byte-exact and passes
``brugdesk check``. Slow (it writes, encrypts and copies half a gigabyte several times): marked
``slow``, it still runs in CI; the time it takes is printed (``-s``) for the report."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brugdesk.core.model import Family
from brugdesk.privacy import backup_policy
from brugdesk.privacy.restore import restore
from brugdesk.store.repo.attachments import MAX_BYTES
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, ROOT, TEST_N

FILES = 20  # 20 files of 25 MB: 500 MB


@pytest.mark.slow
def test_500_mb_of_attachments_back_up_restore_and_check(tmp_path: Path) -> None:
    started = time.monotonic()
    vault, _rk = Vault.create(tmp_path / "vault", PASSPHRASE, scrypt_n=TEST_N)
    digests: dict[int, str] = {}
    seed = os.urandom(1024 * 1024)
    for i in range(FILES):
        family = vault.repo.families.create(Family(f"Fam. Groot{i}", dt.date(2025, 9, 1)))
        assert family.id is not None
        # 25 MB that differ per file (a random MB repeated with the file's number in front of each)
        data = b"%PDF-1.7\n" + b"".join(i.to_bytes(4, "big") + n.to_bytes(4, "big") + seed[8:]
                                         for n in range(25))[: MAX_BYTES - 9]
        added = vault.repo.attachments.add(family.id, f"scan{i}.pdf", data)
        assert added.id is not None
        digests[added.id] = hashlib.sha256(data).hexdigest()
    assert vault.repo.attachments.total_size() == FILES * MAX_BYTES
    filled = time.monotonic()
    info = backup_policy.make_backup(vault, tag="manual")  # verified: cipher and integrity checks, row counts
    assert info.row_counts["attachment"] == FILES and info.size > FILES * MAX_BYTES
    backed_up = time.monotonic()
    key, directory = vault.data_key, vault.directory
    vault.close()
    restore(directory, info.path, key)
    restored = time.monotonic()
    again = Vault.open(directory, passphrase=PASSPHRASE)
    try:
        for attachment_id, digest in digests.items():
            h = hashlib.sha256()
            for piece in again.repo.attachments.chunks(attachment_id):
                h.update(piece)
            assert h.hexdigest() == digest
    finally:
        again.close()
    read = time.monotonic()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}, "BRUGDESK_PASSPHRASE": PASSPHRASE}
    out = subprocess.run([sys.executable, "-m", "brugdesk", "check", "--vault", str(directory)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=3600)
    assert out.returncode == 0, out.stdout + out.stderr
    checked = time.monotonic()
    print(f"\n500 MB attachments: add {filled - started:.1f} s, backup {backed_up - filled:.1f} s, "
          f"restore {restored - backed_up:.1f} s, read back {read - restored:.1f} s, check {checked - read:.1f} s")
