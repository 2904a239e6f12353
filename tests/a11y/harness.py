"""The real app on a real X server, read through AT-SPI the way Orca reads it.

:class:`Desk` starts, each in its own process: a private D-Bus session bus (with the
accessibility bus at-spi-bus-launcher starts on it), Xvfb (writing its screen to a file, for
the focus-visible check), brugdesk on a demo vault (``QT_ACCESSIBILITY=1``, the xcb platform),
and the AT-SPI client :mod:`tests.a11y.atspi_probe` under Debian's python3 (python3-gi with the
Atspi typelib). Keys go in through the X server (xdotool, XTest), as from a keyboard.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).resolve().parent / "atspi_probe.py"
SYSTEM_PYTHON = "/usr/bin/python3"
DEMO_PASSPHRASE = "brugdesk-demo-2026"  # noqa: S105 - the published passphrase of the synthetic demo vault


def missing_tools() -> list[str]:
    """What this machine lacks for the AT-SPI tests (empty when all is there)."""
    tools = ("Xvfb", "xdotool", "openbox", "dbus-daemon", "dbus-send")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
                           capture_output=True) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi (gir1.2-atspi-2.0)")
    return missing


# ------------------------------------------------------------------------- colour
def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        s = c / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass
class Shot:
    """A copy of the X screen (Xvfb's XWD frame buffer)."""

    width: int
    height: int
    pixels: bytes  # 4 bytes a pixel: B, G, R, x (Xvfb's 24-bit depth on little-endian)

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        i = (y * self.width + x) * 4
        b, g, r = self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]
        return r, g, b


def read_xwd(path: Path) -> Shot:
    data = path.read_bytes()
    # XWDFileHeader: 25 CARD32 in the server's byte order; header_size first
    order = ">" if struct.unpack(">I", data[:4])[0] < 4096 else "<"
    fields = struct.unpack(order + "25I", data[:100])
    header_size, width, height, bpp, line_bytes, ncolors = (fields[0], fields[4], fields[5], fields[11],
                                                            fields[12], fields[19])
    assert bpp == 32, f"expected a 32-bit frame buffer, got {bpp}"
    start = header_size + ncolors * 12
    pixels = data[start:start + line_bytes * height]
    if line_bytes != width * 4:
        pixels = b"".join(pixels[y * line_bytes:y * line_bytes + width * 4] for y in range(height))
    return Shot(width, height, pixels)


def focus_change(before: Shot, after: Shot, box: list[int], *, margin: int = 3) -> tuple[int, int]:
    """Pixels in ``box`` (x, y, w, h, plus ``margin`` around) that changed with >= 3:1 contrast,
    and the number of pixels a 1-pixel outline of the box has (what an indicator must reach)."""
    x, y, w, h = box
    x0, y0 = max(0, x - margin), max(0, y - margin)
    x1, y1 = min(before.width, x + w + margin), min(before.height, y + h + margin)
    strong = 0
    cache: dict[tuple[tuple[int, int, int], tuple[int, int, int]], bool] = {}
    for yy in range(y0, y1):
        row = yy * before.width * 4
        a_row = before.pixels[row + x0 * 4:row + x1 * 4]
        b_row = after.pixels[row + x0 * 4:row + x1 * 4]
        if a_row == b_row:
            continue
        for i in range(0, len(a_row), 4):
            if a_row[i:i + 3] != b_row[i:i + 3]:
                key = ((a_row[i + 2], a_row[i + 1], a_row[i]), (b_row[i + 2], b_row[i + 1], b_row[i]))
                hit = cache.get(key)
                if hit is None:
                    hit = cache[key] = contrast(*key) >= 3.0
                strong += hit
    return strong, 2 * (w + h)


# ---------------------------------------------------------------------- the desk
#: demo vaults made in this test run, by number of families (see :meth:`Desk._make_demo`)
_DEMO_TEMPLATES: dict[int, Path] = {}


