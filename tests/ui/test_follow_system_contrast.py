"""Instellingen › Deze computer › Kleuren › "Volg het systeem" follows the desktop's high-contrast
setting, also when it changes while brugdesk runs (issue 16, EN 301 549 §11.7).

Driven through the real path, without touching Qt: a stand-in for the desktop portal
(tests/ui/fake_portal.py, on the test's private session bus) offers GNOME's
``org.freedesktop.appearance contrast`` setting; brugdesk's start-up style runs in a child
process on Xvfb with Qt's GNOME platform theme, which reads that setting and reports it as
``styleHints().accessibility().contrastPreference()``. The child prints the theme in use and a
rendered pixel of its window."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb",) if shutil.which(tool) is None]
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing.append("a session bus")
    gi = subprocess.run([SYSTEM_PYTHON, "-c", "from gi.repository import Gio"], capture_output=True) \
        if Path(SYSTEM_PYTHON).exists() else None
    if gi is None or gi.returncode != 0:
        missing.append("python3-gi")
    return missing


pytestmark = pytest.mark.skipif(bool(_missing()), reason=f"needs {', '.join(_missing())}")


class Lines:
    """A child process whose stdout is read line by line (with a timeout)."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def expect(self, start: str, timeout: float = 20.0) -> str:
        """The next line that starts with ``start`` (others are kept in :attr:`seen`)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line {start!r} within {timeout} s; seen: {self.seen}") from None
            self.seen.append(line)
            if line.startswith(start):
                return line

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def display() -> Iterator[str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    xvfb.kill()
    xvfb.wait(timeout=10)


def _portal(contrast: int) -> Lines:
    portal = Lines([SYSTEM_PYTHON, str(ROOT / "tests" / "ui" / "fake_portal.py"), str(contrast)])
    assert portal.expect("") == "ready", portal.seen  # it owns the portal's name on the private bus
    return portal


def _app(display: str, config: Path) -> Lines:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORMTHEME="gnome",
               XDG_CONFIG_HOME=str(config))
    return Lines([sys.executable, "-m", "tests.ui.system_contrast_app"], env)


def test_follow_the_system_switches_to_high_contrast_and_back_while_running(display: str, tmp_path: Path) -> None:
    portal = _portal(0)
    app = _app(display, tmp_path)  # no colour chosen yet: "Volg het systeem"
    try:
        assert app.expect("theme") == "theme standard #efefef"
        portal.send("1")  # the officer switches high contrast on in the desktop's settings
        assert app.expect("preference") == "preference HighContrast theme high_contrast"
        assert app.expect("theme") == "theme high_contrast #000000"  # the window is black at once
        portal.send("0")
        assert app.expect("preference") == "preference NoPreference theme standard"
        assert app.expect("theme") == "theme standard #efefef"
    finally:
        app.stop()
        portal.stop()


def test_a_chosen_standard_theme_stays_when_the_system_asks_for_high_contrast(display: str, tmp_path: Path) -> None:
    (tmp_path / "brugdesk").mkdir()
    (tmp_path / "brugdesk" / "brugdesk.ini").write_text("[General]\ncolours=standard\n", encoding="utf-8")
    portal = _portal(0)
    app = _app(display, tmp_path)
    try:
        assert app.expect("theme") == "theme standard #efefef"
        portal.send("1")
        assert app.expect("preference") == "preference HighContrast theme standard"  # the officer's choice wins
    finally:
        app.stop()
        portal.stop()
