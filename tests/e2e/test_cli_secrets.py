"""Secrets out of reach (issue 12, items 9-11): no recovery key on the command line, every brugdesk
process hardened at start (not dumpable, no core file), and no stale key file written back. Real
processes, real vaults."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brugdesk.errors import StaleKeyFile, WrongPassphrase
from brugdesk.keys.slots import LOCK_FILE, read_slots
from brugdesk.platform.hardening import PR_SET_DUMPABLE, harden_process
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N, MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
KEY_RE = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")


def run(*args: str, env: dict[str, str] | None = None, code: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    full_env.update(env or {})
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "brugdesk", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=full_env, input="", timeout=180)


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, str]:
    vault, recovery = Vault.create(tmp_path / "vault", PASSPHRASE, scrypt_n=TEST_N)
    vault.close()
    return tmp_path / "vault", recovery


# ------------------------------------------------------------ item 9
@pytest.mark.parametrize("form", ["separate", "equals"])
def test_a_recovery_key_on_the_command_line_is_refused_without_echoing_it(made: tuple[Path, str],
                                                                         form: str) -> None:
    vault, recovery = made
    args = ["--recovery-key", recovery] if form == "separate" else [f"--recovery-key={recovery}"]
    out = run("check", "--vault", str(vault), *args)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "herstelsleutel" in out.stderr and "BRUGDESK_RECOVERY_KEY" in out.stderr
    assert recovery not in out.stderr and recovery not in out.stdout
    assert "sleutel: in orde" not in out.stdout  # nothing was unlocked


def test_the_recovery_key_still_comes_from_the_environment_or_a_file(made: tuple[Path, str],
                                                                     tmp_path: Path) -> None:
    vault, recovery = made
    out = run("check", "--vault", str(vault), "--recovery-key", env={"BRUGDESK_RECOVERY_KEY": recovery})
    assert out.returncode == 0, out.stderr
    key_file = tmp_path / "key.txt"
    key_file.write_text(recovery + "\n", encoding="utf-8")
    out = run("check", "--vault", str(vault), "--recovery-key-file", str(key_file))
    assert out.returncode == 0, out.stderr
    # the flag alone without a TTY and without the variable: cannot unlock (3), one line
    out = run("check", "--vault", str(vault), "--recovery-key")
    assert out.returncode == 3 and out.stderr.count("\n") == 1


def test_the_recovery_key_is_typed_at_the_prompt(made: tuple[Path, str]) -> None:
    pexpect = pytest.importorskip("pexpect")
    vault, recovery = made
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    child = pexpect.spawn(sys.executable, ["-m", "brugdesk", "check", "--vault", str(vault), "--recovery-key"],
                          cwd=str(ROOT), env=env, encoding="utf-8", timeout=60)
    child.expect("Herstelsleutel: ")
    child.sendline(recovery)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


# ------------------------------------------------------------ item 10
PROBE = (
    "import ctypes, resource, sys\n"
    "from brugdesk.cli import {entry}\n"
    "sys.argv = ['brugdesk']\n"
    "rc = {call}\n"
    "libc = ctypes.CDLL(None)\n"
    "print('dumpable', libc.prctl(3, 0, 0, 0, 0), 'core', resource.getrlimit(resource.RLIMIT_CORE)[1], 'rc', rc)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
@pytest.mark.parametrize(("entry", "call"), [
    ("main", "main(['--lang', 'en', 'check', '--vault', '/nonexistent/vault'])"),  # the command line
    ("gui_main", "gui_main()"),  # the app's entry point (no display here: it stops with a message)
])
def test_every_brugdesk_process_is_not_dumpable_and_writes_no_core(entry: str, call: str) -> None:
    # the test process itself is dumpable with a core limit: the child starts from that
    out = run(code=PROBE.format(entry=entry, call=call), env={"QT_QPA_PLATFORM": "", "DISPLAY": "",
                                                              "WAYLAND_DISPLAY": ""})
    assert out.stdout.strip().endswith("rc 1") or out.stdout.strip().endswith("rc 3"), out.stdout + out.stderr
    assert "dumpable 0 core 0 " in out.stdout, out.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_a_plain_python_process_is_dumpable_for_comparison() -> None:
    out = run(code="import ctypes; print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))")
    assert out.stdout.strip() == "1"


class FakeResource:
    RLIMIT_CORE = 4

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[int, tuple[int, int]]] = []
        self.fail = fail

    def setrlimit(self, what: int, limits: tuple[int, int]) -> None:
        if self.fail:
            raise ValueError("not allowed")
        self.calls.append((what, limits))


def test_hardening_on_linux_sets_not_dumpable_and_no_core() -> None:
    calls: list[tuple[int, ...]] = []
    res = FakeResource()
    done = harden_process("linux", prctl=lambda *a: calls.append(a) or 0, resource=res)
    assert calls == [(PR_SET_DUMPABLE, 0, 0, 0, 0)]
    assert res.calls == [(4, (0, 0))]
    assert done.done == ["dumpable", "core"] and done.failed == []


def test_hardening_failures_are_logged_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    done = harden_process("linux", prctl=lambda *a: -1, resource=FakeResource(fail=True))
    assert done.failed == ["dumpable", "core"] and done.done == []
    assert "process hardening step failed: dumpable" in caplog.text


def test_hardening_on_macos_and_windows_says_what_it_does() -> None:
    res = FakeResource()
    mac = harden_process("darwin", prctl=lambda *a: pytest.fail("no prctl on macOS"), resource=res)
    assert mac.done == ["core"] and mac.skipped == ["dumpable"] and res.calls == [(4, (0, 0))]
    win = harden_process("win32", prctl=lambda *a: pytest.fail("no prctl on Windows"),
                         resource=FakeResource(fail=True))
    assert win.done == [] and win.failed == []
    assert win.skipped == ["dumpable", "core", "windows-process-dacl"]


# ------------------------------------------------------------ item 11: stale key slots
def passwd(vault: Path, old: str, new: str) -> subprocess.CompletedProcess[str]:
    return run("passwd", "--vault", str(vault), env={"BRUGDESK_PASSPHRASE": old, "BRUGDESK_NEW_PASSPHRASE": new})


def opens(vault: Path, passphrase: str) -> bool:
    try:
        Vault.open(vault, passphrase=passphrase).close()
    except WrongPassphrase:
        return False
    return True


B = "kleurpotlood onder de trap"
C = "zeven zeilboten in de regen"


def test_an_unlocked_app_cannot_write_its_stale_key_file_back(made: tuple[Path, str]) -> None:
    """The app is unlocked (A); `brugdesk passwd` changes A -> B; ticking 'remember on this computer' or
    changing the passphrase in the app is then refused: B keeps working and A stays gone."""
    vault_dir, _recovery = made
    app = Vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        out = passwd(vault_dir, PASSPHRASE, B)
        assert out.returncode == 0, out.stderr
        backend = MemoryKeyring()
        with pytest.raises(StaleKeyFile) as exc:
            app.remember_on_this_computer(True, backend)
        assert "gewijzigd door een ander brugdesk-venster" in exc.value.text()
        assert backend.items == {}  # refused before the key went into the keyring
        with pytest.raises(StaleKeyFile):
            app.change_passphrase(C, scrypt_n=TEST_N)
        assert app.slots is not None and not app.slots.keyring  # the app's copy is not half-changed
    finally:
        app.close()
    assert opens(vault_dir, B)
    assert not opens(vault_dir, PASSPHRASE)
    assert not opens(vault_dir, C)
    assert read_slots(vault_dir).keyring is False


def _has_open(pid: int, name: str) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}").endswith(name) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches /proc/PID/fd")
def test_two_passwd_runs_at_once_exactly_one_wins(made: tuple[Path, str]) -> None:
    """Both runs unlock with A and reach the write while this test holds the key file's lock; when it
    is released, exactly one says changed, the other refuses, and the reported passphrase works."""
    import portalocker

    vault_dir, _recovery = made
    lock_path = vault_dir / LOCK_FILE
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    portalocker.lock(fd, portalocker.LockFlags.EXCLUSIVE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    procs = []
    try:
        for new in (B, C):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "brugdesk", "passwd", "--vault", str(vault_dir)], cwd=ROOT, text=True,
                env={**env, "BRUGDESK_PASSPHRASE": PASSPHRASE, "BRUGDESK_NEW_PASSPHRASE": new},
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
        deadline = time.monotonic() + 120
        while not all(_has_open(p.pid, LOCK_FILE) for p in procs):  # both wait for the lock
            assert time.monotonic() < deadline, [p.poll() for p in procs]
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            time.sleep(0.05)
    finally:
        portalocker.unlock(fd)
        os.close(fd)
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    winners = [new for new, (code, out, _err) in zip((B, C), results, strict=True) if code == 0]
    losers = [err for code, _out, err in results if code != 0]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "Wachtwoordzin gewijzigd." in [r[1].strip() for r in results]
    assert [code for code, _o, _e in results].count(1) == 1
    assert losers[0].count("\n") == 1 and "sleutelbestand is gewijzigd" in losers[0]
    assert opens(vault_dir, winners[0])
    assert not opens(vault_dir, PASSPHRASE)
    assert not opens(vault_dir, C if winners[0] == B else B)


# ------------------------------------------------------------ item 13: passphrases on the command line
def test_passwd_with_only_the_old_passphrase_file_does_not_set_it_again(made: tuple[Path, str],
                                                                         tmp_path: Path) -> None:
    vault_dir, _recovery = made
    old_file = tmp_path / "old.txt"
    old_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    before = (vault_dir / "keyslots.json").read_bytes()
    out = run("passwd", "--vault", str(vault_dir), "--passphrase-file", str(old_file))
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert "--new-passphrase-file" in out.stderr and "Wachtwoordzin gewijzigd" not in out.stdout
    assert (vault_dir / "keyslots.json").read_bytes() == before
    new_file = tmp_path / "new.txt"
    new_file.write_text(B + "\n", encoding="utf-8")
    out = run("passwd", "--vault", str(vault_dir), "--passphrase-file", str(old_file), "--new-passphrase-file",
              str(new_file))
    assert out.returncode == 0, out.stderr
    assert opens(vault_dir, B) and not opens(vault_dir, PASSPHRASE)


def test_passwd_refuses_the_same_passphrase_again(made: tuple[Path, str]) -> None:
    vault_dir, _recovery = made
    before = (vault_dir / "keyslots.json").read_bytes()
    out = passwd(vault_dir, PASSPHRASE, PASSPHRASE)
    assert out.returncode == 1 and out.stderr == "brugdesk: De nieuwe wachtwoordzin is dezelfde als de huidige.\n"
    assert (vault_dir / "keyslots.json").read_bytes() == before


@pytest.mark.parametrize("weak", ["aaaaaaaaaa", " " * 10])
def test_init_and_passwd_refuse_a_guessable_passphrase(made: tuple[Path, str], tmp_path: Path, weak: str) -> None:
    out = run("init", "--vault", str(tmp_path / "new"), env={"BRUGDESK_PASSPHRASE": weak})
    assert out.returncode == 1 and "te makkelijk te raden" in out.stderr and out.stderr.count("\n") == 1
    assert not (tmp_path / "new" / "keyslots.json").exists()
    vault_dir, _recovery = made
    out = passwd(vault_dir, PASSPHRASE, weak)
    assert out.returncode == 1 and "te makkelijk te raden" in out.stderr
    assert opens(vault_dir, PASSPHRASE)


# ------------------------------------------------------------ item 14: recovery key without the key file
@pytest.mark.parametrize("damage", ["missing", "folder", "garbage"])
def test_the_recovery_key_opens_without_a_key_file_and_passwd_writes_a_fresh_one(made: tuple[Path, str],
                                                                                damage: str) -> None:
    vault_dir, recovery = made
    slot_file = vault_dir / "keyslots.json"
    slot_file.unlink()
    if damage == "folder":
        slot_file.mkdir()
    elif damage == "garbage":
        slot_file.write_text('{"slots":[1]}')
    out = run("check", "--vault", str(vault_dir), env={"BRUGDESK_PASSPHRASE": PASSPHRASE})
    assert out.returncode == 3 and "sleutelbestand" in out.stderr and out.stderr.count("\n") == 1
    out = run("check", "--vault", str(vault_dir), env={"BRUGDESK_RECOVERY_KEY": recovery})
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("\n") == 1 and "passwd --recovery-key" in out.stderr  # says the key file is gone
    assert ("keyslots.json" in os.listdir(vault_dir)) == (damage != "missing")  # nothing written yet
    out = run("passwd", "--vault", str(vault_dir), "--recovery-key",
              env={"BRUGDESK_RECOVERY_KEY": recovery, "BRUGDESK_NEW_PASSPHRASE": B})
    assert out.returncode == 0, out.stderr
    assert "nieuw sleutelbestand" in out.stdout
    assert opens(vault_dir, B)
    out = run("check", "--vault", str(vault_dir), env={"BRUGDESK_PASSPHRASE": B})
    assert out.returncode == 0 and out.stderr == ""