class Desk:
    def __init__(self, workdir: Path, *, families: int = 25, screen: str = "1366x768x24",
                 extra_env: dict[str, str] | None = None, demo: bool = True) -> None:
        self.workdir = workdir
        self.families = families
        self.demo = demo  # False: no vault, the app starts with its first-run wizard
        self.screen = screen
        self.extra_env = extra_env or {}
        self.procs: list[subprocess.Popen[Any]] = []
        self.env: dict[str, str] = {}
        self.vault = workdir / "vault"
        self.fbdir = workdir / "fb"
        self.probe: subprocess.Popen[str] | None = None
        self.app: subprocess.Popen[str] | None = None
        #: what the tests read once per app (the navigation's pages)
        self.known: dict[str, Any] = {}

    # -------------------------------------------------------------- processes
    def _spawn(self, args: list[str], **kw: Any) -> subprocess.Popen[Any]:
        proc = subprocess.Popen(args, env=self.env, **kw)
        self.procs.append(proc)
        return proc

    def start(self) -> None:
        home = self.workdir / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "XDG_", "DISPLAY",
                                                                          "WAYLAND", "GNOME_KEYRING"))}
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            path = home / name.lower()
            path.mkdir(parents=True, mode=0o700)
            env[name] = str(path)
        env["HOME"] = str(home)
        env["NO_AT_BRIDGE"] = "0"
        self.env = env
        # the private session bus
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        # the X server, its screen written to fbdir/Xvfb_screen0
        self.fbdir.mkdir()
        read_fd, write_fd = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.screen, "-fbdir", str(self.fbdir),
                     "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            env["DISPLAY"] = ":" + pipe.readline().strip()
        # a window manager: it gives new windows the focus, as on a desktop
        self._spawn(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # the accessibility bus: started before the app, so Qt's bridge finds it
        subprocess.run(["dbus-send", "--session", "--dest=org.a11y.Bus", "--print-reply", "/org/a11y/bus",
                        "org.a11y.Bus.GetAddress"], env=env, check=True, capture_output=True, timeout=20)
        # a demo vault
        if self.demo:
            self._make_demo()
        # the AT-SPI client
        self.probe = self._spawn([SYSTEM_PYTHON, str(PROBE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        assert self._read() == "ready"

    def _make_demo(self) -> None:
        """The demo vault: made once per test run and size, copied for every further desk (the
        app has not opened it yet, so the copy is the same vault)."""
        template = _DEMO_TEMPLATES.get(self.families)
        if template is not None and template.exists():
            shutil.copytree(template, self.vault)
            return
        subprocess.run([sys.executable, "-m", "brugdesk", "demo", "--vault", str(self.vault), "--families",
                        str(self.families)], env=dict(self.env, BRUGDESK_PASSPHRASE=DEMO_PASSPHRASE), cwd=ROOT,
                       check=True, capture_output=True, timeout=120)
        template = self.workdir.parent / f"demo-vault-{self.families}"
        if not template.exists():
            shutil.copytree(self.vault, template)
            _DEMO_TEMPLATES[self.families] = template

    def start_app(self) -> None:
        env = dict(self.env, QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   **self.extra_env)
        self.app = subprocess.Popen([sys.executable, "-m", "brugdesk", "--vault", str(self.vault)], env=env,
                                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.procs.append(self.app)
        if self.demo:
            self.wait_for(lambda: any(n["role"] == "password text" for n in self.tree()), "the unlock screen", 30)
        else:
            self.wait_for(lambda: any(n["role"] == "dialog" for n in self.tree()), "the first-run wizard", 30)

    def stop(self) -> None:
        if self.probe is not None and self.probe.poll() is None:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                self._ask({"cmd": "quit"})
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
            for pipe in (proc.stdin, proc.stdout, proc.stderr):
                if pipe is not None and not pipe.closed and not (proc is self.app and pipe is proc.stderr):
                    pipe.close()

    def app_errors(self) -> str:
        """What the app wrote on stderr (after it stopped)."""
        if self.app is None or self.app.stderr is None or self.app.poll() is None or self.app.stderr.closed:
            return ""
        with self.app.stderr:
            return self.app.stderr.read()

    # ------------------------------------------------------------------ probe
    def _read(self) -> Any:
        assert self.probe is not None and self.probe.stdout is not None
        line = self.probe.stdout.readline()
        assert line, "the AT-SPI probe stopped"
        return json.loads(line)

    def _ask(self, command: dict[str, Any]) -> Any:
        assert self.probe is not None and self.probe.stdin is not None
        self.probe.stdin.write(json.dumps(command) + "\n")
        self.probe.stdin.flush()
        answer = self._read()
        if isinstance(answer, dict) and "error" in answer:
            raise AssertionError(f"AT-SPI: {answer['error']}")
        return answer

    def tree(self) -> list[dict[str, Any]]:
        return list(self._ask({"cmd": "tree"}))

    def windows(self) -> list[dict[str, Any]]:
        """The app's windows (a dialog, a message: their own window), not what is in them."""
        return list(self._ask({"cmd": "windows"}))

    def dialogs(self) -> list[dict[str, Any]]:
        """The active dialog or message window, if any (what has the focus)."""
        return [w for w in self.windows() if w["role"] in ("dialog", "alert") and "active" in w["states"]]

    def node(self, path: list[int] | tuple[int, ...]) -> dict[str, Any] | None:
        """The object at ``path`` in the tree, with its children (``"children"``)."""
        answer = self._ask({"cmd": "node", "path": list(path)})
        return answer if isinstance(answer, dict) else None

    def focus(self) -> dict[str, Any] | None:
        answer = self._ask({"cmd": "focus"})
        return answer if isinstance(answer, dict) else None

    def events(self) -> list[dict[str, Any]]:
        return list(self._ask({"cmd": "events"}))

    def wait_for(self, check: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            result = check()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(0.1)

    # ----------------------------------------------------------------- input
    def keys(self, *keys: str, settle: float = 0.05, moves: int = 0, limit: float = 8.0) -> list[dict[str, Any]]:
        """Press ``keys`` (xdotool's names: Tab, shift+Tab, ctrl+1, Return …) through the X server;
        the events they caused: until the app has handled them, the focus moved ``moves`` times
        (when given), and then no event came for ``settle`` seconds."""
        return list(self._ask({"cmd": "keys", "keys": list(keys), "moves": moves, "quiet": settle, "limit": limit}))

    def steps(self, *keys: str, settle: float = 0.05) -> list[dict[str, Any]]:
        """Press ``keys`` one at a time, each once the focus event of the one before came (what a
        focus event reads, its place on screen, is read before the next key); the events."""
        return list(self._ask({"cmd": "keys", "keys": list(keys), "step": True, "quiet": settle,
                               "limit": 5.0}))

    def walk(self, *, role: str = "", name: str = "", stop: tuple[int, ...] | None = None, key: str = "Tab",
             limit: int = 60) -> dict[str, Any]:
        """Press ``key`` until the focus is on a ``role`` whose name has ``name`` (a pattern, any
        case) or on the Tab stop ``stop``; what has the focus then."""
        return dict(self._ask({"cmd": "walk", "key": key, "role": role, "name": name,
                               "stop": list(stop) if stop else None, "limit": limit}))

    def type(self, text: str, settle: float = 0.05) -> list[dict[str, Any]]:
        subprocess.run(["xdotool", "type", "--delay", "15", text], env=self.env, check=True, timeout=60)
        return self.settle(settle)

    def settle(self, quiet: float = 0.05, limit: float = 8.0) -> list[dict[str, Any]]:
        """The events until the app has handled what came before and none came for ``quiet`` seconds."""
        return list(self._ask({"cmd": "settle", "quiet": quiet, "limit": limit}))

    def shot(self) -> Shot:
        return read_xwd(self.fbdir / "Xvfb_screen0")


def desk_running(workdir: Path, **kw: Any) -> Iterator[Desk]:
    desk = Desk(workdir, **kw)
    try:
        desk.start()
        desk.start_app()
        yield desk
    finally:
        desk.stop()
        desk.app_errors()  # read and closed
