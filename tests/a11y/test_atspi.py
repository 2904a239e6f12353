"""brugdesk as a screen reader user meets it: measured through AT-SPI, not through Qt.

One real app (a subprocess on a demo vault, on Xvfb with a window manager, ``QT_ACCESSIBILITY=1``)
is driven by keys typed through the X server; Debian's AT-SPI client reads what Orca would read.
On every page, tab and main dialog:

* every focusable control has an accessible name;
* Tab from the focused control reaches every enabled control and comes back to it, Shift+Tab the
  same in reverse (no trap), and every press moves the focus (no silent stops);
* on the unlock screen, the Gezin tab and the screens in ``VISIBLE``: each Tab stop's pixels
  change when it takes the focus, with at least 3:1 contrast against what was there, over at
  least 90 % of a one-pixel outline's worth of pixels;
* the values a sighted user reads (a family's facts, Overzicht's key numbers) are exposed as text;
* a wrong passphrase, a save and a search result raise an event a screen reader speaks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.harness import DEMO_PASSPHRASE, Desk, desk_running, focus_change, missing_tools

MISSING = missing_tools()
pytestmark = [
    pytest.mark.atspi,
    pytest.mark.skipif(bool(MISSING), reason="AT-SPI tools missing: " + ", ".join(MISSING)),
]

#: the parts of a control (a table's cells, a list's items, a tab bar's tabs): not Tab stops themselves
CHILD_ROLES = {"table cell", "list item", "table column header", "table row header", "page tab", "menu item",
               "tree item", "table row", "column header", "row header"}
#: a control's own inner parts (the line edit in a combo box or spin box)
INNER_OF = {"combo box", "spin button", "date editor", "page tab list", "scroll bar"}
#: focusable by click only in Qt (selectable text), never a Tab stop
NOT_TAB_STOPS = {"label", "heading", "scroll bar", "status bar"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from desk_running(tmp_path_factory.mktemp("atspi"))


# --------------------------------------------------------------------- helpers
def key(node: dict[str, Any]) -> tuple[int, ...]:
    return tuple(node["path"])


def stop_of(event: dict[str, Any]) -> tuple[int, ...]:
    """The Tab stop a focus event belongs to: a cell's table, a tab's tab bar."""
    path = tuple(event["path"])
    return path[:-1] if event["role"] in CHILD_ROLES else path


def controls(tree: list[dict[str, Any]]) -> dict[tuple[int, ...], dict[str, Any]]:
    """The enabled Tab stops on screen, by path."""
    by_path = {key(n): n for n in tree}
    # a tab widget passes the focus on to its tab bar (its focus proxy): the bar is the Tab stop
    tab_widgets = {key(n)[:-1] for n in tree if n["role"] == "page tab list"}
    found = {}
    for node in tree:
        states = set(node["states"])
        if not {"focusable", "sensitive", "showing"} <= states or node["role"] in CHILD_ROLES | NOT_TAB_STOPS:
            continue
        parent = by_path.get(key(node)[:-1])
        if (parent is not None and parent["role"] in INNER_OF) or key(node) in tab_widgets:
            continue
        found[key(node)] = node
    return found


def label(node: dict[str, Any]) -> str:
    return f"{node['role']} {node['name']!r} at {node['path']}"


def assert_names(tree: list[dict[str, Any]], screen: str) -> None:
    unnamed = [f"{label(n)} in a {n['parent_role']}" for n in tree
               if "focusable" in n["states"] and n["role"] not in CHILD_ROLES and n["parent_role"] not in INNER_OF
               and not n["name"].strip()]
    assert not unnamed, f"{screen}: focusable controls without a name: {unnamed}"


def focus_stops(events: list[dict[str, Any]]) -> list[tuple[int, ...]]:
    stops: list[tuple[int, ...]] = []
    for event in events:
        if event["type"] == "focus":
            stop = stop_of(event)
            if not stops or stops[-1] != stop:
                stops.append(stop)
    return stops


def assert_tab_cycle(desk: Desk, screen: str) -> None:
    """Tab visits every control and comes back to where it started; Shift+Tab too."""
    tree = desk.tree()
    assert_names(tree, screen)
    wanted = controls(tree)
    start_event = desk.focus()
    assert start_event is not None, f"{screen}: nothing has the focus"
    start = stop_of(start_event)
    # controls read while disabled (buttons that wait for a selection) become Tab stops once the
    # table takes the focus and selects its first row: room for some of them; a trap never returns
    presses = len(wanted) + 8
    for direction in ("Tab", "shift+Tab"):
        stops = focus_stops(desk.keys(*[direction] * presses, moves=presses, limit=5 + presses * 0.3))
        assert start in stops, (
            f"{screen}: {direction} does not come back to {start_event['role']} {start_event['name']!r} "
            f"in {presses} presses; it went {[_name(tree, s) for s in stops]}")
        missed = [label(n) for path, n in wanted.items() if path not in stops]
        assert not missed, f"{screen}: {direction} never reaches {missed}"
        # every press moved the focus: no silent stops (a date field's day, month and year were)
        assert len(stops) >= presses, (
            f"{screen}: {presses - len(stops)} of {presses} presses of {direction} did not move the focus; "
            f"it went {[_name(tree, s) for s in stops]}")
        if direction == "Tab":  # Shift+Tab from where Tab stopped (a control of the cycle): back to it
            now = desk.focus()
            if now is not None and stop_of(now) in stops:
                start_event, start = now, stop_of(now)
            else:
                desk.walk(stop=start, key="shift+Tab", limit=presses)


def _name(tree: list[dict[str, Any]], path: tuple[int, ...]) -> str:
    for n in tree:
        if key(n) == path:
            return f"{n['role']} {n['name']!r}"
    return str(list(path))


def focus_on(desk: Desk, role: str, name: str = "", key: str = "Tab", limit: int = 60) -> dict[str, Any]:
    """Tab (or ``key``) to the ``role`` whose name has ``name`` (a pattern, any case)."""
    return desk.walk(role=role, name=name, key=key, limit=limit)


#: how much of a one-pixel outline of the control must change with >= 3:1 (rounded corners and a
#: neighbour's edge take a little off a full ring)
OUTLINE_SHARE = 0.9


def assert_focus_visible(desk: Desk, screen: str) -> None:
    """Tab once per control; each one's pixels change with >= 3:1 contrast as it takes the focus."""
    wanted = controls(desk.tree())
    before = desk.shot()
    seen: set[tuple[int, ...]] = set()
    faint = []
    for _ in range(len(wanted) + 2):
        desk.keys("Tab", moves=1, settle=0.05, limit=3)
        now = desk.focus()
        stop = stop_of(now) if now is not None else None
        node = wanted.get(stop) if stop is not None else None
        if now is None or stop is None or node is None or stop in seen:
            before = desk.shot()
            continue
        seen.add(stop)
        box = now["extents"]  # where it is now (a scroll area may have scrolled it into view)
        if now["role"] == "page tab list":  # the ring is around the current tab
            box = next((n["extents"] for n in desk.tree() if n["role"] == "page tab" and key(n)[:-1] == stop
                        and "selected" in n["states"]), box)
        deadline = time.monotonic() + 1.0
        while True:  # the repaint may come a little after the focus event
            after = desk.shot()
            strong, outline = focus_change(before, after, box)
            if strong >= OUTLINE_SHARE * outline or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if strong < OUTLINE_SHARE * outline:
            faint.append(f"{label(node)}: {strong} pixels at >= 3:1, a 1-px outline is {outline}")
        before = after
    assert not faint, f"{screen}: focus not visible enough on: {faint}"


