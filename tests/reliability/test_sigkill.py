"""SIGKILL during writes: every contact reported after its COMMIT survives; the vault stays healthy."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

from brugdesk.store import connection
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import spawn

KILLS = 32


def test_sigkill_at_random_moments_loses_nothing_acknowledged(small_vault: Path) -> None:
    rng = random.Random(5)
    acknowledged: set[int] = set()
    for _round in range(KILLS):
        child = spawn("contacts", str(small_vault))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.25)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acknowledged.add(int(line))
        child.send_signal(signal.SIGKILL)
        # ids printed before the kill landed were also committed: read them too
        rest, _err = child.communicate()
        acknowledged.update(int(x) for x in rest.split())
        assert child.returncode == -signal.SIGKILL
        with Vault.open(small_vault, passphrase=PASSPHRASE) as vault:
            present = {r[0] for r in vault.conn.execute("SELECT id FROM contact")}
            assert acknowledged <= present
            assert connection.integrity_errors(vault.conn) == []
    assert len(acknowledged) > KILLS  # the child really wrote between kills
