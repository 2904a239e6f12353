"""At 200 % on a 1366×768 screen every window and dialog fits the screen (its frame included):
the real app on Xvfb with a window manager (openbox), ``QT_SCALE_FACTOR=2``, driven by keys."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest

from tests.a11y.harness import Desk, desk_running, missing_tools
from tests.a11y.test_atspi import PAGE_TITLES, open_families, show_page, unlock

MISSING = missing_tools()
pytestmark = [
    pytest.mark.atspi,
    pytest.mark.skipif(bool(MISSING), reason="AT-SPI tools missing: " + ", ".join(MISSING)),
]
WIDTH, HEIGHT = 1366, 768


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from desk_running(tmp_path_factory.mktemp("scaled"), screen=f"{WIDTH}x{HEIGHT}x24",
                            extra_env={"QT_SCALE_FACTOR": "2"})


def client_windows(desk: Desk) -> list[tuple[str, int, int, int, int]]:
    """The app's visible windows, frame included (x, y, width, height; xdotool finds them by the
    process id, xwininfo gives their place and the window manager's frame extents)."""
    assert desk.app is not None
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(desk.app.pid)], env=desk.env,
                         capture_output=True, text=True).stdout.split()
    windows = []
    for wid in ids:
        info = subprocess.run(["xwininfo", "-id", wid, "-frame", "-stats"], env=desk.env, capture_output=True,
                              text=True).stdout
        values = dict(re.findall(r"^\s+(Absolute upper-left [XY]|Width|Height):\s+(-?\d+)", info, re.M))
        name = re.search(r'xwininfo: Window id: \S+ "(.*)"', info)
        extents = re.search(r"Frame extents:\s+(\d+), (\d+), (\d+), (\d+)", info)
        left, right, top, bottom = (int(v) for v in extents.groups()) if extents else (0, 0, 0, 0)
        if {"Width", "Height"} <= values.keys() and int(values["Width"]) > 10:
            windows.append((name.group(1) if name else wid, int(values["Absolute upper-left X"]) - left,
                            int(values["Absolute upper-left Y"]) - top, int(values["Width"]) + left + right,
                            int(values["Height"]) + top + bottom))
    return windows


def assert_on_screen(desk: Desk, what: str) -> None:
    windows = client_windows(desk)
    assert windows, f"{what}: no window of the app on screen"
    for name, x, y, w, h in windows:
        assert x >= 0 and y >= 0 and x + w <= WIDTH and y + h <= HEIGHT, (
            f"{what}: the window {name!r} ({w}x{h} at {x},{y}, frame included) does not fit {WIDTH}x{HEIGHT}")


def test_every_page_and_the_main_dialogs_fit_a_small_screen_at_200_percent(big: Desk) -> None:
    assert_on_screen(big, "the unlock screen")
    unlock(big)
    for number, title in enumerate(PAGE_TITLES, start=1):
        show_page(big, number)
        assert_on_screen(big, title)
    for shortcut in ("ctrl+n", "ctrl+shift+n"):
        if shortcut == "ctrl+shift+n":
            open_families(big)  # Gezinnen, in its search field
        big.keys(shortcut, settle=1.0)
        assert len(client_windows(big)) >= 2, f"{shortcut}: no dialog opened"
        assert_on_screen(big, shortcut)
        big.keys("Escape", settle=0.6)