def spoken(events: list[dict[str, Any]]) -> list[str]:
    """What a screen reader announces of these events without a focus change."""
    said = []
    for event in events:
        if event["type"].startswith("object:announcement"):
            said.append(event["data"])
        elif event["type"] != "focus" and event.get("role") in ("alert", "notification"):
            # (an object gone before the probe could read it comes as an event without a role)
            said.append(event.get("name") or event.get("text") or "")
    return said


def wait_spoken(desk: Desk, words: str, *keys: str, events: list[dict[str, Any]] | None = None,
                timeout: float = 30.0) -> list[str]:
    """Press ``keys``; what is announced (after ``events``) until something with ``words`` is."""
    said = spoken(events or [])
    if keys:
        said += spoken(desk.keys(*keys))
    deadline = time.monotonic() + timeout
    while not any(words in s.lower() for s in said):
        assert time.monotonic() < deadline, f"nothing with {words!r} was announced; only {said}"
        said += spoken(desk.settle())
    return said


def navigation(desk: Desk) -> tuple[list[int], list[str]]:
    """Where the navigation list is, and the pages it lists in order (Ctrl+1 … Ctrl+9 show them):
    a page added to the app is measured without a change here. Read once per app."""
    if "navigation" not in desk.known:
        tree = desk.tree()
        nav = next((n for n in tree if n["role"] == "list" and n["name"] == "Navigatie"), None)
        assert nav is not None, "no navigation list on screen"
        titles = [n["name"] for n in tree if n["role"] == "list item" and n["path"][:-1] == nav["path"]]
        assert titles, "the navigation lists no pages"
        desk.known["navigation"] = (nav["path"], titles)
    path, titles = desk.known["navigation"]
    return list(path), list(titles)


