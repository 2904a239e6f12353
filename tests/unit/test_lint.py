"""ruff, mypy (strict for core, store, keys, reports, privacy), the dead-code check and the size of
a module stay clean: part of the suite, so CI enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    path = str(exe) if exe.exists() else shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is part of the test extra; install with pip install -e .[test]")
    return path


def test_ruff() -> None:
    out = subprocess.run([_tool("ruff"), "check", "--output-format", "concise", "--no-cache", "."],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy() -> None:
    out = subprocess.run([_tool("mypy"), "--no-incremental", "--cache-dir", "/dev/null"], capture_output=True,
                         text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_dead_code() -> None:
    """vulture finds no unused function, class, method, attribute or variable in brugdesk (what the
    tests, the benchmarks and the tools use counts as used; tools/vulture_whitelist.py names what
    Qt, reportlab and GLPK use by name)."""
    out = subprocess.run([_tool("vulture"), "brugdesk", "tests", "benchmarks", "tools", "--min-confidence", "60"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode in (0, 3), out.stdout + out.stderr  # 3: dead code found
    dead = [line for line in out.stdout.splitlines() if line.startswith("brugdesk/")]
    hint = "delete it; only a name that a library uses goes into tools/vulture_whitelist.py"
    assert dead == [], "\n".join([*dead, hint])


#: the most lines a module of brugdesk may have: past this, cut it along its seams
MAX_MODULE_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "brugdesk").rglob("*.py")}
    assert max(sizes.values()) > 100, "the modules are read"
    assert {path: n for path, n in sizes.items() if n > MAX_MODULE_LINES} == {}
