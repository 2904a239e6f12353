"""The app survives many Qt callbacks (PySide6 6.12.0 on Python 3.11 drops a reference to None per call)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
import brugdesk.ui  # applies brugdesk.ui.refcount_fix
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
calls = []
for _ in range(20000):
    QTimer.singleShot(0, lambda: calls.append(1))
for _ in range(20000):
    app.processEvents()
assert len(calls) == 20000
print("survived", sys.getrefcount(None) > 0)
"""


def test_twenty_thousand_qt_callbacks_and_a_clean_exit() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert "Fatal Python error" not in proc.stderr
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "survived True"