def page_titles(desk: Desk) -> list[str]:
    return navigation(desk)[1]


def go_to(desk: Desk, title: str) -> None:
    """Show the page ``title`` by its shortcut (Ctrl+its place in the navigation)."""
    titles = page_titles(desk)
    assert title in titles, f"no page {title!r} in the navigation: {titles}"
    show_page(desk, titles.index(title) + 1, title)


def show_page(desk: Desk, number: int, title: str | None = None) -> None:
    """Ctrl+number, and wait until the navigation shows the page as the current one."""
    desk.keys(f"ctrl+{number}")
    if title is None:
        title = PAGE_TITLES[number - 1]
    path, _titles = navigation(desk)

    def shown() -> bool:
        nav = desk.node(path)
        return nav is not None and any(n["name"] == title and "selected" in n["states"] for n in nav["children"])

    desk.wait_for(shown, f"the page {title}")
    desk.settle()


def choose_tab(desk: Desk, title: str) -> None:
    """The tab ``title`` of the tab bar on screen, by keyboard (Tab to the bar, arrows to the tab):
    one arrow at a time, each once the tab before it is the current one (an app slowed down by a
    screen reader's questions may show the tab a moment after it handled the key)."""
    bar = stop_of(focus_on(desk, "page tab list"))

    def tabs_now() -> tuple[list[str], int | None]:
        found = desk.node(bar)
        tabs = [n for n in (found or {}).get("children", []) if n["role"] == "page tab"]
        return ([n["name"].replace("&", "") for n in tabs],
                next((i for i, n in enumerate(tabs) if "selected" in n["states"]), None))

    names, current = tabs_now()
    assert title in names, f"no tab {title!r} in {names}"
    target = names.index(title)
    for _ in range(2 * len(names)):
        assert current is not None, f"no current tab in {names}"
        if current == target:
            return
        before = current
        desk.keys("Right" if target > current else "Left")
        current = desk.wait_for(lambda b=before: (lambda now: (now,) if now != b else None)(tabs_now()[1]),
                                f"the tab after {names[before]!r}")[0]
    raise AssertionError(f"the arrow keys do not reach the tab {title!r}")


#: the screens whose focus indicator is measured (each kind of control is on one of them)
VISIBLE = {"Gezinnen", "Reservekopieën en privacy", "Rapportage en vergrendelen", "Contactmoment vastleggen"}
PAGE_TITLES = ["Overzicht", "Gezinnen", "Signalen", "Acties", "Doorverwijzingen", "Agenda", "Groepsactiviteiten",
               "Rapportages", "Instellingen"]


