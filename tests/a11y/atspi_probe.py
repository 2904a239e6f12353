"""An AT-SPI client, as a screen reader sees the app: run with Debian's ``/usr/bin/python3``
(python3-gi + gir1.2-atspi-2.0), not with brugdesk's venv. It reads one JSON command per line
on stdin and answers one JSON line on stdout; meanwhile it records the focus and announcement
events of the accessibility bus.

Commands:
  {"cmd": "tree"}               the showing objects of the app's active windows
  {"cmd": "focus"}              the object that has the focus now (or null)
  {"cmd": "events"}             the events since the last call: focus changes and announcements
  {"cmd": "quit"}

This file only reads the accessibility tree; it uses nothing of brugdesk.
"""

from __future__ import annotations

import json
import sys
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


def _path(obj: Atspi.Accessible) -> list[int]:
    path: list[int] = []
    node = obj
    for _ in range(60):
        parent = node.get_parent()
        if parent is None or parent.get_role() == Atspi.Role.DESKTOP_FRAME:
            break
        path.append(node.get_index_in_parent())
        node = parent
    return list(reversed(path))


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


def describe(obj: Atspi.Accessible, path: list[int] | None = None) -> dict[str, Any]:
    """What a screen reader can read of ``obj`` (the D-Bus calls that cost are made only where useful)."""
    role = obj.get_role_name()
    states = _states(obj)
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
            node = describe(obj, path)
        except GLib.Error:  # gone while the tree was read (a screen being rebuilt)
            return
        if "showing" not in node["states"] and depth > 0:
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


class Recorder:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.focus: Atspi.Accessible | None = None
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
                self.events.append({"type": "focus", **describe(source)})
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


def main() -> int:
    Atspi.init()
    recorder = Recorder()
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
            elif cmd == "focus":
                reply(None if recorder.focus is None else describe(recorder.focus))
            elif cmd == "events":
                events, recorder.events = recorder.events, []
                reply(events)
            elif cmd == "quit":
                reply("bye")
                loop.quit()
                return False
            else:
                reply({"error": f"unknown command {cmd!r}"})
        except GLib.Error as exc:
            reply({"error": str(exc)})
        return True

    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP, on_line)
    reply("ready")
    loop.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
