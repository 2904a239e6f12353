"""``brugdesk --selftest``: the check every build (and the frozen app) runs before anyone gets it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from brugdesk.selftest import find_plaintext

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def test_selftest_passes_offscreen_with_one_ok_line(tmp_path: Path) -> None:
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("brugdesk-selftest-*"))
    proc = run("-m", "brugdesk", "--selftest")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, proc.stdout
    line = lines[0]
    assert line.startswith("selftest ok: sqlcipher 4."), line
    assert "keyring keyring.backends." in line  # the active backend is named
    assert "report pdf" in line  # rendered by brugdesk.reports, checked with pypdf
    assert line.endswith("nl translation")
    assert proc.stderr == ""
    # the temporary vault is removed afterwards
    after = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("brugdesk-selftest-*"))
    assert after <= before


def test_selftest_names_the_failing_step_and_exits_non_zero() -> None:
    code = (
        "import brugdesk.ui.selftest_qt as q\n"
        "q.TRANSLATION = ('translations', 'xx', 'LC_MESSAGES', 'brugdesk.mo')\n"  # a translation that is not shipped
        "from brugdesk.cli import main\n"
        "raise SystemExit(main(['--selftest']))\n"
    )
    proc = run("-c", code)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.strip() == "selftest failed at nl translation: missing translations/xx/LC_MESSAGES/brugdesk.mo"


def test_plaintext_scan_finds_utf8_and_utf16_canaries(tmp_path: Path) -> None:
    (tmp_path / "clean.db").write_bytes(b"\x00" * 64)
    assert find_plaintext(tmp_path, ["kanarie42"]) == []
    (tmp_path / "leak-utf16.log").write_bytes("x kanarie42 y".encode("utf-16-le"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "leak-utf8.tmp").write_bytes("Özdemir kanarie42".encode())
    assert find_plaintext(tmp_path, ["kanarie42"]) == ["leak-utf16.log", "leak-utf8.tmp"]