# ----------------------------------------------------------------------- tests
def test_unlock_screen(desk: Desk) -> None:
    desk.settle()
    assert "brugdesk is vergrendeld" in [n["name"] for n in desk.tree() if n["role"] == "heading"]
    assert_tab_cycle(desk, "Ontgrendelen")
    assert_focus_visible(desk, "Ontgrendelen")
    focus_on(desk, "password text")
    desk.type("dit is niet de wachtwoordzin")
    said = wait_spoken(desk, "wachtwoordzin", "Return")
    assert any("verkeerde wachtwoordzin" in s.lower() for s in said), said
    # the focus goes back to the field, whose description says what went wrong
    field = desk.focus()
    assert field is not None and field["role"] == "password text"
    assert "wachtwoordzin" in field["description"].lower(), field


def unlock(desk: Desk) -> None:
    """Type the passphrase on the unlock screen (when it is on screen)."""
    if "navigation" in desk.known:  # unlocked before: still, when the navigation is on screen
        nav = desk.node(navigation(desk)[0])
        if nav is not None and nav["name"] == "Navigatie" and "showing" in nav["states"]:
            return
    if not any(n["role"] == "password text" for n in desk.tree()):
        return
    said: list[str] = []
    for _attempt in range(2):  # on a loaded machine a typed key can get lost: a second try
        focus_on(desk, "password text")
        desk.keys("ctrl+a", "BackSpace")
        desk.type(DEMO_PASSPHRASE)
        said += spoken(desk.keys("Return"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(n["role"] == "list" and n["name"] == "Navigatie" for n in desk.tree()):
                navigation(desk)
                return
            said += spoken(desk.settle())
            if any("verkeerde wachtwoordzin" in s.lower() for s in said):
                break
            time.sleep(0.2)
    raise AssertionError(f"the desk did not open after typing the passphrase; announced: {said}")


@pytest.fixture
def unlocked(desk: Desk) -> Desk:
    unlock(desk)
    return desk


def test_unlock_by_typing(desk: Desk) -> None:
    assert any(n["role"] == "password text" for n in desk.tree()), "the app did not start locked"
    unlock(desk)


PAGES = [title for title in PAGE_TITLES if title != "Instellingen"]


@pytest.mark.parametrize("page", PAGES)
def test_page(unlocked: Desk, page: str) -> None:
    desk = unlocked
    go_to(desk, page)
    assert_tab_cycle(desk, page)
    if page in VISIBLE:
        assert_focus_visible(desk, page)


def test_pages_added_since(unlocked: Desk) -> None:
    """The pages the navigation has beyond those above (and Instellingen, measured per tab)."""
    desk = unlocked
    others = [t for t in page_titles(desk) if t not in PAGES and t != "Instellingen"]
    for page in others:
        go_to(desk, page)
        assert_tab_cycle(desk, page)


def test_overview_numbers_are_text(unlocked: Desk) -> None:
    desk = unlocked
    go_to(desk, "Overzicht")
    tree = desk.tree()
    for caption in ("gezinnen actief", "nieuwe gezinnen", "contacten", "uur contact", "huisbezoeken"):
        nodes = [n for n in tree if caption in (n["name"] + " " + n["description"]).lower()]
        assert any(re.search(r"\d", n["name"] + " " + n["description"]) for n in nodes), (
            f"Overzicht: the number of {caption!r} is not exposed: {[label(n) for n in nodes]}")


#: the headings a screen reader lists (Orca's H key) on a page, with the heading role
HEADINGS = {
    "Overzicht": ["Acties voor vandaag en te laat", "Doorverwijzingen die op antwoord wachten"],
    "Rapportages": ["Geanonimiseerde rapportage"],
    "Instellingen": ["Instellingen"],
}


def test_headings(unlocked: Desk) -> None:
    desk = unlocked
    for page, wanted in HEADINGS.items():
        go_to(desk, page)
        headings = [n["name"] for n in desk.tree() if n["role"] == "heading"]
        missing = [h for h in wanted if h not in headings]
        assert not missing, f"{page}: no heading {missing}; the headings are {headings}"
    open_family(desk)
    headings = [n["name"] for n in desk.tree() if n["role"] == "heading"]
    assert any(" · " in h for h in headings), f"the family's name is not a heading: {headings}"


SETTINGS_TABS = ["Scholen", "Schooljaar", "Lijsten", "Rapportage en vergrendelen", "Deze computer",
                 "Wachtwoordzin", "Reservekopieën en privacy"]


@pytest.mark.parametrize("tab", SETTINGS_TABS)
def test_settings_tab(unlocked: Desk, tab: str) -> None:
    desk = unlocked
    go_to(desk, "Instellingen")
    choose_tab(desk, tab)
    assert_tab_cycle(desk, f"Instellingen → {tab}")
    if tab in VISIBLE:
        assert_focus_visible(desk, f"Instellingen → {tab}")


def test_save_is_announced(unlocked: Desk) -> None:
    desk = unlocked
    go_to(desk, "Instellingen")
    choose_tab(desk, "Rapportage en vergrendelen")
    focus_on(desk, "push button", "^Opslaan$")
    said = wait_spoken(desk, "opgeslagen", "space")
    assert "Opgeslagen." in said


def open_families(desk: Desk) -> None:
    go_to(desk, "Gezinnen")
    desk.keys("ctrl+f", "ctrl+a", "BackSpace", settle=0.3)


def test_search_result_is_announced(unlocked: Desk) -> None:
    desk = unlocked
    open_families(desk)
    said = wait_spoken(desk, "van", events=desk.type("Fam. K"))
    # "2 van 25 gezinnen", and what is hidden: "(7 afgesloten gezinnen verborgen)"
    assert any(re.fullmatch(r"\d+ van \d+ gezinnen( \(\d+ afgesloten gezinnen? verborgen\))?", s) for s in said), said
    desk.keys("ctrl+a", "BackSpace", settle=0.3)


def open_family(desk: Desk) -> None:
    """Gezinnen, the first family of the list, by keyboard (Ctrl+F, Down to the list, Enter);
    nothing to do when that family's page is still on screen (the tests only ever open it)."""
    bar = desk.known.get("family tabs")
    if bar is not None:
        found = desk.node(bar)
        if (found is not None and found["role"] == "page tab list" and "showing" in found["states"]
                and any(n["name"] == "Gezin" for n in found["children"]) and not desk.dialogs()):
            return
    open_families(desk)
    desk.keys("Down")
    desk.keys("Return")
    tab = desk.wait_for(lambda: next((n for n in desk.tree() if n["role"] == "page tab" and n["name"] == "Gezin"),
                                     None), "the family's detail")
    desk.known["family tabs"] = tab["path"][:-1]


FAMILY_TABS = ["Gezin", "Contacten", "Doorverwijzingen", "Acties", "Bijlagen"]


@pytest.mark.parametrize("tab", FAMILY_TABS)
def test_family_tab(unlocked: Desk, tab: str) -> None:
    desk = unlocked
    open_family(desk)
    choose_tab(desk, tab)
    assert_tab_cycle(desk, f"Gezin → {tab}")
    if tab == "Gezin":
        assert_focus_visible(desk, f"Gezin → {tab}")


def test_family_facts_are_text(unlocked: Desk) -> None:
    desk = unlocked
    open_family(desk)
    choose_tab(desk, "Gezin")
    tree = desk.tree()
    values = {n["name"]: n["description"] for n in tree if n["role"] == "label"}
    for caption in ("Startdatum", "Signaal van", "Scholen", "Toestemming registratie", "Telefoon", "E-mail", "Adres"):
        assert values.get(caption, "").strip(), f"the family's {caption!r} is not exposed: {values.get(caption)!r}"
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4}", values["Startdatum"]), values["Startdatum"]


@pytest.mark.parametrize(("shortcut", "title"),
                         [("ctrl+n", "Contactmoment vastleggen"), ("ctrl+shift+n", "Nieuw gezin")])
def test_dialog(unlocked: Desk, shortcut: str, title: str) -> None:
    desk = unlocked
    open_families(desk)
    desk.keys(shortcut)
    wait_dialog(desk, title, title)
    try:
        assert_tab_cycle(desk, title)
        if title in VISIBLE:
            assert_focus_visible(desk, title)
    finally:
        desk.keys("Escape")


# ------------------------------------------------------------------ the smaller dialogs
def open_dialog(desk: Desk, where: str, button: str) -> None:
    """Open a dialog the way a keyboard user does: go to ``where`` (a page, ``family:<tab>`` or
    ``settings:<tab>``), Tab to the button named ``button`` (a pattern), press space."""
    kind, _, place = where.partition(":")
    if kind == "family":
        open_family(desk)
        choose_tab(desk, place)
    elif kind == "settings":
        go_to(desk, "Instellingen")
        choose_tab(desk, place)
    else:
        go_to(desk, where)
    focus_on(desk, "push button", button)
    desk.keys("space")


def wait_dialog(desk: Desk, what: str, title: str = "") -> None:
    """Until a dialog (whose name has ``title``, any case) is on screen and the focus is in it
    (not on what opened it)."""

    def focus_in_dialog() -> bool:
        now = desk.focus()
        dialogs = [w["path"] for w in desk.dialogs() if w["role"] == "dialog" and title.lower() in w["name"].lower()]
        return now is not None and any(now["path"][:len(d)] == d for d in dialogs)

    desk.wait_for(focus_in_dialog, f"the dialog {what!r} with the focus in it")


def close_dialogs(desk: Desk) -> None:
    for _ in range(3):
        if not desk.dialogs():
            return
        desk.keys("Escape")


#: (where, the button that opens it, whether saving it empty must point at a field)
SMALL_DIALOGS = [
    ("family:Gezin", "Ouder / verzorger toevoegen", True),
    ("family:Doorverwijzingen", "Nieuwe doorverwijzing", True),
    ("family:Acties", "Nieuwe actie", True),
    ("Groepsactiviteiten", "Nieuwe activiteit", False),  # (nothing in it is required)
    ("settings:Reservekopieën en privacy", "Reservekopie terugzetten", False),
    ("family:Gezin", "Gezin afsluiten", False),
    ("Doorverwijzingen", "Status wijzigen", False),
    ("Agenda", "Nieuwe afspraak", False),  # (date, kind and duration come filled in; the family is optional)
    ("Signalen", "Nieuw signaal", True),
    ("Signalen", "Gezin aanmaken", True),  # the intake, from a signal
    ("settings:Reservekopieën en privacy", "Nieuwe herstelsleutel maken", False),
    ("family:Gezin", "Gezinsoverzicht", False),  # (nothing in it is required: it asks where to save)
    ("family:Doorverwijzingen", "Warme overdracht", False),  # for the referral the table makes current
]


@pytest.mark.parametrize(("where", "button", "form"), SMALL_DIALOGS, ids=[b for _w, b, _f in SMALL_DIALOGS])
def test_smaller_dialog(unlocked: Desk, where: str, button: str, form: bool) -> None:
    """Names, Tab and Shift+Tab without a trap; a form saved empty puts the focus on the field
    that is wrong, with the message as its description (the contact dialog's pattern)."""
    desk = unlocked
    open_dialog(desk, where, button)
    wait_dialog(desk, button)
    try:
        assert_tab_cycle(desk, button)
        if form:
            focus_on(desk, "push button", "^(gezin )?opslaan$")
            events = [e for e in desk.keys("space", moves=1, limit=5) if e["type"] == "focus"]
            assert events, f"{button}: saving empty moved the focus nowhere"
            field = events[-1]
            assert field["role"] != "push button" and field["description"].strip(), (
                f"{button}: saving empty did not point at a field with its message: {label(field)} "
                f"{field['description']!r}")
    finally:
        close_dialogs(desk)


def test_erase_dialog(unlocked: Desk) -> None:
    """Parents' requests → erase this family (a menu, by keys): names, no trap, and the erase
    button is no Tab stop until the parents' request is ticked (nothing is erased here)."""
    desk = unlocked
    open_family(desk)
    focus_on(desk, "push button", "Verzoeken van ouders")
    desk.keys("space")
    focus_on(desk, "menu item", "wissen", key="Down", limit=6)
    desk.keys("Return")
    wait_dialog(desk, "Gezin wissen")

    def erase_buttons() -> list[str]:
        return [n["name"] for n in controls(desk.tree()).values()
                if n["role"] == "push button" and n["name"].lower().startswith("wis")]

    try:
        assert_tab_cycle(desk, "Gezin wissen")
        assert not erase_buttons(), "the erase button is available before the request is ticked"
        focus_on(desk, "check box")
        desk.keys("space")
        assert erase_buttons(), "ticking the parents' request does not make the erase button available"
    finally:
        close_dialogs(desk)


# -------------------------------------------------------------- attachments, by keys
#: the files added to a family (written into the desk's workdir): name → (bytes, what a screen reader must read)
ATTACHMENTS = {
    "gespreksverslag.txt": ("Afspraak met moeder: één uur huiswerkbegeleiding op dinsdag.\n".encode(),
                            "Afspraak met moeder: één uur huiswerkbegeleiding op dinsdag."),
    "toestemming.pdf": (b"", "Toestemmingsformulier pagina 1"),  # the PDF is made in the test
}


def pdf_file(text: str) -> bytes:
    """A one-page PDF with ``text`` on it (reportlab, the app's own PDF library)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.drawString(72, 760, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def choose_file(desk: Desk, title: str, path: str) -> list[dict[str, Any]]:
    """In Qt's own file dialog (no platform theme on Xvfb): the file name typed, Enter; the events."""
    wait_dialog(desk, "the file dialog", title)
    field = desk.focus()
    assert field is not None and field["role"] == "text", f"{title}: the focus is not in the file name: {field}"
    desk.keys("ctrl+a", "BackSpace")
    desk.type(path)
    return desk.keys("Return")


@pytest.mark.parametrize("name", list(ATTACHMENTS))
def test_an_attachment_added_and_viewed_by_keys_is_read_out(unlocked: Desk, name: str) -> None:
    """Bijlagen → "Bestand toevoegen…" → Qt's file dialog → the file in the table, Enter → the
    viewer: names, no trap, the file's content as text (a PDF: each page a Tab stop "Pagina n van
    m" with the page's text); Escape closes it and the focus is back on the table."""
    desk = unlocked
    data, wanted = ATTACHMENTS[name]
    path = desk.workdir / name
    path.write_bytes(data or pdf_file(wanted))
    open_family(desk)
    choose_tab(desk, "Bijlagen")
    focus_on(desk, "push button", "^bijlage toevoegen$")
    desk.keys("space")
    try:
        choose_file(desk, "Bijlage toevoegen", str(path))
        # the new file is the table's current row, and the table has the focus
        table = desk.wait_for(lambda: (f := desk.focus()) is not None and f["role"] in ("table", "table cell")
                              and stop_of(f) and f, "the attachments table with the focus")
        cells = (desk.node(stop_of(table)) or {}).get("children", [])
        assert any(c["name"] == name and "selected" in c["states"] for c in cells), (
            f"{name} is not the selected row: {[(c['name'], c['states']) for c in cells if c['role'] == 'table cell']}")
        desk.keys("Return")
        wait_dialog(desk, "the viewer", "Bijlage bekijken")
        assert_tab_cycle(desk, f"Bijlage bekijken ({name})")
        if name.endswith(".pdf"):
            page = focus_on(desk, "image", "^pagina 1 van 1$", limit=10)
            assert wanted in page["description"], f"{label(page)}: the page's text is not read: {page['description']!r}"
        else:
            text = focus_on(desk, "text", f"^tekst van {re.escape(name)}$", limit=10)
            assert "read-only" in text["states"] and wanted in text["text"], f"{label(text)}: {text['text']!r}"
        events = desk.keys("Escape", moves=1, limit=5)
        assert not [w for w in desk.dialogs() if "bijlage bekijken" in w["name"].lower()], "Escape left the viewer open"
        back = [e for e in events if e["type"] == "focus"]
        assert back and stop_of(back[-1]) == stop_of(table), (
            f"after Escape the focus is on {[label(e) for e in back]}, not back on the table")
    finally:
        close_dialogs(desk)


# ------------------------------------------------------------------ an appointment's family
def test_an_appointment_with_a_family_that_is_not_there_points_at_the_family_field(unlocked: Desk) -> None:
    """Agenda → "Nieuwe afspraak", a family name that matches no family, Opslaan: the focus on the
    family field with the message as its description, the dialog (with what was typed) still
    open: nothing saved."""
    desk = unlocked
    open_dialog(desk, "Agenda", "Nieuwe afspraak")
    wait_dialog(desk, "Nieuwe afspraak")
    try:
        family = focus_on(desk, "text", "gezin")
        desk.type("Fam. Nergensvandaan")  # ("Fam." matches every family: the list of matches comes and goes)
        desk.keys("Tab", moves=1)  # on, as from any field (the focus event of the list's last match is stale)
        focus_on(desk, "push button", "^opslaan$")
        events = [e for e in desk.keys("space", moves=1, limit=5) if e["type"] == "focus"]
        assert events, "saving moved the focus nowhere"
        field = events[-1]
        assert field["path"] == family["path"], f"the focus went to {label(field)}, not to the family field"
        assert field["description"] == "Kies een gezin uit de lijst, of laat het veld leeg.", field
        assert field["text"] == "Fam. Nergensvandaan", field
        assert [w for w in desk.dialogs() if "nieuwe afspraak" in w["name"].lower()], "the dialog closed"
        # closing it asks first: what was typed was kept, and not saved
        desk.keys("Escape")
        desk.wait_for(lambda: any("weggooien" in w["name"].lower() for w in desk.dialogs()),
                      "the question whether to throw away what was typed")
    finally:
        discard(desk)
    assert not desk.dialogs(), [w["name"] for w in desk.dialogs()]


def discard(desk: Desk) -> None:
    """Close the dialogs; "Wijzigingen weggooien?" answered with "Weggooien"."""
    for _ in range(4):
        dialogs = desk.dialogs()
        if not dialogs:
            return
        if any("weggooien" in w["name"].lower() for w in dialogs):
            focus_on(desk, "push button", "^weggooien$", limit=6)
            desk.keys("space")
        else:
            desk.keys("Escape")


# ------------------------------------------------- a new recovery key (last: it rotates the demo vault's key)
def test_a_new_recovery_key_is_read_out_and_its_sheet_saved_by_keys(unlocked: Desk) -> None:
    """Instellingen → Reservekopieën en privacy → "Nieuwe herstelsleutel maken": the passphrase
    typed, the key made; the focus goes to the new key, which is read out ("Nieuwe herstelsleutel",
    then the key); "Herstelblad opslaan (pdf)…" through Qt's file dialog by keys: the PDF holds the
    key and the save is announced. (The demo vault keeps its passphrase; its old key stops working.)"""
    desk = unlocked
    open_dialog(desk, "settings:Reservekopieën en privacy", "Nieuwe herstelsleutel maken")
    wait_dialog(desk, "Nieuwe herstelsleutel")
    try:
        focus_on(desk, "password text")
        desk.type(DEMO_PASSPHRASE)
        focus_on(desk, "push button", "^nieuwe herstelsleutel maken$")
        desk.keys("space")

        def on_the_key() -> dict[str, Any] | None:
            now = desk.focus()
            return now if now is not None and now["name"] == "Nieuwe herstelsleutel" else None

        key = desk.wait_for(on_the_key, "the focus on the new recovery key", 60)
        groups = re.findall(r"[A-Z0-9]{4}", key["description"])
        assert len(groups) >= 8 and re.fullmatch(r"[A-Z0-9]{4}(-\n?[A-Z0-9]{4})+", key["description"].strip()), (
            f"the new recovery key is not read out: {label(key)} {key['description']!r}")
        assert_tab_cycle(desk, "Nieuwe herstelsleutel (the key shown)")
        focus_on(desk, "push button", "herstelblad opslaan")
        desk.keys("space")
        sheet = desk.workdir / "nieuw-herstelblad.pdf"
        said = wait_spoken(desk, "herstelblad", events=choose_file(desk, "Herstelblad opslaan", str(sheet)))
        assert "Het herstelblad is opgeslagen." in said, said
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(sheet).pages)
        assert all(group in text for group in groups), "the recovery sheet lacks groups of the new key"
    finally:
        close_dialogs(desk)
