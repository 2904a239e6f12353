"""Child process for the reliability tests (run as ``python child.py MODE VAULT [ARGS]``).

Modes:
* ``contacts VAULT``: add contacts forever; print each id *after* its COMMIT returned.
* ``passwd VAULT STEP`` / ``rotate VAULT STEP``: change the passphrase / rotate the data key and
  SIGKILL this process at the named step (``none``: run to the end). Prints ``done`` at the end.
* ``fill VAULT LIMIT``: with ``RLIMIT_FSIZE`` = LIMIT bytes (SIGXFSZ ignored), add contacts until
  a write fails; print each acknowledged id and finally ``error <ExceptionClass> <message>``.
* ``hold VAULT``: open the vault (as the app does while unlocked), print ``ready``, then obey lines
  on stdin: ``write`` adds a family and prints ``wrote <id> <count>``; ``close`` closes the vault,
  prints ``closed`` and ends.
* ``exclusive VAULT``: hold the folder's exclusive in-use lock (as a restore does), print
  ``ready``, and let go when a line (or EOF) arrives on stdin.

The passphrase comes from ``BRUGDESK_PASSPHRASE``; the new one from ``BRUGDESK_NEW_PASSPHRASE``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from brugdesk.core.model import Contact  # noqa: E402
from brugdesk.store import vault_keys as vault_mod  # noqa: E402 - the key changes look up write_slots here
from brugdesk.store.vault import Vault  # noqa: E402

TEST_N = 2**14


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def add_contacts(vault: Vault, family_id: int) -> None:
    n = 0
    while True:
        n += 1
        contact = vault.repo.contacts.add(Contact(family_id, dt.date(2026, 1, 5), 30, "phone",
                                                  note=f"notitie {n} " + "x" * random.randint(10, 3000)),
                                          today=dt.date(2026, 3, 1))
        print(contact.id, flush=True)


def family_id(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT min(id) FROM family").fetchone()[0])


class ConnProxy:
    """Wraps the vault's connection to die just before/after ``PRAGMA rekey`` (or during it)."""

    def __init__(self, conn: Any, step: str) -> None:
        self._conn, self._step = conn, step

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith("PRAGMA rekey"):
            if self._step == "before_rekey":
                die()
            if self._step == "during_rekey":
                threading.Timer(random.uniform(0.0, 0.15), die).start()
            result = self._conn.execute(sql, *args)
            if self._step == "after_rekey":
                die()
            return result
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def key_change(mode: str, directory: Path, step: str) -> None:
    vault = Vault.open(directory, passphrase=os.environ["BRUGDESK_PASSPHRASE"])
    calls = {"n": 0}
    real_write = vault_mod.write_slots

    def write_slots(d: Path, slots: Any) -> None:
        calls["n"] += 1
        if step == f"before_write{calls['n']}":
            die()
        real_write(d, slots)
        if step == f"after_write{calls['n']}":
            die()

    vault_mod.write_slots = write_slots  # type: ignore[assignment]
    from brugdesk.keys import slots as slots_mod

    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if step == "before_rename" and str(dst).endswith(slots_mod.SLOT_FILE):
            die()
        real_replace(src, dst)

    os.replace = replace
    real_append = vault_mod.audit.append

    def append(conn: Any, action: Any, *a: Any, **k: Any) -> int:
        if step == "before_audit":
            die()
        return real_append(conn, action, *a, **k)

    vault_mod.audit.append = append  # type: ignore[assignment]
    if mode == "rotate":
        vault.conn = ConnProxy(vault.conn, step)
        key = vault.rotate_data_key(os.environ["BRUGDESK_PASSPHRASE"], scrypt_n=TEST_N)
        print(f"key {key}", flush=True)
    else:
        vault.change_passphrase(os.environ["BRUGDESK_NEW_PASSPHRASE"], scrypt_n=TEST_N)
    os.replace = real_replace
    vault.conn.execute("SELECT 1")
    print("done", flush=True)
    if step == "end":
        die()
    vault.close()


def fill(directory: Path, limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    vault = Vault.open(directory, passphrase=os.environ["BRUGDESK_PASSPHRASE"])
    fid = family_id(vault)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        add_contacts(vault, fid)
    except Exception as exc:  # report the class; the parent asserts it is the clear, known one
        print(f"error {type(exc).__name__} {exc}", flush=True)
    try:
        vault.close()
    except Exception as exc:
        print(f"close {type(exc).__name__}", flush=True)


def hold(directory: Path) -> None:
    from brugdesk.core.model import Family

    vault = Vault.open(directory, passphrase=os.environ["BRUGDESK_PASSPHRASE"])
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "write":
            fam = vault.repo.families.create(Family(display_name="Gezin na", start_date=dt.date(2025, 9, 1)),
                                             today=dt.date(2026, 3, 1))
            print(f"wrote {fam.id} {vault.repo.families.count()}", flush=True)
        elif line.strip() == "close":
            break
    vault.close()
    print("closed", flush=True)


def exclusive(directory: Path) -> None:
    from brugdesk.store import inuse

    with inuse.exclusive(directory):
        print("ready", flush=True)
        sys.stdin.readline()


def main() -> None:
    mode, directory = sys.argv[1], Path(sys.argv[2])
    if mode == "hold":
        hold(directory)
    elif mode == "exclusive":
        exclusive(directory)
    elif mode == "contacts":
        vault = Vault.open(directory, passphrase=os.environ["BRUGDESK_PASSPHRASE"])
        print("ready", flush=True)
        add_contacts(vault, family_id(vault))
    elif mode in ("passwd", "rotate"):
        key_change(mode, directory, sys.argv[3])
    elif mode == "fill":
        fill(directory, int(sys.argv[3]))


if __name__ == "__main__":
    main()
