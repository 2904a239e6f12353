"""Clean layers: every module outside brugdesk/ui imports without loading PySide6 (DESIGN §2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _non_ui_modules() -> list[str]:
    mods = []
    for path in sorted((ROOT / "brugdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if len(parts) > 1 and parts[1] == "ui":
            continue
        if parts[-1] == "__main__":
            continue
        mods.append(".".join(p for p in parts if p != "__init__"))
    return mods


def test_there_are_modules_to_check() -> None:
    mods = _non_ui_modules()
    assert "brugdesk.cli" in mods and "brugdesk.store.vault" in mods and "brugdesk.keys.slots" in mods


def test_non_ui_modules_do_not_load_pyside6() -> None:
    mods = _non_ui_modules()
    code = (
        "import importlib, sys\n"
        f"mods = {mods!r}\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "LOADED:", out.stdout


def test_cli_report_commands_run_without_pyside6() -> None:
    code = ("import sys\nfrom brugdesk import cli\ncli._load_extra_commands()\ncli.build_parser()\n"
            "print(any(n.startswith('PySide6') for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
