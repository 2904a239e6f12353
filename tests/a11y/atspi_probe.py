"""An AT-SPI client, as a screen reader sees the app: run with Debian's ``/usr/bin/python3``
(python3-gi + gir1.2-atspi-2.0), not with brugdesk's venv. It reads one JSON command per line
on stdin and answers one JSON line on stdout; meanwhile it records the focus and announcement
events of the accessibility bus.

Commands:
  {"cmd": "tree"}               the showing objects of the app's active windows
  {"cmd": "focus"}              the object that has the focus now (or null)
  {"cmd": "events"}             the events since the last call: focus changes and announcements
  {"cmd": "keys", "keys": [...], "moves": n, "quiet": s, "limit": s}
                                press the keys (xdotool's names: Tab, shift+Tab, ctrl+1) through the X
                                server (XTest), then wait (see :func:`settle`); the events since the last call
  {"cmd": "settle", "quiet": s, "limit": s}
                                wait (see :func:`settle`); the events since the last call
  {"cmd": "windows"}            the app's windows (without what is in them)
  {"cmd": "node", "path": [...]}
                                the object at this place in the tree and its children (a list's items:
                                the first ones)
  {"cmd": "walk", "key": "Tab", "role": r, "name": pattern, "stop": [...], "limit": n}
                                press the key until the focus is on what is described; what has it then
  {"cmd": "quit"}

This file only reads the accessibility tree; it uses nothing of brugdesk.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import re
import sys
import time
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

APP_NAME = "brugdesk"
MAX_CHILDREN = 80
#: a table's or list's first children (headers, a first row) are read; the rest add nothing the checks need
MAX_ITEMS = 12
ITEM_CONTAINERS = ("table", "tree table", "tree", "list", "list box")
#: events a screen reader speaks without the focus moving (Orca: announcement, alerts, live regions)
SPOKEN = ("object:announcement", "object:state-changed:showing", "window:create")


def _states(obj: Atspi.Accessible) -> list[str]:
    states = obj.get_state_set()
    return sorted(Atspi.StateType(s).value_nick for s in states.get_states())


#: object path → the object's place in the tree (its index path), for the ancestors of the objects
#: whose focus events come in; emptied before each batch of keys (they may change the tree)
PATHS: dict[str, list[int]] = {}


def _path(obj: Atspi.Accessible, depth: int = 0) -> list[int]:
    """Where ``obj`` is: the index in its parent of each object from the app's window down to it
    (the object's own index is always read; its ancestors' come from :data:`PATHS` once known)."""
    parent = obj.get_parent()
    if parent is None or parent.get_role() == Atspi.Role.DESKTOP_FRAME or depth > 60:
        return []  # the application
    own = obj.get_index_in_parent()
    above = PATHS.get(parent.path)
    if above is None:
        above = PATHS[parent.path] = _path(parent, depth + 1)
    return [*above, own]


def _text(obj: Atspi.Accessible) -> str:
    text = obj.get_text_iface()
    if text is None:
        return ""
    try:
        return text.get_text(0, min(text.get_character_count(), 2000)) or ""
    except GLib.Error:
        return ""


def _value(obj: Atspi.Accessible) -> float | None:
    value = obj.get_value_iface()
    return None if value is None else value.get_current_value()


#: roles whose text or value is read (the other objects say what they are in their name)
TEXT_ROLES = ("text", "password text", "entry", "paragraph", "document text", "terminal")
VALUE_ROLES = ("spin button", "slider", "progress bar", "scroll bar", "dial")


def describe(obj: Atspi.Accessible, path: list[int] | None = None, states: list[str] | None = None) -> dict[str, Any]:
    """What a screen reader can read of ``obj`` (the D-Bus calls that cost are made only where
    useful; ``states``: its states, when read already)."""
    role = obj.get_role_name()
    states = _states(obj) if states is None else states
    extents = [0, 0, 0, 0]
    if "focusable" in states or path is None:
        try:
            ext = obj.get_extents(Atspi.CoordType.SCREEN)
            extents = [ext.x, ext.y, ext.width, ext.height]
        except GLib.Error:
            pass
    return {
        "path": _path(obj) if path is None else path,
        "role": role,
        "name": obj.get_name() or "",
        "description": obj.get_description() or "",
        "states": states,
        "text": _text(obj) if role in TEXT_ROLES else "",
        "value": _value(obj) if role in VALUE_ROLES else None,
        "extents": extents,
    }


def _app() -> Atspi.Accessible | None:
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == APP_NAME:
            return app
    return None


def tree() -> list[dict[str, Any]]:
    app = _app()
    if app is None:
        return []
    nodes: list[dict[str, Any]] = []

    def walk(obj: Atspi.Accessible, path: list[int], parent_role: str) -> None:
        depth = len(path) - 1
        try:
            states = _states(obj)
            if "showing" not in states and depth > 0:
                return  # (a hidden page of a stack: nothing more of it is read)
            node = describe(obj, path, states)
        except GLib.Error:  # gone while the tree was read (a screen being rebuilt)
            return
        node["parent_role"] = parent_role
        node["depth"] = depth
        nodes.append(node)
        try:
            count = min(obj.get_child_count(), MAX_ITEMS if node["role"] in ITEM_CONTAINERS else MAX_CHILDREN)
        except GLib.Error:
            return
        for i in range(count):
            try:
                child = obj.get_child_at_index(i)
            except GLib.Error:
                continue
            if child is not None:
                walk(child, [*path, i], node["role"])

    for i in range(app.get_child_count()):
        try:
            window = app.get_child_at_index(i)
            active = window is not None and "active" in _states(window)
        except GLib.Error:
            continue
        if active:
            walk(window, [i], "application")
    return nodes


# ------------------------------------------------------------------- keys
class Keyboard:
    """Key presses through the X server's XTest extension, as a keyboard makes them (xdotool's
    key names; "ctrl+shift+n" holds the modifiers down around the key)."""

    MODIFIERS = {"ctrl": "Control_L", "control": "Control_L", "shift": "Shift_L", "alt": "Alt_L",
                 "super": "Super_L"}

    def __init__(self) -> None:
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            raise RuntimeError("cannot open the X display")

    def code(self, name: str) -> int:
        code = self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(name.encode()))
        if not code:
            raise ValueError(f"no key {name!r} on this keyboard")
        return int(code)

    def press(self, combo: str, delay: float) -> None:
        *mods, last = combo.split("+")
        codes = [self.code(self.MODIFIERS.get(m.lower(), m)) for m in mods] + [self.code(last)]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XSync(self.display, 0)  # the server has sent them on to the app
        if delay:
            time.sleep(delay)


def stop_of(event: dict[str, Any]) -> tuple[int, ...]:
    """The Tab stop of a focus event: a cell's table, a tab's tab bar (as the tests count them)."""
    path = tuple(event["path"])
    return path[:-1] if event["role"] in CHILD_ROLES else path


#: the parts of a control (a table's cells, a list's items, a tab bar's tabs): not Tab stops themselves
CHILD_ROLES = {"table cell", "list item", "table column header", "table row header", "page tab", "menu item",
               "tree item", "table row", "column header", "row header"}


def windows() -> list[dict[str, Any]]:
    app = _app()
    if app is None:
        return []
    found = []
    for i in range(app.get_child_count()):
        with contextlib.suppress(GLib.Error):
            window = app.get_child_at_index(i)
            if window is not None:
                found.append(describe(window, [i]))
    return found


def node(path: list[int]) -> dict[str, Any] | None:
    """The object at ``path`` (its children in ``"children"``), or None when there is none."""
    obj = _app()
    for index in path:
        obj = obj.get_child_at_index(index) if obj is not None else None
    if obj is None:
        return None
    found = describe(obj, path)
    count = min(obj.get_child_count(), MAX_ITEMS if found["role"] in ITEM_CONTAINERS else MAX_CHILDREN)
    found["children"] = []
    for i in range(count):
        child = obj.get_child_at_index(i)
        if child is not None:
            found["children"].append(describe(child, [*path, i]))
    return found


class Recorder:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.focus: Atspi.Accessible | None = None
        self.mark = 0  # where the events of the keys pressed now begin
        self.stop: tuple[int, ...] | None = None  # the Tab stop of the last focus event
        self.mark_stop: tuple[int, ...] | None = None  # ... when the keys were pressed
        self.listeners = []
        for kind in ("object:state-changed:focused", *SPOKEN):
            listener = Atspi.EventListener.new(self.on_event)
            listener.register(kind)
            self.listeners.append(listener)

    def on_event(self, event: Atspi.Event) -> None:
        try:
            source = event.source
            if event.type.startswith("object:state-changed:focused"):
                if event.detail1 != 1:
                    return
                self.focus = source
                focused = {"type": "focus", **describe(source)}
                self.stop = stop_of(focused)
                self.events.append(focused)
                return
            role = source.get_role_name() if source is not None else ""
            data = event.any_data if isinstance(event.any_data, str) else ""
            if event.type.startswith("object:state-changed:showing") and (event.detail1 != 1 or role not in (
                    "alert", "notification")):
                return
            if event.type.startswith("window:create") and role not in ("alert", "notification", "dialog"):
                return
            self.events.append({"type": event.type, "role": role, "data": data,
                                "name": source.get_name() if source is not None else "",
                                "text": _text(source) if source is not None else ""})
        except GLib.Error as exc:  # the object went away meanwhile
            self.events.append({"type": "error", "data": str(exc)})


def moves(events: list[dict[str, Any]], last: tuple[int, ...] | None) -> int:
    """How often the focus went to another Tab stop in ``events`` (from the stop ``last``)."""
    count = 0
    for event in events:
        if event["type"] == "focus":
            stop = stop_of(event)
            if stop != last:
                count, last = count + 1, stop
    return count


def pump() -> None:
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


#: two calls: the first can come before the app's thread that reads the X server has passed the
#: keys on (measured: 10 of 60 Tab presses had not sent their focus event after one, 0-1 after two)
BARRIER_CALLS = 2


def barrier() -> None:
    """A call the app answers in its main loop: what it did before (the keys it had) has sent
    its events by then."""
    app = _app()
    if app is None:
        return
    for _ in range(BARRIER_CALLS):
        with contextlib.suppress(GLib.Error):
            app.get_localized_role_name()


def settle(recorder: Recorder, *, moves_wanted: int = 0, quiet: float = 0.1, limit: float = 8.0) -> None:
    """Wait until the app has handled what came before (:func:`barrier`), the focus moved
    ``moves_wanted`` times (when asked), and then no event came for ``quiet`` seconds (or
    ``limit`` seconds passed)."""
    start = time.monotonic()
    deadline = start + limit
    barrier()
    pump()
    seen = len(recorder.events)
    last = time.monotonic()
    while time.monotonic() < deadline:
        pump()
        now = time.monotonic()
        if len(recorder.events) != seen:
            seen, last = len(recorder.events), now
        if moves_wanted and moves(recorder.events[recorder.mark:], recorder.mark_stop) < moves_wanted:
            time.sleep(0.005)
            continue
        if now - last >= quiet:
            return
        time.sleep(0.005)


def press(recorder: Recorder, keyboard: Keyboard, combo: str, limit: float, quiet: float = 0.02) -> None:
    """Press ``combo`` and wait until its focus event came (Tab and Shift+Tab move the focus to
    another Tab stop; other keys, arrows in a menu or a tab bar, to another object) and then
    none for ``quiet`` seconds (a table's current cell follows the table)."""
    pump()
    mark, mark_stop = len(recorder.events), recorder.stop
    keyboard.press(combo, 0.0)
    barrier()
    deadline = time.monotonic() + limit
    tab = combo.split("+")[-1] in ("Tab", "ISO_Left_Tab")
    while time.monotonic() < deadline:
        pump()
        new = recorder.events[mark:]
        if (moves(new, mark_stop) if tab else sum(e["type"] == "focus" for e in new)) >= 1:
            break
        time.sleep(0.005)
    seen, last = len(recorder.events), time.monotonic()
    while time.monotonic() - last < quiet and time.monotonic() < deadline:
        time.sleep(0.005)
        pump()
        if len(recorder.events) != seen:
            seen, last = len(recorder.events), time.monotonic()


def matches(event: dict[str, Any], command: dict[str, Any]) -> bool:
    if command.get("role") and event["role"] != command["role"]:
        return False
    if command.get("name") and not re.search(command["name"], event["name"], re.IGNORECASE):
        return False
    return not command.get("stop") or list(stop_of(event)) == list(command["stop"])


def walk(recorder: Recorder, keyboard: Keyboard, command: dict[str, Any]) -> dict[str, Any] | None:
    """Press ``command["key"]`` until the focus is on what ``command`` describes (a role, a name
    pattern, a Tab stop's path); what has the focus then (None: not found in ``limit`` presses)."""
    settle(recorder, quiet=0.03, limit=2.0)
    for _ in range(command.get("limit", 60) + 1):
        try:
            now = None if recorder.focus is None else describe(recorder.focus)
        except GLib.Error:  # what had the focus is gone (a completer's popup): the key moves it on
            now = None
        if now is not None and matches(now, command):
            return now
        press(recorder, keyboard, command.get("key", "Tab"), 2.0)
    return None


def main() -> int:
    Atspi.init()
    # wait for an app that is busy (building a large dialog on a loaded machine) as a screen reader
    # waits: libatspi gives up on a call after 0.8 s by default ("Did not receive a reply")
    Atspi.set_timeout(15000, 15000)
    recorder = Recorder()
    keyboard = Keyboard()
    loop = GLib.MainLoop()

    def reply(payload: Any) -> None:
        sys.stdout.write(json.dumps(payload) + "\n")
        sys.stdout.flush()

    def on_line(_source: Any, _condition: Any) -> bool:
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        command = json.loads(line)
        cmd = command.get("cmd")
        try:
            if cmd == "tree":
                reply(tree())
            elif cmd == "windows":
                reply(windows())
            elif cmd == "node":
                reply(node(command["path"]))
            elif cmd == "focus":
                reply(None if recorder.focus is None else describe(recorder.focus))
            elif cmd == "events":
                events, recorder.events = recorder.events, []
                reply(events)
            elif cmd == "walk":
                PATHS.clear()
                found = walk(recorder, keyboard, command)
                recorder.events = []
                reply(found if found is not None else {
                    "error": f"{command.get('key', 'Tab')} never reached {command} (at "
                             f"{None if recorder.focus is None else describe(recorder.focus)})"})
            elif cmd in ("keys", "settle"):
                pump()
                PATHS.clear()
                recorder.mark, recorder.mark_stop = len(recorder.events), recorder.stop
                for combo in command.get("keys", []):
                    if command.get("step"):  # one at a time, each after the focus event of the one before
                        press(recorder, keyboard, combo, command.get("step_limit", 2.0))
                    else:
                        keyboard.press(combo, 0.0)
                settle(recorder, moves_wanted=command.get("moves", 0), quiet=command.get("quiet", 0.1),
                       limit=command.get("limit", 8.0))
                events, recorder.events = recorder.events, []
                reply(events)
            elif cmd == "quit":
                reply("bye")
                loop.quit()
                return False
            else:
                reply({"error": f"unknown command {cmd!r}"})
        except (GLib.Error, ValueError) as exc:
            reply({"error": str(exc)})
        return True

    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP, on_line)
    reply("ready")
    loop.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
