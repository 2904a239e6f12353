"""At 200 % on a 1366×768 screen and at 150 % on a 1024×600 one every window and dialog fits the
screen (its frame included), and every control on it can be reached by Tab and is on screen when
it has the focus (a page taller than the screen scrolls it into view): the real app on Xvfb with
a window manager (openbox), ``QT_SCALE_FACTOR`` 2 and 1.5, driven by keys, read through AT-SPI.

The first-run wizard is measured the same way (its own app, with no vault yet), and through it
what a screen reader needs of it: names, Tab and Shift+Tab without a trap, an error announced.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from tests.a11y.harness import Desk, desk_running, missing_tools
from tests.a11y.test_atspi import (
    assert_tab_cycle,
    controls,
    focus_on,
    label,
    open_families,
    page_titles,
    show_page,
    stop_of,
    unlock,
    wait_dialog,
    wait_spoken,
)

MISSING = missing_tools()
pytestmark = [
    pytest.mark.atspi,
    pytest.mark.skipif(bool(MISSING), reason="AT-SPI tools missing: " + ", ".join(MISSING)),
]
#: the small screens measured: (width, height, QT_SCALE_FACTOR) by name
SCREENS = {"200 %": (1366, 768, "2"), "150 %": (1024, 600, "1.5")}


def _running(tmp_path_factory: pytest.TempPathFactory, name: str, screen: str, **kw: Any) -> Iterator[Desk]:
    width, height, scale = SCREENS[screen]
    for desk in desk_running(tmp_path_factory.mktemp(name), screen=f"{width}x{height}x24",
                             extra_env={"QT_SCALE_FACTOR": scale}, **kw):
        desk.known["screen"] = (width, height, float(scale))
        yield desk


@pytest.fixture(scope="module", params=list(SCREENS))
def big(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from _running(tmp_path_factory, "scaled", request.param)


@pytest.fixture(scope="module")
def wizard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from _running(tmp_path_factory, "wizard", "200 %", demo=False)


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
    width, height, _scale = desk.known["screen"]
    windows = client_windows(desk)
    assert windows, f"{what}: no window of the app on screen"
    for name, x, y, w, h in windows:
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, (
            f"{what}: the window {name!r} ({w}x{h} at {x},{y}, frame included) does not fit {width}x{height}")


#: controls that may be larger than what a window shows of them (they scroll their own content)
CONTAINERS = {"list", "table", "tree table", "tree", "page tab list", "scroll pane", "panel", "filler", "text",
              "image"}  # (a report page in the preview)
#: native pixels a control may be cut off at an edge (a scroll area stops a few pixels short)
CUT = 8


def on_screen(node: dict[str, Any], screen: tuple[int, int, float]) -> bool:
    """The focused control is on screen: all of it (but a few pixels), or, for a list, table or
    tab bar larger than a window can show, at least half of what the screen could show.

    AT-SPI gives Qt's places in device-independent pixels: the screen is its size in pixels
    divided by the scale (683×384 for 1366×768 at 200 %)."""
    width, height = screen[0] / screen[2], screen[1] / screen[2]
    cut = CUT / screen[2]
    x, y, w, h = node["extents"]
    shown_w, shown_h = min(x + w, width) - max(x, 0), min(y + h, height) - max(y, 0)
    if shown_w <= 0 or shown_h <= 0:
        return False
    if node["role"] in CONTAINERS:
        return shown_w >= min(w, width) / 2 and shown_h >= min(h, height) / 2
    return shown_w >= w - cut and shown_h >= h - cut


def assert_reachable(desk: Desk, screen: str) -> None:
    """Tab once per control: every control takes the focus, and is on screen when it has it."""
    wanted = controls(desk.tree())
    seen: dict[tuple[int, ...], dict[str, Any]] = {}
    # one key at a time: each focus event is read (where the control is after the scroll area
    # brought it into view) before the next key
    for event in desk.steps(*["Tab"] * (len(wanted) + 2)):
        if event["type"] == "focus":
            seen[stop_of(event)] = event
    missed = [label(n) for path, n in wanted.items() if path not in seen]
    assert not missed, f"{screen}: Tab never reaches {missed}"
    size = desk.known["screen"]
    off = [f"{label(e)} at {e['extents']}" for path, e in seen.items() if path in wanted and not on_screen(e, size)]
    assert not off, f"{screen}: with the focus, off the {size[0]}x{size[1]} screen at {size[2]:.0%}: {off}"


# ----------------------------------------------------------------------------- the desk
def test_every_page_fits_a_small_screen(big: Desk) -> None:
    assert_on_screen(big, "the unlock screen")
    assert_reachable(big, "the unlock screen")
    unlock(big)
    for number, title in enumerate(page_titles(big), start=1):
        show_page(big, number, title)
        assert_on_screen(big, title)
        assert_reachable(big, title)


@pytest.mark.parametrize(("shortcut", "title"),
                         [("ctrl+n", "Contactmoment vastleggen"), ("ctrl+shift+n", "Nieuw gezin")])
def test_the_main_dialogs_fit_a_small_screen_and_their_buttons_are_reachable(big: Desk, shortcut: str,
                                                                             title: str) -> None:
    unlock(big)
    open_families(big)  # Gezinnen, in its search field
    big.keys(shortcut)
    wait_dialog(big, title, title)
    try:
        assert_on_screen(big, title)
        assert_reachable(big, title)
        buttons = [n for n in controls(big.tree()).values() if n["role"] == "push button"]
        assert any(re.search(r"opslaan|bewaren", n["name"].lower()) for n in buttons), (
            f"{title}: no save button among {[n['name'] for n in buttons]}")
    finally:
        big.keys("Escape")
        if big.dialogs():  # "Discard changes?" never came: nothing typed
            big.keys("Escape")


# --------------------------------------------------------------------------- the wizard
WIZARD_PAGES = ["Welkom bij brugdesk", "Je scholen", "Schooljaar en periodes", "Je wachtwoordzin"]
#: the pages after the vault is made
KEY_PAGES = ["Je herstelsleutel", "Controleer de herstelsleutel"]
WIZARD_PASSPHRASE = "de brug over de rivier bij het station"  # noqa: S105 - a test vault's


def wizard_page(desk: Desk) -> str:
    """The title of the wizard page on screen (a label in the wizard's header)."""
    names = {n["name"] for n in desk.tree() if n["role"] in ("label", "heading")}
    return next((title for title in WIZARD_PAGES + KEY_PAGES if title in names), "")


def test_the_first_run_wizard_fits_and_reads_at_200_percent(wizard: Desk) -> None:
    desk = wizard
    desk.settle()
    assert wizard_page(desk) == WIZARD_PAGES[0], [n["name"] for n in desk.tree() if n["role"] == "label"]
    assert_on_screen(desk, "the wizard")
    # no name: the message is announced, and is the field's description when the focus is back on it
    focus_on(desk, "text", "naam")
    said = wait_spoken(desk, "naam", "Return")
    assert any("typ je naam" in s.lower() for s in said), said
    field = desk.focus()
    assert field is not None and field["role"] == "text" and "naam" in field["description"].lower(), field
    for page, typed in zip(WIZARD_PAGES, ["Test Officer", "De Brug", "", ""], strict=True):
        desk.wait_for(lambda p=page: wizard_page(desk) == p, f"the wizard page {page!r}")
        assert_on_screen(desk, page)
        assert_tab_cycle(desk, f"wizard: {page}")
        assert_reachable(desk, f"wizard: {page}")
        if page == WIZARD_PAGES[-1]:
            break
        if typed:
            focus_on(desk, "text", "naam")
            desk.keys("ctrl+a", "BackSpace")
            desk.type(typed)
        focus_on(desk, "push button", "volgende")
        desk.keys("space")


def to_the_passphrase_page(desk: Desk) -> None:
    """On to the passphrase page, as the test above goes (where it stops), when it did not get there."""
    for _ in range(len(WIZARD_PAGES)):
        page = wizard_page(desk)
        if page == WIZARD_PAGES[-1]:
            return
        tree = desk.tree()
        schools = next((n for n in tree if n["role"] == "list" and n["name"] == "Toegevoegde scholen"), None)
        if page == WIZARD_PAGES[0] or (page == WIZARD_PAGES[1] and schools is not None and not any(
                n["role"] == "list item" and n["path"][:-1] == schools["path"] for n in tree)):
            focus_on(desk, "text", "naam")
            desk.keys("ctrl+a", "BackSpace")
            desk.type("Test Officer" if page == WIZARD_PAGES[0] else "De Brug")
        focus_on(desk, "push button", "volgende")
        desk.keys("space")
        desk.wait_for(lambda p=page: wizard_page(desk) not in ("", p), f"the wizard page after {page!r}")
    assert wizard_page(desk) == WIZARD_PAGES[-1], wizard_page(desk)


def test_the_first_run_wizard_makes_the_vault_and_its_recovery_key_reads_at_200_percent(wizard: Desk) -> None:
    """The passphrase typed twice, the vault made, the recovery key read as text, saved as a PDF
    through Qt's file dialog by keys (announced), a wrong last group pointed out, the right one
    (as the key was heard) opens brugdesk."""
    desk = wizard
    to_the_passphrase_page(desk)
    for field in ("^wachtwoordzin$", "herhaal"):
        focus_on(desk, "password text", field)
        desk.keys("ctrl+a", "BackSpace")
        desk.type(WIZARD_PASSPHRASE)
    focus_on(desk, "push button", "kluis maken")
    said = wait_spoken(desk, "kluis", "space")  # while scrypt runs (on a thread)
    assert "Je kluis wordt gemaakt…" in said, said
    desk.wait_for(lambda: wizard_page(desk) == KEY_PAGES[0], "the recovery key page", 60)
    desk.settle()

    # the recovery key page: it fits, names, no trap, every control on screen with the focus
    page = KEY_PAGES[0]
    assert_on_screen(desk, page)
    assert_tab_cycle(desk, f"wizard: {page}")
    assert_reachable(desk, f"wizard: {page}")
    # the key is a Tab stop a screen reader reads: "Herstelsleutel", then the key
    key = focus_on(desk, "label", "^herstelsleutel$")
    groups = re.findall(r"[A-Z0-9]{4}", key["description"])
    assert len(groups) >= 8 and re.fullmatch(r"[A-Z0-9]{4}([-\n][A-Z0-9]{4})+", key["description"].strip()), (
        f"the recovery key is not read out: {label(key)} {key['description']!r}")

    # "Opslaan als pdf…": Qt's file dialog, by keys: the file name, Enter; the save is announced
    focus_on(desk, "push button", "opslaan als pdf")
    desk.keys("space")
    wait_dialog(desk, "the save dialog", "Herstelblad opslaan")
    field = desk.focus()
    assert field is not None and field["role"] == "text", field
    sheet = desk.workdir / "herstelblad.pdf"
    desk.keys("ctrl+a", "BackSpace")
    desk.type(str(sheet))
    said = wait_spoken(desk, "opgeslagen als", "Return")
    assert any(s.startswith(f"Opgeslagen als {sheet}") for s in said), said
    text = "".join(p.extract_text() for p in PdfReader(sheet).pages)
    assert all(group in text for group in groups), "the recovery sheet lacks groups of the key"

    # the check: names, no trap; a wrong last group is announced and described on its field
    focus_on(desk, "push button", "volgende")
    desk.keys("space")
    desk.wait_for(lambda: wizard_page(desk) == KEY_PAGES[1], "the check of the recovery key")
    desk.settle()
    page = KEY_PAGES[1]
    assert_on_screen(desk, page)
    assert_tab_cycle(desk, f"wizard: {page}")
    assert_reachable(desk, f"wizard: {page}")
    focus_on(desk, "text", "laatste groep")
    desk.type("ZZZZ" if groups[-1] != "ZZZZ" else "AAAA")
    said = wait_spoken(desk, "laatste groep", "Return")
    assert "Dat is niet de laatste groep van je herstelsleutel." in said, said
    field = desk.focus()
    assert field is not None and field["role"] == "text" and "niet de laatste groep" in field["description"], field
    assert wizard_page(desk) == page

    # the group as it was heard: brugdesk opens
    desk.keys("ctrl+a", "BackSpace")
    desk.type(groups[-1])
    focus_on(desk, "push button", "aan de slag")
    desk.keys("space")
    desk.wait_for(lambda: any(n["role"] == "list" and n["name"] == "Navigatie" for n in desk.tree()),
                  "the main window", 30)
