"""Secrets out of reach (issue 12, items 9 and 10): no recovery key on the command line, and every
brugdesk process hardened at start (not dumpable, no core file). Real processes, real vaults."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from brugdesk.platform.hardening import PR_SET_DUMPABLE, harden_process
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N

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
