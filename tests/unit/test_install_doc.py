"""docs/install.md stays true: the Debian packages Qt needs, and where the vault lives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from brugdesk.platform.display import QT_LINUX_LIBRARIES, QT_XCB_LIBRARIES

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")


def test_the_apt_get_line_installs_every_package_brugdesk_checks_for() -> None:
    block = re.search(r"```sh\nsudo apt-get install (.*?)```", DOC, re.DOTALL)
    assert block is not None
    listed = set(block.group(1).replace("\\", " ").split())
    checked = {pkg for _lib, pkg in QT_LINUX_LIBRARIES + QT_XCB_LIBRARIES}
    assert checked <= listed, f"missing from docs/install.md: {sorted(checked - listed)}"
    assert listed - checked == {"python3.11-venv"}, "the doc lists packages brugdesk/platform/display.py does not check"


def test_the_documented_linux_vault_folder_is_the_default() -> None:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = "/home/officer"
    code = "from brugdesk.cli import default_vault_dir; print(default_vault_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "/home/officer/.local/share/brugdesk/vault"
    assert "`~/.local/share/brugdesk/vault`" in DOC
    assert r"`%LOCALAPPDATA%\brugdesk\vault`" in DOC
    assert "`~/Library/Application Support/brugdesk/vault`" in DOC
